"""Settings: providers (keys, endpoints), demo mode, the key vault, preferences, prices, backup, storage."""

from __future__ import annotations

from app.browser.dom import Node, h
from app.core.i18n import tr
from app.core.state import AppState
from app.ui.settings.backup_section import BackupSection
from app.ui.settings.demo_section import DemoSection
from app.ui.settings.prefs_section import PrefsSection
from app.ui.settings.prices_section import PricesSection
from app.ui.settings.provider_card import ProviderCard
from app.ui.settings.section import Section
from app.ui.settings.storage_section import StorageSection
from app.ui.settings.vault_section import VaultSection
from app.ui.views.base import View, view_header


class SettingsView(View):
    def render(self) -> Node:
        self.cards = [ProviderCard(self.ctx, self.scope, p) for p in self.ctx.providers.providers]
        self.sections: list[Section] = [
            DemoSection(self.ctx, self.scope),
            VaultSection(self.ctx, self.scope),
            PrefsSection(self.ctx, self.scope),
            PricesSection(self.ctx, self.scope),
            BackupSection(self.ctx, self.scope),
            StorageSection(self.ctx, self.scope),
        ]
        providers = h(
            "section",
            {"class_": "stack", "aria_labelledby": "providers-title", "id": "providers"},
            h("h2", {"id": "providers-title"}, tr("settings.providers")),
            [card.node for card in self.cards],
        )
        root = h(
            "section",
            {"class_": "stack settings"},
            view_header(tr("shell.nav.settings"), tr("settings.lead")),
            providers,
            *[s.node for s in self.sections],
        )
        self.update(self.ctx.store.state, AppState())
        self.ctx.run(self.ctx.intents.do(lambda c: c.refresh_storage()))
        return root

    def update(self, state: AppState, old: AppState) -> None:
        for card in self.cards:
            card.update(state, old)
        for section in self.sections:
            section.update(state, old)
