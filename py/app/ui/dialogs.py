"""Real modal dialogs (``<dialog>.showModal()``): focus moves in, Escape closes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.browser.dom import Node, Scope, body, h


class Dialog:
    """A modal dialog that removes itself (and its listeners) when closed."""

    def __init__(self, labelled_by: str, *, on_close: Callable[[], None] | None = None) -> None:
        self.scope = Scope()
        self._on_close = on_close
        self.element: Node = h("dialog", {"aria_labelledby": labelled_by, "class_": "dialog"})
        self.scope.on(self.element, "close", self._closed)

    def open(self, *content: Node) -> None:
        self.element.replaceChildren(*content)
        body().appendChild(self.element)
        self.element.showModal()

    def close(self) -> None:
        if self.element.open:
            self.element.close()

    def _closed(self, _event: Any) -> None:
        self.element.remove()
        self.scope.close()
        if self._on_close is not None:
            self._on_close()


def dialog_body(title_id: str, title: str, *content: Node | str | None) -> Node:
    return h("div", {"class_": "dialog-body"}, h("h2", {"id": title_id}, title), *content)
