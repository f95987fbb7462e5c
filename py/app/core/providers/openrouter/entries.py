"""One ``GET /videos/models`` entry as plain data, and the :class:`ModelCapability` it gives.

Standard library only: the built-in model list (:mod:`.capabilities`) is written as
entries and goes through :func:`capability_of` exactly like the live catalogue
(:mod:`.catalogue` only validates the JSON into entries), so both read the same way.

Readings (``null`` and a missing field mean *unknown*, never *no*):

- durations: sorted; the first one listed is the default (Veo 3.1 Lite lists 8 first);
  a long contiguous list is a range. Unknown durations: the model is left out, since
  no request could be checked before it is sent.
- frames: see :func:`~.frames.read_frames`. Defaults prefer 16:9, 720p and 1280x720.
- images: first/last frame as listed (unknown: none); references per
  :func:`~.model_rules.reference_limit`; sent inline, so any size (no exact match).
- audio, seed, negative prompt: see :mod:`.model_rules`; an unknown ``seed`` is no seed.
- ids starting ``openai/sora`` are left out: OpenAI's video API is shut down.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field

from app.core.capabilities import ImageInputs, ModelCapability, ModelLife
from app.core.i18n import tr
from app.core.providers.openrouter.frames import read_frames
from app.core.providers.openrouter.model_rules import (
    PREFERRED_ASPECT,
    PREFERRED_RESOLUTION,
    PREFERRED_SIZE,
    audio_of,
    is_range,
    preferred,
    reference_limit,
    sku_keys,
    takes_negative_prompt,
    veo_rule,
)
from app.core.providers.openrouter.skus import sheet_from_skus

HIDDEN_PREFIXES = ("openai/sora",)


@dataclass(frozen=True)
class CatalogueEntry:
    """The fields of a catalogue entry the app reads (``None``: the API did not say)."""

    id: str
    name: str = ""
    description: str = ""
    created: int | None = None
    resolutions: tuple[str, ...] | None = None
    aspect_ratios: tuple[str, ...] | None = None
    sizes: tuple[str, ...] | None = None
    durations: tuple[int, ...] | None = None
    frame_images: tuple[str, ...] | None = None
    generate_audio: bool | None = None
    seed: bool | None = None
    pricing_skus: Mapping[str, object] | None = field(default=None, hash=False)
    passthrough: tuple[str, ...] | None = None


def hidden(model_id: str) -> bool:
    return model_id.startswith(HIDDEN_PREFIXES)


def capability_of(entry: CatalogueEntry, *, as_of: str) -> ModelCapability | None:
    """The model as the app offers it, priced as of ``as_of``; ``None`` when it cannot be offered."""
    durations = tuple(d for d in entry.durations or () if d > 0)
    if hidden(entry.id) or not durations:
        return None
    label = entry.name.strip() or entry.id
    frame = read_frames(label, entry.resolutions, entry.aspect_ratios, entry.sizes)
    keys = sku_keys(entry.pricing_skus)
    audio, audio_default = audio_of(entry.generate_audio, keys)
    veo = veo_rule(entry.id, frame.resolutions, durations)
    frames = set(entry.frame_images or ())
    return ModelCapability(
        id=entry.id,
        label=label,
        family=entry.id.split("/", 1)[0],
        durations=tuple(sorted(set(durations))),
        default_duration=durations[0],
        durations_are_range=is_range(durations),
        sizes=frame.sizes,
        aspect_ratios=frame.aspect_ratios,
        resolutions=frame.resolutions,
        default_size=preferred(frame.sizes, PREFERRED_SIZE),
        default_aspect_ratio=preferred(frame.aspect_ratios, PREFERRED_ASPECT),
        default_resolution=preferred(frame.resolutions, PREFERRED_RESOLUTION),
        constraints=(*((veo,) if veo else ()), *frame.rules),
        images=ImageInputs(
            first_frame="first_frame" in frames,
            last_frame="last_frame" in frames,
            max_references=reference_limit(entry.id, keys),
            must_match_size=False,
            note=tr("plat.openrouter.image_note"),
        ),
        audio=audio,
        audio_default=audio_default,
        seed=entry.seed is True,
        negative_prompt=takes_negative_prompt(entry.id, entry.passthrough or ()),
        life=ModelLife(released=_date(entry.created)),
        prices=sheet_from_skus(entry.pricing_skus, as_of=as_of),
        description=entry.description.strip(),
    )


def _date(created: int | None) -> str | None:
    """``created`` (epoch seconds) as an ISO date."""
    if created is None or created <= 0:
        return None
    try:
        return time.strftime("%Y-%m-%d", time.gmtime(created))
    except (OverflowError, OSError, ValueError):
        return None  # far outside any real date
