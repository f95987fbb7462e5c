"""A saved key goes only to the origin it is bound to, and a record edited outside the app
(origin, provider, or ciphertext moved between providers) does not decrypt."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from app.core.errors import KeyOriginError, VaultError
from app.core.key_binding import binding_aad, origin_of, provider_of
from app.core.vault_status import VaultState
from tests.unit.aio import run
from tests.unit.simtransport import FakeCipher
from tests.unit.vault_kit import KEYS, ORIGINS, PASSPHRASE, Kit

GATEWAY = "https://gateway.example"


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("https://API.OpenAI.com:443/v1/", "https://api.openai.com"),
        ("https://openrouter.ai/api/v1", "https://openrouter.ai"),
        ("http://localhost:8000/sim/v1", "http://localhost:8000"),
        ("http://127.0.0.1:80", "http://127.0.0.1"),
        ("https://user:pw@host.example:8443/x?y#z", "https://host.example:8443"),
        ("http://[::1]:9000/v1", "http://[::1]:9000"),
        ("  https://gateway.example  ", GATEWAY),
    ],
)
def test_origin_of_keeps_scheme_host_and_a_non_default_port(url: str, origin: str) -> None:
    assert origin_of(url) == origin


@pytest.mark.parametrize("url", ["", "gateway.example", "ftp://host.example", "https://", "https://host:99999"])
def test_origin_of_refuses_what_is_not_a_web_address(url: str) -> None:
    with pytest.raises(VaultError, match="not a web address"):
        origin_of(url)


def test_record_ids_and_binding() -> None:
    assert provider_of("key:gemini") == "gemini"
    assert provider_of("key:") is None and provider_of("api-key") is None
    assert (
        binding_aad("openrouter", "https://openrouter.ai") == b"sora-renderer key v2|openrouter|https://openrouter.ai"
    )


def test_the_fake_cipher_refuses_other_additional_data() -> None:
    # The tamper tests below mean something only if the fake, like AES-GCM, authenticates aad.
    cipher = FakeCipher()

    async def scenario() -> None:
        key = await cipher.new_device_key()
        iv, sealed = await cipher.encrypt(key, b"secret", b"a|b")
        assert await cipher.decrypt(key, iv, sealed, b"a|b") == b"secret"
        for other in (b"", b"a|c", b"a|b|"):
            with pytest.raises(VaultError):
                await cipher.decrypt(key, iv, sealed, other)

    run(scenario())


def test_a_key_is_refused_for_another_origin_with_both_named() -> None:
    kit = Kit()

    async def scenario() -> None:
        vault = await kit.filled("openrouter")
        assert vault.api_key("openrouter", "https://openrouter.ai/api/v1") == KEYS["openrouter"]
        with pytest.raises(KeyOriginError) as caught:
            vault.api_key("openrouter", GATEWAY + "/api/v1")
        assert str(caught.value) == (
            "Your OpenRouter key is saved for https://openrouter.ai. "
            "Confirm in Settings before it is sent to https://gateway.example."
        )
        assert (caught.value.provider_id, caught.value.bound_origin, caught.value.requested_origin) == (
            "openrouter",
            ORIGINS["openrouter"],
            GATEWAY,
        )
        with pytest.raises(KeyOriginError):
            vault.api_key("openrouter", "http://openrouter.ai")  # another scheme is another origin

    run(scenario())


def test_rebind_moves_the_key_to_the_confirmed_origin() -> None:
    kit = Kit()

    async def scenario() -> None:
        vault = await kit.filled("openrouter", "gemini")
        created = kit.stored("openrouter")["created_at"]
        overview = await vault.rebind("openrouter", GATEWAY + "/api/v1")
        assert overview.status("openrouter").origin == GATEWAY and vault.bound_origin("openrouter") == GATEWAY
        assert vault.api_key("openrouter", GATEWAY) == KEYS["openrouter"]
        with pytest.raises(KeyOriginError):
            vault.api_key("openrouter", ORIGINS["openrouter"])
        again = await kit.reopen()
        assert again.api_key("openrouter", GATEWAY) == KEYS["openrouter"]
        assert kit.stored("openrouter")["origin"] == GATEWAY and kit.stored("openrouter")["created_at"] == created
        assert again.bound_origin("gemini") == ORIGINS["gemini"] and again.bound_origin("openai-videos") is None

    run(scenario())


def test_rebind_needs_an_open_key() -> None:
    kit = Kit()

    async def scenario() -> None:
        vault = await kit.filled("openrouter")
        await vault.set_passphrase(PASSPHRASE)
        vault.lock()
        with pytest.raises(VaultError, match="locked"):
            await vault.rebind("openrouter", GATEWAY)
        with pytest.raises(VaultError, match="No key is saved for Gemini"):
            await vault.rebind("gemini", GATEWAY)

    run(scenario())


def _edit_origin(vault: dict[str, Any]) -> None:
    vault["key:openrouter"]["origin"] = GATEWAY


def _edit_provider(vault: dict[str, Any]) -> None:
    vault["key:openrouter"]["provider_id"] = "gemini"


def _rename(vault: dict[str, Any]) -> None:
    record = vault.pop("key:openrouter")
    vault["key:gemini"] = {**record, "id": "key:gemini", "provider_id": "gemini"}


def _move_ciphertext(vault: dict[str, Any]) -> None:
    for field in ("iv", "ciphertext"):
        vault["key:gemini"][field] = vault["key:openrouter"][field]


TAMPERING: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    # edit -> the provider whose record no longer opens
    "origin edited": (_edit_origin, "openrouter"),
    "provider edited": (_edit_provider, "openrouter"),
    "record renamed to another provider": (_rename, "gemini"),
    "ciphertext moved to another provider": (_move_ciphertext, "gemini"),
}


@pytest.mark.parametrize("mode", ["device", "passphrase"])
@pytest.mark.parametrize("edit", TAMPERING, ids=str)
def test_a_record_changed_outside_the_app_does_not_decrypt(edit: str, mode: str) -> None:
    kit = Kit()
    change, spoiled = TAMPERING[edit]

    async def scenario() -> None:
        vault = await kit.filled()
        if mode == "passphrase":
            await vault.set_passphrase(PASSPHRASE)
        change(kit.records.stores["vault"])
        again = await kit.reopen()
        if mode == "passphrase":
            await again.unlock(PASSPHRASE)
        status = again.status(spoiled)
        assert status.state is VaultState.DAMAGED
        name = {"openrouter": "OpenRouter", "gemini": "Gemini"}[spoiled]
        message = f"The stored key for {name} was changed outside the app; paste it again."
        assert status.problem == message
        for origin in (ORIGINS[spoiled], GATEWAY):
            with pytest.raises(VaultError) as caught:
                again.api_key(spoiled, origin)
            assert str(caught.value) == message
        assert again.api_key("openai-videos", ORIGINS["openai-videos"]) == KEYS["openai-videos"]
        with pytest.raises(VaultError, match=f"key for {name} cannot be opened"):
            await again.set_passphrase("another passphrase", current=PASSPHRASE)
        await again.save_key(spoiled, ORIGINS[spoiled], KEYS[spoiled])  # pasting it again heals it
        assert again.api_key(spoiled, ORIGINS[spoiled]) == KEYS[spoiled]

    run(scenario())
