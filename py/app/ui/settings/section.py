"""What a Settings section is: a card that renders once and updates from state."""

from __future__ import annotations

from app.browser.dom import Node, Scope, h
from app.core.state import AppState
from app.ui.context import UiContext


class Section:
    node: Node

    def __init__(self, ctx: UiContext, scope: Scope) -> None:
        self.ctx = ctx
        self.scope = scope

    def update(self, state: AppState, old: AppState) -> None:
        """Reflect ``state``; called once after mounting with ``old`` = an empty state."""


def card(section_id: str, title: str, *content: Node | str | None) -> Node:
    return h(
        "section",
        {"class_": "card stack", "aria_labelledby": f"{section_id}-title", "id": section_id},
        h("h2", {"id": f"{section_id}-title"}, title),
        *content,
    )
