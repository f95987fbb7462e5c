"""The drawer's one Download control: a button that downloads, and a menu of the other ways.

Four buttons side by side (Download, Save as…, Copy file, Save to folder) read as four
different exports and did not fit a phone. A split button keeps the common case one
click and folds the rest into a small menu (ARIA menu-button pattern: arrows move,
Escape closes and gives focus back, a choice or a click elsewhere closes it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from app.browser.dom import Node, Scope, h
from app.browser.dom import focus as focus_element
from app.core.i18n import tr
from app.ui.icons import icon

MENU_ID = "drawer-download-menu"


class DownloadMenu:
    def __init__(
        self, scope: Scope, *, download: Callable[[Any], None], others: Sequence[tuple[str, Callable[[Any], None]]]
    ) -> None:
        self.download = h(
            "button", {"type": "button", "class_": "btn"}, icon("download", size=16), tr("tile.action.download")
        )
        scope.on(self.download, "click", download)
        self.toggle = h(
            "button",
            {
                "type": "button",
                "class_": "btn menu-toggle",
                "aria_haspopup": "menu",
                "aria_expanded": "false",
                "aria_controls": MENU_ID,
                "aria_label": tr("files.other_ways"),
            },
            h("span", {"class_": "menu-caret", "aria_hidden": "true"}, "▾"),
        )
        scope.on(self.toggle, "click", lambda _event: self.set_open(not self.is_open))
        self.items: list[Node] = []
        for label, handler in others:
            item = h("button", {"type": "button", "role": "menuitem", "tabindex": "-1", "class_": "menu-item"}, label)
            scope.on(item, "click", self._choose(handler))
            self.items.append(item)
        self.menu = h(
            "div",
            {"role": "menu", "id": MENU_ID, "class_": "menu", "aria_label": tr("files.other_ways"), "hidden": True},
            self.items,
        )
        scope.on(self.menu, "keydown", self._keydown)
        self.element: Node = h("div", {"class_": "split-button"}, self.download, self.toggle, self.menu)
        scope.on(self.element, "focusout", self._focusout)

    @property
    def is_open(self) -> bool:
        return not bool(self.menu.hidden)

    def set_open(self, shown: bool, *, focus_toggle: bool = False) -> None:
        self.menu.hidden = not shown
        self.toggle.setAttribute("aria-expanded", "true" if shown else "false")
        if shown and self.items:
            focus_element(self.items[0], scroll=False)
        elif focus_toggle:
            focus_element(self.toggle, scroll=False)

    def _choose(self, handler: Callable[[Any], None]) -> Callable[[Any], None]:
        def chosen(event: Any) -> None:
            self.set_open(False, focus_toggle=True)
            handler(event)

        return chosen

    def _keydown(self, event: Any) -> None:
        key = str(event.key)
        if key == "Escape":
            event.preventDefault()  # close the menu, not the drawer
            event.stopPropagation()
            self.set_open(False, focus_toggle=True)
        elif key in ("ArrowDown", "ArrowUp", "Home", "End") and self.items:
            event.preventDefault()
            current = next((i for i, item in enumerate(self.items) if item is event.target), 0)
            step = {"ArrowDown": current + 1, "ArrowUp": current - 1, "Home": 0, "End": len(self.items) - 1}[key]
            focus_element(self.items[step % len(self.items)], scroll=False)
        elif key == "Tab":
            self.set_open(False)

    def _focusout(self, event: Any) -> None:
        """Focus (a click, Tab) went somewhere outside the control: close the menu."""
        if self.is_open and (event.relatedTarget is None or not self.element.contains(event.relatedTarget)):
            self.set_open(False)
