"""The unlock screen for a passphrase-protected key."""

from __future__ import annotations

from typing import Any

from app.browser.dom import h
from app.core.errors import VaultError
from app.core.i18n import tr
from app.ui.context import UiContext
from app.ui.dialogs import Dialog, dialog_body
from app.ui.forms import Field, button, text_input
from app.ui.toasts import toast


class UnlockDialog:
    """Asks for the passphrase; a wrong one is said plainly and the field stays."""

    def __init__(self, ctx: UiContext) -> None:
        self.ctx = ctx
        self.dialog = Dialog("unlock-title")

    def open(self) -> None:
        scope = self.dialog.scope
        self.input = text_input("passphrase", kind="password", autocomplete="current-password")
        self.field = Field("unlock-passphrase", tr("unlock.passphrase"), self.input)
        scope.on(self.input, "keydown", self._on_key)
        saved = [v.hint for v in self.ctx.store.state.vaults.values() if v.hint]
        hint = f" ({', '.join(saved)})" if saved else ""
        self.dialog.open(
            dialog_body(
                "unlock-title",
                tr("unlock.title"),
                h("p", None, tr("unlock.text", hint=hint)),
                self.field.node,
            ),
            h(
                "div",
                {"class_": "dialog-actions"},
                button(tr("unlock.not_now"), lambda _e: self.dialog.close(), scope, kind="ghost"),
                button(tr("unlock.action"), self._unlock, scope, kind="primary"),
            ),
        )
        self.input.focus()

    def _on_key(self, event: Any) -> None:
        if event.key == "Enter":
            event.preventDefault()
            self._unlock(event)

    def _unlock(self, _event: Any) -> None:
        passphrase = self.field.value

        async def unlock() -> None:
            try:
                await self.ctx.intents.do(lambda c: c.keys.unlock(passphrase))
            except VaultError as exc:
                self.field.show_error(str(exc))
                self.input.select()
                return
            self.input.value = ""
            self.dialog.close()
            toast(tr("unlock.done"))

        self.ctx.run(unlock())
