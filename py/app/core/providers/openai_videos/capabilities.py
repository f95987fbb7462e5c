"""Capability data of the OpenAI Videos API (Sora 2), from ``docs/providers/openai-videos.md``.

Standard library only: the simulator imports this module to validate requests
exactly as the app does, so the two can never drift apart. OpenAI shut the API down
on 2026-09-24; the contract stays for OpenAI-compatible gateways (a custom base URL
and, under Advanced, a free-text model id).
"""

from __future__ import annotations

from app.core.capabilities import (
    Audio,
    Auth,
    ImageInputs,
    ModelCapability,
    Operation,
    ProviderCapabilities,
)
from app.core.providers.openai_videos.price_sheet import sheet_for

PROVIDER_ID = "openai-videos"
DEFAULT_BASE_URL = "https://api.openai.com/v1"
SHUTDOWN_DATE = "2026-09-24"

DURATIONS: tuple[int, ...] = (4, 8, 12, 16, 20)
STANDARD_SIZES: tuple[str, ...] = ("1280x720", "720x1280")
PRO_SIZES: tuple[str, ...] = (*STANDARD_SIZES, "1792x1024", "1024x1792", "1920x1080", "1080x1920")
IMAGE_MIME_TYPES: tuple[str, ...] = ("image/jpeg", "image/png", "image/webp")
PROMPT_MAX_CHARS = 32_000

IMAGES = ImageInputs(
    first_frame=True,
    mime_types=IMAGE_MIME_TYPES,
    must_match_size=True,
    max_bytes=20 * 1024 * 1024,
    note=(
        "It becomes the first frame, resized to the video size (choose crop or fit). "
        "Images that contain human faces are rejected."
    ),
)


def _model(
    model_id: str, family: str, label: str, sizes: tuple[str, ...], description: str, snapshot: bool
) -> ModelCapability:
    return ModelCapability(
        id=model_id,
        label=label if not snapshot else f"{label} ({model_id.removeprefix(family + '-')})",
        family=family,
        sizes=sizes,
        durations=DURATIONS,
        default_size="1280x720",
        default_duration=4,
        images=IMAGES,
        audio=Audio.ALWAYS,
        prices=sheet_for(family),
        description=description,
        is_snapshot=snapshot,
    )


def _sora2(model_id: str, *, snapshot: bool) -> ModelCapability:
    return _model(model_id, "sora-2", "Sora 2", STANDARD_SIZES, "Fast, good for drafts and social clips.", snapshot)


def _sora2_pro(model_id: str, *, snapshot: bool) -> ModelCapability:
    description = "Higher fidelity and larger sizes; slower and dearer."
    return _model(model_id, "sora-2-pro", "Sora 2 Pro", PRO_SIZES, description, snapshot)


CAPABILITIES = ProviderCapabilities(
    provider_id=PROVIDER_ID,
    name="OpenAI Videos API (Sora 2)",
    short_name="OpenAI-compatible",
    default_base_url=DEFAULT_BASE_URL,
    models=(
        _sora2("sora-2", snapshot=False),
        _sora2_pro("sora-2-pro", snapshot=False),
        _sora2("sora-2-2025-10-06", snapshot=True),
        _sora2("sora-2-2025-12-08", snapshot=True),
        _sora2_pro("sora-2-pro-2025-10-06", snapshot=True),
    ),
    prompt_min_chars=1,
    prompt_max_chars=PROMPT_MAX_CHARS,
    auth=Auth.BEARER,
    operations=frozenset({Operation.DELETE, Operation.LIST, Operation.REMIX}),
    variants=("video", "thumbnail", "spritesheet"),
    notice=(
        f"OpenAI shut the Sora 2 Videos API down on {SHUTDOWN_DATE}. Real renders need an "
        "OpenAI-compatible endpoint; demo mode uses the built-in simulator."
    ),
    demo_path="/sim/v1",
    relay_name="openai",
    custom_models=True,
    key_hint="sk-…",
    key_url="https://platform.openai.com/api-keys",
)
