"""``GET /videos/models`` validated into catalogue entries, then into model capabilities.

The API is alpha and its entries differ from model to model: live answers leave out
fields the OpenAPI description lists (``upscale_factor``, ``creativity``) and others
are ``null``. So every field is optional, a field of the wrong shape counts as unknown
(``None``) instead of failing the whole list, an entry without an id is skipped, and
only ``{"data": [...]}`` itself must be right.
"""

from __future__ import annotations

import math
from typing import Annotated, Any

from pydantic import BeforeValidator

from app.core.capabilities import ModelCapability
from app.core.http import HttpResponse
from app.core.providers.codec_kit import Flag, Lenient, Text, validated
from app.core.providers.openrouter.entries import CatalogueEntry, capability_of


def _texts(value: Any) -> tuple[str, ...] | None:
    """A list of strings (others dropped); anything but a list is unknown."""
    if not isinstance(value, list):
        return None
    return tuple(v.strip() for v in value if isinstance(v, str) and v.strip())


def _integers(value: Any) -> tuple[int, ...] | None:
    """A list of whole numbers (``8`` or ``8.0``; others dropped); anything but a list is unknown."""
    if not isinstance(value, list):
        return None
    whole = (v for v in value if isinstance(v, int | float) and not isinstance(v, bool) and float(v).is_integer())
    return tuple(int(v) for v in whole)


def _epoch(value: Any) -> int | None:
    number = isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
    return int(value) if number else None


def _skus(value: Any) -> dict[str, object] | None:
    return {str(k): v for k, v in value.items()} if isinstance(value, dict) else None


Texts = Annotated[tuple[str, ...] | None, BeforeValidator(_texts)]


class VideoModelEntry(Lenient):
    """One entry of ``data``: every field optional; a wrong shape is unknown."""

    id: str
    name: Text = ""
    description: Text = ""
    created: Annotated[int | None, BeforeValidator(_epoch)] = None
    supported_resolutions: Texts = None
    supported_aspect_ratios: Texts = None
    supported_sizes: Texts = None
    supported_durations: Annotated[tuple[int, ...] | None, BeforeValidator(_integers)] = None
    supported_frame_images: Texts = None
    generate_audio: Flag = None
    seed: Flag = None
    pricing_skus: Annotated[dict[str, object] | None, BeforeValidator(_skus)] = None
    allowed_passthrough_parameters: Texts = None

    def entry(self) -> CatalogueEntry:
        return CatalogueEntry(
            id=self.id,
            name=self.name,
            description=self.description,
            created=self.created,
            resolutions=self.supported_resolutions,
            aspect_ratios=self.supported_aspect_ratios,
            sizes=self.supported_sizes,
            durations=self.supported_durations,
            frame_images=self.supported_frame_images,
            generate_audio=self.generate_audio,
            seed=self.seed,
            pricing_skus=self.pricing_skus,
            passthrough=self.allowed_passthrough_parameters,
        )


class ModelList(Lenient):
    data: list[Any]


def entries_of(payload: ModelList) -> tuple[CatalogueEntry, ...]:
    """The entries that have an id (others skipped: nothing could be sent for them)."""
    found = []
    for raw in payload.data:
        if isinstance(raw, dict) and isinstance(raw.get("id"), str) and raw["id"].strip():
            found.append(VideoModelEntry.model_validate({**raw, "id": raw["id"].strip()}).entry())
    return tuple(found)


def parse_catalogue(response: HttpResponse, *, as_of: str) -> tuple[ModelCapability, ...]:
    """Every model the app can offer, priced as of ``as_of`` (the day the list was read)."""
    listing = validated(ModelList, response)
    models: dict[str, ModelCapability] = {}
    for entry in entries_of(listing):
        model = capability_of(entry, as_of=as_of)
        if model is not None and model.id not in models:  # the first of a repeated id wins
            models[model.id] = model
    return tuple(models.values())
