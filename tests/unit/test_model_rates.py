"""A model's starting price is the cheapest per-second rate of its frames, from its own price rules."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.core.capabilities import ModelCapability
from app.core.i18n import set_locale
from app.core.model_rates import lowest_rate, starting_rate
from app.core.providers import registry


def _model(provider_id: str, model_id: str) -> ModelCapability:
    model = registry.directory().get(provider_id).model(model_id)
    assert model is not None
    return model


@pytest.mark.parametrize(
    ("provider_id", "model_id", "rate", "text"),
    [
        ("openai-videos", "sora-2", Decimal("0.10"), "from 10¢/sec"),
        ("openai-videos", "sora-2-pro", Decimal("0.30"), "from 30¢/sec"),  # its 720p, not its 1080p
        ("openrouter", "google/veo-3.1-lite", Decimal("0.05"), "from 5¢/sec"),
        ("gemini", "gemini-omni-1.2-flash", Decimal("0.02"), "from 2¢/sec"),
    ],
)
def test_the_lowest_published_rate_is_the_starting_price(
    provider_id: str, model_id: str, rate: Decimal, text: str
) -> None:
    model = _model(provider_id, model_id)
    assert lowest_rate(model) == rate
    assert starting_rate(model) == text


def test_a_model_without_a_published_price_says_so() -> None:
    model = _model("gemini", "gemini-omni-flash-preview")
    assert lowest_rate(model) is None
    assert starting_rate(model) == "price unknown"


def test_the_starting_price_is_written_in_the_user_s_language() -> None:
    set_locale("de")
    try:
        assert starting_rate(_model("openai-videos", "sora-2")) != "from 10¢/sec"
        assert starting_rate(_model("gemini", "gemini-omni-flash-preview")) != "price unknown"
    finally:
        set_locale("en")
