"""The spend ledger panel: totals, by model, by month (a small bar chart), failures apart."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from app.browser.dom import Node, h, replace_children, set_text, svg
from app.core.ledger import build_ledger, chart_bars
from app.core.prices import format_usd
from app.ui.forms import data_table

if TYPE_CHECKING:
    from app.core.job_record import JobRecord

CHART_W, CHART_H = 320.0, 80.0
MAX_BAR = 36.0
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_label(month: str) -> str:
    """``2026-11`` → ``Nov 26``."""
    year, _, number = month.partition("-")
    return f"{MONTHS[int(number) - 1]} {year[2:]}" if number.isdigit() and 1 <= int(number) <= 12 else month


class SpendPanel:
    def __init__(self) -> None:
        self.summary_total = h("span", {"class_": "spend-total"})
        self.body = h("div", {"class_": "spend-body"})
        self.element: Node = h(
            "details",
            {"class_": "card spend", "id": "spend"},
            h("summary", None, h("span", None, "Spend"), self.summary_total),
            self.body,
        )

    def update(self, jobs: Iterable[JobRecord]) -> None:
        ledger = build_ledger(list(jobs))
        summary = f"{format_usd(ledger.total_usd)} on {ledger.count} video(s)"
        if ledger.simulated_count:
            summary += f" · demo: {ledger.simulated_count} would have cost {format_usd(ledger.simulated_usd)}"
        set_text(self.summary_total, summary)
        by_model = data_table(
            "Spend by model",
            ("Model", "Videos", "Spend"),
            [(m.model, str(m.count), format_usd(m.usd)) for m in ledger.by_model],
        )
        expired = (
            f", {ledger.expired_count} of them expired before their files were stored" if ledger.expired_count else ""
        )
        notes = [
            h(
                "p",
                None,
                f"Failed or blocked after the API accepted them: {ledger.failed_count} "
                f"({format_usd(ledger.failed_usd)} estimated; providers may still charge these){expired}. "
                "They have no video file, so the library does not show them.",
            ),
        ]
        if ledger.archived_count:
            finished = ledger.count + ledger.simulated_count
            shown = finished - ledger.archived_count
            notes.append(
                h(
                    "p",
                    None,
                    f"Of the {finished} finished video(s) counted here, {ledger.archived_count} archived "
                    f"(kept in the Queue's archive) are not in the library's count of {shown}.",
                )
            )
        if ledger.simulated_count:
            notes.append(
                h(
                    "p",
                    None,
                    f"Demo renders are simulated and never charged: {ledger.simulated_count} of them would have "
                    f"cost {format_usd(ledger.simulated_usd)} at published prices. They are not in the figures above.",
                )
            )
        if ledger.billed_count:
            notes.append(
                h(
                    "p",
                    None,
                    f"Billed as the providers reported: {format_usd(ledger.billed_usd)} "
                    f"on {ledger.billed_count} video(s); the rest are estimates.",
                )
            )
        if ledger.running_usd:
            notes.append(h("p", None, f"Still rendering: {format_usd(ledger.running_usd)} estimated."))
        if ledger.unknown_price_count:
            notes.append(h("p", None, f"{ledger.unknown_price_count} video(s) had no published price."))
        replace_children(
            self.body,
            h("div", {"class_": "spend-grid"}, by_model, self._chart(ledger.by_month)),
            h("div", {"class_": "spend-notes"}, notes),
            h(
                "p",
                {"class_": "field-hint"},
                "Costs are what the provider billed where it said so, otherwise the estimate shown before each "
                "render, from published prices.",
            ),
        )

    def _chart(self, by_month: tuple[tuple[str, Decimal], ...]) -> Node:
        if not by_month:
            return h("p", {"class_": "muted"}, "No spend yet.")
        bars = chart_bars(by_month, CHART_W, CHART_H)
        step = CHART_W / len(bars)
        bar_width = min(step * 0.7, MAX_BAR)
        chart = svg(
            "svg",
            {
                "viewBox": f"0 -4 {CHART_W:.0f} {CHART_H + 22:.0f}",
                "class": "spend-chart",
                "role": "img",
                "aria-label": "Spend by month: " + ", ".join(f"{month} {format_usd(usd)}" for month, usd in by_month),
            },
        )
        for (x, height), (month, _usd) in zip(bars, by_month, strict=True):
            chart.appendChild(
                svg(
                    "rect",
                    {
                        "x": f"{x + (step - bar_width) / 2:.1f}",
                        "y": f"{CHART_H - height:.1f}",
                        "width": f"{bar_width:.1f}",
                        "height": f"{max(height, 1):.1f}",
                        "rx": "3",
                        "class": "spend-bar",
                    },
                )
            )
            label = svg("text", {"x": f"{x + step / 2:.1f}", "y": f"{CHART_H + 16:.0f}", "class": "spend-label"})
            label.textContent = month_label(month)
            chart.appendChild(label)
        return chart
