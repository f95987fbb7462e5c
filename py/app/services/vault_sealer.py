"""The WebCrypto half of the key vault: sealing keys into records and opening them again.

Each record is encrypted with its binding (provider and origin) as AES-GCM additional
data; a v1 record still in memory is opened without any (see ``Keyring.aad``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.core.errors import VaultError
from app.core.key_binding import binding_aad, record_id
from app.core.keys import mask_key
from app.core.vault_keyring import Keyring
from app.core.vault_messages import unopenable, wrong_passphrase
from app.core.vault_record import PBKDF2_ITERATIONS, SALT_BYTES, VaultRecord
from app.core.vault_status import VaultMode
from app.services.ports import Cipher, Clock


@dataclass(frozen=True)
class Protection:
    """How records are (about to be) encrypted: the mode, its key, and the PBKDF2 salt."""

    mode: VaultMode
    wrapping: Any
    salt: bytes | None = None
    iterations: int | None = None


class Sealer:
    def __init__(self, cipher: Cipher, clock: Clock) -> None:
        self._cipher = cipher
        self._clock = clock

    async def new_device(self) -> Protection:
        return Protection("device", await self._cipher.new_device_key())

    async def new_passphrase(self, passphrase: str) -> Protection:
        """A fresh salt and the key derived from it: one derivation."""
        salt = self._cipher.random_bytes(SALT_BYTES)
        wrapping = await self._cipher.derive_key(passphrase, salt, PBKDF2_ITERATIONS)
        return Protection("passphrase", wrapping, salt, PBKDF2_ITERATIONS)

    async def seal(
        self, provider_id: str, origin: str, key: str, protection: Protection, previous: VaultRecord | None
    ) -> VaultRecord:
        aad = binding_aad(provider_id, origin)
        iv, ciphertext = await self._cipher.encrypt(protection.wrapping, key.encode("utf-8"), aad)
        now = self._clock.now()
        return VaultRecord(
            id=record_id(provider_id),
            provider_id=provider_id,
            origin=origin,
            mode=protection.mode,
            ciphertext=ciphertext,
            iv=iv,
            salt=protection.salt,
            iterations=protection.iterations,
            hint=mask_key(key),
            created_at=previous.created_at if previous is not None else now,
            updated_at=now,
        )

    async def resealed(self, ring: Keyring, plain: Mapping[str, str], protection: Protection) -> Keyring:
        """A copy of ``ring`` with every key encrypted under ``protection`` (all must be open)."""
        new = ring.copy()
        for provider, record in ring.records.items():
            new.records[provider] = await self.seal(provider, record.origin, plain[provider], protection, record)
        new.plain, new.wrapping, new.unbound = dict(plain), protection.wrapping, None
        return new

    async def open(self, ring: Keyring, wrapping: Any) -> tuple[dict[str, str], list[str]]:
        """``(opened keys, providers whose record did not decrypt)``, known-damaged ones skipped."""
        opened: dict[str, str] = {}
        failed: list[str] = []
        for provider, record in ring.records.items():
            if provider in ring.problems:
                continue
            try:
                plain = await self._cipher.decrypt(wrapping, record.iv, record.ciphertext, ring.aad(record))
                opened[provider] = plain.decode("utf-8")
            except (VaultError, UnicodeDecodeError):
                failed.append(provider)
        return opened, failed

    async def open_passphrase(self, ring: Keyring, passphrase: str) -> tuple[Any, dict[str, str], list[str]]:
        """One derivation, then every record; when none opens, the passphrase is wrong."""
        kdf = ring.kdf
        if kdf is None:
            raise VaultError(unopenable())
        wrapping = await self._cipher.derive_key(passphrase, *kdf)
        opened, failed = await self.open(ring, wrapping)
        if not opened:
            raise VaultError(wrong_passphrase())
        return wrapping, opened, failed
