"""The rights-and-safety note shown before the first render (and on request)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.browser.dom import h
from app.core.i18n import tr
from app.ui.context import UiContext
from app.ui.dialogs import Dialog, dialog_body
from app.ui.forms import button

POINTS = ("safety.rights", "safety.people", "safety.blocked")  # message ids


class SafetyDialog:
    """Read once, acknowledged once; ``on_accept`` continues the render that asked for it."""

    def __init__(self, ctx: UiContext, *, on_accept: Callable[[], None] | None) -> None:
        self.ctx = ctx
        self._on_accept = on_accept
        self.dialog = Dialog("safety-title")

    def open(self) -> None:
        scope = self.dialog.scope
        actions = [button(tr("common.close"), lambda _e: self.dialog.close(), scope, kind="ghost")]
        if self._on_accept is not None:
            actions = [
                button(tr("common.cancel"), lambda _e: self.dialog.close(), scope, kind="ghost"),
                button(tr("safety.accept"), self._accept, scope, kind="primary"),
            ]
        self.dialog.open(
            dialog_body(
                "safety-title",
                tr("safety.title"),
                h("ul", {"class_": "safety-list"}, [h("li", None, tr(point)) for point in POINTS]),
            ),
            h("div", {"class_": "dialog-actions"}, *actions),
        )

    def _accept(self, _event: Any) -> None:
        self.dialog.close()
        self.ctx.run(self.ctx.intents.do(lambda c: c.change_settings(safety_acknowledged=True)))
        if self._on_accept is not None:
            self._on_accept()
