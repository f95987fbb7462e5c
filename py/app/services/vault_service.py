"""The key vault: the user's API key, encrypted at rest, decrypted only into memory.

Every change is one atomic IndexedDB write (record + wrapping key together), made only
after all WebCrypto work is done, so a failure never leaves half a vault behind.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from app.core.errors import InputError, VaultError
from app.core.keys import mask_key, normalize_key
from app.core.stores import KEYS, VAULT
from app.core.vault_record import (
    DEVICE_KEY_ID,
    MIN_PASSPHRASE,
    PBKDF2_ITERATIONS,
    SALT_BYTES,
    VaultRecord,
)
from app.core.vault_status import VaultMode, VaultState, VaultStatus
from app.services.ports import Cipher, Clock, Delete, Op, Put, RecordStore

RECORD_ID = "api-key"


class VaultService:
    def __init__(self, records: RecordStore, cipher: Cipher, clock: Clock) -> None:
        self._records = records
        self._cipher = cipher
        self._clock = clock
        self._key: str | None = None
        self._wrapping_key: Any = None
        self._record: VaultRecord | None = None

    # -- reading ------------------------------------------------------------------------
    @property
    def status(self) -> VaultStatus:
        record = self._record
        if record is None:
            return VaultStatus()
        state = VaultState.UNLOCKED if self._key is not None else VaultState.LOCKED
        return VaultStatus(state, record.mode, record.hint, record.updated_at)

    def api_key(self) -> str:
        """The plaintext key for a request; ``VaultError`` when there is none or it is locked."""
        if self._key is None:
            if self._record is None:
                raise VaultError("No API key is saved. Add one in Settings, or switch on demo mode.")
            raise VaultError("The key vault is locked. Unlock it with your passphrase first.")
        return self._key

    async def load(self) -> VaultStatus:
        """Read the vault; a device-mode key is decrypted at once, a passphrase key stays locked."""
        raw = await self._records.get(VAULT, RECORD_ID)
        if raw is None:
            self._record = None
            return self.status
        try:
            record = VaultRecord.model_validate(raw)
        except ValidationError as exc:
            raise VaultError("The stored key record is damaged. Wipe the key and paste it again.") from exc
        self._record = record
        if record.mode == "device":
            wrapping = await self._records.get(KEYS, DEVICE_KEY_ID)
            if wrapping is None:
                raise VaultError("This browser lost the key that protects your API key. Wipe it and paste it again.")
            plaintext = await self._cipher.decrypt(wrapping, record.iv, record.ciphertext)
            self._key, self._wrapping_key = plaintext.decode("utf-8"), wrapping
        return self.status

    # -- changing -----------------------------------------------------------------------
    async def save_key(self, text: str) -> VaultStatus:
        """Validate and store a new key, keeping the current protection mode."""
        key = normalize_key(text)
        record = self._record
        if record is not None and record.mode == "passphrase":
            if self._wrapping_key is None:
                raise VaultError("Unlock the vault with your passphrase before replacing the key.")
            await self._store(key, "passphrase", self._wrapping_key, record.salt, new_device_key=False)
        else:
            await self._store(key, "device", await self._cipher.new_device_key(), None, new_device_key=True)
        return self.status

    async def unlock(self, passphrase: str) -> VaultStatus:
        record = self._require_record()
        if record.mode != "passphrase" or record.salt is None or record.iterations is None:
            return self.status
        wrapping = await self._cipher.derive_key(passphrase, record.salt, record.iterations)
        try:
            plaintext = await self._cipher.decrypt(wrapping, record.iv, record.ciphertext)
        except VaultError as exc:
            raise VaultError("That passphrase is not right. Check it and try again.") from exc
        self._key, self._wrapping_key = plaintext.decode("utf-8"), wrapping
        return self.status

    async def set_passphrase(self, new_passphrase: str, *, current: str | None = None) -> VaultStatus:
        """Protect the key with a passphrase (or change it; ``current`` confirms the old one)."""
        if len(new_passphrase) < MIN_PASSPHRASE:
            raise InputError("new_passphrase", f"Use a passphrase of at least {MIN_PASSPHRASE} characters.")
        key = await self._confirmed_key(current)
        salt = self._cipher.random_bytes(SALT_BYTES)
        wrapping = await self._cipher.derive_key(new_passphrase, salt, PBKDF2_ITERATIONS)
        await self._store(key, "passphrase", wrapping, salt, new_device_key=False)
        return self.status

    async def remove_passphrase(self, current: str) -> VaultStatus:
        """Back to device protection, keeping the key."""
        key = await self._confirmed_key(current)
        await self._store(key, "device", await self._cipher.new_device_key(), None, new_device_key=True)
        return self.status

    async def wipe(self) -> VaultStatus:
        """Delete the key everywhere: the record, the wrapping key, and this memory."""
        await self._records.write([Delete(VAULT, RECORD_ID), Delete(KEYS, DEVICE_KEY_ID)])
        self.forget()
        return self.status

    def forget(self) -> None:
        """Drop every in-memory copy (also used by Hard reset)."""
        self._key = None
        self._wrapping_key = None
        self._record = None

    # -- helpers ------------------------------------------------------------------------
    def _require_record(self) -> VaultRecord:
        if self._record is None:
            raise VaultError("No API key is saved yet.")
        return self._record

    async def _confirmed_key(self, current: str | None) -> str:
        record = self._require_record()
        if record.mode == "passphrase":
            if current is None:
                raise InputError("current_passphrase", "Enter your current passphrase.")
            await self.unlock(current)
        if self._key is None:
            raise VaultError("Unlock the vault with your passphrase first.")
        return self._key

    async def _store(
        self, key: str, mode: VaultMode, wrapping: Any, salt: bytes | None, *, new_device_key: bool
    ) -> None:
        iv, ciphertext = await self._cipher.encrypt(wrapping, key.encode("utf-8"))
        now = self._clock.now()
        previous = self._record
        record = VaultRecord(
            mode=mode,
            ciphertext=ciphertext,
            iv=iv,
            salt=salt,
            iterations=PBKDF2_ITERATIONS if mode == "passphrase" else None,
            hint=mask_key(key),
            created_at=previous.created_at if previous else now,
            updated_at=now,
        )
        ops: list[Op] = [Put(VAULT, record.model_dump(mode="json"))]
        if new_device_key:
            ops.append(Put(KEYS, wrapping, DEVICE_KEY_ID))
        else:
            ops.append(Delete(KEYS, DEVICE_KEY_ID))
        await self._records.write(ops)  # all WebCrypto work is done: the transaction stays active
        self._record, self._key, self._wrapping_key = record, key, wrapping
