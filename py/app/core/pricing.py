"""Price estimates from the provider's published price table (USD per second).

Money is ``Decimal`` end to end. Where no price is published the estimate says so —
it is never shown as $0.00.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from app.core.capabilities import ModelCapability, ProviderCapabilities

CENT = Decimal("0.01")
FOOTNOTE = (
    "Based on the provider's published pricing per second of video. Excludes retries, and renders blocked by "
    "a content policy may still be charged."
)


@dataclass(frozen=True)
class Estimate:
    seconds: int
    rate: Decimal | None  # USD per second; None = not published

    @property
    def total(self) -> Decimal | None:
        return None if self.rate is None else (self.rate * self.seconds).quantize(CENT, ROUND_HALF_UP)

    @property
    def known(self) -> bool:
        return self.rate is not None


def model_for(capabilities: ProviderCapabilities, model_id: str) -> ModelCapability | None:
    """The capability of ``model_id``; a custom id that extends a known one counts as it."""
    known = capabilities.model(model_id)
    if known is not None:
        return known
    candidates = [m for m in capabilities.primary_models if model_id.startswith(m.id + "-")]
    return max(candidates, key=lambda m: len(m.id), default=None)


def estimate(capabilities: ProviderCapabilities, model_id: str, size: str, seconds: int) -> Estimate:
    model = capabilities.model(model_id)
    rate = capabilities.prices.rate(model, size) if model is not None else None
    return Estimate(seconds, rate)


def format_usd(value: Decimal | None) -> str:
    if value is None:
        return "price unknown"
    return f"${value.quantize(CENT, ROUND_HALF_UP):,}"


def format_rate(rate: Decimal | None) -> str:
    """``10¢/sec`` (whole cents), or ``$1.25/sec`` from a dollar up."""
    if rate is None:
        return "price unknown"
    if rate < 1:
        cents = (rate * 100).normalize()
        return f"{cents:f}¢/sec"
    return f"{format_usd(rate)}/sec"


def format_estimate(value: Estimate) -> str:
    """``Estimated: $0.80 (10¢/sec)``; ``Estimated: price unknown`` without a published rate."""
    if value.rate is None:
        return "Estimated: price unknown"
    return f"Estimated: {format_usd(value.total)} ({format_rate(value.rate)})"
