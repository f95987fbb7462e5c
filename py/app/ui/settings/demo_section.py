"""Demo mode: every provider's simulated API on this server, no key, no cost."""

from __future__ import annotations

from typing import Any

from app.browser.dom import Scope, h, set_attrs
from app.core.i18n import tr
from app.core.state import AppState, Phase
from app.ui.context import UiContext
from app.ui.settings.section import Section, card


class DemoSection(Section):
    def __init__(self, ctx: UiContext, scope: Scope) -> None:
        super().__init__(ctx, scope)
        self.demo = h(
            "input", {"type": "checkbox", "id": "demo-mode", "role": "switch", "on_change": self._on_demo}, scope=scope
        )
        self.node = card(
            "demo",
            tr("demo.title"),
            h(
                "div",
                {"class_": "row"},
                self.demo,
                h("label", {"for_": "demo-mode"}, tr("demo.label")),
                h("span", {"class_": "muted small"}, tr("demo.hint")),
            ),
        )

    def update(self, state: AppState, old: AppState) -> None:
        set_attrs(self.demo, disabled=state.phase is not Phase.READY)
        if state.settings is not None and state.settings != old.settings:
            self.demo.checked = state.settings.demo_mode

    def _on_demo(self, _event: Any) -> None:
        enabled = bool(self.demo.checked)
        self.ctx.run(self.ctx.intents.do(lambda c: c.set_demo_mode(enabled)))
