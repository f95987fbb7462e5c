"""The key vault: key hygiene, one encrypted key per provider, independence, wipe, damage."""

from __future__ import annotations

import json

import pytest

from app.core.errors import InputError, VaultError
from app.core.keys import mask_key, normalize_key
from app.core.vault_record import VaultRecord
from app.core.vault_status import VaultState
from tests.unit.aio import run
from tests.unit.vault_kit import KEYS, ORIGINS, Kit

KEY = KEYS["openai-videos"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [(f"  {KEY}\n", KEY), (f"Bearer {KEY}", KEY)],
)
def test_normalize_trims(text: str, expected: str) -> None:
    assert normalize_key(text) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "Paste your API key"),
        ("sk-abc def ghi jkl", "spaces"),
        ("sk-clé-123456789", "characters"),
        ("https://api.openai.com/v1", "URL"),
        ("sk-1", "too short"),
        ("sk-" + "x" * 2000, "too long"),
    ],
)
def test_obviously_malformed_keys_get_a_clear_message(text: str, fragment: str) -> None:
    with pytest.raises(InputError, match=fragment):
        normalize_key(text)


def test_mask() -> None:
    assert mask_key(KEY) == "sk-…WXYZ"
    assert mask_key("gsk_1234567890abcd") == "gs…abcd"
    assert KEY not in mask_key(KEY)


def test_each_provider_key_is_encrypted_at_rest_and_reloads() -> None:
    kit = Kit()

    async def scenario() -> None:
        vault = await kit.reopen()
        for provider, key in KEYS.items():
            await vault.save_key(provider, ORIGINS[provider] + "/v1", f"  Bearer {key}  ")
        stored = json.dumps(kit.records.stores["vault"])
        for key in KEYS.values():
            assert key not in stored and key[6:22] not in stored
        assert set(kit.records.stores["vault"]) == {f"key:{p}" for p in KEYS}
        assert "vault-device-key" in kit.records.stores["keys"]
        for provider in KEYS:
            record = VaultRecord.model_validate(kit.stored(provider))
            assert (record.version, record.provider_id, record.origin) == (2, provider, ORIGINS[provider])
            assert record.mode == "device" and record.salt is None

        again = await kit.reopen()
        overview = again.overview()
        assert overview.mode == "device" and not overview.locked and not overview.can_lock
        assert {p: s.state for p, s in again.statuses().items()} == dict.fromkeys(KEYS, VaultState.UNLOCKED)
        assert again.status("gemini").hint == mask_key(KEYS["gemini"])
        assert again.status("gemini").origin == ORIGINS["gemini"]
        for provider, key in KEYS.items():
            assert again.api_key(provider, ORIGINS[provider]) == key

    run(scenario())


def test_keys_of_different_providers_are_independent() -> None:
    kit = Kit()

    async def scenario() -> None:
        vault = await kit.filled("openrouter", "gemini")
        created = vault.status("gemini").updated_at
        assert created is not None
        kit.clock.value += 60
        await vault.save_key("openrouter", ORIGINS["openrouter"], "sk-or-v1-replacement-0000000000")
        writes = len(kit.records.writes)
        await vault.wipe("openai-videos")  # nothing saved for it: no write at all
        assert len(kit.records.writes) == writes
        await kit.vault().wipe("gemini")  # a vault not loaded yet knows of no key: it deletes nothing
        assert len(kit.records.writes) == writes and "vault-device-key" in kit.records.stores["keys"]
        again = await kit.reopen()
        assert again.api_key("openrouter", ORIGINS["openrouter"]) == "sk-or-v1-replacement-0000000000"
        assert again.api_key("gemini", ORIGINS["gemini"]) == KEYS["gemini"]
        assert again.status("gemini").updated_at == created
        assert again.status("openrouter").updated_at == created + 60
        await again.wipe("openrouter")
        assert "key:openrouter" not in kit.records.stores["vault"]
        assert again.api_key("gemini", ORIGINS["gemini"]) == KEYS["gemini"]
        assert "vault-device-key" in kit.records.stores["keys"]  # gemini still needs it

    run(scenario())


def test_a_missing_key_is_named() -> None:
    kit = Kit()

    async def scenario() -> None:
        vault = await kit.filled("openrouter")
        assert vault.status("gemini").state is VaultState.EMPTY
        with pytest.raises(VaultError, match="No key is saved for Gemini"):
            vault.api_key("gemini", ORIGINS["gemini"])

    run(scenario())


def test_wiping_the_last_key_removes_everything() -> None:
    kit = Kit()

    async def scenario() -> None:
        vault = await kit.filled("openrouter", "gemini")
        await vault.wipe("openrouter")
        overview = await vault.wipe("gemini")
        assert overview.mode is None and overview.keys == {}
        assert kit.records.stores["vault"] == {} and kit.records.stores["keys"] == {}
        with pytest.raises(VaultError, match="No key is saved for OpenRouter"):
            vault.api_key("openrouter", ORIGINS["openrouter"])

    run(scenario())


def test_forget_drops_everything_from_memory_only() -> None:
    kit = Kit()

    async def scenario() -> None:
        vault = await kit.filled("gemini")
        vault.forget()
        assert vault.overview().keys == {}
        with pytest.raises(VaultError, match="No key is saved"):
            vault.api_key("gemini", ORIGINS["gemini"])
        assert "key:gemini" in kit.records.stores["vault"]
        await vault.load(legacy_origin=ORIGINS["openai-videos"])
        assert vault.api_key("gemini", ORIGINS["gemini"]) == KEYS["gemini"]

    run(scenario())


def test_a_damaged_record_spoils_only_its_own_provider() -> None:
    kit = Kit()

    async def scenario() -> None:
        await kit.filled("openrouter", "gemini")
        kit.records.stores["vault"]["key:gemini"] = {"id": "key:gemini", "mode": "device"}
        vault = await kit.reopen()
        status = vault.status("gemini")
        assert status.state is VaultState.DAMAGED and "damaged" in status.problem
        with pytest.raises(VaultError, match="stored key for Gemini is damaged"):
            vault.api_key("gemini", ORIGINS["gemini"])
        assert vault.api_key("openrouter", ORIGINS["openrouter"]) == KEYS["openrouter"]
        await vault.save_key("gemini", ORIGINS["gemini"], KEYS["gemini"])  # pasting it again heals it
        assert (await kit.reopen()).api_key("gemini", ORIGINS["gemini"]) == KEYS["gemini"]

    run(scenario())


def test_a_lost_device_key_is_explained() -> None:
    kit = Kit()

    async def scenario() -> None:
        await kit.filled("openrouter")
        kit.records.stores["keys"].clear()
        vault = await kit.reopen()
        with pytest.raises(VaultError, match="lost the key that protected your OpenRouter key"):
            vault.api_key("openrouter", ORIGINS["openrouter"])
        await vault.save_key("openrouter", ORIGINS["openrouter"], KEYS["openrouter"])
        assert (await kit.reopen()).api_key("openrouter", ORIGINS["openrouter"]) == KEYS["openrouter"]

    run(scenario())
