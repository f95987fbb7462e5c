"""A model's starting price: the lowest published per-second rate over its frames.

Shown on the model tiles and in Settings → Prices, so a user can compare models before
choosing one; it is worked out from the same price rules as the estimate, at the model's
default length and sound, so the two never disagree.
"""

from __future__ import annotations

from decimal import Decimal

from app.core.capabilities import Audio, ModelCapability
from app.core.i18n import tr
from app.core.prices import PriceFacts, format_rate


def _choices(model: ModelCapability) -> list[dict[str, str]]:
    """Every frame the model offers, as the draft fields that name it."""
    if model.uses_sizes:
        return [{"size": size} for size in model.sizes]
    aspect = model.default_aspect_ratio or (model.aspect_ratios[0] if model.aspect_ratios else "")
    return [{"resolution": res, "aspect_ratio": aspect} for res in model.resolutions]


def _rate_at(model: ModelCapability, choice: dict[str, str]) -> Decimal | None:
    audio = model.audio is Audio.ALWAYS or (model.audio is Audio.OPTIONAL and model.audio_default)
    frame = model.frame(choice.get("size", ""), choice.get("aspect_ratio", ""), choice.get("resolution", ""))
    quote = model.prices.quote(
        PriceFacts(
            seconds=model.default_duration,
            size=choice.get("size"),
            resolution=choice.get("resolution"),
            width=frame.width if frame else None,
            height=frame.height if frame else None,
            audio=audio,
        )
    )
    if not quote.known or quote.low is None:
        return None
    return quote.rate if quote.rate is not None else quote.low / max(model.default_duration, 1)


def lowest_rate(model: ModelCapability) -> Decimal | None:
    """Dollars per second at the cheapest frame, or None when no price is published."""
    rates = [r for r in (_rate_at(model, choice) for choice in _choices(model)) if r is not None]
    return min(rates) if rates else None


def starting_rate(model: ModelCapability) -> str:
    """``from 10¢/sec`` (the lowest published per-second rate), or ``price unknown``."""
    rate = lowest_rate(model)
    return tr("compose.rate.from", rate=format_rate(rate)) if rate is not None else tr("prices.unknown")
