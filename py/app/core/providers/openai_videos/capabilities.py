"""Capability data of the OpenAI Videos API (Sora 2), from ``docs/providers/openai-videos.md``.

Standard library only: the simulator imports this module to validate requests
exactly as the app does, so the two can never drift apart.
"""

from __future__ import annotations

from decimal import Decimal

from app.core.capabilities import (
    ImageInputRule,
    ModelCapability,
    PriceRow,
    PriceTable,
    ProviderCapabilities,
)

PROVIDER_ID = "openai-videos"
DEFAULT_BASE_URL = "https://api.openai.com/v1"
SHUTDOWN_DATE = "2026-09-24"

DURATIONS: tuple[int, ...] = (4, 8, 12, 16, 20)
STANDARD_SIZES: tuple[str, ...] = ("1280x720", "720x1280")
PRO_SIZES: tuple[str, ...] = (*STANDARD_SIZES, "1792x1024", "1024x1792", "1920x1080", "1080x1920")
IMAGE_MIME_TYPES: tuple[str, ...] = ("image/jpeg", "image/png", "image/webp")
PROMPT_MAX_CHARS = 32_000


def _sora2(model_id: str, *, snapshot: bool) -> ModelCapability:
    return ModelCapability(
        id=model_id,
        label="Sora 2" if not snapshot else f"Sora 2 ({model_id.removeprefix('sora-2-')})",
        family="sora-2",
        sizes=STANDARD_SIZES,
        durations=DURATIONS,
        default_size="1280x720",
        default_duration=4,
        description="Fast, good for drafts and social clips.",
        is_snapshot=snapshot,
    )


def _sora2_pro(model_id: str, *, snapshot: bool) -> ModelCapability:
    return ModelCapability(
        id=model_id,
        label="Sora 2 Pro" if not snapshot else f"Sora 2 Pro ({model_id.removeprefix('sora-2-pro-')})",
        family="sora-2-pro",
        sizes=PRO_SIZES,
        durations=DURATIONS,
        default_size="1280x720",
        default_duration=4,
        description="Higher fidelity and larger sizes; slower and dearer.",
        is_snapshot=snapshot,
    )


PRICES = PriceTable(
    rows=(
        PriceRow("sora-2", STANDARD_SIZES, Decimal("0.10")),
        PriceRow("sora-2-pro", STANDARD_SIZES, Decimal("0.30")),
        PriceRow("sora-2-pro", ("1792x1024", "1024x1792"), Decimal("0.50")),
        PriceRow("sora-2-pro", ("1920x1080", "1080x1920"), None),
    ),
    source="OpenAI API pricing page (Sora 2 Videos API)",
    as_of="2026-03",
)

CAPABILITIES = ProviderCapabilities(
    provider_id=PROVIDER_ID,
    name="OpenAI Videos API (Sora 2)",
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
    image_input=ImageInputRule(
        mime_types=IMAGE_MIME_TYPES,
        must_match_size=True,
        max_bytes=20 * 1024 * 1024,
        note=(
            "The image becomes the first frame and must match the video size exactly. "
            "Images that contain human faces are rejected."
        ),
    ),
    prices=PRICES,
    can_delete_remote=True,
    can_remix=True,
    notice=(
        f"OpenAI shut the Sora 2 Videos API down on {SHUTDOWN_DATE}. Real renders need an "
        "OpenAI-compatible endpoint; demo mode uses the built-in simulator."
    ),
    variants=("video", "thumbnail", "spritesheet"),
    demo_path="/sim/v1",
)
