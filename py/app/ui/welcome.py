"""First-run welcome: a card at the top of New Render (never a dialog that opens by itself).

It is already on the early page before Python runs (``index.html``), so it never appears
late over a user who has started typing; it stays until a way to start is chosen: demo
mode, a provider's sign-in, or a pasted key (that one opens a dialog, on request).
"""

from __future__ import annotations

from typing import Any

from app.browser.dom import Node, Scope, active_element, by_id, focus, h, set_attrs
from app.browser.page_location import callback_url, go_to, push_url
from app.core.i18n import tr
from app.core.routes import Location, Route, href
from app.core.state import AppState
from app.ui.context import UiContext
from app.ui.dialogs import Dialog, dialog_body
from app.ui.key_form import KeyForm, security_note
from app.ui.toasts import toast


def sign_in(ctx: UiContext, provider_id: str) -> None:
    """Leave for the provider's sign-in page (it comes back with ``?code=``)."""

    async def leave() -> None:
        url = await ctx.intents.do(lambda c: c.keys.start_sign_in(provider_id, callback_url()))
        go_to(url)

    ctx.run(leave())


class WelcomeCard:
    """The ways to start, shown while ``welcome_done`` is false."""

    def __init__(self, ctx: UiContext, scope: Scope) -> None:
        self.ctx = ctx
        self.scope = scope
        buttons = [
            self._button(tr("welcome.demo"), self._demo, primary=True),
            *[
                self._button(tr("welcome.sign_in", provider=p.label), self._sign_in(p.provider_id))
                for p in ctx.providers.providers
                if p.sign_in
            ],
            self._button(tr("welcome.key"), self._key),
        ]
        self.node: Node = h(
            "section",
            {"class_": "card stack welcome-card", "id": "welcome", "aria_labelledby": "welcome-title"},
            h("h2", {"id": "welcome-title"}, tr("welcome.title")),
            h("p", None, tr("welcome.lead")),
            h("div", {"class_": "row"}, buttons),
            h(
                "p",
                {"class_": "small muted"},
                tr("welcome.note", providers=", ".join(p.label for p in ctx.providers.providers)),
            ),
        )

    def update(self, state: AppState) -> None:
        hide = state.settings is None or state.settings.welcome_done
        focused = active_element()
        had_focus = hide and not self.node.hidden and focused is not None and bool(self.node.contains(focused))
        set_attrs(self.node, hidden=hide)
        if had_focus:  # a way to start was chosen here: focus goes on to the prompt, not to <body>
            focus(by_id("prompt"))

    def _button(self, label: str, handler: Any, *, primary: bool = False) -> Node:
        kind = "btn primary" if primary else "btn"
        return h("button", {"type": "button", "class_": kind, "on_click": handler}, label, scope=self.scope)

    def _demo(self, _event: Any) -> None:
        self.ctx.run(self.ctx.intents.do(lambda c: c.set_demo_mode(True)))

    def _sign_in(self, provider_id: str) -> Any:
        return lambda _event: sign_in(self.ctx, provider_id)

    def _key(self, _event: Any) -> None:
        KeyDialog(self.ctx).open()


class KeyDialog:
    """Paste a key for any provider; saved, it leads to Settings."""

    def __init__(self, ctx: UiContext) -> None:
        self.ctx = ctx
        self.dialog = Dialog("key-dialog-title")

    def open(self) -> None:
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
        picker.value = self.ctx.provider_id()
        self.dialog.open(
            dialog_body(
                "key-dialog-title",
                tr("welcome.key_dialog.title"),
                h("p", None, tr("welcome.key_dialog.text")),
                h("div", {"class_": "field"}, h("label", {"for_": "welcome-provider"}, tr("toolbar.provider")), picker),
                area,
                security_note(),
            )
        )
        show(self.ctx.provider_id())

    def _saved(self, provider_id: str) -> None:
        self.dialog.close()
        toast(tr("welcome.key_saved"))
        self.ctx.run(self.ctx.intents.do(lambda c: c.choose_provider(provider_id)))
        push_url(href(Route.SETTINGS))
        self.ctx.store.update(location=Location(Route.SETTINGS))
