"""First-run welcome: choose between your own key and demo mode."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from app.browser.dom import Node, h
from app.core.providers.openai_videos.capabilities import SHUTDOWN_DATE
from app.ui.dialogs import Dialog, dialog_body
from app.ui.icons import icon


class WelcomeDialog:
    """Shown until the user picks a way to start; Escape just closes it for now."""

    def __init__(
        self,
        *,
        on_demo: Callable[[], Awaitable[Any]],
        on_key: Callable[[], None],
        run: Callable[[Awaitable[Any]], None],
    ) -> None:
        self._on_demo = on_demo
        self._on_key = on_key
        self._run = run
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
                    h(
                        "p",
                        None,
                        h("strong", None, f"OpenAI retired the Sora 2 API on {SHUTDOWN_DATE}. "),
                        "Real renders need an OpenAI-compatible endpoint; demo mode works right away.",
                    ),
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
        self._run(self._on_demo())

    def _key(self, _event: Any) -> None:
        self.dialog.close()
        self._on_key()
