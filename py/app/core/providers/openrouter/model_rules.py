"""What OpenRouter's model list does not say outright, read the one way both the built-in
list and the live catalogue use (standard library only).

The catalogue gives sets and flags; the app also needs defaults, whether sound can be
switched off, how many reference images a model takes, how a negative prompt travels
and which choices exclude each other. Each reading is a small rule here, so the
fallback models in :mod:`.capabilities` and the parsed catalogue can never disagree.
Readings not confirmed by OpenRouter are marked [U].
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from app.core.capabilities import Audio, Constraint
from app.core.i18n import tr

PREFERRED_ASPECT = "16:9"
PREFERRED_RESOLUTION = "720p"
PREFERRED_SIZE = "1280x720"
RANGE_MIN_VALUES = 6  # a contiguous list this long is a slider, not a row of tiles
VEO_PREFIX = "google/veo-3.1"
VEO_FULL_LENGTH_ONLY = ("1080p", "4k")  # Veo 3.1 renders these only at 8 s
VEO_FULL_LENGTH = 8

# Provider slugs for ``provider.options`` (Veo: OpenRouter's cookbook; the others [U], as
# the simulator names them). Any other model: the vendor part of its id [U].
PROVIDER_SLUGS: tuple[tuple[str, str], ...] = (
    ("google/", "google-vertex"),
    ("bytedance/seedance", "byteplus"),
    ("x-ai/", "xai"),
)
# Reference images a model takes [U: OpenRouter lists no limit]. A model not named here
# takes none, unless its prices charge per reference (then one).
REFERENCE_LIMITS: tuple[tuple[str, int], ...] = (("google/veo-3.1", 3), ("bytedance/seedance-2", 9))


def preferred(values: Sequence[str], wanted: str) -> str:
    """``wanted`` when offered, else the first value listed (empty when none)."""
    if wanted in values:
        return wanted
    return values[0] if values else ""


def is_range(durations: Sequence[int]) -> bool:
    """Every whole second between the ends, and long enough to be shown as a slider."""
    ordered = sorted(set(durations))
    return len(ordered) >= RANGE_MIN_VALUES and ordered[-1] - ordered[0] + 1 == len(ordered)


def audio_of(generate_audio: bool | None, sku_keys: Iterable[str]) -> tuple[Audio, bool]:
    """``(audio, default on)`` from the ``generate_audio`` flag and the price keys.

    ``true`` means the model makes sound and does so unless told not to. It can be told
    not to (OPTIONAL) when its prices tell the two apart: a ``without_audio`` key, or a
    ``with_audio`` key beside a base rate that names no audio (Kling); otherwise the
    sound is simply part of the video (ALWAYS). ``false`` and unknown (``null``): NONE,
    so the app never asks for sound it cannot promise.
    """
    if generate_audio is not True:
        return Audio.NONE, False
    keys = [key.lower() for key in sku_keys]
    priced_apart = any("without_audio" in k for k in keys) or (
        any("with_audio" in k for k in keys) and any("audio" not in k for k in keys)
    )
    return (Audio.OPTIONAL, True) if priced_apart else (Audio.ALWAYS, True)


def reference_limit(model_id: str, sku_keys: Iterable[str]) -> int:
    """How many reference images to offer (see :data:`REFERENCE_LIMITS`) [U]."""
    for prefix, limit in REFERENCE_LIMITS:
        if model_id.startswith(prefix):
            return limit
    return 1 if any(k.lower().startswith("reference") for k in sku_keys) else 0


def provider_slug(model_id: str) -> str:
    for prefix, slug in PROVIDER_SLUGS:
        if model_id.startswith(prefix):
            return slug
    return model_id.split("/", 1)[0]


@dataclass(frozen=True)
class NegativePromptRoute:
    """Where a negative prompt goes in ``provider.options``: ``{slug: {key: text}}``, or
    ``{slug: {"parameters": {key: text}}}`` when ``nested`` (Veo, per OpenRouter's cookbook)."""

    slug: str
    key: str
    nested: bool

    def options(self, text: str) -> dict[str, object]:
        value: dict[str, object] = {self.key: text}
        return {self.slug: {"parameters": value} if self.nested else value}


def negative_prompt_route(model_id: str) -> NegativePromptRoute:
    """Veo: ``google-vertex`` → ``parameters.negativePrompt``; others: ``negative_prompt`` [U]."""
    if model_id.startswith("google/"):
        return NegativePromptRoute(provider_slug(model_id), "negativePrompt", nested=True)
    return NegativePromptRoute(provider_slug(model_id), "negative_prompt", nested=False)


def takes_negative_prompt(model_id: str, passthrough: Iterable[str]) -> bool:
    """The model's passthrough parameters include the key its route sends."""
    return negative_prompt_route(model_id).key in set(passthrough)


def veo_rule(model_id: str, resolutions: Sequence[str], durations: Sequence[int]) -> Constraint | None:
    """Veo 3.1 at 1080p or 4K only at 8 s (OpenRouter answers 400 otherwise)."""
    if not model_id.startswith(VEO_PREFIX) or VEO_FULL_LENGTH not in durations:
        return None
    full = tuple(r for r in resolutions if r.lower() in VEO_FULL_LENGTH_ONLY)
    if not full:
        return None
    return Constraint(
        when="resolution",
        values=full,
        field="seconds",
        allowed=(str(VEO_FULL_LENGTH),),
        message=tr(
            "plat.openrouter.veo_full_length", resolutions=tr("plat.word.and").join(full), seconds=VEO_FULL_LENGTH
        ),
    )


def sku_keys(skus: Mapping[str, object] | None) -> tuple[str, ...]:
    return tuple(skus or ())
