"""The published price table, exactly as the estimate uses it."""

from __future__ import annotations

from app.browser.dom import Scope, h
from app.core.capabilities import FrameSize
from app.ui.context import UiContext
from app.ui.forms import data_table
from app.ui.settings.section import Section, card


def _rate(value: object) -> str:
    return "price unknown" if value is None else f"${value} per second"


class PricesSection(Section):
    def __init__(self, ctx: UiContext, scope: Scope) -> None:
        super().__init__(ctx, scope)
        prices = ctx.capabilities.prices
        rows = [
            (row.model_family, ", ".join(FrameSize.parse(s).label for s in row.sizes), _rate(row.usd_per_second))
            for row in prices.rows
        ]
        self.node = card(
            "prices",
            "Prices",
            h(
                "p",
                {"class_": "muted small"},
                f"{prices.source}, as of {prices.as_of}. Estimates use this table: seconds × rate. They exclude "
                "retries, and policy-blocked renders may still be charged.",
            ),
            data_table("Price per second of video by model and size", ("Model", "Sizes", "Rate"), rows),
        )
