"""First-run welcome: choose between your own key and demo mode."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from app.browser.dom import Node, h
from app.browser.page_location import callback_url, go_to, push_url
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
        signs_in = [p for p in self.ctx.providers.providers if p.sign_in]
        choices = [
            self._choice(
                "Try demo mode",
                "Every provider simulated in this app: no key, no cost, real playable videos.",
                "spark",
                self._demo,
            ),
            *[
                self._choice(
                    f"Sign in with {p.label}",
                    f"One {p.label} account gives you its video models; the app keeps the key it gets, encrypted.",
                    "key",
                    self._sign_in(p.provider_id),
                )
                for p in signs_in
            ],
            self._choice(
                "Paste an API key",
                "A key of " + ", ".join(p.label for p in self.ctx.providers.providers) + ", encrypted in this browser.",
                "key",
                self._key,
            ),
        ]
        self.dialog.open(
            dialog_body(
                "welcome-title",
                "Welcome to Sora Renderer",
                h(
                    "p",
                    None,
                    "Render videos from text or images, see the price first, and keep every result in "
                    "this browser. Your keys and videos never leave this device except to the API you choose.",
                ),
                h("div", {"class_": "choice-list"}, choices),
            )
        )

    def _demo(self, _event: Any) -> None:
        self.dialog.close()
        self.ctx.run(self._on_demo())

    def _sign_in(self, provider_id: str) -> Callable[[Any], None]:
        def go(_event: Any) -> None:
            async def leave() -> None:
                url = await self.ctx.intents.do(lambda c: c.keys.start_sign_in(provider_id, callback_url()))
                go_to(url)

            self.ctx.run(leave())

        return go

    def _key(self, _event: Any) -> None:
        scope = self.dialog.scope
        picker = h(
            "select",
            {"id": "welcome-provider"},
            [h("option", {"value": p.provider_id}, p.name) for p in self.ctx.providers.providers],
        )
        area = h("div", {"class_": "stack"})

        def show(provider_id: str) -> None:
            provider = self.ctx.providers.get(provider_id)
            form = KeyForm(
                self.ctx,
                scope,
                provider,
                field_id=f"welcome-key-{provider_id}",
                on_saved=lambda: self._saved(provider_id),
            )
            area.replaceChildren(form.node)
            form.input.focus()

        scope.on(picker, "change", lambda _e: show(str(picker.value)))
        self.dialog.element.replaceChildren(
            dialog_body(
                "welcome-title",
                "Paste your API key",
                h(
                    "p",
                    None,
                    "It is encrypted with a key that never leaves this browser, and sent only to the provider it is "
                    "for. Endpoints, and an optional passphrase, are in Settings.",
                ),
                h("div", {"class_": "field"}, h("label", {"for_": "welcome-provider"}, "Provider"), picker),
                area,
                security_note(),
            ),
            h(
                "div",
                {"class_": "dialog-actions"},
                h(
                    "button",
                    {"type": "button", "class_": "btn ghost", "on_click": lambda _e: self.open_again()},
                    "Back",
                    scope=scope,
                ),
            ),
        )
        show(self.ctx.provider_id())

    def open_again(self) -> None:
        self.dialog.element.close()
        self.dialog = Dialog("welcome-title")
        self.open()

    def _saved(self, provider_id: str) -> None:
        self.dialog.close()
        toast("Key saved and encrypted in this browser.")
        self.ctx.run(self.ctx.intents.do(lambda c: c.choose_provider(provider_id)))
        push_url(href(Route.SETTINGS))
        self.ctx.store.update(location=Location(Route.SETTINGS))
