"""Prices as rules with a source and a date, and the quote they give for one render.

Providers price video in several kinds — per second (by resolution, audio or mode), per
video token, per input image, with a floor per video — and their tables change. Each
provider turns what it publishes into a dated :class:`PriceSheet`; the sheet picks one
rate for a render's facts and says how it got its number. Money is ``Decimal`` end to
end. Where no rule applies the price is unknown: never $0.00, never a guess.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol, TypeVar

from app.core.i18n import tr
from app.core.i18n.data import data_text
from app.core.price_rules import (
    CENT,
    MODE_IDS,
    Minimum,
    Mode,
    PerImage,
    PerSecond,
    PerToken,
    PerVideo,
    PriceFacts,
    PricePart,
    PriceRule,
    RuleMode,
    Specificity,
    dollars,
    money,
    money_range,
    normalise_resolution,
    normalise_size,
)

__all__ = [
    "Minimum",
    "Mode",
    "PerImage",
    "PerSecond",
    "PerToken",
    "PerVideo",
    "PriceFacts",
    "PriceRule",
    "PriceSheet",
    "Quote",
    "QuoteTotal",
    "RuleMode",
    "estimate_note",
    "format_quote",
    "format_rate",
    "format_source",
    "format_total",
    "format_usd",
    "normalise_resolution",
    "normalise_size",
    "rate_text",
    "sum_quotes",
]


def estimate_note() -> str:
    """What every estimate leaves out (shown next to it)."""
    return tr("prices.note")


class _Priced(Protocol):
    def specificity(self, facts: PriceFacts) -> Specificity | None: ...
    def price(self, facts: PriceFacts) -> PricePart: ...


_R = TypeVar("_R", bound=_Priced)


def _best(rules: Iterable[_R], facts: PriceFacts) -> list[PricePart]:
    """The parts of the most specific applicable rules (several only on an exact tie)."""
    ranked = [(rank, rule) for rule in rules if (rank := rule.specificity(facts)) is not None]
    if not ranked:
        return []
    top = max(rank for rank, _ in ranked)
    return list(dict.fromkeys(rule.price(facts) for rank, rule in ranked if rank == top))


def _merge(parts: Sequence[PricePart]) -> PricePart:
    """Tied rules give a range over all of them rather than an arbitrary pick."""
    if len(parts) == 1:
        return parts[0]
    basis = functools.reduce(
        lambda first, then: tr("prices.basis_or", first=first, then=then), (p.basis for p in parts)
    )
    return PricePart(min(p.low for p in parts), max(p.high for p in parts), basis)


@dataclass(frozen=True)
class Quote:
    """An estimate (``low``–``high`` USD, both ``None`` when unknown) and how it was reached."""

    low: Decimal | None
    high: Decimal | None
    basis: str
    source: str
    as_of: str
    rate: Decimal | None = None  # the one USD/s rate the whole price comes from, if it is that simple
    note: str = ""

    def __post_init__(self) -> None:
        if (self.low is None) != (self.high is None):
            raise ValueError("a quote is known at both ends or at neither")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low above high: {self.low} > {self.high}")

    @property
    def known(self) -> bool:
        return self.low is not None and self.high is not None

    @property
    def is_range(self) -> bool:
        return self.known and self.low != self.high


@dataclass(frozen=True)
class PriceSheet:
    """One model's price rules as a provider published them, with the source and its date."""

    rules: tuple[PriceRule, ...]
    source: str
    as_of: str
    note: str = ""

    def quote(self, facts: PriceFacts) -> Quote:
        """Pick one time-based rate by precedence, add image charges, apply the floor."""
        timed = _best((r for r in self.rules if isinstance(r, PerSecond | PerToken | PerVideo)), facts)
        if not timed:
            return self._quote(None, None, self._why_unknown(facts))
        base = _merge(timed)
        low, high, basis, rate = base.low, base.high, [base.basis], base.rate
        images = _best((r for r in self.rules if isinstance(r, PerImage)), facts) if facts.input_images else []
        if images:
            extra = _merge(images)
            low, high, rate = low + extra.low, high + extra.high, None
            basis.append(extra.basis)
        floor = max((r.usd for r in self.rules if isinstance(r, Minimum)), default=None)
        if floor is not None and low < floor:
            low, high, rate = floor, max(high, floor), None
            basis.append(tr("prices.minimum", amount=format_usd(floor)))
        return self._quote(low, high, " ".join(basis), rate)

    def _quote(self, low: Decimal | None, high: Decimal | None, basis: str, rate: Decimal | None = None) -> Quote:
        return Quote(low, high, basis, self.source, self.as_of, rate, self.note)

    def _why_unknown(self, facts: PriceFacts) -> str:
        if not self.rules:
            return tr("prices.unpublished")
        if facts.frame is None and any(isinstance(r, PerToken) for r in self.rules):
            return tr("prices.per_token_no_frame")
        wanted = [facts.resolution or facts.size or "", tr(MODE_IDS[facts.mode])]
        if facts.audio is not None:
            wanted.insert(1, tr("prices.with_audio") if facts.audio else tr("prices.without_audio"))
        return tr("prices.unpublished_for", what=", ".join(w for w in wanted if w))


