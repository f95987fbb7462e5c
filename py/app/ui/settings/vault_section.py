"""The key vault: how every saved key is protected (this browser, or a passphrase), unlock,
lock now, and lock by itself after an idle time."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Any

from app.browser.dom import Scope, h, replace_children, set_text
from app.core.errors import AppError, InputError
from app.core.i18n import tr
from app.core.messages import describe
from app.core.state import AppState
from app.core.vault_status import VaultState
from app.ui.context import UiContext
from app.ui.forms import Field, button, text_input
from app.ui.key_form import security_note
from app.ui.settings.section import Section, card
from app.ui.toasts import toast


def lock_choices() -> tuple[tuple[int, str], ...]:
    """The idle times the vault can lock after, in minutes (0: only by hand), with their words."""
    return (
        (0, tr("vault.lock.manual")),
        (5, tr("vault.lock.minutes", count=5)),
        (15, tr("vault.lock.minutes", count=15)),
        (60, tr("vault.lock.hour")),
    )


class VaultSection(Section):
    def __init__(self, ctx: UiContext, scope: Scope) -> None:
        super().__init__(ctx, scope)
        self.summary = h("p", {"id": "vault-status", "class_": "key-status"})
        self.passphrase_area = h("div", {"class_": "stack", "id": "passphrase-area"})
        self.lock_btn = button(tr("vault.lock_now"), self._lock, scope)
        self.lock_after = h(
            "select", {"id": "lock-after"}, [h("option", {"value": str(m)}, text) for m, text in lock_choices()]
        )
        scope.on(self.lock_after, "change", self._on_lock_after)
        self.lock_row = h(
            "div",
            {"class_": "row", "id": "lock-row"},
            self.lock_btn,
            h("label", {"for_": "lock-after"}, tr("vault.lock")),
            self.lock_after,
        )
        self._rendered: Any = object()
        self.node = card("vault", tr("vault.title"), security_note(), self.summary, self.lock_row, self.passphrase_area)

    def update(self, state: AppState, old: AppState) -> None:
        vaults = [v for v in state.vaults.values() if v.state is not VaultState.EMPTY]
        passphrase = any(v.mode == "passphrase" for v in vaults)
        locked = any(v.state is VaultState.LOCKED for v in vaults)
        if not vaults:
            text = tr("vault.none")
        elif locked:
            text = tr("vault.locked", count=len(vaults))
        elif passphrase:
            text = tr("vault.unlocked", count=len(vaults))
        else:
            text = tr("vault.by_browser", count=len(vaults))
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
            toast(tr("vault.locked_now"))

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
            current = Field("unlock-current", tr("unlock.passphrase"), text_input("passphrase", kind="password"))
            replace_children(
                self.passphrase_area,
                h("h3", None, tr("unlock.action")),
                current.node,
                h(
                    "div",
                    {"class_": "row"},
                    button(tr("unlock.action"), lambda _e: self._unlock(current), scope, kind="primary"),
                ),
            )
            return
        new = Field(
            "new-passphrase",
            tr("vault.new"),
            text_input("new_passphrase", kind="password"),
            hint=tr("vault.new.hint"),
        )
        confirm = Field("confirm-passphrase", tr("vault.repeat"), text_input("confirm_passphrase", kind="password"))
        if not passphrase:
            replace_children(
                self.passphrase_area,
                h("h3", None, tr("vault.protect")),
                h(
                    "p",
                    {"class_": "muted small"},
                    tr("vault.protect.text"),
                ),
                new.node,
                confirm.node,
                h(
                    "div",
                    {"class_": "row"},
                    button(tr("vault.set"), lambda _e: self._set_passphrase(new, confirm, None), scope),
                ),
            )
            return
        current = Field("current-passphrase", tr("vault.current"), text_input("current_passphrase", kind="password"))
        replace_children(
            self.passphrase_area,
            h("h3", None, tr("unlock.passphrase")),
            current.node,
            new.node,
            confirm.node,
            h(
                "div",
                {"class_": "row"},
                button(tr("vault.change"), lambda _e: self._set_passphrase(new, confirm, current), scope),
                button(tr("vault.remove"), lambda _e: self._remove_passphrase(current), scope),
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
        self._guarded(current, self.ctx.intents.do(lambda c: c.keys.unlock(passphrase)), tr("unlock.done"))

    def _set_passphrase(self, new: Field, confirm: Field, current: Field | None) -> None:
        for f in (new, confirm, current):
            if f is not None:
                f.clear()
        target = confirm if new.value and new.value != confirm.value else new
        if current is not None and not current.value:
            current.show_error(tr("vault.current.missing"))
            return
        chosen, again, old = new.value, confirm.value, current.value if current else None
        action = self.ctx.intents.do(lambda c: c.keys.set_passphrase(chosen, again, current=old))
        self._guarded(target, action, tr("vault.set.done"))

    def _remove_passphrase(self, current: Field) -> None:
        current.clear()
        passphrase = current.value
        self._guarded(
            current,
            self.ctx.intents.do(lambda c: c.keys.remove_passphrase(passphrase)),
            tr("vault.remove.done"),
        )
