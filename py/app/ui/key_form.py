"""The “API key” field with its Save button, shared by the welcome dialog and Settings."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.browser.dom import Node, Scope, h
from app.core.errors import AppError, InputError
from app.core.messages import describe
from app.ui.context import UiContext
from app.ui.forms import Field, button, text_input

SECURITY_NOTE = (
    "Any web app that holds an API key is at risk if this device or browser is compromised "
    "(malware, a hostile extension, someone with access to this profile). The key is encrypted in this "
    "browser and sent only to the API base URL in Settings. Prefer a key with a spending limit, and wipe "
    "it when you are done."
)


class KeyForm:
    """Paste → Save key. Clears the field after saving so the key does not linger in the DOM."""

    def __init__(self, ctx: UiContext, scope: Scope, *, field_id: str, on_saved: Callable[[], None]) -> None:
        self.ctx = ctx
        self._on_saved = on_saved
        self.input = text_input("api_key", kind="password", placeholder="sk-…", autocomplete="off")
        self.save = button("Save key", self._save, scope, kind="primary")
        self.field = Field(
            field_id, "API key", self.input, hint="Paste the key exactly as your provider shows it.", extra=self.save
        )
        self.node: Node = self.field.node
        scope.on(self.input, "keydown", self._on_key)

    def _on_key(self, event: Any) -> None:
        if event.key == "Enter":
            event.preventDefault()
            self._save(event)

    def _save(self, _event: Any) -> None:
        text = self.field.value

        async def save() -> None:
            self.save.disabled = True
            try:
                await self.ctx.intents.do(lambda c: c.save_key(text))
            except InputError as exc:
                self.field.show_error(exc.message)
                return
            except AppError as exc:
                self.field.show_error(describe(exc).as_text())
                return
            finally:
                self.save.disabled = False
            self.input.value = ""
            self.field.clear()
            self._on_saved()

        self.ctx.run(save())


def security_note() -> Node:
    return h("div", {"class_": "notice warn"}, h("p", None, h("strong", None, "Keep your key safe. "), SECURITY_NOTE))
