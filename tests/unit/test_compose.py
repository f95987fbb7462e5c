"""New Render rules for every provider: frames, durations, rules between choices, images,
seed, negative prompt, extends, retired models, image types and sizes, crops."""

from __future__ import annotations

import datetime
import struct
import zlib
from decimal import Decimal

import pytest

from app.core.capabilities import Audio, ImageRole
from app.core.compose import (
    Draft,
    allowed_durations,
    allowed_sizes,
    audio_on,
    fresh_draft,
    pixel_size,
    quote,
    with_model,
)
from app.core.compose_checks import check_model_id, prompt_counter, validate
from app.core.compose_images import check_image_header, contain_box, cover_crop
from app.core.errors import InputError
from app.core.providers.gemini_omni.capabilities import CAPABILITIES as GEMINI
from app.core.providers.openai_videos.capabilities import CAPABILITIES as CAPS
from app.core.providers.openrouter.capabilities import CAPABILITIES as OPENROUTER

PRO = ("1280x720", "720x1280", "1792x1024", "1024x1792", "1920x1080", "1080x1920")
TODAY = datetime.date(2026, 12, 1)


def _sora(**choices: object) -> Draft:
    return Draft(**{"prompt": "a fox in the snow", "model": "sora-2", "size": "1280x720", "seconds": 4, **choices})  # type: ignore[arg-type]


