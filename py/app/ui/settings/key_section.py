"""API key: save, reveal, copy, validate, wipe; passphrase set/change/remove/unlock."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Any

from app.browser.dom import Node, Scope, h, replace_children, set_text
from app.browser.files import copy_text
from app.core.errors import AppError, InputError
from app.core.messages import describe
from app.core.state import AppState
from app.core.vault_status import VaultState
from app.ui.context import UiContext
from app.ui.dialogs import Dialog, dialog_body
from app.ui.forms import Field, button, status_line, text_input
from app.ui.key_form import KeyForm, security_note
from app.ui.settings.section import Section, card
from app.ui.toasts import toast


class KeySection(Section):
    def __init__(self, ctx: UiContext, scope: Scope) -> None:
        super().__init__(ctx, scope)
        self.status = h("p", {"id": "key-status", "class_": "key-status"})
        self.form = KeyForm(ctx, scope, field_id="api-key", on_saved=lambda: toast("Key saved and encrypted."))
        self.revealed = h("code", {"id": "key-revealed", "class_": "key-revealed", "hidden": True})
        self.reveal_btn = button("Reveal key", self._toggle_reveal, scope, aria_pressed=False)
        self.copy_btn = button("Copy key", self._copy, scope)
        self.validate_btn = button("Validate key", self._validate, scope)
        self.wipe_btn = button("Wipe key", self._confirm_wipe, scope, kind="danger")
        self.check_result = status_line("key-check")
        self.passphrase_area = h("div", {"class_": "stack", "id": "passphrase-area"})
        self._rendered_vault: Any = object()
        self.node = card(
            "key",
            "API key",
            security_note(),
            self.status,
            self.form.node,
            h("div", {"class_": "row"}, self.reveal_btn, self.copy_btn, self.validate_btn, self.wipe_btn),
            self.revealed,
            self.check_result,
            self.passphrase_area,
        )

    # -- state → DOM -------------------------------------------------------------------
    def update(self, state: AppState, old: AppState) -> None:
        vault = state.vault
        settings = state.settings
        unlocked = vault is not None and vault.state is VaultState.UNLOCKED
        stored = vault is not None and vault.state is not VaultState.EMPTY
        demo = settings is not None and settings.demo_mode
        if vault is None or vault.state is VaultState.EMPTY:
            text = "No key saved." + (" Demo mode needs none." if demo else "")
        elif vault.state is VaultState.LOCKED:
            text = f"Saved: {vault.hint} · locked (passphrase). Unlock below to use it."
        else:
            protection = "your passphrase" if vault.mode == "passphrase" else "a key kept by this browser"
            text = f"Saved: {vault.hint} · encrypted with {protection}."
        set_text(self.status, text)
        self.reveal_btn.disabled = not unlocked
        self.copy_btn.disabled = not unlocked
        self.wipe_btn.disabled = not stored
        self.validate_btn.disabled = state.key_check_running or not (unlocked or demo)
        set_text(self.validate_btn, "Validating…" if state.key_check_running else "Validate key")
        if not unlocked:
            self._hide_revealed()
        if state.key_check != old.key_check:
            self._render_check(state)
        if vault != self._rendered_vault:
            self._rendered_vault = vault
            self._render_passphrase(state)

    def _render_check(self, state: AppState) -> None:
        result = state.key_check
        if result is None:
            replace_children(self.check_result)
            return
        kind = "ok" if result.ok else "danger"
        parts: list[Node | str | None] = [
            h("p", None, h("strong", None, result.title + ". "), result.detail),
            h("p", None, result.action) if result.action else None,
            h("p", {"class_": "muted small"}, f"Request ID: {result.request_id}") if result.request_id else None,
        ]
        replace_children(
            self.check_result,
            h("div", {"class_": f"notice {kind}", "data_outcome": result.outcome}, h("div", None, *parts)),
        )

    # -- passphrase forms ------------------------------------------------------------------
    def _render_passphrase(self, state: AppState) -> None:
        vault = state.vault
        scope = self.scope
        if vault is None or vault.state is VaultState.EMPTY:
            replace_children(self.passphrase_area)
            return
        if vault.state is VaultState.LOCKED:
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
        if vault.mode == "device":
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
        self._guarded(current, self.ctx.intents.do(lambda c: c.unlock(passphrase)), "Key unlocked for this visit.")

    def _set_passphrase(self, new: Field, confirm: Field, current: Field | None) -> None:
        for f in (new, confirm, current):
            if f is not None:
                f.clear()
        target = confirm if new.value and new.value != confirm.value else new
        if current is not None and not current.value:
            current.show_error("Enter your current passphrase.")
            return
        chosen, again, old = new.value, confirm.value, current.value if current else None
        action = self.ctx.intents.do(lambda c: c.set_passphrase(chosen, again, current=old))
        self._guarded(target, action, "Passphrase saved. The key is now protected by it.")

    def _remove_passphrase(self, current: Field) -> None:
        current.clear()
        passphrase = current.value
        self._guarded(
            current,
            self.ctx.intents.do(lambda c: c.remove_passphrase(passphrase)),
            "Passphrase removed. The key is protected by this browser again.",
        )

    # -- reveal / copy / validate / wipe ------------------------------------------------------
    def _hide_revealed(self) -> None:
        self.revealed.textContent = ""
        self.revealed.hidden = True
        self.reveal_btn.setAttribute("aria-pressed", "false")
        set_text(self.reveal_btn, "Reveal key")

    def _toggle_reveal(self, _event: Any) -> None:
        if not self.revealed.hidden:
            self._hide_revealed()
            return

        async def reveal() -> None:
            self.revealed.textContent = await self.ctx.intents.do(lambda c: c.reveal_key())
            self.revealed.hidden = False
            self.reveal_btn.setAttribute("aria-pressed", "true")
            set_text(self.reveal_btn, "Hide key")

        self.ctx.run(reveal())

    def _copy(self, _event: Any) -> None:
        async def copy() -> None:
            await copy_text(await self.ctx.intents.do(lambda c: c.reveal_key()))
            toast("Key copied to the clipboard.")

        self.ctx.run(copy())

    def _validate(self, _event: Any) -> None:
        self.ctx.run(self.ctx.intents.do(lambda c: c.validate_key()))

    def _confirm_wipe(self, _event: Any) -> None:
        dialog = Dialog("wipe-title")

        def wipe(_e: Any) -> None:
            dialog.close()

            async def run() -> None:
                await self.ctx.intents.do(lambda c: c.wipe_key())
                toast("Key wiped from this browser.")

            self.ctx.run(run())

        dialog.open(
            dialog_body(
                "wipe-title",
                "Wipe the API key?",
                h(
                    "p",
                    None,
                    "The encrypted key and the key protecting it are deleted from this browser. "
                    "Jobs and videos stay. You can paste a key again at any time.",
                ),
            ),
            h(
                "div",
                {"class_": "dialog-actions"},
                button("Cancel", lambda _e: dialog.close(), dialog.scope, kind="ghost"),
                button("Wipe key", wipe, dialog.scope, kind="danger"),
            ),
        )
