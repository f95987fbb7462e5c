"""Small modal questions of the library: a text value, or a confirmation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.browser.dom import h
from app.core.i18n import tr
from app.ui.dialogs import Dialog, dialog_body
from app.ui.forms import Field, button, text_input


def ask_text(
    title: str, label: str, value: str, action: str, on_submit: Callable[[str], None], *, hint: str = ""
) -> None:
    """A dialog with one text field; Enter or the button submits, Escape cancels."""
    dialog = Dialog("ask-title")
    field = Field("ask-value", label, text_input("value", value=value, maxlength="120"), hint=hint)

    def submit(event: Any) -> None:
        event.preventDefault()
        dialog.close()
        on_submit(field.value)

    form = h(
        "form",
        {"on_submit": submit, "method": "dialog"},
        field.node,
        h(
            "div",
            {"class_": "dialog-actions"},
            button(tr("common.cancel"), lambda _e: dialog.close(), dialog.scope),
            h("button", {"type": "submit", "class_": "btn primary"}, action),
        ),
        scope=dialog.scope,
    )
    dialog.open(dialog_body("ask-title", title, form))
    field.control.focus()
    field.control.select()


def confirm(title: str, text: str, action: str, on_confirm: Callable[[bool], None], *, option: str = "") -> None:
    """Ask before something that cannot be undone; ``option`` adds a checkbox passed to ``on_confirm``."""
    dialog = Dialog("confirm-title")
    box = h("input", {"type": "checkbox", "id": "confirm-option"})

    def go(_event: Any) -> None:
        dialog.close()
        on_confirm(bool(box.checked))

    dialog.open(
        dialog_body(
            "confirm-title",
            title,
            h("p", None, text),
            h("div", {"class_": "check-row"}, box, h("label", {"for_": "confirm-option"}, option)) if option else None,
            h(
                "div",
                {"class_": "dialog-actions"},
                button(tr("common.cancel"), lambda _e: dialog.close(), dialog.scope),
                button(action, go, dialog.scope, kind="danger"),
            ),
        )
    )