@dataclass(frozen=True)
class QuoteTotal:
    """Sum of several jobs' quotes: the known part, and how many parts had no price."""

    low: Decimal
    high: Decimal
    parts: int
    unknown: int

    @property
    def known(self) -> bool:
        return self.unknown == 0


def sum_quotes(quotes: Iterable[Quote]) -> QuoteTotal:
    """Add up quotes; unknown ones are counted, never added as zero."""
    low = high = Decimal(0)
    parts = unknown = 0
    for quote in quotes:
        parts += 1
        if quote.low is None or quote.high is None:
            unknown += 1
        else:
            low, high = low + quote.low, high + quote.high
    return QuoteTotal(low, high, parts, unknown)


def format_usd(value: Decimal | None) -> str:
    """``$1,234.50``; ``<$0.01`` for a positive amount under half a cent; unknown says so."""
    if value is None:
        return tr("prices.unknown")
    under_a_cent = value > 0 and value.quantize(CENT, ROUND_HALF_UP) == 0
    return "<" + dollars(CENT) if under_a_cent else dollars(value)


def format_rate(rate: Decimal | None) -> str:
    """``10¢/sec`` (cents below a dollar), or ``$1.25/sec`` from a dollar up."""
    return tr("prices.unknown") if rate is None else tr("prices.per_second", rate=money(rate))


def _usd_range(low: Decimal, high: Decimal) -> str:
    """``$0.56–$0.80``, or one amount when both ends show the same."""
    low_text, high_text = format_usd(low), format_usd(high)
    return low_text if low_text == high_text else f"{low_text}–{high_text}"


def format_quote(quote: Quote) -> str:
    """``Estimated: $0.80 (10¢/sec)``, ``Estimated: $0.56–$0.80``, ``Estimated: price unknown``."""
    if quote.low is None or quote.high is None:
        return tr("prices.estimated", amount=tr("prices.unknown"))
    amount = _usd_range(quote.low, quote.high)
    if quote.rate is not None and quote.low == quote.high:
        return tr("prices.estimated_rate", amount=amount, rate=format_rate(quote.rate))
    return tr("prices.estimated", amount=amount)


def format_total(total: QuoteTotal) -> str:
    """``Estimated total: $1.60``; with unpriced parts, how many and what the rest comes to."""
    if total.parts and total.unknown == total.parts:
        return tr("prices.total", amount=tr("prices.unknown"))
    known = _usd_range(total.low, total.high)
    if total.known:
        return tr("prices.total", amount=known)
    return tr("prices.total_partly", unknown=total.unknown, parts=total.parts, rest=known)


def format_source(quote: Quote) -> str:
    """``Prices: <source>, as of <date>``: estimates are only as current as their table."""
    return tr("prices.quote_source", source=data_text(quote.source), date=quote.as_of)


def rate_text(low: Decimal, high: Decimal) -> str:
    """``7¢–10¢/sec`` for a picker label; one rate when low == high."""
    return tr("prices.per_second", rate=money_range(low, high))
