"""Shared pieces of the key vault tests: three providers' keys, a store and cipher that log
what they are asked to do, and a v1 record written the way the old app wrote it."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from app.core.vault_record import DEVICE_KEY_ID, PBKDF2_ITERATIONS
from app.services.ports import Op
from app.services.vault_service import VaultService
from tests.unit.fakes import MemoryRecords
from tests.unit.simtransport import FakeCipher, FixedClock

KEYS = {
    "openai-videos": "sk-proj-abcdefghijklmnopqrstuvwxyz0123456789WXYZ",
    "openrouter": "sk-or-v1-0123456789abcdef0123456789abcdef",
    "gemini": "AIzaSyD-0123456789abcdefghijklmnopqrstu",
}
ORIGINS = {
    "openai-videos": "https://api.openai.com",
    "openrouter": "https://openrouter.ai",
    "gemini": "https://generativelanguage.googleapis.com",
}
NAMES = {"openai-videos": "OpenAI", "openrouter": "OpenRouter", "gemini": "Gemini"}
PASSPHRASE = "correct horse battery"
LEGACY_BASE_URL = "https://api.openai.com/v1"


class LoggedCipher(FakeCipher):
    """A FakeCipher that notes each WebCrypto call in a shared log."""

    def __init__(self, log: list[str]) -> None:
        super().__init__()
        self.log = log

    async def new_device_key(self) -> bytes:
        self.log.append("new_device_key")
        return await super().new_device_key()

    async def derive_key(self, passphrase: str, salt: bytes, iterations: int) -> bytes:
        self.log.append("derive_key")
        return await super().derive_key(passphrase, salt, iterations)

    async def encrypt(self, key: bytes, plaintext: bytes, aad: bytes = b"") -> tuple[bytes, bytes]:
        self.log.append("encrypt")
        return await super().encrypt(key, plaintext, aad)

    async def decrypt(self, key: bytes, iv: bytes, ciphertext: bytes, aad: bytes = b"") -> bytes:
        self.log.append("decrypt")
        return await super().decrypt(key, iv, ciphertext, aad)


class LoggedRecords(MemoryRecords):
    """MemoryRecords that notes each write (and keeps its ops) in a shared log."""

    def __init__(self, log: list[str]) -> None:
        super().__init__()
        self.log = log
        self.writes: list[list[Op]] = []

    async def write(self, ops: Sequence[Op]) -> None:
        self.log.append("write")
        self.writes.append(list(ops))
        await super().write(ops)


@dataclass
class Kit:
    """One browser profile: a store, a cipher and a clock that survive page reloads."""

    log: list[str] = field(default_factory=list)
    clock: FixedClock = field(default_factory=FixedClock)

    def __post_init__(self) -> None:
        self.records = LoggedRecords(self.log)
        self.cipher = LoggedCipher(self.log)

    def vault(self) -> VaultService:
        """A new service over the same store: what a reloaded page gets."""
        return VaultService(self.records, self.cipher, self.clock, NAMES)

    async def reopen(self) -> VaultService:
        vault = self.vault()
        await vault.load(legacy_origin=LEGACY_BASE_URL)
        return vault

    async def filled(self, *providers: str) -> VaultService:
        """A loaded vault holding the keys of ``providers`` (all three by default), device mode."""
        vault = await self.reopen()
        for provider in providers or tuple(KEYS):
            await vault.save_key(provider, ORIGINS[provider], KEYS[provider])
        return vault

    def stored(self, provider_id: str) -> dict[str, Any]:
        record: dict[str, Any] = self.records.stores["vault"][f"key:{provider_id}"]
        return record

    async def write_v1(self, key: str, *, passphrase: str | None = None) -> None:
        """The one-key record of the first app version: no provider, no origin, no AAD."""
        if passphrase is None:
            device_keys = self.records.stores.setdefault("keys", {})
            wrapping, salt, iterations = (
                device_keys.get(DEVICE_KEY_ID) or await self.cipher.new_device_key(),
                None,
                None,
            )
            device_keys[DEVICE_KEY_ID] = wrapping
        else:
            salt, iterations = b"s" * 16, PBKDF2_ITERATIONS
            wrapping = await self.cipher.derive_key(passphrase, salt, iterations)
        iv, ciphertext = await self.cipher.encrypt(wrapping, key.encode())
        record = {
            "id": "api-key",
            "version": 1,
            "mode": "device" if passphrase is None else "passphrase",
            "ciphertext": _b64(ciphertext),
            "iv": _b64(iv),
            "salt": _b64(salt) if salt else None,
            "iterations": iterations,
            "hint": "sk-…WXYZ",
            "created_at": 1_700_000_000.0,
            "updated_at": 1_700_000_000.0,
        }
        self.records.stores.setdefault("vault", {})["api-key"] = record
        self.cipher.derivations = 0
        self.log.clear()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()
