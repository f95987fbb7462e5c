"""Prompt presets: save the New Render form under a name, rename, delete, and load them.

Each change is written first, then shown (``state.presets``, by name). Saving under a
name that exists replaces that preset's contents (it keeps its id, so a bundle made
before still merges with it); renaming onto another preset's name is refused.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from pydantic import ValidationError

from app.core.compose import Draft
from app.core.errors import InputError
from app.core.i18n import tr
from app.core.preset_record import PresetRecord
from app.core.presets import in_order, named, preset_name, preset_of
from app.core.state import AppState
from app.core.store import Store
from app.core.stores import PRESETS
from app.services.ports import Clock, Delete, Put, RecordStore


class PresetService:
    def __init__(
        self,
        store: Store[AppState],
        records: RecordStore,
        clock: Clock,
        *,
        new_id: Callable[[], str] = lambda: uuid.uuid4().hex,
    ) -> None:
        self.store = store
        self._records = records
        self._clock = clock
        self._new_id = new_id

    async def load(self) -> None:
        """Read every stored preset (one the app cannot read is left out, not fatal)."""
        presets = []
        for raw in await self._records.get_all(PRESETS):
            try:
                presets.append(PresetRecord.model_validate(raw))
            except ValidationError:
                continue
        self.store.update(presets=in_order(presets))

    def get(self, preset_id: str) -> PresetRecord:
        preset = next((p for p in self.store.state.presets if p.id == preset_id), None)
        if preset is None:
            raise InputError("preset", tr("svc.preset.gone"))
        return preset

    async def save(self, name: str, draft: Draft, provider_id: str) -> tuple[PresetRecord, bool]:
        """Store the form as preset ``name``; ``(preset, replaced an existing one)``."""
        existing = named(self.store.state.presets, preset_name(name))
        preset = preset_of(
            draft,
            preset_id=existing.id if existing else self._new_id(),
            name=name,
            provider_id=provider_id,
            now=self._clock.now(),
            created_at=existing.created_at if existing else None,
        )
        await self._put(preset)
        return preset, existing is not None

    async def rename(self, preset_id: str, name: str) -> PresetRecord:
        preset = self.get(preset_id)
        clean = preset_name(name)
        other = named(self.store.state.presets, clean)
        if other is not None and other.id != preset_id:
            raise InputError("preset_name", tr("svc.preset.exists", name=other.name))
        renamed = preset.model_copy(update={"name": clean, "updated_at": self._clock.now()})
        await self._put(renamed)
        return renamed

    async def delete(self, preset_id: str) -> None:
        await self._records.write([Delete(PRESETS, preset_id)])
        self.store.update(presets=tuple(p for p in self.store.state.presets if p.id != preset_id))

    async def _put(self, preset: PresetRecord) -> None:
        await self._records.write([Put(PRESETS, preset.model_dump(mode="json"))])
        others = [p for p in self.store.state.presets if p.id != preset.id]
        self.store.update(presets=in_order([*others, preset]))
