"""The key vault: one API key per provider, encrypted at rest, bound to its endpoint.

Keys are decrypted only into memory. Each record's AES-GCM additional data names its
provider and the origin it may be sent to, so an edited record does not decrypt and a
key is never handed out for another origin (:class:`KeyOriginError` until the user
confirms and :meth:`VaultService.rebind` runs). The protection mode is vault-wide.

Every change is one atomic write (records and wrapping key together), made after all
WebCrypto work is done, so the IndexedDB transaction sees no other await and a failed
write leaves the store and this memory as they were.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from pydantic import ValidationError

from app.core.errors import InputError, KeyOriginError, StorageError, VaultError
from app.core.i18n import tr
from app.core.key_binding import LEGACY_PROVIDER_ID, LEGACY_RECORD_ID, origin_of, provider_of, record_id
from app.core.keys import normalize_key
from app.core.stores import KEYS, VAULT
from app.core.vault_keyring import Keyring
from app.core.vault_messages import VaultWords, cannot_lock, locked, nothing_to_protect, unopenable
from app.core.vault_record import DEVICE_KEY_ID, MIN_PASSPHRASE, LegacyVaultRecord, SealedKey, VaultRecord
from app.core.vault_status import VaultOverview, VaultStatus
from app.services.ports import Cipher, Clock, Delete, Op, Put, RecordStore
from app.services.vault_sealer import Protection, Sealer

R = TypeVar("R", bound=SealedKey)


class VaultService:
    def __init__(
        self, records: RecordStore, cipher: Cipher, clock: Clock, names: Mapping[str, str] | None = None
    ) -> None:
        self._records = records
        self._sealer = Sealer(cipher, clock)
        self._words = VaultWords(dict(names or {}))  # provider id -> the name the user knows it by
        self._ring = Keyring()
        self._busy = asyncio.Lock()  # one change at a time: each starts from the last one's result
        self._drops = (0, 0)  # (locks, forgets) so far: a change that overlapped one must honour it

    # -- reading ----------------------------------------------------------------------------
    def overview(self) -> VaultOverview:
        return self._ring.overview()

    def statuses(self) -> dict[str, VaultStatus]:
        return dict(self._ring.statuses())

    def status(self, provider_id: str) -> VaultStatus:
        return self._ring.status(provider_id)

    def bound_origin(self, provider_id: str) -> str | None:
        record = self._ring.records.get(provider_id)
        return record.origin if record is not None else None

    def api_key(self, provider_id: str, origin: str) -> str:
        """The plaintext key for a request to ``origin`` (an origin or any URL on it).

        ``VaultError`` when there is none, it is damaged or the vault is locked;
        ``KeyOriginError`` when the key is bound to another origin.
        """
        key = self._open_key(provider_id)
        requested, bound = origin_of(origin), self._ring.records[provider_id].origin
        if requested != bound:
            message = self._words.other_origin(provider_id, bound, requested)
            raise KeyOriginError(message, provider_id=provider_id, bound_origin=bound, requested_origin=requested)
        return key

    async def load(self, *, legacy_origin: str) -> VaultOverview:
        """Read every record; device-mode keys are opened at once, passphrase keys stay locked.

        A v1 record becomes the ``openai-videos`` key for ``legacy_origin`` and is rewritten
        as v2 as soon as its plaintext is in memory (here in device mode, else at unlock).
        """
        async with self._busy:
            ring = Keyring()
            legacy: Any = None
            for raw in await self._records.get_all(VAULT):
                stored_id = raw.get("id") if isinstance(raw, dict) else None
                provider = provider_of(stored_id) if isinstance(stored_id, str) else None
                if stored_id == LEGACY_RECORD_ID:
                    legacy = raw
                elif provider is not None and (record := self._parse(ring, provider, VaultRecord, raw)):
                    ring.records[provider] = record
            if legacy is not None:
                ring.legacy_stored = True
                if LEGACY_PROVIDER_ID not in ring.records and LEGACY_PROVIDER_ID not in ring.problems:
                    ring.unbound = LEGACY_PROVIDER_ID  # its stored form is the v1 record until rewritten
                    if old := self._parse(ring, LEGACY_PROVIDER_ID, LegacyVaultRecord, legacy):
                        ring.records[LEGACY_PROVIDER_ID] = old.bound_to(origin_of(legacy_origin))
            ring.problems.update({p: self._words.changed(p) for p in ring.strays()})
            if ring.mode == "device":
                ring.wrapping = await self._records.get(KEYS, DEVICE_KEY_ID)
                if ring.wrapping is None:
                    ring.problems.update({p: self._words.lost(p) for p in ring.records if p not in ring.problems})
                else:
                    ring.plain, failed = await self._sealer.open(ring, ring.wrapping)
                    ring.problems.update({p: self._words.changed(p) for p in failed})
            self._ring = ring
            await self._migrate()
            return self.overview()

    # -- one key ----------------------------------------------------------------------------
    async def save_key(self, provider_id: str, origin: str, text: str) -> VaultOverview:
        """Validate and store a key for ``provider_id``, bound to ``origin``, in the vault's mode."""
        return await self.save_keys([(provider_id, origin, text)])

    async def save_keys(self, keys: Iterable[tuple[str, str, str]], *, along: Iterable[Op] = ()) -> VaultOverview:
        """Store ``(provider id, origin, key)`` triples, and ``along`` (an import's records), in one write."""
        triples = [(p, origin_of(o), normalize_key(t)) for p, o, t in keys]
        async with self._busy:
            ring, drops, device = self._ring, self._drops, None
            if ring.mode == "passphrase" or (ring.mode == "device" and ring.wrapping is not None):
                protection = self._protection(ring)
            else:  # an empty vault, or one whose device key is gone: a fresh device key
                protection = await self._sealer.new_device()
                device = Put(KEYS, protection.wrapping, DEVICE_KEY_ID)
            new = ring.copy()
            for provider_id, bound, key in triples:
                previous = ring.records.get(provider_id)
                new.records[provider_id] = await self._sealer.seal(provider_id, bound, key, protection, previous)
                new.plain[provider_id] = key
                new.problems.pop(provider_id, None)
                new.unbound = None if new.unbound == provider_id else new.unbound
            new.wrapping = protection.wrapping
            await self._commit(new, drops, put=[p for p, _, _ in triples], keys=device, along=along)
            return self.overview()

    async def rebind(self, provider_id: str, new_origin: str) -> VaultOverview:
        """Bind a saved key to another origin: call only after the user confirmed it."""
        bound = origin_of(new_origin)
        async with self._busy:
            ring, drops = self._ring, self._drops
            key, record = self._open_key(provider_id), ring.records[provider_id]
            if record.origin == bound and ring.unbound != provider_id:
                return self.overview()
            new = ring.copy()
            new.records[provider_id] = await self._sealer.seal(provider_id, bound, key, self._protection(ring), record)
            new.unbound = None if new.unbound == provider_id else new.unbound
            await self._commit(new, drops, put=[provider_id])
            return self.overview()

    async def wipe(self, provider_id: str) -> VaultOverview:
        """Delete one provider's key everywhere (and the device key with the last one)."""
        async with self._busy:
            if provider_id not in self._ring.statuses():
                return self.overview()  # nothing saved for it (or the vault is not loaded yet)
            new, drops, keys = self._ring.copy(), self._drops, None
            for table in (new.records, new.plain, new.problems):
                table.pop(provider_id, None)
            new.unsaved.discard(provider_id)
            new.unbound = None if new.unbound == provider_id else new.unbound
            if new.empty:
                keys, new.wrapping = Delete(KEYS, DEVICE_KEY_ID), None
            await self._commit(new, drops, delete=[provider_id], keys=keys)
            return self.overview()

    # -- the whole vault --------------------------------------------------------------------
    async def unlock(self, passphrase: str) -> VaultOverview:
        """Open every passphrase key with one derivation (and finish a v1 migration)."""
        async with self._busy:
            ring, drops = self._ring, self._drops
            if ring.mode != "passphrase":
                return self.overview()
            wrapping, plain, failed = await self._sealer.open_passphrase(ring, passphrase)
            new = ring.copy()
            new.wrapping, new.plain = wrapping, plain
            new.problems.update({p: self._words.changed(p) for p in failed})
            self._keep(new, drops)
            await self._migrate()
            return self.overview()

    def lock(self) -> VaultOverview:
        """Drop every open key and the derived key (passphrase mode; an empty vault is a no-op)."""
        if self._ring.mode == "device":
            raise VaultError(cannot_lock())
        self._ring = self._ring.locked()
        self._drops = (self._drops[0] + 1, self._drops[1])
        return self.overview()

    def forget(self) -> None:
        """Drop everything from memory (Hard reset); :meth:`load` reads the store again."""
        self._ring = Keyring()
        self._drops = (self._drops[0], self._drops[1] + 1)

    async def set_passphrase(self, new_passphrase: str, *, current: str | None = None) -> VaultOverview:
        """Protect every key with one passphrase (or change it: ``current`` confirms the old one)."""
        if len(new_passphrase) < MIN_PASSPHRASE:
            raise InputError("new_passphrase", tr("svc.passphrase.short", min=MIN_PASSPHRASE))
        async with self._busy:
            ring, drops = self._ring, self._drops
            if ring.empty:
                raise VaultError(nothing_to_protect())
            if ring.mode == "passphrase":
                if not current:
                    raise InputError("current_passphrase", tr("vault.current.missing"))
                _, plain, failed = await self._sealer.open_passphrase(ring, current)
            else:
                plain, failed = ring.plain, []
            self._refuse_unopened(ring, plain, failed)
            new = await self._sealer.resealed(ring, plain, await self._sealer.new_passphrase(new_passphrase))
            await self._commit(new, drops, put=new.records, keys=Delete(KEYS, DEVICE_KEY_ID))
            return self.overview()

    async def remove_passphrase(self, current: str) -> VaultOverview:
        """Back to one device key for every key (a no-op without a passphrase)."""
        async with self._busy:
            ring, drops = self._ring, self._drops
            if ring.mode != "passphrase":
                return self.overview()
            _, plain, failed = await self._sealer.open_passphrase(ring, current)
            self._refuse_unopened(ring, plain, failed)
            device = await self._sealer.new_device()
            new = await self._sealer.resealed(ring, plain, device)
            await self._commit(new, drops, put=new.records, keys=Put(KEYS, device.wrapping, DEVICE_KEY_ID))
            return self.overview()

    # -- helpers ----------------------------------------------------------------------------
    def _parse(self, ring: Keyring, provider_id: str, model: type[R], raw: Any) -> R | None:
        """The record, or ``None`` with the provider marked damaged."""
        try:
            return model.model_validate(raw)
        except ValidationError:
            ring.problems[provider_id] = self._words.damaged(provider_id)
            return None

    def _open_key(self, provider_id: str) -> str:
        ring = self._ring
        if provider_id in ring.problems:
            raise VaultError(ring.problems[provider_id])
        if provider_id not in ring.records:
            raise VaultError(self._words.no_key(provider_id))
        if (key := ring.plain.get(provider_id)) is None:
            raise VaultError(locked())
        return key

    def _protection(self, ring: Keyring) -> Protection:
        """The vault's current protection, to encrypt one more record the same way."""
        if ring.wrapping is None:
            raise VaultError(locked())
        if ring.mode != "passphrase":
            return Protection("device", ring.wrapping)
        if (kdf := ring.kdf) is None:
            raise VaultError(unopenable())
        return Protection("passphrase", ring.wrapping, *kdf)

    def _refuse_unopened(self, ring: Keyring, plain: Mapping[str, str], failed: Iterable[str]) -> None:
        """A change of protection re-encrypts every key, so it needs every key open."""
        unopened = sorted({*ring.problems, *failed, *(p for p in ring.records if p not in plain)})
        if unopened:
            raise VaultError(self._words.unopened(unopened[0]))

    async def _migrate(self) -> None:
        """Rewrite the v1 key as v2 once it is open; a failed write is retried by the next one."""
        ring, drops = self._ring, self._drops
        provider = ring.unbound
        if provider is None or provider not in ring.plain:
            return
        record = ring.records[provider]
        new = ring.copy()
        new.records[provider] = await self._sealer.seal(
            provider, record.origin, ring.plain[provider], self._protection(ring), record
        )
        new.unbound = None
        try:
            await self._commit(new, drops, put=[provider])
        except StorageError:
            new.unsaved.add(provider)
            self._keep(new, drops)

    async def _commit(
        self,
        new: Keyring,
        drops: tuple[int, int],
        *,
        put: Iterable[str] = (),
        delete: Iterable[str] = (),
        keys: Op | None = None,
        along: Iterable[Op] = (),
    ) -> None:
        """Write ``new`` (plus what a failed migration still owes, and ``along``) in one transaction, then keep it."""
        ops: list[Op] = list(along)
        ops += [Put(VAULT, new.records[p].model_dump(mode="json")) for p in sorted({*put, *new.unsaved})]
        ops += [Delete(VAULT, record_id(p)) for p in delete]
        ops += [keys] if keys is not None else []
        if new.legacy_stored and new.unbound is None:  # the v1 key was rewritten or wiped
            ops.append(Delete(VAULT, LEGACY_RECORD_ID))
        await self._records.write(ops)  # all WebCrypto work is done: the transaction stays active
        new.unsaved.clear()
        new.legacy_stored = new.legacy_stored and new.unbound is not None
        self._keep(new, drops)

    def _keep(self, new: Keyring, drops: tuple[int, int]) -> None:
        """Adopt ``new`` unless a lock or forget happened while it was being made."""
        locks, forgets = drops
        if self._drops[1] != forgets:
            return
        self._ring = new.locked() if self._drops[0] != locks and new.mode == "passphrase" else new
