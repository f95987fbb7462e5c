"""The rights-and-safety note shown before the first render (and on request)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.browser.dom import h
from app.ui.context import UiContext
from app.ui.dialogs import Dialog, dialog_body
from app.ui.forms import button

POINTS = (
    "You must have the rights to any image you upload, and permission from anyone who appears in it.",
    "Do not ask for real people or public figures without their consent; images with human faces are refused.",
    "Renders blocked by the provider's content policy may still be charged.",
)


class SafetyDialog:
    """Read once, acknowledged once; ``on_accept`` continues the render that asked for it."""

    def __init__(self, ctx: UiContext, *, on_accept: Callable[[], None] | None) -> None:
        self.ctx = ctx
        self._on_accept = on_accept
        self.dialog = Dialog("safety-title")

    def open(self) -> None:
        scope = self.dialog.scope
        actions = [button("Close", lambda _e: self.dialog.close(), scope, kind="ghost")]
        if self._on_accept is not None:
            actions = [
                button("Cancel", lambda _e: self.dialog.close(), scope, kind="ghost"),
                button("I understand, render", self._accept, scope, kind="primary"),
            ]
        self.dialog.open(
            dialog_body(
                "safety-title",
                "Before you render",
                h("ul", {"class_": "safety-list"}, [h("li", None, point) for point in POINTS]),
            ),
            h("div", {"class_": "dialog-actions"}, *actions),
        )

    def _accept(self, _event: Any) -> None:
        self.dialog.close()
        self.ctx.run(self.ctx.intents.do(lambda c: c.change_settings(safety_acknowledged=True)))
        if self._on_accept is not None:
            self._on_accept()
