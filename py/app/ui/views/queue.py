"""Queue: every render job with its status (the live queue lands with the poller)."""

from __future__ import annotations

from app.browser.dom import Node, h
from app.core.routes import Route, href
from app.ui.views.base import View, empty_state, view_header


class QueueView(View):
    title = "Queue"

    def render(self) -> Node:
        return h(
            "section",
            {"class_": "stack", "aria_labelledby": "queue-title"},
            view_header("Queue", "Renders in progress and recently finished, kept across reloads."),
            empty_state(
                "queue",
                "No renders yet",
                "When you start a render it appears here with its progress, cost estimate and result.",
                h("a", {"class_": "btn primary", "href": href(Route.NEW)}, "Start a render"),
            ),
        )
