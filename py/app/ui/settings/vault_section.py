"""The key vault: how every saved key is protected (this browser, or a passphrase), unlock,
lock now, and lock by itself after an idle time."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Any

from app.browser.dom import Scope, h, replace_children, set_text
from app.core.errors import AppError, InputError
from app.core.messages import describe
from app.core.state import AppState
from app.core.vault_status import VaultState
from app.ui.context import UiContext
from app.ui.forms import Field, button, text_input
from app.ui.key_form import security_note
from app.ui.settings.section import Section, card
from app.ui.toasts import toast

LOCK_CHOICES = (
    (0, "Only when I lock it"),
    (5, "After 5 minutes idle"),
    (15, "After 15 minutes idle"),
    (60, "After an hour idle"),
)


class VaultSection(Section):
    def __init__(self, ctx: UiContext, scope: Scope) -> None:
        super().__init__(ctx, scope)
        self.summary = h("p", {"id": "vault-status", "class_": "key-status"})
        self.passphrase_area = h("div", {"class_": "stack", "id": "passphrase-area"})
        self.lock_btn = button("Lock now", self._lock, scope)
        self.lock_after = h(
            "select", {"id": "lock-after"}, [h("option", {"value": str(m)}, text) for m, text in LOCK_CHOICES]
        )
        scope.on(self.lock_after, "change", self._on_lock_after)
        self.lock_row = h(
            "div",
            {"class_": "row", "id": "lock-row"},
            self.lock_btn,
            h("label", {"for_": "lock-after"}, "Lock the vault"),
            self.lock_after,
        )
        self._rendered: Any = object()
        self.node = card("vault", "Key vault", security_note(), self.summary, self.lock_row, self.passphrase_area)

    def update(self, state: AppState, old: AppState) -> None:
        vaults = [v for v in state.vaults.values() if v.state is not VaultState.EMPTY]
        passphrase = any(v.mode == "passphrase" for v in vaults)
        locked = any(v.state is VaultState.LOCKED for v in vaults)
        if not vaults:
            text = "No keys saved yet."
        elif locked:
            text = f"{len(vaults)} key(s) saved, locked with your passphrase."
        elif passphrase:
            text = f"{len(vaults)} key(s) saved, protected by your passphrase and unlocked for this visit."
        else:
            text = f"{len(vaults)} key(s) saved, encrypted with a key kept by this browser."
        set_text(self.summary, text)
        self.lock_row.hidden = not passphrase
        self.lock_btn.disabled = locked
        if state.settings is not None:
            self.lock_after.value = str(state.settings.lock_after_minutes)
        shape = (bool(vaults), passphrase, locked)
        if shape != self._rendered:
            self._rendered = shape
            self._render_passphrase(bool(vaults), passphrase, locked)

    def _lock(self, _event: Any) -> None:
        async def run() -> None:
            await self.ctx.intents.do(lambda c: c.keys.lock())
            toast(
                "Locked: your keys are out of this page's memory (and the poller's) until you unlock; "
                "checking running renders waits until then."
            )

        self.ctx.run(run())

    def _on_lock_after(self, _event: Any) -> None:
        minutes = int(str(self.lock_after.value) or "0")
        self.ctx.run(self.ctx.intents.do(lambda c: c.change_settings(lock_after_minutes=minutes)))

    # -- passphrase forms ------------------------------------------------------------------
    def _render_passphrase(self, stored: bool, passphrase: bool, locked: bool) -> None:
        scope = self.scope
        if not stored:
            replace_children(self.passphrase_area)
            return
        if locked:
            current = Field("unlock-current", "Passphrase", text_input("passphrase", kind="password"))
            replace_children(
                self.passphrase_area,
                h("h3", None, "Unlock"),
                current.node,
                h("div", {"class_": "row"}, button("Unlock", lambda _e: self._unlock(current), scope, kind="primary")),
            )
            return
        new = Field(
            "new-passphrase",
            "New passphrase",
            text_input("new_passphrase", kind="password"),
            hint="At least 8 characters. It is never stored: if you forget it, wipe the key and paste it again.",
        )
        confirm = Field(
            "confirm-passphrase", "Repeat the passphrase", text_input("confirm_passphrase", kind="password")
        )
        if not passphrase:
            replace_children(
                self.passphrase_area,
                h("h3", None, "Protect with a passphrase (optional)"),
                h(
                    "p",
                    {"class_": "muted small"},
                    "With a passphrase the key is encrypted with a key derived from it (PBKDF2, 600,000 rounds) and "
                    "the app asks for it once per visit.",
                ),
                new.node,
                confirm.node,
                h(
                    "div",
                    {"class_": "row"},
                    button("Set passphrase", lambda _e: self._set_passphrase(new, confirm, None), scope),
                ),
            )
            return
        current = Field("current-passphrase", "Current passphrase", text_input("current_passphrase", kind="password"))
        replace_children(
            self.passphrase_area,
            h("h3", None, "Passphrase"),
            current.node,
            new.node,
            confirm.node,
            h(
                "div",
                {"class_": "row"},
                button("Change passphrase", lambda _e: self._set_passphrase(new, confirm, current), scope),
                button("Remove passphrase", lambda _e: self._remove_passphrase(current), scope),
            ),
        )

    def _guarded(self, field: Field, action: Awaitable[Any], done: str) -> None:
        async def run() -> None:
            try:
                await action
            except InputError as exc:
                field.show_error(exc.message)
                return
            except AppError as exc:
                field.show_error(str(exc) if not describe(exc).detail else describe(exc).detail)
                return
            toast(done)

        self.ctx.run(run())

    def _unlock(self, current: Field) -> None:
        passphrase = current.value
        self._guarded(
            current, self.ctx.intents.do(lambda c: c.keys.unlock(passphrase)), "Keys unlocked for this visit."
        )

    def _set_passphrase(self, new: Field, confirm: Field, current: Field | None) -> None:
        for f in (new, confirm, current):
            if f is not None:
                f.clear()
        target = confirm if new.value and new.value != confirm.value else new
        if current is not None and not current.value:
            current.show_error("Enter your current passphrase.")
            return
        chosen, again, old = new.value, confirm.value, current.value if current else None
        action = self.ctx.intents.do(lambda c: c.keys.set_passphrase(chosen, again, current=old))
        self._guarded(target, action, "Passphrase saved. Your keys are now protected by it.")

    def _remove_passphrase(self, current: Field) -> None:
        current.clear()
        passphrase = current.value
        self._guarded(
            current,
            self.ctx.intents.do(lambda c: c.keys.remove_passphrase(passphrase)),
            "Passphrase removed. Your keys are protected by this browser again.",
        )
