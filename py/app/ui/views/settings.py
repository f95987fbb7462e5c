"""Settings: key vault, endpoint, preferences, prices and storage."""

from __future__ import annotations

from app.browser.dom import Node, h
from app.core.state import AppState
from app.ui.settings.endpoint_section import EndpointSection
from app.ui.settings.key_section import KeySection
from app.ui.settings.prefs_section import PrefsSection
from app.ui.settings.prices_section import PricesSection
from app.ui.settings.section import Section
from app.ui.settings.storage_section import StorageSection
from app.ui.views.base import View, view_header

SECTIONS: tuple[type[Section], ...] = (KeySection, EndpointSection, PrefsSection, PricesSection, StorageSection)


class SettingsView(View):
    title = "Settings"

    def render(self) -> Node:
        self.sections = [section(self.ctx, self.scope) for section in SECTIONS]
        root = h(
            "section",
            {"class_": "stack settings"},
            view_header("Settings", "Your key, endpoint and preferences. Everything stays in this browser."),
            *[s.node for s in self.sections],
        )
        for section in self.sections:
            section.update(self.ctx.store.state, AppState())
        self.ctx.run(self.ctx.intents.do(lambda c: c.refresh_storage()))
        return root

    def update(self, state: AppState, old: AppState) -> None:
        for section in self.sections:
            section.update(state, old)
