"""The intents views can dispatch, carried out over the services and the store.

Views call these methods (through the page's task runner); the controller updates the
store only after the change is persisted, so what the user sees is what is saved.
"""

from __future__ import annotations

from typing import Any

from app.core.endpoint import check_base_url
from app.core.errors import InputError
from app.core.routes import Location
from app.core.settings import Settings
from app.core.state import AppState, Phase
from app.core.store import Store
from app.services.settings_service import SettingsService


class Controller:
    """Settings-level intents (more services join as features land)."""

    def __init__(self, store: Store[AppState], settings: SettingsService) -> None:
        self.store = store
        self.settings_service = settings

    @property
    def settings(self) -> Settings:
        current = self.store.state.settings
        if current is None:
            raise RuntimeError("settings are not loaded yet")
        return current

    async def hydrate(self) -> bool:
        """Load the settings; returns True on first run (no stored record)."""
        settings, existed = await self.settings_service.load()
        self.store.update(settings=settings, phase=Phase.READY)
        return not existed

    def navigate(self, location: Location) -> None:
        self.store.update(location=location)

    async def change_settings(self, **changes: Any) -> Settings:
        updated = await self.settings_service.change(self.settings, **changes)
        self.store.update(settings=updated)
        return updated

    async def set_demo_mode(self, enabled: bool) -> None:
        await self.change_settings(demo_mode=enabled, welcome_done=True)

    async def set_base_url(self, text: str) -> str:
        """Save a new API base URL; returns the warning to show (may be empty)."""
        check = check_base_url(text)
        if not check.ok:
            raise InputError("base_url", check.error)
        await self.change_settings(base_url=check.url, demo_mode=False)
        return check.warning
