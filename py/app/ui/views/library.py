"""Library: every finished video stored in this browser."""

from __future__ import annotations

from app.browser.dom import Node, h
from app.core.routes import Route, href
from app.ui.views.base import View, empty_state, view_header


class LibraryView(View):
    title = "Library"

    def render(self) -> Node:
        return h(
            "section",
            {"class_": "stack"},
            view_header("Library", "Finished videos, stored in this browser only."),
            empty_state(
                "library",
                "Your library is empty",
                "Finished renders are downloaded here automatically, with their prompt, settings and cost.",
                h("a", {"class_": "btn primary", "href": href(Route.NEW)}, "Create your first video"),
            ),
        )
