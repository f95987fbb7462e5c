"""Gemini Omni's capability data: the models as dated life cycles, their frames and durations,
images, the extend rules, the operations, and the price sheets they carry."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from app.core.capabilities import Audio, Auth, ImageRole, Operation, Stage
from app.core.prices import PriceFacts
from app.core.providers.gemini_omni.capabilities import (
    CAPABILITIES,
    DEFAULT_BASE_URL,
    DEFAULT_MODEL,
    EXTEND_MAX_SECONDS,
    EXTEND_MAX_TOTAL_SECONDS,
    EXTEND_MIN_SECONDS,
    LAST_FRAME_CHOICE,
    PROVIDER_ID,
    extend_durations,
)

DAY = datetime.date
RETIRED_IDS = (
    "gemini-omni-flash-preview",
    "veo-3.1-generate-preview",
    "veo-3.1-fast-generate-preview",
    "veo-3.1-lite-generate-preview",
)


def test_provider_facts() -> None:
    caps = CAPABILITIES
    assert (PROVIDER_ID, DEFAULT_BASE_URL) == ("gemini", "https://generativelanguage.googleapis.com/v1beta")
    assert caps.provider_id == PROVIDER_ID and caps.default_base_url == DEFAULT_BASE_URL
    assert caps.auth is Auth.GOOG_API_KEY
    assert caps.operations == {Operation.CANCEL, Operation.DELETE, Operation.EXTEND}
    assert not caps.can(Operation.LIST) and not caps.can(Operation.REMIX)
    assert caps.demo_path == "/sim/gemini/v1beta" and not caps.live_catalogue
    assert caps.key_hint and caps.key_url.startswith("https://")
    assert "2026-10-22" in caps.notice and "Omni" in caps.notice
    assert caps.prompt_min_chars == 1 and caps.prompt_max_chars >= 10_000


@pytest.mark.parametrize(
    ("today", "offered"),
    [
        (DAY(2026, 12, 1), ("gemini-omni-1.2-flash", "gemini-omni-1.1-flash")),
        # Before the preview and Veo shut down they were still on offer (the preview in its last 30 days),
        # and 1.2 was not out yet (released 2026-11-05).
        (DAY(2026, 9, 1), ("gemini-omni-1.1-flash", *RETIRED_IDS)),
        (DAY(2026, 10, 1), ("gemini-omni-1.1-flash", *RETIRED_IDS[1:])),
    ],
)
def test_pickers_offer_what_is_not_retired_on_the_day(today: datetime.date, offered: tuple[str, ...]) -> None:
    assert tuple(m.id for m in CAPABILITIES.offered(today)) == offered
    if today >= DAY(2026, 11, 5):
        assert CAPABILITIES.offered(today)[0].id == DEFAULT_MODEL


@pytest.mark.parametrize(
    ("model_id", "shutdown", "stage_on_sep_1", "stage_on_dec_1"),
    [
        ("gemini-omni-flash-preview", "2026-09-30", Stage.RETIRING, Stage.RETIRED),
        ("veo-3.1-generate-preview", "2026-10-22", Stage.LIVE, Stage.RETIRED),
        ("veo-3.1-fast-generate-preview", "2026-10-22", Stage.LIVE, Stage.RETIRED),
        ("veo-3.1-lite-generate-preview", "2026-10-22", Stage.LIVE, Stage.RETIRED),
        ("gemini-omni-1.1-flash", None, Stage.LIVE, Stage.LIVE),
        ("gemini-omni-1.2-flash", None, Stage.UPCOMING, Stage.LIVE),
    ],
)
def test_life_cycles_are_dated(
    model_id: str, shutdown: str | None, stage_on_sep_1: Stage, stage_on_dec_1: Stage
) -> None:
    found = CAPABILITIES.model(model_id)
    assert found is not None
    assert found.life.shutdown == shutdown
    assert found.stage_on(DAY(2026, 9, 1)) is stage_on_sep_1
    assert found.stage_on(DAY(2026, 12, 1)) is stage_on_dec_1
    if shutdown:  # old jobs are explained: what replaced it, and the 404 Google answers
        assert found.life.replacement == DEFAULT_MODEL
        assert shutdown in found.description and "no longer available" in found.description


def test_release_dates() -> None:
    omni12, omni11 = CAPABILITIES.model("gemini-omni-1.2-flash"), CAPABILITIES.model("gemini-omni-1.1-flash")
    assert omni12 is not None and omni11 is not None
    assert (omni12.life.released, omni11.life.released) == ("2026-11-05", "2026-08-27")


def test_omni_12_frames_durations_images_audio_seed() -> None:
    omni = CAPABILITIES.model("gemini-omni-1.2-flash")
    assert omni is not None and not omni.uses_sizes
    assert (
        omni.durations == tuple(range(3, 16)) and omni.durations_are_range and omni.default_duration in omni.durations
    )
    assert omni.aspect_ratios == ("16:9", "9:16") and omni.resolutions == ("360p", "720p", "1080p", "4k")
    assert (omni.default_aspect_ratio, omni.default_resolution) == ("16:9", "720p")
    assert str(omni.frame("", "9:16", "4k")) == "2160x3840"
    images = omni.images
    assert images.allows(ImageRole.FIRST_FRAME) and images.allows(ImageRole.LAST_FRAME)
    assert images.max_references == 6 and "image/heic" in images.mime_types and not images.must_match_size
    assert omni.audio is Audio.ALWAYS and omni.seed and not omni.negative_prompt


def test_first_and_last_frame_is_at_most_ten_seconds_on_12() -> None:
    omni = CAPABILITIES.model("gemini-omni-1.2-flash")
    assert omni is not None
    (rule,) = omni.constraints
    with_last = {LAST_FRAME_CHOICE: "true", "seconds": "11"}
    assert rule.broken_by(with_last)
    assert not rule.broken_by({**with_last, "seconds": "10"})
    assert not rule.broken_by({"seconds": "15"})  # no last frame: the whole range
    assert "10 s" in rule.message


def test_omni_11_is_three_to_ten_seconds_without_references() -> None:
    omni = CAPABILITIES.model("gemini-omni-1.1-flash")
    assert omni is not None
    assert omni.durations == tuple(range(3, 11)) and omni.durations_are_range
    assert omni.images.first_frame and omni.images.last_frame and omni.images.max_references == 0
    assert omni.constraints == ()  # every duration already fits a first + last frame video


def test_extend_rules() -> None:
    assert (EXTEND_MIN_SECONDS, EXTEND_MAX_SECONDS, EXTEND_MAX_TOTAL_SECONDS) == (3, 10, 30)
    assert extend_durations(8) == tuple(range(3, 11))
    assert extend_durations(25) == (3, 4, 5)
    assert extend_durations(28) == ()  # under 3 s left of the 30 s cap


def test_models_carry_their_dated_price_sheets() -> None:
    for model_id, low in (("gemini-omni-1.2-flash", "0.56"), ("gemini-omni-1.1-flash", "0.80")):
        found = CAPABILITIES.model(model_id)
        assert found is not None
        quote = found.prices.quote(PriceFacts(seconds=8, resolution="720p"))
        assert quote.low == Decimal(low) and quote.as_of == "2026-12-01"
    retired = CAPABILITIES.model("veo-3.1-generate-preview")
    assert retired is not None and not retired.prices.quote(PriceFacts(seconds=8, resolution="720p")).known
