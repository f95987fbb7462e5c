"""The spend ledger panel: totals, by model, by month (a small bar chart), failures apart."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from app.browser.dom import Node, h, replace_children, set_text, svg
from app.core.i18n import fmt_money, tr
from app.core.i18n.formats import CENT, month_abbr
from app.core.ledger import build_ledger, chart_bars
from app.ui.forms import data_table

if TYPE_CHECKING:
    from app.core.job_record import JobRecord

CHART_W, CHART_H = 320.0, 80.0
MAX_BAR = 36.0


def month_label(month: str) -> str:
    """``2026-11`` → ``Nov 26`` (``Nov. 26`` in German): a chart label has little room."""
    year, _, number = month.partition("-")
    if not (number.isdigit() and 1 <= int(number) <= 12):
        return month
    return f"{month_abbr(int(number))} {year[2:]}"  # the names fmt_date writes


def usd(amount: Decimal) -> str:
    """An amount in the locale's way; a positive amount under half a cent is not shown as zero."""
    return "<" + fmt_money(CENT) if 0 < amount < CENT / 2 else fmt_money(amount)


class SpendPanel:
    def __init__(self) -> None:
        self.summary_total = h("span", {"class_": "spend-total"})
        self.body = h("div", {"class_": "spend-body"})
        self.element: Node = h(
            "details",
            {"class_": "card spend", "id": "spend"},
            h("summary", None, h("span", None, tr("spend.title")), self.summary_total),
            self.body,
        )

    def update(self, jobs: Iterable[JobRecord]) -> None:
        ledger = build_ledger(list(jobs))
        summary = tr("spend.summary", total=usd(ledger.total_usd), count=ledger.count)
        if ledger.simulated_count:
            summary += tr("spend.summary_demo", count=ledger.simulated_count, cost=usd(ledger.simulated_usd))
        set_text(self.summary_total, summary)
        by_model = data_table(
            tr("spend.by_model"),
            (tr("facts.model"), tr("spend.videos"), tr("spend.title")),
            [(m.model, str(m.count), usd(m.usd)) for m in ledger.by_model],
        )
        expired = tr("spend.failed_expired", count=ledger.expired_count) if ledger.expired_count else ""
        failed = tr("spend.failed", count=ledger.failed_count, cost=usd(ledger.failed_usd), expired=expired)
        notes = [h("p", None, failed)]
        if ledger.archived_count:
            finished = ledger.count + ledger.simulated_count
            shown = finished - ledger.archived_count
            archived = tr("spend.archived", finished=finished, archived=ledger.archived_count, shown=shown)
            notes.append(h("p", None, archived))
        if ledger.simulated_count:
            demo = tr("spend.demo", count=ledger.simulated_count, cost=usd(ledger.simulated_usd))
            notes.append(h("p", None, demo))
        if ledger.billed_count:
            notes.append(h("p", None, tr("spend.billed", cost=usd(ledger.billed_usd), count=ledger.billed_count)))
        if ledger.running_usd:
            notes.append(h("p", None, tr("spend.running", cost=usd(ledger.running_usd))))
        if ledger.unknown_price_count:
            notes.append(h("p", None, tr("spend.unknown_price", count=ledger.unknown_price_count)))
        replace_children(
            self.body,
            h("div", {"class_": "spend-grid"}, by_model, self._chart(ledger.by_month)),
            h("div", {"class_": "spend-notes"}, notes),
            h("p", {"class_": "field-hint"}, tr("spend.how")),
        )

    def _chart(self, by_month: tuple[tuple[str, Decimal], ...]) -> Node:
        if not by_month:
            return h("p", {"class_": "muted"}, tr("spend.none"))
        bars = chart_bars(by_month, CHART_W, CHART_H)
        step = CHART_W / len(bars)
        bar_width = min(step * 0.7, MAX_BAR)
        months = ", ".join(f"{month} {usd(cost)}" for month, cost in by_month)
        chart = svg(
            "svg",
            {
                "viewBox": f"0 -4 {CHART_W:.0f} {CHART_H + 22:.0f}",
                "class": "spend-chart",
                "role": "img",
                "aria-label": tr("spend.by_month", months=months),
            },
        )
        for (x, height), (month, _cost) in zip(bars, by_month, strict=True):
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
