"""Capability data of Google's Gemini API for video: Gemini Omni Flash over the Interactions API.

Contract: ``docs/providers/gemini-omni.md``. Standard library only, like every provider's
capability module, so a simulator or a tool can read the same copy. Lifecycle facts are
dated here (id, release, shutdown, replacement) so pickers hide what Google retired and
old jobs still find their model and its replacement. Durations of 1.2 are disputed
(3–15 s or 3–10 s): the app offers 3–15 s and lets the API's 400 be the last word.
"""

from __future__ import annotations

from enum import StrEnum

from app.core.capabilities import (
    Audio,
    Auth,
    Constraint,
    ImageInputs,
    ModelCapability,
    ModelLife,
    Operation,
    ProviderCapabilities,
)
from app.core.providers.gemini_omni.prices import USD_PER_MILLION_VIDEO_TOKENS, sheet_for

PROVIDER_ID = "gemini"
DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com/v1beta"
DEFAULT_MODEL = "gemini-omni-1.2-flash"
VEO_SHUTDOWN = "2026-10-22"
OMNI_FAMILY = "gemini-omni-flash"

ASPECT_RATIOS: tuple[str, ...] = ("16:9", "9:16")
RESOLUTIONS: tuple[str, ...] = ("360p", "720p", "1080p", "4k")  # lower case: "4K" is a 400
IMAGE_MIME_TYPES: tuple[str, ...] = ("image/png", "image/jpeg", "image/webp", "image/heic", "image/heif")
MAX_IMAGE_BYTES = 20 * 1024 * 1024  # the whole request body, all images together
PROMPT_MAX_CHARS = 32_000  # the app's cap; Google publishes none for Omni, its 400 decides
FILE_TTL_S = 48 * 3600  # generated files last about 48 h [unverified]: download at once

# Extend (previous_interaction_id + the seconds to add): 3–10 s a call, 30 s in all.
EXTEND_MIN_SECONDS = 3
EXTEND_MAX_SECONDS = 10
EXTEND_MAX_TOTAL_SECONDS = 30  # Google's 1.1 cookbook says 40 s; 1.2's reports say 30 s

# A first + last frame video is at most 10 s on 1.2 [unverified]. The rule reads the
# choice ``last_frame`` ("true" when a last frame is attached).
FIRST_LAST_MAX_SECONDS = 10
LAST_FRAME_CHOICE = "last_frame"


class Delivery(StrEnum):
    """How Gemini returns the video: a file URI to download, or base64 inside the poll answer."""

    URI = "uri"  # the default: no ~4 MB ceiling
    INLINE = "inline"  # no download (and no download CORS), but the whole MP4 in the JSON


def extend_durations(current_seconds: int) -> tuple[int, ...]:
    """The seconds one extend may add to a video of ``current_seconds`` (empty: at the cap)."""
    most = min(EXTEND_MAX_SECONDS, EXTEND_MAX_TOTAL_SECONDS - current_seconds)
    return tuple(range(EXTEND_MIN_SECONDS, most + 1))


def _seconds(low: int, high: int) -> tuple[int, ...]:
    return tuple(range(low, high + 1))


def _images(max_references: int) -> ImageInputs:
    refs = f" Up to {max_references} reference images (people, objects, styles)." if max_references else ""
    return ImageInputs(
        first_frame=True,
        last_frame=True,
        max_references=max_references,
        mime_types=IMAGE_MIME_TYPES,
        max_bytes=MAX_IMAGE_BYTES,
        note=(
            "Images are sent first and bound to their roles by tags the app writes into the prompt "
            f"(<FIRST_FRAME>, <LAST_FRAME>, <IMAGE_REF_n>). A last frame needs a first frame; a video "
            f"with both is at most {FIRST_LAST_MAX_SECONDS} s.{refs}"
        ),
    )


def _first_last_rule(label: str, durations: tuple[int, ...]) -> Constraint:
    return Constraint(
        when=LAST_FRAME_CHOICE,
        values=("true",),
        field="seconds",
        allowed=tuple(str(s) for s in durations if s <= FIRST_LAST_MAX_SECONDS),
        message=f"With a first and a last frame, {label} makes at most {FIRST_LAST_MAX_SECONDS} s.",
    )


