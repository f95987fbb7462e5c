"""The price table and the estimate for every model × size × duration."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.core.pricing import Estimate, estimate, format_estimate, format_rate, format_usd
from app.core.providers.openai_videos.capabilities import CAPABILITIES

RATES = {
    ("sora-2", "1280x720"): "0.10",
    ("sora-2", "720x1280"): "0.10",
    ("sora-2-pro", "1280x720"): "0.30",
    ("sora-2-pro", "720x1280"): "0.30",
    ("sora-2-pro", "1792x1024"): "0.50",
    ("sora-2-pro", "1024x1792"): "0.50",
    ("sora-2-pro", "1920x1080"): None,
    ("sora-2-pro", "1080x1920"): None,
}


@pytest.mark.parametrize("model", [m.id for m in CAPABILITIES.models])
def test_every_model_size_and_duration(model: str) -> None:
    capability = CAPABILITIES.model(model)
    assert capability is not None
    for size in capability.sizes:
        for seconds in capability.durations:
            value = estimate(CAPABILITIES, model, size, seconds)
            rate = RATES[(capability.family, size)]
            if rate is None:
                assert value.total is None and format_estimate(value) == "Estimated: price unknown"
            else:
                assert value.rate == Decimal(rate)
                assert value.total == Decimal(rate) * seconds
                assert "$0.00" not in format_estimate(value)


@pytest.mark.parametrize(
    ("model", "size", "seconds", "text"),
    [
        ("sora-2", "1280x720", 8, "Estimated: $0.80 (10¢/sec)"),
        ("sora-2-pro", "1280x720", 12, "Estimated: $3.60 (30¢/sec)"),
        ("sora-2-pro", "1792x1024", 20, "Estimated: $10.00 (50¢/sec)"),
        ("sora-2-2025-12-08", "720x1280", 4, "Estimated: $0.40 (10¢/sec)"),
        ("sora-2-pro", "1920x1080", 8, "Estimated: price unknown"),
        ("my-gateway-model", "1280x720", 8, "Estimated: price unknown"),
    ],
)
def test_estimate_text(model: str, size: str, seconds: int, text: str) -> None:
    assert format_estimate(estimate(CAPABILITIES, model, size, seconds)) == text


def test_formatting() -> None:
    assert format_usd(Decimal("1234.5")) == "$1,234.50"
    assert format_usd(None) == "price unknown"
    assert format_rate(Decimal("0.125")) == "12.5¢/sec"
    assert format_rate(Decimal("1.5")) == "$1.50/sec"
    assert Estimate(4, None).known is False
