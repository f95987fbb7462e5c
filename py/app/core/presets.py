"""Prompt presets: a named prompt with the New Render choices, saved from the form, applied back.

A preset keeps the form's fields by name (``settings``), not a frozen copy of the draft,
so a field the form gains later is simply absent from older presets, and a value of the
wrong type (an edited bundle) is left out instead of breaking the form. Names are unique
as people read them: letter case and Unicode spelling do not make a second "Noir".
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any, get_args

from app.core.bundle.names import same_name_key
from app.core.compose import Draft, ImageFit
from app.core.errors import InputError
from app.core.i18n import tr
from app.core.preset_record import PresetRecord

MAX_NAME = 80
IMAGE_FITS = frozenset(get_args(ImageFit))
# Not the prompt (kept apart) nor a link to a clip being continued (a fact of this form, not a choice).
_NOT_KEPT = ("prompt", "continues")
PRESET_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Draft) if f.name not in _NOT_KEPT)
_TYPES: Mapping[str, tuple[type, ...]] = {
    f.name: ((bool, type(None)) if f.name == "audio" else (type(f.default),)) for f in dataclasses.fields(Draft)
}


def preset_name(text: str) -> str:
    """The name as stored (trimmed); ``InputError`` when empty or too long."""
    name = " ".join(text.split())
    if not name:
        raise InputError("preset_name", tr("plat.preset.no_name"))
    if len(name) > MAX_NAME:
        raise InputError("preset_name", tr("plat.preset.too_long", max=MAX_NAME))
    return name


def named(presets: Iterable[PresetRecord], name: str) -> PresetRecord | None:
    """The preset called ``name`` (the same as people read it), if any."""
    key = same_name_key(name)
    return next((p for p in presets if same_name_key(p.name) == key), None)


def preset_of(
    draft: Draft, *, preset_id: str, name: str, provider_id: str, now: float, created_at: float | None = None
) -> PresetRecord:
    """The draft's prompt and choices as a preset (images are not kept: they are the user's files)."""
    settings = {field: getattr(draft, field) for field in PRESET_FIELDS}
    return PresetRecord(
        id=preset_id,
        name=preset_name(name),
        prompt=draft.prompt,
        provider_id=provider_id,
        settings=settings,
        created_at=now if created_at is None else created_at,
        updated_at=now,
    )


def applied(draft: Draft, preset: PresetRecord) -> Draft:
    """``draft`` with the preset's prompt and every choice it holds of the right type."""
    changes: dict[str, Any] = {"prompt": preset.prompt}
    for field, value in preset.settings.items():
        kinds = _TYPES.get(field)
        if field in PRESET_FIELDS and kinds is not None and isinstance(value, kinds):
            if field == "seconds" and isinstance(value, bool):
                continue  # a bool is an int to Python, not a duration
            if field == "image_fit" and value not in IMAGE_FITS:
                continue
            changes[field] = value
    return dataclasses.replace(draft, **changes)


def in_order(presets: Iterable[PresetRecord]) -> tuple[PresetRecord, ...]:
    """Alphabetical, as people read names."""
    return tuple(sorted(presets, key=lambda p: (same_name_key(p.name), p.id)))
