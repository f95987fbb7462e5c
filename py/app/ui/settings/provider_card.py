"""One provider in Settings: in use or not, its key (or sign-in), a check, and its endpoint.

The endpoint lives under Advanced: a base URL for a proxy or gateway and, when the app
runs from ``serve.py --relay``, the local relay. A base URL on another origin does not
take the saved key along unless the user says so.
"""

from __future__ import annotations

from typing import Any

from app.browser.dom import Node, Scope, h, replace_children, set_text
from app.browser.files import copy_text
from app.browser.page_location import callback_url, go_to
from app.core.capabilities import ProviderCapabilities
from app.core.errors import AppError, InputError
from app.core.i18n import tr
from app.core.i18n.data import data_text
from app.core.messages import describe
from app.core.state import AppState
from app.core.vault_status import VaultState, VaultStatus
from app.ui.context import UiContext
from app.ui.dialogs import Dialog, dialog_body
from app.ui.forms import Field, button, status_line, text_input
from app.ui.key_form import KeyForm
from app.ui.toasts import toast


class ProviderCard:
    def __init__(self, ctx: UiContext, scope: Scope, provider: ProviderCapabilities) -> None:
        self.ctx = ctx
        self.scope = scope
        self.provider = provider
        pid = provider.provider_id
        self.pid = pid
        self.badge = h("span", {"class_": "badge", "id": f"provider-{pid}-badge"})
        self.use_btn = button(tr("provider.use", provider=provider.label), self._use, scope, kind="small")
        self.status = h("p", {"id": f"key-status-{pid}", "class_": "key-status"})
        self.form = KeyForm(
            ctx, scope, provider, field_id=f"api-key-{pid}", on_saved=lambda: toast(tr("provider.key_saved"))
        )
        self.sign_in = (
            button(tr("welcome.sign_in", provider=provider.label), self._sign_in, scope, kind="primary")
            if provider.sign_in
            else None
        )
        self.revealed = h("code", {"id": f"key-revealed-{pid}", "class_": "key-revealed", "hidden": True})
        self.reveal_btn = button(tr("provider.reveal"), self._toggle_reveal, scope, aria_pressed=False)
        self.copy_btn = button(tr("provider.copy"), self._copy, scope)
        self.validate_btn = button(tr("provider.validate"), self._validate, scope)
        self.wipe_btn = button(tr("provider.wipe"), self._confirm_wipe, scope, kind="danger")
        self.check_result = status_line(f"key-check-{pid}")
        self.url = Field(
            f"base-url-{pid}",
            tr("provider.base_url"),
            text_input("base_url", kind="url", inputmode="url"),
            hint=tr("provider.base_url.hint", provider=provider.label, url=provider.default_base_url),
            extra=button(tr("provider.save_endpoint"), self._on_save_url, scope),
        )
        scope.on(self.url.control, "keydown", self._on_url_key)
        self.url_note = h("p", {"id": f"base-url-note-{pid}", "class_": "field-hint", "aria_live": "polite"})
        self.relay = h("input", {"type": "checkbox", "id": f"relay-{pid}", "role": "switch"})
        scope.on(self.relay, "change", self._on_relay)
        self.relay_row = h(
            "div",
            {"class_": "check-row", "hidden": True},
            self.relay,
            h("label", {"for_": f"relay-{pid}"}, tr("provider.relay")),
        )
        self._rendered: Any = object()
        sign_in_row = (
            h(
                "div",
                {"class_": "stack small-gap"},
                h("div", {"class_": "row"}, self.sign_in),
                h(
                    "p",
                    {"class_": "muted small"},
                    tr("provider.sign_in.hint"),
                ),
            )
            if self.sign_in is not None
            else None
        )
        self.node: Node = h(
            "section",
            {"class_": "card stack provider-card", "aria_labelledby": f"provider-{pid}-title", "id": f"provider-{pid}"},
            h(
                "div",
                {"class_": "section-head"},
                h("h3", {"id": f"provider-{pid}-title"}, provider.name),
                h("div", {"class_": "row"}, self.badge, self.use_btn),
            ),
            h("p", {"class_": "muted small"}, data_text(provider.notice)) if provider.notice else None,
            self.status,
            sign_in_row,
            self.form.node,
            h("div", {"class_": "row"}, self.reveal_btn, self.copy_btn, self.validate_btn, self.wipe_btn),
            self.revealed,
            self.check_result,
            h(
                "details",
                {"class_": "advanced", "id": f"endpoint-{pid}"},
                h("summary", None, tr("provider.advanced")),
                h("div", {"class_": "stack"}, self.url.node, self.url_note, self.relay_row),
            ),
        )

    # -- state → DOM -------------------------------------------------------------------
    def update(self, state: AppState, old: AppState) -> None:
        settings = state.settings
        vault = state.vaults.get(self.pid)
        active = self.ctx.provider_id(state) == self.pid
        set_text(self.badge, tr("provider.in_use") if active else "")
        self.badge.hidden = not active
        self.use_btn.hidden = active
        demo = bool(settings and settings.demo_mode)
        unlocked = vault is not None and vault.state is VaultState.UNLOCKED
        stored = vault is not None and vault.state is not VaultState.EMPTY
        set_text(self.status, _key_status(vault, demo))
        self.reveal_btn.disabled = not unlocked
        self.copy_btn.disabled = not unlocked
        self.wipe_btn.disabled = not stored
        running = self.pid in state.key_checks_running
        self.validate_btn.disabled = running or not (unlocked or demo)
        set_text(self.validate_btn, tr("provider.validating") if running else tr("provider.validate"))
        if not unlocked:
            self._hide_revealed()
        if state.key_checks.get(self.pid) != old.key_checks.get(self.pid):
            self._render_check(state)
        if settings is not None and settings != self._rendered:
            self._rendered = settings
            mine = settings.provider(self.pid)
            self.url.control.value = mine.base_url
            self.relay.checked = mine.via_relay
        self.relay_row.hidden = not state.relay_available

    def _render_check(self, state: AppState) -> None:
        result = state.key_checks.get(self.pid)
        if result is None:
            replace_children(self.check_result)
            return
        kind = "ok" if result.ok else "danger"
        parts: list[Node | str | None] = [
            h("p", None, h("strong", None, result.title + ". "), result.detail),
            h("p", None, result.action) if result.action else None,
            h("p", {"class_": "muted small"}, tr("provider.request_id", id=result.request_id))
            if result.request_id
            else None,
        ]
        replace_children(
            self.check_result,
            h("div", {"class_": f"notice {kind}", "data_outcome": result.outcome}, h("div", None, *parts)),
        )

    # -- intents --------------------------------------------------------------------------
    def _use(self, _event: Any) -> None:
        pid = self.pid
        self.ctx.run(self.ctx.intents.do(lambda c: c.choose_provider(pid)))

    def _sign_in(self, _event: Any) -> None:
        pid = self.pid

        async def go() -> None:
            url = await self.ctx.intents.do(lambda c: c.keys.start_sign_in(pid, callback_url()))
            go_to(url)

        self.ctx.run(go())

    def _hide_revealed(self) -> None:
        self.revealed.textContent = ""
        self.revealed.hidden = True
        self.reveal_btn.setAttribute("aria-pressed", "false")
        set_text(self.reveal_btn, tr("provider.reveal"))

    def _toggle_reveal(self, _event: Any) -> None:
        if not self.revealed.hidden:
            self._hide_revealed()
            return
        pid = self.pid

        async def reveal() -> None:
            self.revealed.textContent = await self.ctx.intents.do(lambda c: c.keys.reveal_key(pid))
            self.revealed.hidden = False
            self.reveal_btn.setAttribute("aria-pressed", "true")
            set_text(self.reveal_btn, tr("provider.hide"))

        self.ctx.run(reveal())

    def _copy(self, _event: Any) -> None:
        pid = self.pid

        async def copy() -> None:
            await copy_text(await self.ctx.intents.do(lambda c: c.keys.reveal_key(pid)))
            toast(tr("provider.copied"))

        self.ctx.run(copy())

    def _validate(self, _event: Any) -> None:
        pid = self.pid
        self.ctx.run(self.ctx.intents.do(lambda c: c.keys.validate(pid)))

    def _confirm_wipe(self, _event: Any) -> None:
        dialog = Dialog(f"wipe-{self.pid}-title")
        pid, label = self.pid, self.provider.label

        def wipe(_e: Any) -> None:
            dialog.close()

            async def run() -> None:
                await self.ctx.intents.do(lambda c: c.keys.wipe_key(pid))
                toast(tr("provider.wiped", provider=label))

            self.ctx.run(run())

        dialog.open(
            dialog_body(
                f"wipe-{pid}-title",
                tr("provider.wipe.title", provider=label),
                h("p", None, tr("provider.wipe.text")),
            ),
            h(
                "div",
                {"class_": "dialog-actions"},
                button(tr("common.cancel"), lambda _e: dialog.close(), dialog.scope, kind="ghost"),
                button(tr("provider.wipe"), wipe, dialog.scope, kind="danger"),
            ),
        )

    def _on_url_key(self, event: Any) -> None:
        if event.key == "Enter":  # Enter saves, as in every form
            event.preventDefault()
            self._on_save_url(event)

    def _on_save_url(self, _event: Any) -> None:
        text, pid = self.url.value, self.pid

        async def save() -> None:
            try:
                change = await self.ctx.intents.do(lambda c: c.keys.base_url_change(pid, text))
            except InputError as exc:
                self.url.show_error(exc.message)
                return
            if change.moves_key:
                self._ask_to_move(text, change.key_origin, change.new_origin)
                return
            await self._save_url(text, move_key=False, warning=change.warning)

        self.ctx.run(save())

    async def _save_url(self, text: str, *, move_key: bool, warning: str) -> None:
        pid = self.pid
        try:
            await self.ctx.intents.do(lambda c: c.keys.set_base_url(pid, text, move_key=move_key))
        except AppError as exc:
            self.url.show_error(describe(exc).detail or str(exc))
            return
        self.url.clear()
        set_text(self.url_note, warning or tr("provider.url_saved"))

    def _ask_to_move(self, text: str, old_origin: str, new_origin: str) -> None:
        dialog = Dialog(f"move-key-{self.pid}-title")
        label = self.provider.label

        def move(_e: Any) -> None:
            dialog.close()
            self.ctx.run(
                self._save_url(text, move_key=True, warning=tr("provider.moved", provider=label, new=new_origin))
            )

        def keep(_e: Any) -> None:
            dialog.close()
            self.ctx.run(
                self._save_url(text, move_key=False, warning=tr("provider.kept", old=old_origin, new=new_origin))
            )

        dialog.open(
            dialog_body(
                f"move-key-{self.pid}-title",
                tr("provider.move.title", provider=label, new=new_origin),
                h("p", None, tr("provider.move.text", provider=label, old=old_origin, new=new_origin)),
            ),
            h(
                "div",
                {"class_": "dialog-actions"},
                button(tr("common.cancel"), lambda _e: dialog.close(), dialog.scope, kind="ghost"),
                button(tr("provider.move.keep", old=old_origin), keep, dialog.scope),
                button(tr("provider.move.go", new=new_origin), move, dialog.scope, kind="danger"),
            ),
        )

    def _on_relay(self, _event: Any) -> None:
        pid, enabled = self.pid, bool(self.relay.checked)
        self.ctx.run(self.ctx.intents.do(lambda c: c.keys.set_relay(pid, enabled)))


def _key_status(vault: VaultStatus | None, demo: bool) -> str:
    if vault is None or vault.state is VaultState.EMPTY:
        return tr("provider.no_key.demo") if demo else tr("provider.no_key")
    if vault.state is VaultState.DAMAGED:  # its origin is not to be believed: it did not decrypt with it
        return vault.problem or tr("provider.damaged")
    where = tr("provider.where", origin=vault.origin) if getattr(vault, "origin", "") else ""
    if vault.state is VaultState.LOCKED:
        return tr("provider.saved.locked", where=where, hint=vault.hint)
    protection = tr("provider.by_passphrase") if vault.mode == "passphrase" else tr("provider.by_browser")
    return tr("provider.saved", where=where, hint=vault.hint, protection=protection)
