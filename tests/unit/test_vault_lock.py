"""One passphrase for the whole vault: set, change, remove across several keys, one
derivation per unlock, lock drops every open key, and the idle-lock timing."""

from __future__ import annotations

import asyncio

import pytest

from app.core.errors import InputError, VaultError
from app.core.idle_lock import MIN_CHECK_S, IdleCheck, IdleLock
from app.core.vault_record import PBKDF2_ITERATIONS, VaultRecord
from app.core.vault_status import VaultState
from tests.unit.aio import run
from tests.unit.simtransport import FakeCipher
from tests.unit.vault_kit import KEYS, ORIGINS, PASSPHRASE, Kit

NEW_PASSPHRASE = "a new passphrase"


def _records(kit: Kit) -> list[VaultRecord]:
    return [VaultRecord.model_validate(raw) for raw in kit.records.stores["vault"].values()]


def test_a_passphrase_protects_every_key_with_one_salt() -> None:
    kit = Kit()

    async def scenario() -> None:
        vault = await kit.filled()
        with pytest.raises(InputError, match="at least 8"):
            await vault.set_passphrase("short")
        overview = await vault.set_passphrase(PASSPHRASE)
        assert overview.mode == "passphrase" and not overview.locked and overview.can_lock
        records = _records(kit)
        assert len(records) == 3 and {r.mode for r in records} == {"passphrase"}
        assert len({r.salt for r in records}) == 1 and {r.iterations for r in records} == {PBKDF2_ITERATIONS}
        assert "vault-device-key" not in kit.records.stores["keys"]  # nothing that decrypts them is stored
        assert kit.cipher.derivations == 1

        kit.cipher.derivations = 0
        reopened = await kit.reopen()
        overview = reopened.overview()
        assert overview.locked and not overview.can_lock
        assert {p: s.state for p, s in overview.keys.items()} == dict.fromkeys(KEYS, VaultState.LOCKED)
        for provider in KEYS:
            with pytest.raises(VaultError, match="locked"):
                reopened.api_key(provider, ORIGINS[provider])
        with pytest.raises(VaultError, match="That passphrase is not right"):
            await reopened.unlock("wrong passphrase")
        assert reopened.overview().locked
        await reopened.unlock(PASSPHRASE)
        assert kit.cipher.derivations == 2  # one per unlock, however many keys
        assert {p: reopened.api_key(p, ORIGINS[p]) for p in KEYS} == KEYS

    run(scenario())


def test_changing_the_passphrase_needs_the_current_one() -> None:
    kit = Kit()

    async def scenario() -> None:
        vault = await kit.filled()
        await vault.set_passphrase(PASSPHRASE)
        old_salt = kit.stored("gemini")["salt"]
        with pytest.raises(InputError, match="current passphrase"):
            await vault.set_passphrase(NEW_PASSPHRASE)
        with pytest.raises(VaultError, match="not right"):
            await vault.set_passphrase(NEW_PASSPHRASE, current="wrong passphrase")
        kit.cipher.derivations = 0
        await vault.set_passphrase(NEW_PASSPHRASE, current=PASSPHRASE)
        assert kit.cipher.derivations == 2  # confirm the old one, derive the new one
        assert len({r.salt for r in _records(kit)}) == 1 and kit.stored("gemini")["salt"] != old_salt
        reopened = await kit.reopen()
        with pytest.raises(VaultError, match="not right"):
            await reopened.unlock(PASSPHRASE)
        await reopened.unlock(NEW_PASSPHRASE)
        assert {p: reopened.api_key(p, ORIGINS[p]) for p in KEYS} == KEYS

    run(scenario())


def test_removing_the_passphrase_goes_back_to_one_device_key() -> None:
    kit = Kit()

    async def scenario() -> None:
        vault = await kit.filled()
        await vault.set_passphrase(PASSPHRASE)
        with pytest.raises(VaultError, match="not right"):
            await vault.remove_passphrase("wrong passphrase")
        overview = await vault.remove_passphrase(PASSPHRASE)
        assert overview.mode == "device" and not overview.can_lock
        assert {r.mode for r in _records(kit)} == {"device"} and {r.salt for r in _records(kit)} == {None}
        assert "vault-device-key" in kit.records.stores["keys"]
        reopened = await kit.reopen()
        assert {p: reopened.api_key(p, ORIGINS[p]) for p in KEYS} == KEYS
        assert (await reopened.remove_passphrase("anything")).mode == "device"  # nothing to remove

    run(scenario())


def test_a_passphrase_needs_a_saved_key() -> None:
    kit = Kit()

    async def scenario() -> None:
        vault = await kit.reopen()
        with pytest.raises(VaultError, match="Save a key first"):
            await vault.set_passphrase(PASSPHRASE)

    run(scenario())


def test_saving_a_key_keeps_the_passphrase_and_needs_it_open() -> None:
    kit = Kit()

    async def scenario() -> None:
        vault = await kit.filled("openrouter")
        await vault.set_passphrase(PASSPHRASE)
        salt = kit.stored("openrouter")["salt"]
        await vault.save_key("gemini", ORIGINS["gemini"], KEYS["gemini"])
        assert kit.stored("gemini")["mode"] == "passphrase" and kit.stored("gemini")["salt"] == salt
        vault.lock()
        with pytest.raises(VaultError, match="locked"):
            await vault.save_key("openai-videos", ORIGINS["openai-videos"], KEYS["openai-videos"])
        kit.cipher.derivations = 0
        reopened = await kit.reopen()
        await reopened.unlock(PASSPHRASE)
        assert kit.cipher.derivations == 1
        assert reopened.api_key("gemini", ORIGINS["gemini"]) == KEYS["gemini"]

    run(scenario())


