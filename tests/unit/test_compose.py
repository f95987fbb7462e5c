"""New Render rules: allowed sizes per model, durations, prompt limits, image types, crops."""

from __future__ import annotations

import pytest

from app.core.compose import (
    Draft,
    allowed_durations,
    allowed_sizes,
    check_image_type,
    check_model_id,
    contain_box,
    cover_crop,
    prompt_counter,
    validate,
    with_model,
)
from app.core.errors import InputError
from app.core.providers.openai_videos.capabilities import CAPABILITIES as CAPS

PRO = ("1280x720", "720x1280", "1792x1024", "1024x1792", "1920x1080", "1080x1920")


def test_allowed_sizes_per_model() -> None:
    assert allowed_sizes(CAPS, "sora-2") == ("1280x720", "720x1280")
    assert allowed_sizes(CAPS, "sora-2-pro") == PRO
    assert allowed_sizes(CAPS, "sora-2-2025-10-06") == ("1280x720", "720x1280")
    assert set(allowed_sizes(CAPS, "gateway/video-x")) == set(PRO)
    assert allowed_durations(CAPS, "sora-2") == (4, 8, 12, 16, 20)


def test_switching_model_never_leaves_an_invalid_size() -> None:
    pro = Draft(model="sora-2-pro", size="1792x1024", seconds=20)
    back = with_model(CAPS, pro, "sora-2")
    assert back.size == "1280x720" and back.seconds == 20
    kept = with_model(CAPS, Draft(model="sora-2", size="720x1280"), "sora-2-pro")
    assert kept.size == "720x1280"


def test_a_valid_draft_has_no_problems() -> None:
    assert validate(CAPS, Draft(prompt="a fox in the snow")) == []


@pytest.mark.parametrize(
    ("draft", "field", "fragment"),
    [
        (Draft(prompt="   "), "prompt", "empty"),
        (Draft(prompt="x" * 32_001), "prompt", "1 characters over"),
        (Draft(prompt="ok", model="has space"), "model", "no spaces"),
        (Draft(prompt="ok", model=""), "model", "Enter a model id"),
        (Draft(prompt="ok", size="1792x1024"), "size", "not available for sora-2"),
        (Draft(prompt="ok", seconds=10), "seconds", "10 s is not an allowed duration"),
    ],
)
def test_every_field_is_checked(draft: Draft, field: str, fragment: str) -> None:
    problems = validate(CAPS, draft)
    assert [p.field for p in problems] == [field]
    assert fragment in problems[0].message


def test_prompt_at_the_limit_is_fine_and_counter_says_so() -> None:
    assert validate(CAPS, Draft(prompt="x" * 32_000)) == []
    assert prompt_counter(CAPS, "x" * 32_000) == ("32,000 / 32,000", False)
    assert prompt_counter(CAPS, "x" * 32_001) == ("32,001 / 32,000", True)


@pytest.mark.parametrize("mime", ["image/jpeg", "image/png", "image/webp"])
def test_supported_image_types(mime: str) -> None:
    check_image_type(CAPS, mime)


@pytest.mark.parametrize(("mime", "name"), [("image/gif", "a.gif"), ("", "photo.heic"), ("application/pdf", "x.pdf")])
def test_other_files_get_a_clear_message(mime: str, name: str) -> None:
    with pytest.raises(InputError, match="JPEG, PNG or WebP"):
        check_image_type(CAPS, mime, name)


def test_custom_model_id() -> None:
    assert check_model_id("  vendor/sora-like  ") == "vendor/sora-like"


def test_cover_crop_and_contain_box() -> None:
    assert cover_crop(1000, 1000, 1280, 720) == (0.0, 218.75, 1000.0, 562.5)
    assert cover_crop(1920, 1080, 1280, 720) == (0.0, 0.0, 1920.0, 1080.0)
    assert contain_box(1000, 1000, 1280, 720) == (280.0, 0.0, 720.0, 720.0)
