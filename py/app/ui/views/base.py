"""What a view is: it builds its DOM once, then updates it from state changes."""

from __future__ import annotations

from app.browser.dom import Node, Scope, h
from app.core.state import AppState
from app.ui.context import UiContext
from app.ui.icons import icon


class View:
    """Base class: ``render`` once, ``update`` on every state change, ``close`` at the end."""

    title = ""

    def __init__(self, ctx: UiContext) -> None:
        self.ctx = ctx
        self.scope = Scope()

    def render(self) -> Node:
        raise NotImplementedError

    def update(self, state: AppState, old: AppState) -> None:
        """React to a state change; the default view is static."""

    def close(self) -> None:
        self.scope.close()


def view_header(title: str, lead: str, *actions: Node) -> Node:
    """The heading block of a view; the h1 receives focus after navigation."""
    return h(
        "div",
        {"class_": "view-head"},
        h("div", None, h("h1", {"tabindex": "-1", "class_": "view-title"}, title), h("p", None, lead)),
        h("div", {"class_": "row"}, *actions) if actions else None,
    )


def empty_state(icon_name: str, title: str, text: str, *actions: Node) -> Node:
    """A real empty state: what this place is for and the next step."""
    return h(
        "div",
        {"class_": "empty"},
        icon(icon_name, size=56),
        h("h2", None, title),
        h("p", None, text),
        h("div", {"class_": "row"}, *actions) if actions else None,
    )