def _omni(model_id: str, label: str, high: int, references: int, life: ModelLife, description: str) -> ModelCapability:
    durations = _seconds(3, high)
    return ModelCapability(
        id=model_id,
        label=label,
        family=OMNI_FAMILY,
        durations=durations,
        default_duration=8,
        durations_are_range=True,
        aspect_ratios=ASPECT_RATIOS,
        resolutions=RESOLUTIONS,
        default_aspect_ratio="16:9",
        default_resolution="720p",
        constraints=(_first_last_rule(label, durations),) if high > FIRST_LAST_MAX_SECONDS else (),
        images=_images(references),
        audio=Audio.ALWAYS,
        seed=True,
        negative_prompt=False,  # write "Do not include …" into the prompt instead
        life=life,
        prices=sheet_for(model_id),
        extend_seconds=_seconds(EXTEND_MIN_SECONDS, EXTEND_MAX_SECONDS),
        max_total_seconds=EXTEND_MAX_TOTAL_SECONDS,
        description=description,
    )


def _retired(model_id: str, label: str, family: str, shutdown: str, durations: tuple[int, ...]) -> ModelCapability:
    """A retired id: never offered, kept so old jobs are explained (the API answers 404)."""
    return ModelCapability(
        id=model_id,
        label=label,
        family=family,
        durations=durations,
        default_duration=durations[-1],
        aspect_ratios=ASPECT_RATIOS,
        resolutions=("720p", "1080p"),
        default_aspect_ratio="16:9",
        default_resolution="720p",
        audio=Audio.ALWAYS,
        life=ModelLife(shutdown=shutdown, replacement=DEFAULT_MODEL),
        prices=sheet_for(model_id),
        description=f"Retired by Google on {shutdown} (the API answers 404 “… is no longer available”).",
    )


OMNI_12 = _omni(
    DEFAULT_MODEL,
    "Gemini Omni 1.2 Flash",
    15,
    6,
    ModelLife(released="2026-11-05"),
    "Google's current video model: 3–15 s, 360p to 4k, always with sound.",
)
OMNI_11 = _omni(
    "gemini-omni-1.1-flash",
    "Gemini Omni 1.1 Flash",
    10,
    0,  # reference images are documented for 1.2 only
    ModelLife(released="2026-08-27"),
    "The earlier Omni: 3–10 s, first and last frames, extend.",
)

RETIRED_MODELS: tuple[ModelCapability, ...] = (
    _retired("gemini-omni-flash-preview", "Gemini Omni Flash (preview)", OMNI_FAMILY, "2026-09-30", _seconds(3, 10)),
    _retired("veo-3.1-generate-preview", "Veo 3.1 (preview)", "veo-3.1", VEO_SHUTDOWN, (4, 6, 8)),
    _retired("veo-3.1-fast-generate-preview", "Veo 3.1 Fast (preview)", "veo-3.1", VEO_SHUTDOWN, (4, 6, 8)),
    _retired("veo-3.1-lite-generate-preview", "Veo 3.1 Lite (preview)", "veo-3.1", VEO_SHUTDOWN, (4, 6, 8)),
)

CAPABILITIES = ProviderCapabilities(
    provider_id=PROVIDER_ID,
    name="Google Gemini API (Gemini Omni Flash)",
    short_name="Gemini",
    default_base_url=DEFAULT_BASE_URL,
    models=(OMNI_12, OMNI_11, *RETIRED_MODELS),
    prompt_min_chars=1,
    prompt_max_chars=PROMPT_MAX_CHARS,
    auth=Auth.GOOG_API_KEY,
    operations=frozenset({Operation.CANCEL, Operation.DELETE, Operation.EXTEND}),
    variants=("video",),
    notice=(
        f"Veo on the Gemini API was retired on {VEO_SHUTDOWN}; Gemini Omni Flash (Interactions API) is "
        "Google's video path for an AI Studio key, on a paid-tier project. Prices are estimates: Google "
        "bills video tokens and its answers carry no cost."
    ),
    demo_path="/sim/gemini/v1beta",
    key_hint="AIza…",
    key_url="https://aistudio.google.com/apikey",
    relay_name="gemini",
    image_upload="inline",
    usd_per_video_token=USD_PER_MILLION_VIDEO_TOKENS / 1_000_000,
    job_deadline_s=3600.0,  # a 10 s clip takes under a minute; unknown statuses poll on until then
)
