"""Load, validate and save the settings record."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from app.core.settings import Settings
from app.core.stores import SETTINGS
from app.services.ports import Put, RecordStore

KEY = "app"


class SettingsService:
    """The single settings record; invalid stored data falls back to defaults, never crashes."""

    def __init__(self, records: RecordStore, *, default_provider: str = "") -> None:
        self._records = records
        self._default_provider = default_provider

    async def load(self) -> tuple[Settings, bool]:
        """The stored settings and whether a record existed (False on first run)."""
        raw = await self._records.get(SETTINGS, KEY)
        if raw is None:
            return Settings(provider_id=self._default_provider), False
        try:
            return Settings.model_validate(raw), True
        except ValidationError:
            return Settings.model_validate(_salvage(raw)), True

    async def save(self, settings: Settings) -> Settings:
        await self._records.write([Put(SETTINGS, settings.model_dump(mode="json"))])
        return settings

    async def change(self, current: Settings, **changes: Any) -> Settings:
        """Validate ``changes`` against the model, then persist; raises ``ValidationError``."""
        updated = Settings.model_validate({**current.model_dump(), **changes})
        return await self.save(updated)


def _salvage(raw: Any) -> dict[str, Any]:
    """Keep every stored field that is still valid on its own; drop the rest."""
    if not isinstance(raw, dict):
        return {}
    kept: dict[str, Any] = {}
    for name, value in raw.items():
        if name not in Settings.model_fields:
            continue
        try:
            Settings.model_validate({name: value})
        except ValidationError:
            continue
        kept[name] = value
    return kept
