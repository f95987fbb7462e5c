"""Endpoint: demo mode switch and the API base URL."""

from __future__ import annotations

from typing import Any

from app.browser.dom import Scope, h, set_attrs
from app.core.endpoint import check_base_url
from app.core.errors import InputError
from app.core.state import AppState, Phase
from app.ui.context import UiContext
from app.ui.forms import Field, button, text_input
from app.ui.settings.section import Section, card


class EndpointSection(Section):
    def __init__(self, ctx: UiContext, scope: Scope) -> None:
        super().__init__(ctx, scope)
        self.demo = h(
            "input", {"type": "checkbox", "id": "demo-mode", "role": "switch", "on_change": self._on_demo}, scope=scope
        )
        self.save = button("Save endpoint", self._on_save, scope)
        self.url = Field(
            "base-url",
            "API base URL",
            text_input("base_url", kind="url", inputmode="url"),
            hint="Any OpenAI-compatible endpoint that serves /videos, e.g. https://api.openai.com/v1, or a gateway "
            "on this computer (http://localhost:…).",
            extra=self.save,
        )
        self.url_note = h("p", {"id": "base-url-note", "class_": "field-hint", "aria_live": "polite"})
        scope.on(self.url.control, "input", self._on_input)
        self.node = card(
            "endpoint",
            "Endpoint",
            h("div", {"class_": "notice warn"}, h("p", None, ctx.capabilities.notice)),
            h(
                "div",
                {"class_": "row"},
                self.demo,
                h("label", {"for_": "demo-mode"}, "Demo mode"),
                h("span", {"class_": "muted small"}, "The simulated Videos API on this server: no key, no cost."),
            ),
            self.url.node,
            self.url_note,
        )

    def update(self, state: AppState, old: AppState) -> None:
        ready = state.phase is Phase.READY and state.settings is not None
        for control in (self.demo, self.url.control, self.save):
            set_attrs(control, disabled=not ready)
        settings = state.settings
        if settings is not None and (old.settings is None or settings != old.settings):
            self.demo.checked = settings.demo_mode
            self.url.control.value = settings.chosen_base_url(self.ctx.capabilities)

    def _on_demo(self, _event: Any) -> None:
        enabled = bool(self.demo.checked)
        self.ctx.run(self.ctx.intents.do(lambda c: c.set_demo_mode(enabled)))

    def _on_input(self, _event: Any) -> None:
        check = check_base_url(self.url.value)
        self.url.show_error(check.error)
        self.url_note.textContent = check.warning

    def _on_save(self, _event: Any) -> None:
        text = self.url.value

        async def save() -> None:
            try:
                warning = await self.ctx.intents.do(lambda c: c.set_base_url(text))
            except InputError as exc:
                self.url.show_error(exc.message)
                return
            self.url.clear()
            self.url_note.textContent = warning or "Saved. Demo mode is off: calls now go to this endpoint."

        self.ctx.run(save())
