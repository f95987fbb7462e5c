"""Gemini Omni Flash: the dated per-second estimates, and the cost computed from usage."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.core.prices import Mode, PriceFacts, format_quote, format_source
from app.core.providers.gemini_omni.prices import (
    AS_OF,
    SHEETS,
    cost_from_usage,
    format_usage_cost,
    sheet_for,
    usage_quote,
)

D = Decimal


@pytest.mark.parametrize(
    ("model", "resolution", "seconds", "low", "high", "text"),
    [
        ("gemini-omni-1.1-flash", "360p", 5, "0.15", "0.15", "Estimated: $0.15 (3¢/sec)"),
        ("gemini-omni-1.1-flash", "720p", 8, "0.80", "0.80", "Estimated: $0.80 (10¢/sec)"),
        ("gemini-omni-1.1-flash", "1080p", 10, "1.50", "1.50", "Estimated: $1.50 (15¢/sec)"),
        ("gemini-omni-1.1-flash", "4k", 10, "3.00", "3.00", "Estimated: $3.00 (30¢/sec)"),
        ("gemini-omni-1.2-flash", "360p", 3, "0.06", "0.09", "Estimated: $0.06–$0.09"),
        ("gemini-omni-1.2-flash", "720p", 8, "0.56", "0.80", "Estimated: $0.56–$0.80"),
        ("gemini-omni-1.2-flash", "1080p", 15, "1.50", "2.25", "Estimated: $1.50–$2.25"),
        ("gemini-omni-1.2-flash", "4K", 3, "0.60", "0.90", "Estimated: $0.60–$0.90"),
    ],
)
def test_per_second_estimates(model: str, resolution: str, seconds: int, low: str, high: str, text: str) -> None:
    # Omni always generates audio, and the table does not depend on it or on the mode.
    variants: tuple[tuple[bool | None, Mode], ...] = ((True, "text"), (None, "image"))
    for audio, mode in variants:
        quote = sheet_for(model).quote(PriceFacts(seconds=seconds, resolution=resolution, audio=audio, mode=mode))
        assert (quote.low, quote.high) == (D(low), D(high))
        assert format_quote(quote) == text


def test_the_table_is_dated_and_says_it_is_an_estimate() -> None:
    assert set(SHEETS) == {"gemini-omni-1.1-flash", "gemini-omni-1.2-flash"}
    quote = sheet_for("gemini-omni-1.2-flash").quote(PriceFacts(seconds=8, resolution="720p"))
    assert quote.as_of == AS_OF == "2026-12-01"
    assert "estimate" in quote.note.lower() and "no cost" in quote.note
    assert format_source(quote).endswith("as of 2026-12-01")


@pytest.mark.parametrize(
    ("model", "resolution"),
    [
        ("gemini-omni-1.2-flash", "480p"),  # not a tier Omni offers
        ("gemini-omni-1.2-flash", None),
        ("gemini-omni-flash-preview", "720p"),  # retired: no table
        ("veo-3.1-generate-preview", "720p"),
    ],
)
def test_unlisted_prices_are_unknown(model: str, resolution: str | None) -> None:
    quote = sheet_for(model).quote(PriceFacts(seconds=8, resolution=resolution))
    assert not quote.known and format_quote(quote) == "Estimated: price unknown"


@pytest.mark.parametrize(
    ("tokens", "usd"),
    [(0, "0"), (57_920, "1.0136"), (1_000_000, "17.50"), (3, "0.0000525")],
)
def test_cost_from_usage(tokens: int, usd: str) -> None:
    assert cost_from_usage(tokens) == D(usd)


def test_usage_cost_is_labelled_computed_not_billed() -> None:
    quote = usage_quote(57_920)
    assert quote.low == quote.high == D("1.0136")
    assert quote.basis == "computed from usage: 57,920 video tokens × $17.50 per 1M (not billed)"
    assert format_usage_cost(57_920) == "Computed from usage: $1.01 (not billed)"
    assert format_usage_cost(0) == "Computed from usage: $0.00 (not billed)"  # a blocked job: no video tokens
    with pytest.raises(ValueError, match="negative"):
        cost_from_usage(-1)
