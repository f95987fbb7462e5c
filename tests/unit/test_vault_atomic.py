"""Every change of the vault is one write, after all WebCrypto work (the IndexedDB transaction
sees no other await), and a failing write leaves the store and the vault's memory as they were."""

from __future__ import annotations

import copy
from collections.abc import Awaitable, Callable

import pytest

from app.core.errors import StorageQuotaError
from app.services.vault_service import VaultService
from tests.unit.aio import run
from tests.unit.vault_kit import KEYS, ORIGINS, PASSPHRASE, Kit

Change = Callable[[VaultService], Awaitable[object]]

CHANGES: dict[str, tuple[str, Change]] = {
    # name -> (mode before the change, the change)
    "save a new provider's key": ("device", lambda v: v.save_key("gemini", ORIGINS["gemini"], KEYS["gemini"])),
    "replace a key": ("device", lambda v: v.save_key("openrouter", ORIGINS["openrouter"], "sk-or-v1-new-000000000")),
    "save with a passphrase": (
        "passphrase",
        lambda v: v.save_key("gemini", ORIGINS["gemini"], KEYS["gemini"]),
    ),
    "rebind": ("device", lambda v: v.rebind("openrouter", "https://gateway.example")),
    "wipe one key": ("device", lambda v: v.wipe("openrouter")),
    "wipe the last key": ("device", lambda v: v.wipe("openai-videos")),
    "set a passphrase": ("device", lambda v: v.set_passphrase(PASSPHRASE)),
    "change the passphrase": ("passphrase", lambda v: v.set_passphrase("another passphrase", current=PASSPHRASE)),
    "remove the passphrase": ("passphrase", lambda v: v.remove_passphrase(PASSPHRASE)),
}


async def _prepared(kit: Kit, mode: str, name: str) -> VaultService:
    providers = ("openai-videos",) if name == "wipe the last key" else ("openai-videos", "openrouter")
    vault = await kit.filled(*providers)
    if mode == "passphrase":
        await vault.set_passphrase(PASSPHRASE)
    kit.log.clear()
    kit.records.writes.clear()
    return vault


@pytest.mark.parametrize("name", CHANGES, ids=str)
def test_each_change_is_one_write_after_all_crypto(name: str) -> None:
    kit = Kit()
    mode, change = CHANGES[name]

    async def scenario() -> None:
        vault = await _prepared(kit, mode, name)
        await change(vault)
        assert kit.log.count("write") == 1 and kit.log[-1] == "write", kit.log

    run(scenario())


@pytest.mark.parametrize("name", CHANGES, ids=str)
def test_a_failing_write_leaves_the_old_vault(name: str) -> None:
    kit = Kit()
    mode, change = CHANGES[name]

    async def scenario() -> None:
        vault = await _prepared(kit, mode, name)
        stored, overview = copy.deepcopy(kit.records.stores), vault.overview()
        keys = {p: vault.api_key(p, ORIGINS[p]) for p in overview.keys}
        kit.records.fail_next_write = True
        with pytest.raises(StorageQuotaError):
            await change(vault)
        assert kit.records.stores == stored
        assert vault.overview() == overview
        assert {p: vault.api_key(p, ORIGINS[p]) for p in overview.keys} == keys
        await change(vault)  # and the same change works once the disk has room
        reopened = await kit.reopen()
        if reopened.overview().locked:
            await reopened.unlock(PASSPHRASE if name != "change the passphrase" else "another passphrase")
        assert reopened.overview() == vault.overview()

    run(scenario())
