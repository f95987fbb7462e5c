"""Price sheets: one rate by precedence, image charges, floors, token ranges, unknown prices."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.core.prices import (
    Minimum,
    Mode,
    PerImage,
    PerSecond,
    PerToken,
    PerVideo,
    PriceFacts,
    PriceRule,
    PriceSheet,
    Quote,
    format_quote,
    format_rate,
    format_source,
    format_total,
    format_usd,
    rate_text,
    sum_quotes,
)

D = Decimal


def sheet(*rules: PriceRule) -> PriceSheet:
    return PriceSheet(rules, "test table", "2026-12-01", "a note")


def usd(text: str) -> PerSecond:
    return PerSecond.flat(D(text))


# One rule per precedence level, each a different price, so the winner is visible.
LADDER = sheet(
    PerSecond.flat(D("0.05")),
    PerSecond.flat(D("0.06"), audio=True),
    PerSecond.flat(D("0.07"), mode="image"),
    PerSecond.flat(D("0.08"), resolution="720p"),
)


@pytest.mark.parametrize(
    ("resolution", "audio", "mode", "rate"),
    [
        ("720p", True, "image", "0.08"),  # exact resolution beats every other condition
        ("1080p", True, "image", "0.06"),  # then the audio flag
        ("1080p", False, "image", "0.07"),  # then the mode
        ("1080p", None, "text", "0.05"),  # then the generic rate
        (None, True, "text", "0.06"),  # an unknown resolution matches no resolution rule
    ],
)
def test_precedence(resolution: str | None, audio: bool | None, mode: Mode, rate: str) -> None:
    quote = LADDER.quote(PriceFacts(seconds=10, resolution=resolution, audio=audio, mode=mode))
    assert quote.rate == D(rate)
    assert quote.low == quote.high == D(rate) * 10


def test_a_single_rate_reads_like_todays_estimate() -> None:
    quote = sheet(usd("0.10")).quote(PriceFacts(seconds=8))
    assert (quote.low, quote.high, quote.known, quote.is_range) == (D("0.80"), D("0.80"), True, False)
    assert quote.basis == "10¢/s × 8 s"
    assert format_quote(quote) == "Estimated: $0.80 (10¢/sec)"
    assert (quote.source, quote.as_of, quote.note) == ("test table", "2026-12-01", "a note")
    assert format_source(quote) == "Prices: test table, as of 2026-12-01"


def test_a_contradicting_rule_never_applies() -> None:
    only_720p = sheet(PerSecond.flat(D("0.10"), resolution="720p", audio=True))
    for facts in (
        PriceFacts(seconds=8, resolution="1080p", audio=True),
        PriceFacts(seconds=8, resolution="720p", audio=False),
        PriceFacts(seconds=8, audio=True),  # resolution unknown: the 720p rate is not assumed
        PriceFacts(seconds=8, resolution="720p"),  # audio unknown
    ):
        quote = only_720p.quote(facts)
        assert not quote.known and quote.low is None and quote.high is None
        assert format_quote(quote) == "Estimated: price unknown"


@pytest.mark.parametrize(("audio", "total"), [(False, "1.60"), (True, "3.20"), (None, "3.20")])
def test_without_audio_replaces_the_base_rate(audio: bool | None, total: str) -> None:
    quote = sheet(usd("0.40"), PerSecond.flat(D("0.20"), audio=False)).quote(PriceFacts(seconds=8, audio=audio))
    assert quote.low == D(total)


def test_condition_labels_in_the_basis() -> None:
    rule = PerSecond.flat(D("0.40"), resolution="4K", audio=True, mode="image")
    quote = sheet(rule).quote(PriceFacts(seconds=8, resolution="4k", audio=True, mode="image"))
    assert quote.basis == "40¢/s at 4k with audio (image-to-video) × 8 s"
    with_audio = sheet(PerSecond.flat(D("0.40"), audio=True)).quote(PriceFacts(seconds=8, audio=True))
    assert with_audio.basis == "40¢/s with audio × 8 s"


def test_a_rate_range_gives_a_price_range() -> None:
    quote = sheet(PerSecond(D("0.07"), D("0.10"))).quote(PriceFacts(seconds=8))
    assert (quote.low, quote.high, quote.is_range, quote.rate) == (D("0.56"), D("0.80"), True, None)
    assert quote.basis == "7¢–10¢/s × 8 s"
    assert format_quote(quote) == "Estimated: $0.56–$0.80"


def test_tied_rules_give_a_range_over_both() -> None:
    quote = sheet(usd("0.10"), usd("0.12")).quote(PriceFacts(seconds=8))
    assert (quote.low, quote.high) == (D("0.80"), D("0.96"))
    assert quote.basis == "10¢/s × 8 s or 12¢/s × 8 s"
    duplicate = sheet(usd("0.10"), usd("0.10")).quote(PriceFacts(seconds=8))
    assert duplicate.rate == D("0.10") and duplicate.basis == "10¢/s × 8 s"


def test_input_images_are_charged_on_top() -> None:
    priced = sheet(usd("0.10"), PerImage(D("0.02")))
    quote = priced.quote(PriceFacts(seconds=8, mode="image", input_images=2))
    assert quote.low == quote.high == D("0.84")
    assert quote.basis == "10¢/s × 8 s + 2 input images × 2¢"
    assert quote.rate is None and format_quote(quote) == "Estimated: $0.84"
    one = priced.quote(PriceFacts(seconds=8, mode="image", input_images=1))
    assert one.low == D("0.82") and one.basis.endswith("+ 1 input image × 2¢")
    none = priced.quote(PriceFacts(seconds=8))
    assert none.low == D("0.80") and none.rate == D("0.10")


@pytest.mark.parametrize(("mode", "total"), [("reference", "0.95"), ("image", "0.86"), ("text", "0.86")])
def test_a_mode_specific_image_charge_wins_in_its_mode(mode: Mode, total: str) -> None:
    priced = sheet(usd("0.10"), PerImage(D("0.02")), PerImage(D("0.05"), mode="reference"))
    assert priced.quote(PriceFacts(seconds=8, mode=mode, input_images=3)).low == D(total)


def test_image_charges_alone_are_no_price() -> None:
    quote = sheet(PerImage(D("0.02")), Minimum(D("0.50"))).quote(PriceFacts(seconds=8, input_images=2))
    assert not quote.known


def test_minimum_is_a_floor_on_both_ends() -> None:
    floored = sheet(usd("0.05"), Minimum(D("0.50"))).quote(PriceFacts(seconds=4))
    assert (floored.low, floored.high, floored.rate) == (D("0.50"), D("0.50"), None)
    assert floored.basis == "5¢/s × 4 s (minimum $0.50 per video)"
    partly = sheet(PerSecond(D("0.07"), D("0.10")), Minimum(D("0.50"))).quote(PriceFacts(seconds=6))
    assert (partly.low, partly.high) == (D("0.50"), D("0.60"))
    above = sheet(usd("0.10"), Minimum(D("0.50"))).quote(PriceFacts(seconds=8))
    assert above.low == D("0.80") and "minimum" not in above.basis and above.rate == D("0.10")


def test_tokens_give_a_range_from_24_to_30_fps() -> None:
    tokens = sheet(PerToken(D("0.000007")))
    quote = tokens.quote(PriceFacts(seconds=5, size="1280x720"))
    # 1280 × 720 ÷ 1024 = 900 tokens a frame; × 5 s × 24 fps = 108,000, × 30 fps = 135,000.
    assert (quote.low, quote.high) == (D("0.756"), D("0.945"))
    assert quote.basis == "≈ 108k–135k video tokens × $0.000007"
    assert format_quote(quote) == "Estimated: $0.76–$0.95"
    framed = tokens.quote(PriceFacts(seconds=4, width=1024, height=768))
    assert (framed.low, framed.high) == (D("73728") * D("0.000007"), D("92160") * D("0.000007"))
    assert framed.basis.startswith("≈ 74k–92k video tokens")


def test_tokens_without_a_frame_are_unknown_and_say_why() -> None:
    quote = sheet(PerToken(D("0.000007"))).quote(PriceFacts(seconds=5, resolution="720p"))
    assert not quote.known and quote.basis == "priced per video token, and the frame size is unknown"


def test_video_input_token_rate() -> None:
    tokens = sheet(PerToken(D("0.000007")), PerToken(D("0.00001"), video_input=True))
    plain = tokens.quote(PriceFacts(seconds=5, size="1280x720"))
    with_video = tokens.quote(PriceFacts(seconds=5, size="1280x720", input_videos=1, mode="reference"))
    assert plain.high == D("0.945") and with_video.high == D("1.35")


def test_an_extension_rate_never_prices_a_fresh_render() -> None:
    extend_only = sheet(PerSecond.flat(D("0.04"), resolution="720p", mode="extend"))
    modes: tuple[Mode, ...] = ("text", "image", "reference")
    for mode in modes:
        assert not extend_only.quote(PriceFacts(seconds=8, resolution="720p", mode=mode)).known
    with_generic = sheet(usd("0.03"), extend_only.rules[0]).quote(PriceFacts(seconds=8, resolution="720p"))
    assert with_generic.low == D("0.24")


def test_a_flat_per_video_price_ranks_below_a_timed_rate() -> None:
    assert sheet(PerVideo(D("0.50"))).quote(PriceFacts(seconds=8)).low == D("0.50")
    both = sheet(PerVideo(D("0.50")), usd("0.10")).quote(PriceFacts(seconds=8))
    assert both.low == D("0.80") and both.basis == "10¢/s × 8 s"


def test_no_rule_is_unknown_never_zero() -> None:
    empty = sheet().quote(PriceFacts(seconds=8))
    assert not empty.known and empty.basis == "no published price"
    assert "$0.00" not in format_quote(empty)
    described = sheet(PerSecond.flat(D("0.1"), resolution="720p")).quote(
        PriceFacts(seconds=5, resolution="480p", audio=False, mode="image")
    )
    assert described.basis == "no published price for 480p, without audio, image-to-video"


def test_a_free_rate_is_a_known_zero() -> None:
    quote = sheet(usd("0")).quote(PriceFacts(seconds=8))
    assert quote.known and format_quote(quote) == "Estimated: $0.00 (0¢/sec)"


def test_facts_and_rules_normalise_spelling() -> None:
    facts = PriceFacts(seconds=4, resolution=" 4K ", size="1280X720")
    assert (facts.resolution, facts.size, facts.frame) == ("4k", "1280x720", (1280, 720))
    assert PriceFacts(seconds=4, size="1280×720").size == "1280x720"
    assert PriceFacts(seconds=4, size="big").frame is None
    assert PerSecond.flat(D("0.1"), resolution="1080P").resolution == "1080p"
    assert sheet(PerSecond.flat(D("0.1"), resolution="4K")).quote(PriceFacts(seconds=2, resolution="4k")).known


def test_invalid_values_are_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        PriceFacts(seconds=-1)
    with pytest.raises(ValueError, match="low"):
        PerSecond(D("0.2"), D("0.1"))
    with pytest.raises(ValueError, match="negative"):
        PerToken(D("-1"))
    with pytest.raises(ValueError, match="both ends"):
        Quote(D("1"), None, "", "", "")
    with pytest.raises(ValueError, match="low above high"):
        Quote(D("2"), D("1"), "", "", "")


def test_formatting() -> None:
    assert format_usd(D("1234.5")) == "$1,234.50"
    assert format_usd(None) == "price unknown"
    assert format_usd(D("0.004")) == "<$0.01"
    assert format_usd(D("0.005")) == "$0.01"
    assert format_usd(D("0")) == "$0.00"
    assert format_rate(D("0.125")) == "12.5¢/sec"
    assert format_rate(D("0.10")) == "10¢/sec"
    assert format_rate(D("1.5")) == "$1.50/sec"
    assert format_rate(None) == "price unknown"
    assert rate_text(D("0.07"), D("0.10")) == "7¢–10¢/sec"
    assert rate_text(D("0.30"), D("0.30")) == "30¢/sec"
    same_cent = Quote(D("0.561"), D("0.564"), "", "", "")
    assert same_cent.is_range and format_quote(same_cent) == "Estimated: $0.56"


def _known(low: str, high: str | None = None) -> Quote:
    return Quote(D(low), D(high or low), "", "", "")


UNKNOWN = Quote(None, None, "no published price", "", "")


def test_sum_counts_unknown_parts_and_keeps_the_known_total() -> None:
    total = sum_quotes([_known("0.80"), _known("0.56", "0.80"), UNKNOWN])
    assert (total.low, total.high, total.parts, total.unknown, total.known) == (D("1.36"), D("1.60"), 3, 1, False)
    assert format_total(total) == "Estimated total: price unknown (1 of 3 without a price; the rest $1.36–$1.60)"


def test_sum_of_known_and_of_unknown_quotes() -> None:
    assert format_total(sum_quotes([_known("0.80"), _known("0.80")])) == "Estimated total: $1.60"
    assert format_total(sum_quotes([UNKNOWN, UNKNOWN])) == "Estimated total: price unknown"
    empty = sum_quotes([])
    assert empty.known and format_total(empty) == "Estimated total: $0.00"
