"""The v1 record (one key, id "api-key", no provider, no origin) becomes the bound
``openai-videos`` key, rewritten as v2 in one write as soon as its plaintext is open."""

from __future__ import annotations

import copy

import pytest

from app.core.errors import KeyOriginError, VaultError
from app.core.vault_status import VaultState
from app.services.ports import Delete, Put
from tests.unit.aio import run
from tests.unit.vault_kit import KEYS, LEGACY_BASE_URL, ORIGINS, PASSPHRASE, Kit

KEY = KEYS["openai-videos"]
OPENAI = ORIGINS["openai-videos"]


def _assert_migrated(kit: Kit) -> None:
    vault_store = kit.records.stores["vault"]
    assert "api-key" not in vault_store
    record = kit.stored("openai-videos")
    assert (record["version"], record["provider_id"], record["origin"]) == (2, "openai-videos", OPENAI)
    assert record["created_at"] == 1_700_000_000.0  # the key's history is kept


def _assert_one_migration_write(kit: Kit) -> None:
    assert len(kit.records.writes) == 1
    (ops,) = kit.records.writes
    assert {type(op) for op in ops} == {Put, Delete}
    assert Delete("vault", "api-key") in ops and kit.log[-1] == "write"


def test_a_device_v1_key_is_bound_to_the_legacy_origin_and_rewritten_at_load() -> None:
    kit = Kit()

    async def scenario() -> None:
        await kit.write_v1(KEY)
        vault = await kit.reopen()  # legacy_origin = https://api.openai.com/v1
        assert vault.api_key("openai-videos", LEGACY_BASE_URL) == KEY
        assert vault.bound_origin("openai-videos") == OPENAI
        with pytest.raises(KeyOriginError):
            vault.api_key("openai-videos", "https://gateway.example")
        _assert_one_migration_write(kit)
        _assert_migrated(kit)
        kit.records.stores["vault"]["key:openai-videos"]["origin"] = "https://gateway.example"
        tampered = await kit.reopen()  # the rewritten record is bound: an edit now shows
        assert tampered.status("openai-videos").state is VaultState.DAMAGED

    run(scenario())


def test_a_passphrase_v1_key_stays_locked_until_unlock_then_is_rewritten() -> None:
    kit = Kit()

    async def scenario() -> None:
        await kit.write_v1(KEY, passphrase=PASSPHRASE)
        before = copy.deepcopy(kit.records.stores)
        vault = await kit.reopen()
        overview = vault.overview()
        assert overview.mode == "passphrase" and overview.locked
        assert overview.status("openai-videos").state is VaultState.LOCKED
        assert overview.status("openai-videos").origin == OPENAI
        assert kit.records.stores == before and kit.records.writes == []  # nothing open, nothing rewritten
        with pytest.raises(VaultError, match="passphrase is not right"):
            await vault.unlock("not the passphrase")
        await vault.unlock(PASSPHRASE)
        assert kit.cipher.derivations == 2  # one per unlock attempt
        assert vault.api_key("openai-videos", OPENAI) == KEY
        _assert_one_migration_write(kit)
        _assert_migrated(kit)
        assert kit.stored("openai-videos")["salt"] == before["vault"]["api-key"]["salt"]  # the same derived key
        again = await kit.reopen()
        await again.unlock(PASSPHRASE)
        assert again.api_key("openai-videos", OPENAI) == KEY

    run(scenario())


def test_a_failed_migration_write_keeps_the_v1_record_and_the_next_write_finishes_it() -> None:
    kit = Kit()

    async def scenario() -> None:
        await kit.write_v1(KEY)
        kit.records.fail_next_write = True
        vault = await kit.reopen()  # the disk is full: the key still works
        assert vault.api_key("openai-videos", OPENAI) == KEY
        assert set(kit.records.stores["vault"]) == {"api-key"}
        await vault.save_key("gemini", ORIGINS["gemini"], KEYS["gemini"])
        assert set(kit.records.stores["vault"]) == {"key:openai-videos", "key:gemini"}
        _assert_migrated(kit)
        again = await kit.reopen()
        assert again.api_key("openai-videos", OPENAI) == KEY and again.api_key("gemini", ORIGINS["gemini"])

    run(scenario())


def test_a_v2_key_wins_over_a_stale_v1_record_which_the_next_write_deletes() -> None:
    kit = Kit()

    async def scenario() -> None:
        vault = await kit.filled("openai-videos")
        await kit.write_v1("sk-old-v1-key-000000000")
        again = await kit.reopen()
        assert again.api_key("openai-videos", OPENAI) == KEY
        assert "api-key" in kit.records.stores["vault"]
        await again.save_key("gemini", ORIGINS["gemini"], KEYS["gemini"])
        assert "api-key" not in kit.records.stores["vault"]
        assert vault.api_key("openai-videos", OPENAI) == KEY

    run(scenario())


def test_wiping_a_locked_v1_key_deletes_the_v1_record() -> None:
    kit = Kit()

    async def scenario() -> None:
        await kit.write_v1(KEY, passphrase=PASSPHRASE)
        vault = await kit.reopen()
        overview = await vault.wipe("openai-videos")
        assert overview.keys == {} and kit.records.stores["vault"] == {}

    run(scenario())


def test_a_damaged_v1_record_is_reported_as_the_openai_key() -> None:
    kit = Kit()

    async def scenario() -> None:
        kit.records.stores["vault"] = {"api-key": {"id": "api-key", "mode": "device"}}
        vault = await kit.reopen()
        assert vault.status("openai-videos").state is VaultState.DAMAGED
        with pytest.raises(VaultError, match="stored key for OpenAI is damaged"):
            vault.api_key("openai-videos", OPENAI)
        await vault.save_key("gemini", ORIGINS["gemini"], KEYS["gemini"])
        assert "api-key" in kit.records.stores["vault"]  # only replacing or wiping the OpenAI key drops it
        await vault.save_key("openai-videos", OPENAI, KEY)
        assert "api-key" not in kit.records.stores["vault"]

    run(scenario())
