"""A provider's API key field with its Save button, shared by the welcome dialog and Settings."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.browser.dom import Node, Scope, h
from app.core.capabilities import ProviderCapabilities
from app.core.errors import AppError, InputError
from app.core.i18n import tr
from app.core.messages import describe
from app.ui.context import UiContext
from app.ui.forms import Field, button, text_input


class KeyForm:
    """Paste → Save key. The field is emptied before the key is encrypted, so it never stays in the DOM."""

    def __init__(
        self,
        ctx: UiContext,
        scope: Scope,
        provider: ProviderCapabilities,
        *,
        field_id: str,
        on_saved: Callable[[], None],
    ) -> None:
        self.ctx = ctx
        self.provider_id = provider.provider_id
        self._on_saved = on_saved
        self.input = text_input("api_key", kind="password", placeholder=provider.key_hint or "", autocomplete="off")
        self.save = button(tr("key.save"), self._save, scope, kind="primary")
        hint = tr("key.hint", provider=provider.label)
        if provider.key_url:
            hint = f"{hint} {tr('key.get_one', url=provider.key_url)}"
        self.field = Field(
            field_id,
            tr("key.label", provider=provider.label),
            self.input,
            hint=hint,
            extra=self.save,
        )
        self.node: Node = self.field.node
        scope.on(self.input, "keydown", self._on_key)

    def _on_key(self, event: Any) -> None:
        if event.key == "Enter":
            event.preventDefault()
            self._save(event)

    def _save(self, _event: Any) -> None:
        text = self.field.value
        self.input.value = ""  # out of the DOM before anything is awaited
        provider_id = self.provider_id

        async def save() -> None:
            self.save.disabled = True
            try:
                await self.ctx.intents.do(lambda c: c.keys.save_key(provider_id, text))
            except InputError as exc:
                self.input.value = text  # not saved (it does not look like a key): give it back to fix
                self.field.show_error(exc.message)
                return
            except AppError as exc:
                self.field.show_error(describe(exc).as_text())
                return
            finally:
                self.save.disabled = False
            self.field.clear()
            self._on_saved()

        self.ctx.run(save())


def security_note() -> Node:
    return h("div", {"class_": "notice warn"}, h("p", None, h("strong", None, tr("key.safe")), " ", tr("key.security")))
