"""The key vault's memory: what is stored, what is open, and what a write still owes.

The vault service copies a :class:`Keyring`, changes the copy, writes, and only then
keeps the copy, so a failed write leaves the vault in memory exactly as it is on disk.
Pure: the wrapping key is an opaque handle.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from app.core.vault_record import VaultRecord
from app.core.vault_status import VaultMode, VaultOverview, VaultState, VaultStatus


@dataclass
class Keyring:
    records: dict[str, VaultRecord] = field(default_factory=dict)  # by provider id, as stored
    plain: dict[str, str] = field(default_factory=dict)  # the open keys, by provider id
    problems: dict[str, str] = field(default_factory=dict)  # unusable records, and why
    wrapping: Any = None  # the device key or the derived key; None while locked
    unbound: str | None = None  # whose record is still the v1 ciphertext (no additional data)
    legacy_stored: bool = False  # the v1 record is still in the store
    unsaved: set[str] = field(default_factory=set)  # migrated in memory, the write failed

    def copy(self) -> Keyring:
        return replace(
            self,
            records=dict(self.records),
            plain=dict(self.plain),
            problems=dict(self.problems),
            unsaved=set(self.unsaved),
        )

    @property
    def mode(self) -> VaultMode | None:
        """Vault-wide: a passphrase as soon as one record has one (the app never mixes them)."""
        modes = {record.mode for record in self.records.values()}
        if "passphrase" in modes:
            return "passphrase"
        return "device" if modes else None

    @property
    def kdf(self) -> tuple[bytes, int] | None:
        """``(salt, iterations)`` shared by the passphrase records (the newest usable one says)."""
        usable = [
            r for p, r in self.records.items() if p not in self.problems and r.mode == "passphrase" and not r.moved
        ]
        newest = max(usable, key=lambda record: record.updated_at, default=None)
        if newest is None or newest.salt is None or newest.iterations is None:
            return None
        return newest.salt, newest.iterations

    def strays(self) -> list[str]:
        """Records the app cannot have written so: moved, or protected unlike the rest of the vault."""
        mode, kdf = self.mode, self.kdf
        return [
            provider
            for provider, record in self.records.items()
            if record.moved or record.mode != mode or (mode == "passphrase" and (record.salt, record.iterations) != kdf)
        ]

    @property
    def empty(self) -> bool:
        return not self.records and not self.problems

    def locked(self) -> Keyring:
        """The same records with every open key and the derived key dropped."""
        return replace(self.copy(), plain={}, wrapping=None)

    def aad(self, record: VaultRecord) -> bytes:
        return b"" if record.provider_id == self.unbound else record.aad

    def status(self, provider_id: str) -> VaultStatus:
        record = self.records.get(provider_id)
        problem = self.problems.get(provider_id, "")
        if record is None:
            return VaultStatus(VaultState.DAMAGED, problem=problem) if problem else VaultStatus()
        if problem:
            state = VaultState.DAMAGED
        else:
            state = VaultState.UNLOCKED if provider_id in self.plain else VaultState.LOCKED
        return VaultStatus(state, record.mode, record.hint, record.updated_at, record.origin, problem)

    def statuses(self) -> Mapping[str, VaultStatus]:
        return {provider: self.status(provider) for provider in sorted({*self.records, *self.problems})}

    def overview(self) -> VaultOverview:
        mode = self.mode
        return VaultOverview(mode, mode == "passphrase" and self.wrapping is None, self.statuses())
