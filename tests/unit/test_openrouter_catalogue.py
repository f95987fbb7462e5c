"""OpenRouter's model list: the built-in list against the captured facts, the live
``GET /videos/models`` of the simulator, and every lenient reading of an entry."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from typing import Any

import pytest

from app.core.capabilities import Audio, Constraint, ModelCapability
from app.core.errors import ApiError
from app.core.http import HttpResponse
from app.core.prices import PriceFacts
from app.core.providers.openrouter.capabilities import CAPABILITIES, FALLBACK_AS_OF, FALLBACK_MODELS
from app.core.providers.openrouter.catalogue import parse_catalogue
from app.core.providers.openrouter.frames import read_frames
from app.core.providers.openrouter.model_rules import audio_of, is_range, negative_prompt_route
from simulator.openrouter import catalogue as sim_catalogue
from tests.unit.fresh_python import fresh_python

FETCHED = "2026-12-01"
BY_ID = {m.id: m for m in FALLBACK_MODELS}


def answer(*entries: dict[str, Any]) -> HttpResponse:
    return HttpResponse(200, {"content-type": "application/json"}, json.dumps({"data": list(entries)}).encode())


def parsed(*entries: dict[str, Any]) -> dict[str, ModelCapability]:
    return {m.id: m for m in parse_catalogue(answer(*entries), as_of=FETCHED)}


def sim_models() -> dict[str, ModelCapability]:
    return parsed(*(m.listing() for m in sim_catalogue.MODELS))


def usd(model: ModelCapability, **facts: Any) -> Decimal | None:
    return model.prices.quote(PriceFacts(**facts)).low


# -- the captured real entries (docs/providers/openrouter.md, section 7) ------------------------
# id: (durations, resolutions, first frame, last frame, audio, seed)
CAPTURED = {
    "google/veo-3.1": ((4, 6, 8), ("720p", "1080p", "4K"), True, True, Audio.OPTIONAL, True),
    "google/veo-3.1-fast": ((4, 6, 8), ("720p", "1080p", "4K"), True, True, Audio.OPTIONAL, True),
    "google/veo-3.1-lite": ((4, 6, 8), ("720p", "1080p"), True, True, Audio.OPTIONAL, True),
    "kwaivgi/kling-v3.0-pro": (tuple(range(3, 16)), ("720p",), True, True, Audio.OPTIONAL, False),
    "minimax/hailuo-2.3": ((6, 10), ("1080p",), True, False, Audio.NONE, False),
    "bytedance/seedance-2.0": (tuple(range(4, 16)), ("480p", "720p", "1080p", "4K"), True, True, Audio.OPTIONAL, True),
    "alibaba/wan-2.6": ((5, 10), ("720p", "1080p"), True, False, Audio.ALWAYS, True),
}


def test_the_built_in_list_is_the_captured_entries_without_sora() -> None:
    assert set(BY_ID) == set(CAPTURED)
    assert CAPABILITIES.models == FALLBACK_MODELS
    assert CAPABILITIES.hidden_models == ("openai/sora",) and CAPABILITIES.live_catalogue


@pytest.mark.parametrize("model_id", sorted(CAPTURED))
def test_built_in_models_carry_the_captured_facts(model_id: str) -> None:
    durations, resolutions, first, last, audio, seed = CAPTURED[model_id]
    model = BY_ID[model_id]
    assert model.durations == durations and model.resolutions == resolutions
    assert (model.images.first_frame, model.images.last_frame, model.images.must_match_size) == (first, last, False)
    assert (model.audio, model.seed) == (audio, seed)
    assert not model.uses_sizes and model.default_aspect_ratio == "16:9"
    assert model.prices.as_of == FALLBACK_AS_OF


def test_the_built_in_list_needs_only_the_standard_library() -> None:
    # Like every provider's capability data (the simulator may import it): pydantic stays with the codec.
    check = (
        "import sys, app.core.providers.openrouter.capabilities as c;"
        "print(c.FALLBACK_MODELS[0].id, 'pydantic' in sys.modules)"
    )
    assert fresh_python(check) == ["google/veo-3.1", "False"]


def test_defaults_prefer_720p_and_the_first_listed_duration() -> None:
    assert (BY_ID["google/veo-3.1"].default_resolution, BY_ID["google/veo-3.1"].default_duration) == ("720p", 4)
    assert BY_ID["google/veo-3.1-lite"].default_duration == 8  # listed 8, 4, 6: shown sorted, 8 first
    assert BY_ID["minimax/hailuo-2.3"].default_resolution == "1080p"  # no 720p offered


def test_long_contiguous_durations_are_a_range() -> None:
    assert BY_ID["kwaivgi/kling-v3.0-pro"].durations_are_range
    assert BY_ID["bytedance/seedance-2.0"].durations_are_range
    assert not BY_ID["google/veo-3.1"].durations_are_range  # 4, 6, 8: tiles
    assert not is_range((5, 6, 7, 8, 9)) and is_range((5, 6, 7, 8, 9, 10)) and not is_range((1, 2, 3, 4, 5, 7))


def test_veo_renders_1080p_and_4k_only_at_8_seconds() -> None:
    (rule,) = BY_ID["google/veo-3.1"].constraints
    assert (rule.when, rule.values, rule.field, rule.allowed) == ("resolution", ("1080p", "4K"), "seconds", ("8",))
    assert rule.broken_by({"resolution": "4K", "seconds": "4"})
    assert not rule.broken_by({"resolution": "4K", "seconds": "8"})
    assert not rule.broken_by({"resolution": "720p", "seconds": "4"})
    assert BY_ID["google/veo-3.1-lite"].constraints[0].values == ("1080p",)
    assert BY_ID["kwaivgi/kling-v3.0-pro"].constraints == ()


def test_seedance_sizes_leave_9_21_only_at_720p() -> None:
    assert BY_ID["bytedance/seedance-2.0"].constraints == (
        Constraint(
            "aspect_ratio", ("9:21",), "resolution", ("720p",), "ByteDance: Seedance 2.0 offers 9:21 only at 720p."
        ),
    )


@pytest.mark.parametrize(
    ("model_id", "facts", "total"),
    [
        ("google/veo-3.1", {"seconds": 8, "resolution": "720p", "audio": True}, "3.20"),
        ("google/veo-3.1", {"seconds": 8, "resolution": "4K", "audio": False}, "3.20"),  # 0.40/s without audio at 4K
        ("google/veo-3.1-fast", {"seconds": 8, "resolution": "720p", "audio": False}, "0.64"),
        ("alibaba/wan-2.6", {"seconds": 5, "resolution": "1080p", "mode": "image"}, "0.75"),
        ("minimax/hailuo-2.3", {"seconds": 6, "resolution": "1080p", "audio": False}, "0.4902"),
    ],
)
def test_prices_come_from_the_skus(model_id: str, facts: dict[str, Any], total: str) -> None:
    assert usd(BY_ID[model_id], **facts) == Decimal(total)


def test_negative_prompt_where_the_passthrough_takes_one() -> None:
    takes = {m.id for m in FALLBACK_MODELS if m.negative_prompt}
    assert takes == {
        "google/veo-3.1",
        "google/veo-3.1-fast",
        "google/veo-3.1-lite",
        "kwaivgi/kling-v3.0-pro",
        "alibaba/wan-2.6",
    }
    assert negative_prompt_route("google/veo-3.1").options("rain") == {
        "google-vertex": {"parameters": {"negativePrompt": "rain"}}
    }
    assert negative_prompt_route("kwaivgi/kling-v3.0-pro").options("rain") == {"kwaivgi": {"negative_prompt": "rain"}}


def test_reference_images_only_where_known() -> None:
    limits = {m.id: m.images.max_references for m in FALLBACK_MODELS}
    assert (limits["google/veo-3.1"], limits["bytedance/seedance-2.0"], limits["alibaba/wan-2.6"]) == (3, 9, 0)


# -- the simulator's live list ------------------------------------------------------------------
def test_the_simulators_list_reads_like_the_built_in_one() -> None:
    live = sim_models()
    for model in FALLBACK_MODELS:
        fresh = live[model.id]
        assert fresh.prices.as_of == FETCHED
        same_day = dataclasses.replace(fresh, description=model.description, prices=model.prices)
        assert same_day == model, model.id
        assert set(fresh.prices.rules) == set(model.prices.rules), model.id


def test_the_simulators_list_hides_sora_and_drops_unknown_durations() -> None:
    live = sim_models()
    assert not any(model_id.startswith("openai/sora") for model_id in live)
    assert "runway/aleph-2" not in live  # supported_durations: null
    assert {"black-forest-labs/flux-3-video", "x-ai/grok-imagine-video-1.5", "minimax/hailuo-3"} <= set(live)


def test_unknown_flags_are_no_and_cent_skus_price() -> None:
    grok = sim_models()["x-ai/grok-imagine-video-1.5"]
    assert (grok.audio, grok.seed, grok.images.first_frame, grok.images.last_frame) == (Audio.NONE, False, True, False)
    assert usd(grok, seconds=5, resolution="720p") == Decimal("0.70")  # 14 cents a second
    flux = sim_models()["black-forest-labs/flux-3-video"]
    assert (flux.audio, flux.aspect_ratios[0], flux.default_aspect_ratio) == (Audio.ALWAYS, "21:9", "16:9")
    assert usd(flux, seconds=5, resolution="1080p", audio=True) == Decimal("1.45")  # 29 cents a second
    assert sim_models()["simulator/unpriced-video"].prices.quote(PriceFacts(seconds=4)).low is None


# -- lenient reading ----------------------------------------------------------------------------
MINIMAL = {"id": "acme/clip-1", "supported_durations": [5, 10]}


def test_a_minimal_entry_is_offered_with_the_apis_own_sets() -> None:
    model = parsed(MINIMAL)["acme/clip-1"]
    assert model.label == "acme/clip-1" and model.family == "acme"
    assert model.resolutions == ("480p", "720p", "768p", "1080p", "1K", "2K", "4K")
    assert model.aspect_ratios[0] == "16:9"
    assert (model.default_aspect_ratio, model.default_resolution) == ("16:9", "720p")
    assert (model.audio, model.seed, model.negative_prompt, model.images.any) == (Audio.NONE, False, False, False)
    assert model.prices.quote(PriceFacts(seconds=5)).low is None  # no skus: price unknown
    assert model.life.released is None


def test_fields_of_the_wrong_shape_are_unknown_not_fatal() -> None:
    entry = {
        **MINIMAL,
        "name": 42,
        "created": "yesterday",
        "supported_resolutions": "720p",
        "supported_aspect_ratios": ["16:9", 7, ""],
        "supported_durations": [10, "8", 5.0, True, -1],
        "generate_audio": "yes",
        "seed": 1,
        "pricing_skus": ["duration_seconds"],
        "allowed_passthrough_parameters": None,
        "upscale_factor": 2,
    }
    model = parsed(entry)["acme/clip-1"]
    assert model.label == "acme/clip-1" and model.durations == (5, 10) and model.default_duration == 10
    assert model.aspect_ratios == ("16:9",) and len(model.resolutions) == 7
    assert (model.audio, model.seed) == (Audio.NONE, False)


def test_entries_without_an_id_or_durations_are_skipped_and_repeats_keep_the_first() -> None:
    models = parse_catalogue(
        answer(
            {"name": "no id"}, {"id": " "}, {"id": "a/b"}, {**MINIMAL, "name": "first"}, {**MINIMAL, "name": "again"}
        ),
        as_of=FETCHED,
    )
    assert [(m.id, m.label) for m in models] == [("acme/clip-1", "first")]


def test_sizes_alone_frame_by_size() -> None:
    model = parsed({**MINIMAL, "supported_sizes": ["720x1280", "1280x720", "big"]})["acme/clip-1"]
    assert model.uses_sizes and model.sizes == ("720x1280", "1280x720") and model.default_size == "1280x720"
    unreadable = parsed({**MINIMAL, "supported_sizes": ["big", "0x0"]})["acme/clip-1"]
    assert not unreadable.uses_sizes and unreadable.default_resolution == "720p"  # as if none were listed


def test_sizes_named_another_way_make_no_rule() -> None:
    # Seedance 2.5 names 4:3 at 480p 752x560: the sizes cannot be matched, so the lists stand.
    frames = read_frames("S", ("480p",), ("16:9", "4:3"), ("854x480", "752x560"))
    assert (frames.aspect_ratios, frames.resolutions, frames.rules) == (("16:9", "4:3"), ("480p",), ())
    kept = read_frames("S", ("480p", "720p"), ("16:9", "9:21"), ("854x480", "1280x720"))
    assert kept.aspect_ratios == ("16:9",)  # no size has 9:21 at all: not offered


@pytest.mark.parametrize(
    ("flag", "keys", "audio", "default"),
    [
        (True, ("duration_seconds_with_audio", "duration_seconds_without_audio"), Audio.OPTIONAL, True),
        (True, ("duration_seconds", "duration_seconds_with_audio"), Audio.OPTIONAL, True),  # Kling
        (True, ("video_tokens", "video_tokens_without_audio"), Audio.OPTIONAL, True),
        (True, ("text_to_video_duration_seconds_720p",), Audio.ALWAYS, True),  # Wan: no audio price
        (True, ("duration_seconds_with_audio",), Audio.ALWAYS, True),  # only ever with audio
        (False, ("duration_seconds_without_audio",), Audio.NONE, False),
        (None, ("duration_seconds_without_audio",), Audio.NONE, False),
    ],
)
def test_audio_reading(flag: bool | None, keys: tuple[str, ...], audio: Audio, default: bool) -> None:
    assert audio_of(flag, keys) == (audio, default)


@pytest.mark.parametrize("body", [b"{}", b'{"data": {}}', b"<html>", b"null"])
def test_a_broken_list_is_an_api_error(body: bytes) -> None:
    with pytest.raises(ApiError, match="does not understand"):
        parse_catalogue(HttpResponse(200, {}, body), as_of=FETCHED)


def test_created_becomes_the_release_date() -> None:
    assert BY_ID["google/veo-3.1"].life.released == "2026-03-23"
    assert parsed({**MINIMAL, "created": 1776994666})["acme/clip-1"].life.released == "2026-04-24"
    for nonsense in (10**30, -5, 1e400):  # 1e400 is read as Infinity
        assert parsed({**MINIMAL, "created": nonsense})["acme/clip-1"].life.released is None