def test_lock_drops_every_open_key_and_unlock_restores_them() -> None:
    kit = Kit()

    async def scenario() -> None:
        vault = await kit.filled()
        await vault.set_passphrase(PASSPHRASE)
        overview = vault.lock()
        assert overview.locked and not overview.can_lock
        assert {s.state for s in overview.keys.values()} == {VaultState.LOCKED}
        assert overview.status("gemini").hint  # the masked hint stays on show
        for provider in KEYS:
            with pytest.raises(VaultError, match="The key vault is locked"):
                vault.api_key(provider, ORIGINS[provider])
        with pytest.raises(VaultError, match="locked"):  # the derived key went too
            await vault.save_key("gemini", ORIGINS["gemini"], KEYS["gemini"])
        await vault.unlock(PASSPHRASE)
        assert {p: vault.api_key(p, ORIGINS[p]) for p in KEYS} == KEYS

    run(scenario())


def test_a_device_vault_cannot_lock_and_says_why() -> None:
    kit = Kit()

    async def scenario() -> None:
        vault = await kit.filled("gemini")
        with pytest.raises(VaultError, match=r"cannot be locked.*Set a passphrase"):
            vault.lock()
        assert vault.api_key("gemini", ORIGINS["gemini"]) == KEYS["gemini"]
        assert not (await Kit().reopen()).lock().locked  # an empty vault has nothing to lock: no error

    run(scenario())


class PausingCipher(FakeCipher):
    """Yields to the event loop inside encrypt, as WebCrypto does, so a lock can land mid-change."""

    async def encrypt(self, key: bytes, plaintext: bytes, aad: bytes = b"") -> tuple[bytes, bytes]:
        await asyncio.sleep(0)
        return await super().encrypt(key, plaintext, aad)


def test_a_lock_during_a_save_is_not_undone_by_it() -> None:
    kit = Kit()
    kit.cipher = PausingCipher()  # type: ignore[assignment]

    async def scenario() -> None:
        vault = await kit.filled("openrouter")
        await vault.set_passphrase(PASSPHRASE)
        saving = asyncio.create_task(vault.save_key("gemini", ORIGINS["gemini"], KEYS["gemini"]))
        await asyncio.sleep(0)  # the save is inside encrypt
        vault.lock()
        overview = await saving
        assert overview.locked
        with pytest.raises(VaultError, match="locked"):
            vault.api_key("gemini", ORIGINS["gemini"])
        await vault.unlock(PASSPHRASE)
        assert vault.api_key("gemini", ORIGINS["gemini"]) == KEYS["gemini"]  # the save itself happened

    run(scenario())


def test_a_forget_during_a_save_leaves_nothing_in_memory() -> None:
    kit = Kit()
    kit.cipher = PausingCipher()  # type: ignore[assignment]

    async def scenario() -> None:
        vault = await kit.reopen()
        saving = asyncio.create_task(vault.save_key("gemini", ORIGINS["gemini"], KEYS["gemini"]))
        await asyncio.sleep(0)
        vault.forget()
        await saving
        assert vault.overview().keys == {}

    run(scenario())


# -- the idle lock ------------------------------------------------------------------------------
T0 = 1_800_000_000.0


@pytest.mark.parametrize(
    ("minutes", "idle_s", "expected"),
    [
        (0, 10_000, IdleCheck(lock=False, check_in=None)),  # never
        (5, 0, IdleCheck(lock=False, check_in=300)),
        (5, 120, IdleCheck(lock=False, check_in=180)),
        (5, 299.5, IdleCheck(lock=False, check_in=MIN_CHECK_S)),  # no busy loop on the last half second
        (5, 300, IdleCheck(lock=True, check_in=None)),
        (5, 86_400, IdleCheck(lock=True, check_in=None)),  # the laptop slept: lock on the first check
        (5, -60, IdleCheck(lock=False, check_in=300)),  # the clock went back: count it as activity
        (0.5, 10, IdleCheck(lock=False, check_in=20)),
    ],
)
def test_idle_lock_decisions(minutes: float, idle_s: float, expected: IdleCheck) -> None:
    assert IdleLock(minutes).check(last_activity=T0, now=T0 + idle_s) == expected


def test_idle_lock_with_a_fake_clock_locks_once_the_time_is_up() -> None:
    idle = IdleLock(15)
    now, last_activity, locked_at = T0, T0, None
    for _ in range(20):  # follow the page: check, wait as told, with one burst of activity on the way
        decision = idle.check(last_activity, now)
        if decision.lock:
            locked_at = now
            break
        assert decision.check_in is not None
        now += decision.check_in
        if now - T0 < 600:
            last_activity = now - 1  # the user was busy until a second ago
    assert locked_at is not None and locked_at - last_activity == 15 * 60


def test_idle_lock_refuses_a_negative_time() -> None:
    with pytest.raises(ValueError, match="negative"):
        IdleLock(-1)
    assert not IdleLock().enabled and IdleLock(1).enabled
