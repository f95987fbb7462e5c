"""The prices the estimates use, for the provider in use, with their source and date."""

from __future__ import annotations

import time

from app.browser.dom import Node, Scope, h, replace_children
from app.core.i18n import tr
from app.core.i18n.data import data_text
from app.core.model_rates import starting_rate
from app.core.provider_directory import day_of
from app.core.state import AppState
from app.ui.context import UiContext
from app.ui.forms import data_table
from app.ui.settings.section import Section, card


class PricesSection(Section):
    def __init__(self, ctx: UiContext, scope: Scope) -> None:
        super().__init__(ctx, scope)
        self.body: Node = h("div", {"class_": "stack"})
        self._shown: object = None
        self.node = card("prices", tr("prices.title"), self.body)

    def update(self, state: AppState, old: AppState) -> None:
        provider = self.ctx.provider(state)
        if (provider.provider_id, provider.models) == self._shown:
            return
        self._shown = (provider.provider_id, provider.models)
        models = provider.offered(day_of(time.time()))
        sources = sorted(
            {
                tr("prices.source", source=data_text(m.prices.source), date=m.prices.as_of)
                for m in models
                if m.prices.as_of
            }
        )
        notes = sorted({data_text(m.prices.note) for m in models if m.prices.note})
        rows = [(m.label, starting_rate(m)) for m in models]
        replace_children(
            self.body,
            h(
                "p",
                {"class_": "muted small"},
                tr(
                    "prices.lead", provider=provider.label, sources="; ".join(sources) if sources else tr("prices.none")
                ),
            ),
            data_table(tr("prices.caption", provider=provider.label), (tr("prices.model"), tr("prices.price")), rows),
            [h("p", {"class_": "muted small"}, note) for note in notes],
        )
