"""Dated price estimates for Gemini Omni Flash, and the cost computed from a job's usage.

Google bills Omni per video output token and its responses carry no cost, nor is a price
endpoint known; so before a render the app shows a per-second estimate by resolution
(third-party figures, with their date), and after it the tokens × the published token
price, labelled as computed, not billed.
"""

from __future__ import annotations

from decimal import Decimal

from app.core.i18n import tr
from app.core.prices import PerSecond, PriceSheet, Quote, format_usd

AS_OF = "2026-12-01"
SOURCE = "Third-party reports of Gemini Omni Flash prices (fal's tiers for 1.1; 1.2 reported lower)"
NOTE = "Estimates only: Gemini's responses carry no cost. 1.2's low end is inferred at about 0.7× the 1.1 rate."
USD_PER_MILLION_VIDEO_TOKENS = Decimal("17.50")

# USD per second of output, by resolution: (low, high).
_RATES: dict[str, dict[str, tuple[str, str]]] = {
    "gemini-omni-1.1-flash": {
        "360p": ("0.03", "0.03"),
        "720p": ("0.10", "0.10"),
        "1080p": ("0.15", "0.15"),
        "4k": ("0.30", "0.30"),
    },
    "gemini-omni-1.2-flash": {
        "360p": ("0.02", "0.03"),
        "720p": ("0.07", "0.10"),
        "1080p": ("0.10", "0.15"),
        "4k": ("0.20", "0.30"),
    },
}


def _sheet(rates: dict[str, tuple[str, str]]) -> PriceSheet:
    rules = tuple(PerSecond(Decimal(low), Decimal(high), resolution=res) for res, (low, high) in rates.items())
    return PriceSheet(rules, SOURCE, AS_OF, NOTE)


SHEETS: dict[str, PriceSheet] = {model: _sheet(rates) for model, rates in _RATES.items()}


def sheet_for(model_id: str) -> PriceSheet:
    """The estimate table of ``model_id``; an unlisted model gets an empty sheet (price unknown)."""
    return SHEETS.get(model_id) or PriceSheet((), SOURCE, AS_OF, NOTE)


def cost_from_usage(video_tokens: int) -> Decimal:
    """USD for the video output tokens a completed job reports ($17.50 per million)."""
    if video_tokens < 0:
        raise ValueError(f"negative token count: {video_tokens}")
    return Decimal(video_tokens) * USD_PER_MILLION_VIDEO_TOKENS / 1_000_000


def usage_quote(video_tokens: int, *, as_of: str = AS_OF) -> Quote:
    """The cost computed from usage as a quote, labelled so nobody reads it as the bill."""
    usd = cost_from_usage(video_tokens)
    price = format_usd(USD_PER_MILLION_VIDEO_TOKENS)
    basis = tr("plat.gemini.usage_basis", tokens=video_tokens, price=price)
    return Quote(usd, usd, basis, tr("plat.gemini.usage_source"), as_of)


def format_usage_cost(video_tokens: int) -> str:
    """``Computed from usage: $1.01 (not billed)``."""
    return tr("plat.gemini.usage_cost", cost=format_usd(cost_from_usage(video_tokens)))
