"""``GET /key``: what OpenRouter says about the calling key, in one line for the settings.

``{data: {label, limit, limit_remaining, usage, is_free_tier, …}}``; free to call. It
proves the key (a bad one answers 401) but not the model: video models are listed by
``GET /videos/models``, so the model is checked against the catalogue elsewhere.
"""

from __future__ import annotations

from app.core.http import HttpResponse
from app.core.prices import format_usd
from app.core.providers.base import KeyReport
from app.core.providers.codec_kit import Amount, Flag, Lenient, Text, validated


class KeyData(Lenient):
    """The fields shown; an amount of another shape is unknown."""

    label: Text = ""
    limit: Amount = None  # null: no spending limit
    limit_remaining: Amount = None
    usage: Amount = None
    is_free_tier: Flag = None


class KeyAnswer(Lenient):
    data: KeyData


def account_text(key: KeyData) -> str:
    """``"<label>: $3.20 of $10.00 left"``, ``"<label>: no limit, $1.60 used"`` (free tier noted)."""
    limit, left, used = key.limit, key.limit_remaining, key.usage
    if limit is not None:
        words = f"{format_usd(left)} of {format_usd(limit)} left" if left is not None else f"limit {format_usd(limit)}"
    else:
        words = "no limit" + (f", {format_usd(used)} used" if used is not None else "")
    if key.is_free_tier:
        words += " (free tier)"
    label = key.label.strip()
    return f"{label}: {words}" if label else words


def parse_key_info(response: HttpResponse) -> KeyReport:
    return KeyReport(model=None, checks_model=False, account=account_text(validated(KeyAnswer, response).data))
