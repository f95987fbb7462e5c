"""OpenRouter ``pricing_skus`` read into price sheets: every catalogue row and key shape."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import pytest

from app.core.prices import Mode, PerImage, PerSecond, PriceFacts, format_quote
from app.core.providers.openrouter.skus import NOTE, SOURCE, parse_skus, sheet_from_skus

D = Decimal
AS_OF = "2026-06-01"

# Catalogue rows captured from GET /videos/models (pricing_skus, USD as decimal strings).
CATALOGUE: dict[str, dict[str, str]] = {
    "google/veo-3.1": {
        "duration_seconds_with_audio": "0.40",
        "duration_seconds_without_audio": "0.20",
        "duration_seconds_with_audio_4k": "0.60",
        "duration_seconds_without_audio_4k": "0.40",
    },
    "google/veo-3.1-fast": {
        "duration_seconds_with_audio": "0.12",
        "duration_seconds_without_audio": "0.10",
        "duration_seconds_with_audio_720p": "0.10",
        "duration_seconds_without_audio_720p": "0.08",
        "duration_seconds_with_audio_4k": "0.30",
        "duration_seconds_without_audio_4k": "0.25",
    },
    "google/veo-3.1-lite": {
        "duration_seconds_with_audio": "0.08",
        "duration_seconds_without_audio": "0.05",
        "duration_seconds_with_audio_720p": "0.05",
        "duration_seconds_without_audio_720p": "0.03",
    },
    "kwaivgi/kling-v3.0-pro": {
        "duration_seconds": "0.112",
        "duration_seconds_with_audio": "0.168",
        "text_to_video_duration_seconds_480p": "0.112",
        "text_to_video_duration_seconds_720p": "0.112",
        "text_to_video_duration_seconds_1080p": "0.112",
    },
    "minimax/hailuo-2.3": {"duration_seconds": "0.0817"},
    "bytedance/seedance-2.0": {"video_tokens": "0.000007", "video_tokens_without_audio": "0.000007"},
    "alibaba/wan-2.6": {
        "text_to_video_duration_seconds_480p": "0.04",
        "text_to_video_duration_seconds_720p": "0.08",
        "text_to_video_duration_seconds_1080p": "0.12",
        "image_to_video_duration_seconds_720p": "0.10",
        "image_to_video_duration_seconds_1080p": "0.15",
    },
    "openai/sora-2-pro": {
        "duration_seconds_720p": "0.30",
        "duration_seconds_1024p": "0.50",
        "duration_seconds_1080p": "0.50",
    },
}


def quote(skus: Mapping[str, object] | None, **facts: Any) -> tuple[Decimal | None, Decimal | None, str]:
    """(low, high, UI text) for a render described by ``facts``."""
    result = sheet_from_skus(skus, as_of=AS_OF).quote(PriceFacts(**facts))
    return result.low, result.high, format_quote(result)


def test_every_catalogue_row_parses_without_leftovers() -> None:
    for model, skus in CATALOGUE.items():
        parsed = parse_skus(skus, as_of=AS_OF)
        assert parsed.unknown_keys == () and parsed.bad_values == (), model
        assert len(parsed.sheet.rules) == len(skus), model


@pytest.mark.parametrize(
    ("model", "resolution", "audio", "seconds", "total", "text"),
    [
        ("google/veo-3.1", "720p", True, 8, "3.20", "Estimated: $3.20 (40¢/sec)"),
        ("google/veo-3.1", "1080p", False, 8, "1.60", "Estimated: $1.60 (20¢/sec)"),
        ("google/veo-3.1", "4K", True, 8, "4.80", "Estimated: $4.80 (60¢/sec)"),
        ("google/veo-3.1", "4k", False, 4, "1.60", "Estimated: $1.60 (40¢/sec)"),
        ("google/veo-3.1-fast", "720p", True, 8, "0.80", "Estimated: $0.80 (10¢/sec)"),
        ("google/veo-3.1-fast", "720p", False, 8, "0.64", "Estimated: $0.64 (8¢/sec)"),
        ("google/veo-3.1-fast", "1080p", True, 6, "0.72", "Estimated: $0.72 (12¢/sec)"),
        ("google/veo-3.1-fast", "1080p", False, 6, "0.60", "Estimated: $0.60 (10¢/sec)"),
        ("google/veo-3.1-fast", "4K", True, 4, "1.20", "Estimated: $1.20 (30¢/sec)"),
        ("google/veo-3.1-fast", "4K", False, 8, "2.00", "Estimated: $2.00 (25¢/sec)"),
        ("google/veo-3.1-lite", "720p", True, 8, "0.40", "Estimated: $0.40 (5¢/sec)"),
        ("google/veo-3.1-lite", "720p", False, 8, "0.24", "Estimated: $0.24 (3¢/sec)"),
        ("google/veo-3.1-lite", "1080p", True, 4, "0.32", "Estimated: $0.32 (8¢/sec)"),
        ("google/veo-3.1-lite", "1080p", False, 6, "0.30", "Estimated: $0.30 (5¢/sec)"),
        ("minimax/hailuo-2.3", "1080p", False, 6, "0.4902", "Estimated: $0.49 (8.17¢/sec)"),
        ("minimax/hailuo-2.3", "1080p", None, 10, "0.817", "Estimated: $0.82 (8.17¢/sec)"),
        ("openai/sora-2-pro", "720p", True, 4, "1.20", "Estimated: $1.20 (30¢/sec)"),
        ("openai/sora-2-pro", "1024p", True, 8, "4.00", "Estimated: $4.00 (50¢/sec)"),
        ("openai/sora-2-pro", "1080p", True, 12, "6.00", "Estimated: $6.00 (50¢/sec)"),
    ],
)
def test_per_second_rows(model: str, resolution: str, audio: bool | None, seconds: int, total: str, text: str) -> None:
    low, high, shown = quote(CATALOGUE[model], seconds=seconds, resolution=resolution, audio=audio)
    assert low == high == D(total)
    assert shown == text


def test_veo_needs_the_audio_flag() -> None:
    # Veo publishes only audio-tiered keys: with the flag unknown there is no rate to use.
    assert quote(CATALOGUE["google/veo-3.1"], seconds=8, resolution="720p") == (None, None, "Estimated: price unknown")


@pytest.mark.parametrize(
    ("mode", "audio", "seconds", "total"),
    [
        ("text", True, 5, "0.56"),  # exact resolution (text_to_video_…_720p) outranks the audio flag
        ("image", True, 5, "0.84"),  # no image-mode key: the with-audio rate
        ("image", False, 10, "1.12"),  # nothing more specific: the generic rate
        ("reference", None, 10, "1.12"),
    ],
)
def test_kling_precedence(mode: Mode, audio: bool | None, seconds: int, total: str) -> None:
    low, _high, _text = quote(
        CATALOGUE["kwaivgi/kling-v3.0-pro"], seconds=seconds, resolution="720p", audio=audio, mode=mode
    )
    assert low == D(total)


@pytest.mark.parametrize(
    ("mode", "resolution", "seconds", "total"),
    [
        ("text", "480p", 5, "0.20"),
        ("text", "720p", 5, "0.40"),
        ("text", "1080p", 10, "1.20"),
        ("image", "720p", 5, "0.50"),
        ("image", "1080p", 10, "1.50"),
        ("image", "480p", 5, None),  # only a text-to-video price at 480p: a mode mismatch never applies
        ("reference", "720p", 5, None),
    ],
)
def test_wan_prices_by_mode(mode: Mode, resolution: str, seconds: int, total: str | None) -> None:
    low, high, _text = quote(
        CATALOGUE["alibaba/wan-2.6"], seconds=seconds, resolution=resolution, audio=True, mode=mode
    )
    assert low == high == (None if total is None else D(total))


@pytest.mark.parametrize("audio", [True, False])
def test_seedance_tokens_give_a_range(audio: bool) -> None:
    skus = CATALOGUE["bytedance/seedance-2.0"]
    # 1280 × 720 ÷ 1024 × 5 s = 4,500 tokens per fps: 108,000 at 24 fps, 135,000 at 30.
    assert quote(skus, seconds=5, size="1280x720", audio=audio) == (D("0.756"), D("0.945"), "Estimated: $0.76–$0.95")
    # 1920 × 1080 ÷ 1024 × 10 s = 20,250 per fps: 486,000 to 607,500 tokens.
    wide = sheet_from_skus(skus, as_of=AS_OF).quote(PriceFacts(seconds=10, width=1920, height=1080, audio=audio))
    assert (wide.low, wide.high) == (D("3.402"), D("4.2525"))
    assert wide.basis == "≈ 486k–608k video tokens × $0.000007"
    assert not sheet_from_skus(skus, as_of=AS_OF).quote(PriceFacts(seconds=5, resolution="720p")).known


def test_token_shapes_by_audio_and_video_input() -> None:
    skus = {
        "video_tokens": "0.00001",
        "video_tokens_without_audio": "0.000005",
        "video_tokens_with_video_input": "0.00002",
    }
    frame = {"seconds": 4, "width": 1024, "height": 1024}  # 1,024 tokens a frame: 98,304–122,880 tokens
    assert quote(skus, audio=True, **frame)[:2] == (D("0.98304"), D("1.2288"))
    assert quote(skus, audio=False, **frame)[:2] == (D("0.49152"), D("0.6144"))
    assert quote(skus, audio=True, input_videos=1, mode="reference", **frame)[:2] == (D("1.96608"), D("2.4576"))


def test_cents_keys_are_divided_by_100() -> None:
    skus = {
        "cents_per_second_output": "3",
        "cents_per_second_output_720p": "5",
        "cents_per_video_output_second_1080p": "12.5",
    }
    assert quote(skus, seconds=8, resolution="480p")[:2] == (D("0.24"), D("0.24"))
    assert quote(skus, seconds=8, resolution="720p")[:2] == (D("0.40"), D("0.40"))
    assert quote(skus, seconds=8, resolution="1080p") == (D("1.000"), D("1.000"), "Estimated: $1.00 (12.5¢/sec)")


def test_continuation_is_never_a_fresh_render() -> None:
    only = {"cents_per_second_video_continuation_720p": "4"}
    parsed = parse_skus(only, as_of=AS_OF)
    assert parsed.sheet.rules == (PerSecond.flat(D("0.04"), resolution="720p", mode="extend"),)
    assert quote(only, seconds=8, resolution="720p")[0] is None
    with_output = {**only, "cents_per_second_output": "3"}
    assert quote(with_output, seconds=8, resolution="720p", mode="image")[0] == D("0.24")


def test_input_image_charges() -> None:
    skus = {"duration_seconds": "0.10", "cents_per_image_input": "2", "reference_images": "0.05"}
    image = sheet_from_skus(skus, as_of=AS_OF).quote(PriceFacts(seconds=8, mode="image", input_images=2))
    assert image.low == D("0.84") and image.basis == "10¢/s × 8 s + 2 input images × 2¢"
    reference = sheet_from_skus(skus, as_of=AS_OF).quote(PriceFacts(seconds=8, mode="reference", input_images=3))
    assert reference.low == D("0.95") and reference.basis.endswith("+ 3 input images × 5¢")
    assert parse_skus({"reference_images": "0.05"}, as_of=AS_OF).sheet.rules == (PerImage(D("0.05"), mode="reference"),)


def test_minimum_per_generation_in_cents() -> None:
    skus = {"duration_seconds": "0.05", "minimum_cents_per_generation": "50"}
    floored = sheet_from_skus(skus, as_of=AS_OF).quote(PriceFacts(seconds=4))
    assert (floored.low, floored.high) == (D("0.50"), D("0.50"))
    assert floored.basis == "5¢/s × 4 s (minimum $0.50 per video)"
    assert quote(skus, seconds=20)[0] == D("1.00")


def test_documented_example_keys() -> None:
    docs = {"per-video-second": "0.50", "per-video-second-1080p": "0.75"}
    assert quote(docs, seconds=8, resolution="1080p")[0] == D("6.00")
    assert quote(docs, seconds=8, resolution="720p")[0] == D("4.00")
    assert quote({"generate": "0.50"}, seconds=8) == (D("0.50"), D("0.50"), "Estimated: $0.50")
    assert quote({"generate": "0.50", "per-video-second": "0.05"}, seconds=8)[0] == D("0.40")


def test_resolution_tokens_and_keys_are_case_insensitive() -> None:
    skus = {"Duration_Seconds_With_Audio_4K": "0.60", "DURATION_SECONDS_1080P": "0.50"}
    assert quote(skus, seconds=2, resolution="4k", audio=True)[0] == D("1.20")
    assert quote(skus, seconds=2, resolution="1080P", audio=False)[0] == D("1.00")


def test_unknown_keys_are_skipped_and_reported() -> None:
    skus = {
        "cents_per_megapixel_second_precise": "4",
        "duration_secondsx": "0.01",
        "per-request": "0.5",
        "video_tokens_with_continuation": "0.1",
        "duration_seconds_with_audio_8k_extra": "0.1",
    }
    parsed = parse_skus(skus, as_of=AS_OF)
    assert parsed.unknown_keys == tuple(skus) and parsed.bad_values == ()
    assert parsed.sheet.rules == ()
    assert format_quote(parsed.sheet.quote(PriceFacts(seconds=8, resolution="720p"))) == "Estimated: price unknown"
    mixed = parse_skus({"duration_seconds": "0.10", "mystery_sku": "9"}, as_of=AS_OF)
    assert mixed.unknown_keys == ("mystery_sku",)
    assert mixed.sheet.quote(PriceFacts(seconds=8)).low == D("0.80")


def test_malformed_values_are_skipped_safely() -> None:
    skus: dict[str, object] = {
        "duration_seconds": "free",
        "duration_seconds_480p": "",
        "duration_seconds_720p": "-0.1",
        "duration_seconds_1080p": "NaN",
        "duration_seconds_4k": "Infinity",
        "duration_seconds_with_audio": "1,5",
        "duration_seconds_without_audio": None,
        "video_tokens": True,
        "cents_per_second_output": "-1",
        "duration_seconds_768p": " 0.25 ",
        "duration_seconds_1024p": 0.5,
    }
    parsed = parse_skus(skus, as_of=AS_OF)
    assert parsed.bad_values == tuple(k for k in skus if k not in ("duration_seconds_768p", "duration_seconds_1024p"))
    assert parsed.unknown_keys == ()
    assert quote(skus, seconds=4, resolution="768p")[0] == D("1.00")
    assert quote(skus, seconds=4, resolution="1024p")[0] == D("2.0")
    assert quote(skus, seconds=4, resolution="720p", audio=True)[0] is None


@pytest.mark.parametrize("skus", [None, {}])
def test_no_skus_price_unknown(skus: dict[str, str] | None) -> None:
    parsed = parse_skus(skus, as_of=AS_OF)
    assert parsed.sheet.rules == () and parsed.unknown_keys == ()
    result = parsed.sheet.quote(PriceFacts(seconds=8, resolution="720p", audio=True))
    assert not result.known and format_quote(result) == "Estimated: price unknown"


def test_zero_is_a_known_free_price() -> None:
    assert quote({"duration_seconds": "0"}, seconds=8) == (D("0"), D("0"), "Estimated: $0.00 (0¢/sec)")


def test_quotes_carry_the_catalogue_source_and_date() -> None:
    result = sheet_from_skus(CATALOGUE["minimax/hailuo-2.3"], as_of=AS_OF).quote(PriceFacts(seconds=6))
    assert (result.source, result.as_of, result.note) == (SOURCE, AS_OF, NOTE)


def test_reference_mode_keys() -> None:
    skus = {"reference_duration_seconds_720p": "0.20", "duration_seconds": "0.10"}
    assert quote(skus, seconds=5, resolution="720p", mode="reference", input_images=2)[0] == D("1.00")
    assert quote(skus, seconds=5, resolution="720p", mode="image")[0] == D("0.50")
