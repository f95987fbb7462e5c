"""A prompt preset as stored in the ``presets`` store and carried in export bundles.

Only the shape is fixed here, so bundles can carry presets (an empty list until the app
makes some) and an import can check them; what a preset's ``settings`` hold is the
presets feature's business (the New Render fields it restores).
"""

from __future__ import annotations

from typing import Any

from pydantic import ConfigDict, Field

from app.core.model_base import Model

MAX_PRESET_SETTINGS = 64  # fields: a preset is a form's worth of choices, not a store


class PresetRecord(Model):
    model_config = ConfigDict(frozen=True, extra="ignore")

    id: str = Field(min_length=1, max_length=128)
    name: str = Field(min_length=1, max_length=200)
    prompt: str = Field(default="", max_length=32_000)
    provider_id: str = ""  # "" = whichever provider is in use when applied
    settings: dict[str, Any] = Field(default_factory=dict, max_length=MAX_PRESET_SETTINGS)  # field -> value
    created_at: float = 0.0
    updated_at: float = 0.0