def _png(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + chunk + struct.pack(">I", zlib.crc32(chunk))


def test_allowed_sizes_per_model() -> None:
    assert allowed_sizes(CAPS, "sora-2") == ("1280x720", "720x1280")
    assert allowed_sizes(CAPS, "sora-2-pro") == PRO
    assert allowed_sizes(CAPS, "sora-2-2025-10-06") == ("1280x720", "720x1280")
    assert set(allowed_sizes(CAPS, "gateway/video-x")) == set(PRO)
    assert allowed_durations(CAPS, "sora-2") == (4, 8, 12, 16, 20)


def test_switching_model_never_leaves_an_invalid_size() -> None:
    pro = _sora(model="sora-2-pro", size="1792x1024", seconds=20)
    back = with_model(CAPS, pro, "sora-2")
    assert back.size == "1280x720" and back.seconds == 20
    kept = with_model(CAPS, _sora(size="720x1280"), "sora-2-pro")
    assert kept.size == "720x1280"


def test_switching_to_an_aspect_model_picks_its_defaults_and_keeps_what_fits() -> None:
    draft = with_model(GEMINI, _sora(seconds=8), "gemini-omni-1.2-flash")
    assert (draft.size, draft.aspect_ratio, draft.resolution, draft.seconds) == ("", "16:9", "720p", 8)
    assert pixel_size(GEMINI, draft) == "1280x720"
    portrait = with_model(GEMINI, Draft(aspect_ratio="9:16", resolution="4k", seconds=20), "gemini-omni-1.1-flash")
    assert (portrait.aspect_ratio, portrait.resolution) == ("9:16", "4k")
    assert portrait.seconds == 8  # 20 s is not 1.1's: its default
    assert pixel_size(GEMINI, portrait) == "2160x3840"


def test_a_rule_between_choices_moves_the_duration_and_is_checked() -> None:
    veo = with_model(OPENROUTER, Draft(prompt="a kite", resolution="1080p", seconds=4), "google/veo-3.1")
    assert veo.resolution == "1080p" and veo.seconds == 8  # "1080p and 4K only at 8 s"
    problems = validate(OPENROUTER, Draft(**{**veo.__dict__, "seconds": 4}), today=TODAY)
    assert [p.field for p in problems] == ["seconds"] and "8" in problems[0].message


def test_first_and_last_frame_limit_the_length_of_omni_1_2() -> None:
    draft = fresh_draft(GEMINI, TODAY, prompt="a door opens")
    long = Draft(**{**draft.__dict__, "seconds": 14})
    both = frozenset({ImageRole.FIRST_FRAME, ImageRole.LAST_FRAME})
    assert validate(GEMINI, long, today=TODAY, images=frozenset({ImageRole.FIRST_FRAME})) == []
    problems = validate(GEMINI, long, today=TODAY, images=both)
    assert [p.field for p in problems] == ["seconds"]


def test_a_valid_draft_has_no_problems() -> None:
    assert validate(CAPS, _sora(), today=TODAY) == []
    assert validate(GEMINI, fresh_draft(GEMINI, TODAY, prompt="waves"), today=TODAY) == []


@pytest.mark.parametrize(
    ("draft", "field", "fragment"),
    [
        (_sora(prompt="   "), "prompt", "empty"),
        (_sora(prompt="x" * 32_001), "prompt", "1 characters over"),
        (_sora(model="has space"), "model", "no spaces"),
        (_sora(model=""), "model", "Enter a model id"),
        (_sora(size="1792x1024"), "size", "not available for sora-2"),
        (_sora(seconds=10), "seconds", "10 s is not an allowed duration"),
        (_sora(seed="12"), "seed", "does not take a seed"),
        (_sora(negative_prompt="no people"), "negative_prompt", "does not take a negative prompt"),
    ],
)
def test_every_field_is_checked(draft: Draft, field: str, fragment: str) -> None:
    problems = validate(CAPS, draft, today=TODAY)
    assert [p.field for p in problems] == [field]
    assert fragment in problems[0].message


def test_seed_and_images_follow_the_model() -> None:
    omni = fresh_draft(GEMINI, TODAY, prompt="a cat")
    assert validate(GEMINI, Draft(**{**omni.__dict__, "seed": "42"}), today=TODAY) == []
    bad = validate(GEMINI, Draft(**{**omni.__dict__, "seed": "-3"}), today=TODAY)
    assert [p.field for p in bad] == ["seed"]
    sora = validate(CAPS, _sora(), today=TODAY, images=frozenset({ImageRole.LAST_FRAME}))
    assert [p.field for p in sora] == ["image_last_frame"]
    too_many = validate(GEMINI, omni, today=TODAY, references=7)
    assert [p.field for p in too_many] == ["image_reference"]


def test_a_retired_model_is_refused_with_its_date_and_replacement() -> None:
    draft = Draft(prompt="old", model="veo-3.1-generate-preview", aspect_ratio="16:9", resolution="720p", seconds=8)
    problems = validate(GEMINI, draft, today=TODAY)
    assert [p.field for p in problems] == ["model"]
    assert "2026-10-22" in problems[0].message and "gemini-omni-1.2-flash" in problems[0].message
    assert all(m.id != "veo-3.1-generate-preview" for m in GEMINI.offered(TODAY))


def test_extends_add_seconds_within_the_models_limits() -> None:
    draft = Draft(prompt="and then", model="gemini-omni-1.2-flash", aspect_ratio="16:9", resolution="720p", seconds=8)
    assert validate(GEMINI, draft, today=TODAY, extends=8) == []
    assert "3 to 10" in validate(GEMINI, Draft(**{**draft.__dict__, "seconds": 12}), today=TODAY, extends=8)[0].message
    assert "30 s" in validate(GEMINI, draft, today=TODAY, extends=25)[0].message
    assert "cannot extend" in validate(CAPS, _sora(), today=TODAY, extends=4)[0].message


def test_audio_follows_the_model() -> None:
    veo = OPENROUTER.model("google/veo-3.1")
    assert veo is not None and veo.audio is Audio.OPTIONAL
    assert audio_on(veo, Draft()) is veo.audio_default
    assert audio_on(veo, Draft(audio=False)) is False
    sora = CAPS.model("sora-2")
    assert sora is not None and audio_on(sora, Draft(audio=False)) is True  # Sora always has sound


def test_quotes_come_from_the_models_rules() -> None:
    assert quote(CAPS, _sora(seconds=8)).low == Decimal("0.80")
    assert not quote(CAPS, _sora(model="gateway/sora-x")).known  # a custom id: price unknown
    omni = quote(GEMINI, fresh_draft(GEMINI, TODAY, prompt="x"))
    assert omni.is_range and omni.low is not None and omni.high is not None and omni.low < omni.high


def test_prompt_at_the_limit_is_fine_and_counter_says_so() -> None:
    assert validate(CAPS, _sora(prompt="x" * 32_000), today=TODAY) == []
    assert prompt_counter(CAPS, "x" * 32_000) == ("32,000 / 32,000", False)
    assert prompt_counter(CAPS, "x" * 32_001) == ("32,001 / 32,000", True)


def test_supported_images_are_read_from_their_header() -> None:
    assert check_image_header(_png(640, 480), "a.png", CAPS.models[0].images.mime_types) == "image/png"


@pytest.mark.parametrize(
    ("head", "name", "message"),
    [
        (b"GIF89a" + b"\0" * 20, "a.gif", "GIF images can't be used; use JPEG, PNG or WebP."),
        (b"\0\0\0\x18ftypheic" + b"\0" * 20, "photo.heic", "HEIC images can't be used; use JPEG, PNG or WebP."),
        (b"%PDF-1.7" + b"\0" * 20, "x.pdf", "PDF images can't be used; use JPEG, PNG or WebP."),
    ],
)
def test_other_files_get_a_clear_message(head: bytes, name: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        check_image_header(head, name, CAPS.models[0].images.mime_types)
    assert caught.value.message == message


def test_an_absurd_pixel_count_is_refused_before_decoding() -> None:
    with pytest.raises(InputError, match="too large to use"):
        check_image_header(_png(30_000, 30_000), "bomb.png", ("image/png",))


def test_custom_model_id() -> None:
    assert check_model_id("  vendor/sora-like  ") == "vendor/sora-like"


def test_cover_crop_and_contain_box() -> None:
    assert cover_crop(1000, 1000, 1280, 720) == (0.0, 218.75, 1000.0, 562.5)
    assert cover_crop(1920, 1080, 1280, 720) == (0.0, 0.0, 1920.0, 1080.0)
    assert contain_box(1000, 1000, 1280, 720) == (280.0, 0.0, 720.0, 720.0)
