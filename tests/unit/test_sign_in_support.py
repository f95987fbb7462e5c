"""Only a provider whose capabilities say ``sign_in`` has the OAuth methods; the others
refuse each of them in one shared way, naming the provider (``codec_kit.NoSignIn``)."""

from __future__ import annotations

import pytest

from app.core.http import HttpResponse
from app.core.providers import registry
from app.core.providers.base import UnsupportedOperationError, VideoProvider

CODECS = registry.codecs()
WITHOUT = [c for c in CODECS.values() if not c.capabilities.sign_in]


def test_the_providers_without_sign_in_are_the_expected_ones() -> None:
    assert sorted(c.capabilities.provider_id for c in WITHOUT) == ["gemini", "openai-videos"]


@pytest.mark.parametrize("codec", WITHOUT, ids=lambda c: c.capabilities.provider_id)
def test_every_sign_in_method_is_refused(codec: VideoProvider) -> None:
    label = codec.capabilities.label
    calls = (
        lambda: codec.sign_in_url("https://api.example", "https://app.example/", "challenge"),
        lambda: codec.key_exchange_request("https://api.example", "code", "verifier"),
        lambda: codec.parse_key_exchange(HttpResponse(200, {}, b'{"key": "k"}')),
    )
    for call in calls:
        with pytest.raises(UnsupportedOperationError, match=f"^{label} has no way to sign in to get a key"):
            call()


def test_the_provider_with_sign_in_builds_its_consent_url() -> None:
    openrouter = CODECS["openrouter"]
    assert openrouter.capabilities.sign_in
    url = openrouter.sign_in_url("https://openrouter.ai/api/v1", "https://app.example/", "challenge")
    assert "challenge" in url and url.startswith("https://openrouter.ai/")
