"""OpenRouter simulator: the ``/videos/models`` catalogue and the SKU pricing behind ``usage.cost``."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest

from simulator.openrouter.catalogue import BY_ID, MODELS
from simulator.openrouter.pricing import FALLBACK_USD_PER_SECOND, Order, Sku, billed_usd, parse_sku
from simulator.testing import Harness, jbody, new_key

LISTED_FIELDS = {
    "id", "canonical_slug", "hugging_face_id", "name", "created", "description", "supported_resolutions",
    "supported_aspect_ratios", "supported_sizes", "supported_durations", "supported_frame_images",
    "generate_audio", "seed", "pricing_skus", "allowed_passthrough_parameters",
}  # fmt: skip
REAL_IDS = (
    "google/veo-3.1", "google/veo-3.1-fast", "google/veo-3.1-lite", "kwaivgi/kling-v3.0-pro", "minimax/hailuo-2.3",
    "bytedance/seedance-2.0", "alibaba/wan-2.6", "openai/sora-2-pro",
)  # fmt: skip


def _listing(harness: Harness, *, key: str | None = None, anonymous: bool = False) -> list[dict[str, Any]]:
    response = harness.openrouter("GET", "/videos/models", key=key, anonymous=anonymous)
    assert response.status == 200
    data: list[dict[str, Any]] = jbody(response)["data"]
    return data


def test_the_catalogue_needs_no_key_and_lists_every_entry_with_the_live_fields(harness: Harness) -> None:
    data = _listing(harness, anonymous=True)
    assert [entry["id"] for entry in data] == [model.id for model in MODELS]
    for entry in data:
        assert set(entry) == LISTED_FIELDS  # upscale_factor and creativity omitted, as live
    assert set(REAL_IDS) <= {str(entry["id"]) for entry in data}


def test_entries_carry_the_captured_sets_and_skus(harness: Harness) -> None:
    by_id = {entry["id"]: entry for entry in _listing(harness)}
    veo = by_id["google/veo-3.1"]
    assert (veo["supported_durations"], veo["supported_resolutions"]) == ([4, 6, 8], ["720p", "1080p", "4K"])
    assert veo["supported_frame_images"] == ["first_frame", "last_frame"]
    assert veo["pricing_skus"] == {
        "duration_seconds_with_audio": "0.40",
        "duration_seconds_with_audio_4k": "0.60",
        "duration_seconds_without_audio": "0.20",
        "duration_seconds_without_audio_4k": "0.40",
    }
    assert by_id["google/veo-3.1-lite"]["supported_durations"] == [8, 4, 6]  # unsorted, as captured
    hailuo = by_id["minimax/hailuo-2.3"]
    assert (hailuo["generate_audio"], hailuo["seed"], hailuo["supported_frame_images"]) == (
        False,
        None,
        ["first_frame"],
    )
    assert by_id["openai/sora-2-pro"]["supported_frame_images"] is None
    assert by_id["kwaivgi/kling-v3.0-pro"]["supported_durations"] == list(range(3, 16))
    assert by_id["google/veo-3.1"]["canonical_slug"] == "google/veo-3.1-20260320"


def test_the_unverified_sku_shapes_are_all_present(harness: Harness) -> None:
    keys = {key for entry in _listing(harness) for key in (entry["pricing_skus"] or {})}
    assert {"cents_per_second_output_720p", "cents_per_image_input", "minimum_cents_per_generation"} <= keys
    assert "video_tokens" in keys
    unpriced = BY_ID["simulator/unpriced-video"].pricing_skus or {}
    assert unpriced and all(parse_sku(key, value) is None for key, value in unpriced.items())
    aleph = next(e for e in _listing(harness) if e["id"] == "runway/aleph-2")
    assert (aleph["supported_durations"], aleph["supported_resolutions"], aleph["supported_sizes"]) == (
        None,
        None,
        None,
    )


def test_a_nomodel_key_sees_an_empty_catalogue(harness: Harness) -> None:
    assert _listing(harness, key=new_key("sim-nomodel")) == []


@pytest.mark.parametrize(
    ("key", "value", "sku"),
    [
        ("duration_seconds", "0.112", Sku("second", Decimal("0.112"))),
        ("duration_seconds_without_audio_720p", "0.08", Sku("second", Decimal("0.08"), "720p", False)),
        (
            "text_to_video_duration_seconds_1080p",
            "0.12",
            Sku("second", Decimal("0.12"), "1080p", None, "text_to_video"),
        ),
        ("cents_per_second_output_1080p", "29", Sku("second", Decimal("0.29"), "1080p")),
        ("cents_per_video_output_second_480p", "8", Sku("second", Decimal("0.08"), "480p")),
        ("cents_per_second_video_continuation_720p", "41", Sku("second", Decimal("0.41"), "720p", video_input=True)),
        ("video_tokens_4k_with_video_input", "0.0000024", Sku("token", Decimal("0.0000024"), "4k", video_input=True)),
        ("video_tokens_without_audio", "0.000007", Sku("token", Decimal("0.000007"), audio=False)),
        ("cents_per_image_input", "1", Sku("image", Decimal("0.01"))),
        ("reference_images", "0.04", Sku("reference_image", Decimal("0.04"))),
        ("minimum_cents_per_generation", "56", Sku("minimum", Decimal("0.56"))),
        ("per_generation_credits", "40", None),
        ("duration_seconds", "not a number", None),
    ],
)
def test_sku_keys_parse_by_pattern(key: str, value: str, sku: Sku | None) -> None:
    assert parse_sku(key, value) == sku


BASE_ORDER = Order("720p", True, "text_to_video", False, 8, 1280, 720, 0, 0)


def _order(**changes: Any) -> Order:
    return replace(BASE_ORDER, **changes)


@pytest.mark.parametrize(
    ("model_id", "order", "usd"),
    [
        ("google/veo-3.1", _order(), 3.2),  # with audio, no 720p key: the base rate
        ("google/veo-3.1", _order(audio=False), 1.6),  # the without_audio key replaces it
        ("google/veo-3.1", _order(resolution="4K", width=3840, height=2160), 4.8),
        ("google/veo-3.1-fast", _order(), 0.8),  # the 720p key wins
        ("google/veo-3.1-fast", _order(resolution="1080p", audio=False, width=1920, height=1080), 0.8),
        ("alibaba/wan-2.6", _order(seconds=5, mode="image_to_video", images=1), 0.5),
        ("alibaba/wan-2.6", _order(seconds=10, resolution="1080p"), 1.2),
        ("openai/sora-2-pro", _order(seconds=4), 1.2),
        ("bytedance/seedance-2.0", _order(seconds=5), 0.756),  # 1280·720·24·5/1024 = 108000 tokens × 0.000007
        ("black-forest-labs/flux-3-video", _order(seconds=10, resolution="1080p", width=1920, height=1080), 2.9),
        ("black-forest-labs/flux-3-video", _order(seconds=10, video_input=True, mode="reference"), 4.1),
        ("x-ai/grok-imagine-video-1.5", _order(seconds=6, images=1, mode="image_to_video"), 0.85),
        ("runway/aleph-2", _order(seconds=1), 0.56),  # the floor
        ("runway/aleph-2", _order(seconds=5), 1.4),
        ("minimax/hailuo-3", _order(seconds=5, reference_images=2, images=2, mode="reference"), 0.73),
        ("simulator/unpriced-video", _order(seconds=4), float(FALLBACK_USD_PER_SECOND * 4)),
        ("google/veo-3.1", _order(outputs=2), 6.4),
    ],
)
def test_billed_cost_follows_the_sku_rules(model_id: str, order: Order, usd: float) -> None:
    assert billed_usd(BY_ID[model_id], order) == pytest.approx(usd)
