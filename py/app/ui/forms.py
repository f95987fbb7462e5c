"""Form building blocks: labelled fields whose errors are announced and linked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.browser.dom import Node, Scope, h, set_attrs, set_text


def field_error(field: str) -> Node:
    """The hidden error line of ``field`` (``#<field>-error``), shown when a check refuses it."""
    return h("p", {"id": f"{field}-error", "class_": "field-error", "hidden": True})


class Field:
    """A label, a control, an optional hint and an error line tied by ``aria-describedby``."""

    def __init__(
        self,
        field_id: str,
        label: str,
        control: Node,
        *,
        hint: str = "",
        extra: Node | None = None,
    ) -> None:
        self.control = control
        self.error = field_error(field_id)
        described = [f"{field_id}-error"]
        hint_node = None
        if hint:
            hint_node = h("p", {"id": f"{field_id}-hint", "class_": "field-hint"}, hint)
            described.insert(0, f"{field_id}-hint")
        set_attrs(control, id=field_id, aria_describedby=" ".join(described))
        self.node = h(
            "div",
            {"class_": "field"},
            h("label", {"for_": field_id}, label),
            h("div", {"class_": "row"}, control, extra) if extra is not None else control,
            hint_node,
            self.error,
        )

    @property
    def value(self) -> str:
        return str(self.control.value)

    def show_error(self, message: str) -> None:
        set_text(self.error, message)
        self.error.hidden = not message
        set_attrs(self.control, aria_invalid=bool(message))

    def clear(self) -> None:
        self.show_error("")


def text_input(name: str, *, kind: str = "text", **attrs: Any) -> Node:
    """An ``<input>`` with the app's defaults (no autocomplete or spell-check on secrets)."""
    base: dict[str, Any] = {"type": kind, "name": name, "autocomplete": "off", "spellcheck": "false"}
    return h("input", {**base, **attrs})


def button(label: str, handler: Any, scope: Scope, *, kind: str = "", **attrs: Any) -> Node:
    """A ``<button type=button>`` whose click runs ``handler``."""
    return h(
        "button", {"type": "button", "class_": f"btn {kind}".strip(), "on_click": handler, **attrs}, label, scope=scope
    )


def status_line(node_id: str) -> Node:
    """A polite live region for the result of an action."""
    return h("div", {"id": node_id, "class_": "status-line", "aria_live": "polite"})


def data_table(caption: str, columns: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> Node:
    """A plain data table; the first cell of each row is its header (``scope="row"``)."""
    return h(
        "table",
        {"class_": "table"},
        h("caption", {"class_": "sr-only"}, caption),
        h("thead", None, h("tr", None, [h("th", {"scope": "col"}, c) for c in columns])),
        h(
            "tbody",
            None,
            [h("tr", None, h("th", {"scope": "row"}, r[0]), [h("td", None, v) for v in r[1:]]) for r in rows],
        ),
    )


def check_row(box: Node, field_id: str, label: str, hint: str) -> Node:
    """A checkbox (or switch) with its label and a hint under it (``{field_id}-hint``)."""
    return h(
        "div",
        {"class_": "check-row"},
        box,
        h(
            "div",
            None,
            h("label", {"for_": field_id}, label),
            h("p", {"id": f"{field_id}-hint", "class_": "field-hint"}, hint),
        ),
    )
