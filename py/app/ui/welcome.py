"""First-run welcome: choose between your own key and demo mode."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from app.browser.dom import Node, h
from app.browser.page_location import push_url
from app.core.routes import Location, Route, href
from app.ui.context import UiContext
from app.ui.dialogs import Dialog, dialog_body
from app.ui.icons import icon
from app.ui.key_form import KeyForm, security_note
from app.ui.toasts import toast


class WelcomeDialog:
    """Shown until the user picks a way to start; Escape closes it for this visit."""

    def __init__(self, ctx: UiContext, *, on_demo: Callable[[], Awaitable[Any]]) -> None:
        self.ctx = ctx
        self._on_demo = on_demo
        self.dialog = Dialog("welcome-title")

    def _choice(self, title: str, text: str, icon_name: str, handler: Callable[[Any], None]) -> Node:
        return h(
            "button",
            {"type": "button", "class_": "choice", "on_click": handler},
            h("span", {"class_": "row"}, icon(icon_name), h("span", {"class_": "choice-title"}, title)),
            h("span", {"class_": "choice-text"}, text),
            scope=self.dialog.scope,
        )

    def open(self) -> None:
        self.dialog.open(
            dialog_body(
                "welcome-title",
                "Welcome to Sora Renderer",
                h(
                    "p",
                    None,
                    "Render videos from text or an image, see the price first, and keep every result in "
                    "this browser. Your key and videos never leave this device except to the API you choose.",
                ),
                h(
                    "div",
                    {"class_": "notice warn"},
                    h("p", None, self.ctx.capabilities.notice),
                ),
                h(
                    "div",
                    {"class_": "choice-list"},
                    self._choice(
                        "Try demo mode",
                        "A simulated Videos API on this server: no key, no cost, real playable videos.",
                        "spark",
                        self._demo,
                    ),
                    self._choice(
                        "Paste an OpenAI API key",
                        "Your own key for OpenAI or a compatible endpoint, encrypted in this browser.",
                        "key",
                        self._key,
                    ),
                ),
            )
        )

    def _demo(self, _event: Any) -> None:
        self.dialog.close()
        self.ctx.run(self._on_demo())

    def _key(self, _event: Any) -> None:
        form = KeyForm(self.ctx, self.dialog.scope, field_id="welcome-key", on_saved=self._saved)
        self.dialog.element.replaceChildren(
            dialog_body(
                "welcome-title",
                "Paste your API key",
                h(
                    "p",
                    None,
                    "It is encrypted with a key that never leaves this browser. The API base URL, and an "
                    "optional passphrase, are in Settings.",
                ),
                form.node,
                security_note(),
            ),
            h(
                "div",
                {"class_": "dialog-actions"},
                h(
                    "button",
                    {"type": "button", "class_": "btn ghost", "on_click": lambda _e: self.open_again()},
                    "Back",
                    scope=self.dialog.scope,
                ),
            ),
        )
        form.input.focus()

    def open_again(self) -> None:
        self.dialog.element.close()
        self.dialog = Dialog("welcome-title")
        self.open()

    def _saved(self) -> None:
        self.dialog.close()
        toast("Key saved and encrypted in this browser.")
        push_url(href(Route.SETTINGS))
        self.ctx.store.update(location=Location(Route.SETTINGS))
