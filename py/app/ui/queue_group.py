"""A batch in the queue: one group with its progress, its cost, its actions and its members.

Built once and updated in place like a job card; the members' cards are placed in
``members`` by the queue view, so a job looks the same inside a batch or alone.
"""

from __future__ import annotations

from collections.abc import Callable

from app.browser.dom import Node, Scope, h, set_attrs, set_text
from app.core.batch_group import BatchSummary
from app.core.i18n import tr
from app.core.library_query import LibraryQuery, query_to_params
from app.core.routes import Route, href


class BatchGroup:
    def __init__(self, batch_id: str, on_action: Callable[[str, str], None]) -> None:
        self.batch_id = batch_id
        self.scope = Scope()
        title_id = f"batch-{batch_id}-title"
        self.title = h("h3", {"id": title_id, "class_": "batch-title"})
        self.progress = h("p", {"class_": "batch-progress"})
        self.bar_fill = h("div", {"class_": "progress-fill"})
        self.bar = h(
            "div",
            {
                "class_": "progress",
                "role": "progressbar",
                "aria_valuemin": "0",
                "aria_valuemax": "100",
                "aria_labelledby": title_id,
            },
            self.bar_fill,
        )
        self.cancel_btn = h(
            "button",
            {
                "type": "button",
                "class_": "btn small danger-quiet",
                "on_click": lambda _e: on_action("cancel", batch_id),
            },
            tr("batch.cancel_all"),
            scope=self.scope,
        )
        self.retry_btn = h(
            "button",
            {"type": "button", "class_": "btn small", "on_click": lambda _e: on_action("retry", batch_id)},
            scope=self.scope,
        )
        library = href(Route.LIBRARY, **query_to_params(LibraryQuery(batch=batch_id)))
        self.library_link = h("a", {"class_": "btn small", "href": library}, tr("batch.in_library"))
        self.members: Node = h("div", {"class_": "job-list batch-members", "aria_label": tr("batch.members")})
        self.element: Node = h(
            "section",
            {"class_": "batch-group card", "aria_labelledby": title_id, "data_batch": batch_id},
            h("div", {"class_": "batch-head"}, self.title, self.progress),
            self.bar,
            h("div", {"class_": "row batch-actions"}, self.cancel_btn, self.retry_btn, self.library_link),
            self.members,
        )

    def _button(self, action: str, kind: str, on_action: Callable[[str, str], None]) -> Node:
        batch_id = self.batch_id
        return h(
            "button",
            {"type": "button", "class_": kind, "on_click": lambda _e: on_action(action, batch_id)},
            scope=self.scope,
        )

    def update(self, summary: BatchSummary, *, can_cancel: bool) -> None:
        """``can_cancel``: some unfinished member can be stopped (unsent, or on a provider that cancels)."""
        set_text(self.title, summary.title)
        parts = (summary.progress_text, summary.ended_text, summary.cost_text, summary.waiting_text)
        set_text(self.progress, " · ".join(part for part in parts if part))
        share = summary.done * 100 // summary.total if summary.total else 0
        self.bar_fill.style.width = f"{share}%"
        set_attrs(self.bar, aria_valuenow=str(share), aria_valuetext=summary.progress_text)
        self.cancel_btn.hidden = not can_cancel
        self.retry_btn.hidden = not summary.failed
        set_text(self.retry_btn, tr("batch.retry_failed", count=len(summary.failed)))
        self.library_link.hidden = summary.done == 0

    def close(self) -> None:
        self.scope.close()
