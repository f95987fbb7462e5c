"""The OpenAI price sheets give today's estimate for every model, size and duration."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.core.prices import PriceFacts, format_quote
from app.core.providers.openai_videos.capabilities import CAPABILITIES
from app.core.providers.openai_videos.price_sheet import AS_OF, SHEETS, SOURCE, sheet_for


@pytest.mark.parametrize("model", [m.id for m in CAPABILITIES.models])
def test_every_model_is_priced_from_its_familys_sheet(model: str) -> None:
    capability = CAPABILITIES.model(model)
    assert capability is not None and capability.prices == sheet_for(capability.family)
    for size in capability.sizes:
        for seconds in capability.durations:
            quote = capability.prices.quote(PriceFacts(seconds=seconds, size=size))
            if quote.known:
                assert quote.low == quote.high == (quote.rate or 0) * seconds


@pytest.mark.parametrize(
    ("family", "size", "seconds", "text"),
    [
        ("sora-2", "1280x720", 8, "Estimated: $0.80 (10¢/sec)"),
        ("sora-2", "720x1280", 20, "Estimated: $2.00 (10¢/sec)"),
        ("sora-2-pro", "1280x720", 12, "Estimated: $3.60 (30¢/sec)"),
        ("sora-2-pro", "1024x1792", 20, "Estimated: $10.00 (50¢/sec)"),
        ("sora-2-pro", "1920x1080", 8, "Estimated: price unknown"),  # listed without a price
        ("sora-2", "1792x1024", 8, "Estimated: price unknown"),  # not a size of the family
        ("my-gateway-family", "1280x720", 8, "Estimated: price unknown"),
    ],
)
def test_hand_computed_estimates(family: str, size: str, seconds: int, text: str) -> None:
    assert format_quote(sheet_for(family).quote(PriceFacts(seconds=seconds, size=size))) == text


def test_same_source_and_date() -> None:
    assert set(SHEETS) == {m.family for m in CAPABILITIES.models}
    assert all((sheet.source, sheet.as_of) == (SOURCE, AS_OF) for sheet in SHEETS.values())
    assert sheet_for("sora-2-pro").quote(PriceFacts(seconds=4, size="720x1280")).low == Decimal("1.20")
