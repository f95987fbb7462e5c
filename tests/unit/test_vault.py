"""The key vault: encryption at rest, passphrase life cycle, wipe, atomic writes."""

from __future__ import annotations

import json

import pytest

from app.core.errors import InputError, StorageQuotaError, VaultError
from app.core.keys import mask_key, normalize_key
from app.core.vault_record import PBKDF2_ITERATIONS, VaultRecord
from app.core.vault_status import VaultState
from app.services.vault_service import VaultService
from tests.unit.aio import run
from tests.unit.fakes import MemoryRecords
from tests.unit.simtransport import FakeCipher, FixedClock

KEY = "sk-proj-abcdefghijklmnopqrstuvwxyz0123456789WXYZ"


def make() -> tuple[VaultService, MemoryRecords]:
    records = MemoryRecords()
    return VaultService(records, FakeCipher(), FixedClock()), records


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


def test_saved_key_is_encrypted_at_rest_and_reloads() -> None:
    vault, records = make()

    async def scenario() -> None:
        status = await vault.save_key(f"  {KEY}  ")
        assert status.state is VaultState.UNLOCKED and status.mode == "device" and status.hint == "sk-…WXYZ"
        stored = json.dumps(records.stores["vault"])
        assert KEY not in stored and "abcdefghijklmnop" not in stored
        assert "vault-device-key" in records.stores["keys"]
        again = VaultService(records, FakeCipher(), FixedClock())
        assert (await again.load()).state is VaultState.UNLOCKED
        assert again.api_key() == KEY

    run(scenario())


def test_passphrase_lifecycle() -> None:
    vault, records = make()

    async def scenario() -> None:
        await vault.save_key(KEY)
        with pytest.raises(InputError, match="at least 8"):
            await vault.set_passphrase("short")
        await vault.set_passphrase("correct horse battery")
        record = VaultRecord.model_validate(records.stores["vault"]["api-key"])
        assert record.mode == "passphrase" and record.iterations == PBKDF2_ITERATIONS >= 600_000
        assert "vault-device-key" not in records.stores["keys"]  # nothing that decrypts it is stored
        reopened = VaultService(records, FakeCipher(), FixedClock())
        assert (await reopened.load()).state is VaultState.LOCKED
        with pytest.raises(VaultError, match="locked"):
            reopened.api_key()
        with pytest.raises(VaultError, match="passphrase is not right"):
            await reopened.unlock("wrong passphrase")
        await reopened.unlock("correct horse battery")
        assert reopened.api_key() == KEY
        await reopened.set_passphrase("a new passphrase", current="correct horse battery")
        with pytest.raises(VaultError):
            await reopened.remove_passphrase("correct horse battery")
        await reopened.remove_passphrase("a new passphrase")
        final = VaultService(records, FakeCipher(), FixedClock())
        assert (await final.load()).state is VaultState.UNLOCKED
        assert final.api_key() == KEY

    run(scenario())


def test_replacing_the_key_keeps_the_passphrase() -> None:
    vault, records = make()

    async def scenario() -> None:
        await vault.save_key(KEY)
        await vault.set_passphrase("correct horse battery")
        await vault.save_key("sk-another-key-0000000000")
        reopened = VaultService(records, FakeCipher(), FixedClock())
        await reopened.load()
        await reopened.unlock("correct horse battery")
        assert reopened.api_key() == "sk-another-key-0000000000"

    run(scenario())


def test_wipe_removes_everything() -> None:
    vault, records = make()

    async def scenario() -> None:
        await vault.save_key(KEY)
        status = await vault.wipe()
        assert status.state is VaultState.EMPTY
        assert records.stores["vault"] == {} and records.stores["keys"] == {}
        with pytest.raises(VaultError, match="No API key"):
            vault.api_key()

    run(scenario())


def test_a_full_disk_leaves_no_half_written_vault() -> None:
    vault, records = make()
    records.fail_next_write = True

    async def scenario() -> None:
        with pytest.raises(StorageQuotaError):
            await vault.save_key(KEY)
        assert records.stores.get("vault", {}) == {} and records.stores.get("keys", {}) == {}
        assert vault.status.state is VaultState.EMPTY

    run(scenario())


def test_damaged_record_is_reported() -> None:
    vault, records = make()
    records.stores["vault"] = {"api-key": {"id": "api-key", "mode": "device"}}
    with pytest.raises(VaultError, match="damaged"):
        run(vault.load())
