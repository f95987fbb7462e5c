"""Import: check a whole bundle, show what it would change, then write it all or nothing.

:meth:`ImportService.open` reads the ZIP's structure and manifest through byte ranges of
the user's File, validates every record with the app's own models, and reads every file
once to check its size, CRC-32 and SHA-256; any problem refuses the bundle with all of
them named, before a single write. :meth:`ImportService.commit` plans again against what
is stored at that moment and writes every record, file and key in one IndexedDB
transaction: a crash or a refusal by the browser leaves nothing of the import behind.

Files are not copied into memory to be written: a STORED entry becomes a slice of the
File (a reference the browser copies into IndexedDB while committing); only a DEFLATE
entry (a bundle re-zipped by another tool) is decoded, chunk by chunk, into Blob parts.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from app.core.bundle import zip_format
from app.core.bundle.app_records import VALIDATORS
from app.core.bundle.errors import BundleRefusedError, Refusal
from app.core.bundle.file_check import check_files_async
from app.core.bundle.keys import BundleKey
from app.core.bundle.plan import BlobWrite, ImportPlan, LocalState, plan_import
from app.core.bundle.summary import headline
from app.core.bundle.validate import Bundle, BundleFile, open_bundle_async
from app.core.errors import InputError, VaultError
from app.core.i18n import tr
from app.core.state import AppState
from app.core.store import Store
from app.core.stores import ASSETS, BLOBS, JOBS, PRESETS, SETTINGS
from app.core.vault_status import VaultState
from app.services.backup_run import BackupRun
from app.services.bundle_keys import BundleKeySealer
from app.services.ports import BlobBytes, ByteSource, Clock, Op, Put, RecordStore
from app.services.vault_service import VaultService

SETTINGS_KEY = "app"


def vault_locked() -> str:
    return tr("svc.import.locked")


@dataclass(frozen=True)
class ImportPreview:
    """A bundle checked from end to end, and what importing it would do now."""

    name: str
    source: ByteSource
    bundle: Bundle
    local: LocalState
    decoded: Mapping[str, Any] = field(default_factory=dict)  # asset id -> Blob of a DEFLATE file's bytes

    def plan(self, *, replace_settings: bool = False) -> ImportPlan:
        return plan_import(self.bundle, self.local, replace_settings=replace_settings)

    @property
    def titles(self) -> dict[str, str]:
        """Job id -> what the library calls it (its title, else the start of its prompt)."""
        return {j["id"]: str(j.get("title") or j.get("prompt") or "")[:60] for j in self.bundle.records.get(JOBS, ())}


@dataclass(frozen=True)
class KeyDecision:
    provider_id: str
    origin: str
    add: bool
    reason: str


@dataclass(frozen=True)
class OpenedKeys:
    """The bundle's keys, decrypted with its passphrase, and which of them would be stored."""

    keys: tuple[BundleKey, ...]
    decisions: tuple[KeyDecision, ...]

    def to_add(self) -> list[tuple[str, str, str]]:
        adding = {d.provider_id for d in self.decisions if d.add}
        return [(k.provider_id, k.origin, k.key) for k in self.keys if k.provider_id in adding]


@dataclass(frozen=True)
class ImportOutcome:
    """What was written: the app refreshes what it shows from it."""

    plan: ImportPlan
    keys: int

    @property
    def job_ids(self) -> tuple[str, ...]:
        return tuple(w.key for w in self.plan.writes if w.store == JOBS)

    @property
    def settings_replaced(self) -> bool:
        return any(w.store == SETTINGS for w in self.plan.writes)

    @property
    def text(self) -> str:
        keys = tr("svc.import.stored_keys", count=self.keys) if self.keys else ""
        return headline(self.plan) + keys


class ImportService:
    def __init__(
        self,
        store: Store[AppState],
        records: RecordStore,
        vault: VaultService,
        sealer: BundleKeySealer,
        blobs: BlobBytes,
        clock: Clock,
        *,
        after: Callable[[ImportOutcome], Awaitable[None]],
    ) -> None:
        self._store = store
        self._records = records
        self._vault = vault
        self._sealer = sealer
        self._blobs = blobs
        self._clock = clock
        self._after = after

    # -- check ------------------------------------------------------------------------------
    async def open(self, source: ByteSource, name: str) -> ImportPreview:
        """The checked bundle and its plan; ``BundleRefusedError`` naming every problem otherwise."""
        with BackupRun(self._store, self._clock, "import", "checking") as run:
            opened = await open_bundle_async(source.size, source.read, VALIDATORS)
            if isinstance(opened, Refusal):
                raise BundleRefusedError(opened)
            total = sum(f.zip.compressed_size for f in opened.files)
            done = 0

            async def read(offset: int, length: int) -> bytes:
                nonlocal done
                data = await source.read(offset, length)
                done += len(data)
                run.report("checking", done, total)
                return data

            parts: dict[str, list[Any]] = {}

            def keep(file: BundleFile, out: bytes) -> None:
                if file.zip.method == zip_format.DEFLATED and out:
                    parts.setdefault(file.entry.asset_id, []).append(self._blobs.join([out], ""))

            problems = await check_files_async(opened, read, sink=keep)
            if problems:
                raise BundleRefusedError(Refusal(problems))
            decoded = {
                f.entry.asset_id: self._blobs.join(parts.get(f.entry.asset_id, []), f.entry.mime)
                for f in opened.files
                if f.zip.method == zip_format.DEFLATED
            }
            return ImportPreview(name, source, opened, await self._local(), decoded)

    async def _local(self) -> LocalState:
        jobs = self._store.state.jobs
        presets: list[dict[str, Any]] = await self._records.get_all(PRESETS)
        stored = set(await self._records.keys(ASSETS)) & set(await self._records.keys(BLOBS))
        return LocalState(
            job_updated_at={job_id: job.updated_at for job_id, job in jobs.items()},
            asset_ids=frozenset(stored),  # a record whose file is gone is repaired by the bundle's
            preset_ids=frozenset(str(p.get("id")) for p in presets),
            preset_names=frozenset(str(p.get("name")) for p in presets),
            settings=await self._records.get(SETTINGS, SETTINGS_KEY),
        )

    # -- keys ---------------------------------------------------------------------------------
    async def open_keys(self, preview: ImportPreview, passphrase: str) -> OpenedKeys:
        """Decrypt the bundle's keys; each is added where no key is saved for its provider here."""
        sealed = preview.bundle.keys
        if sealed is None:
            raise InputError("bundle_passphrase", tr("svc.import.no_keys"))
        keys = await self._sealer.open(sealed, passphrase)
        decisions = tuple(self._decide(key) for key in keys)
        if any(d.add for d in decisions) and self._vault.overview().locked:
            raise VaultError(vault_locked())
        return OpenedKeys(keys, decisions)

    def _decide(self, key: BundleKey) -> KeyDecision:
        state = self._vault.status(key.provider_id).state
        if state is VaultState.EMPTY:
            return KeyDecision(key.provider_id, key.origin, True, tr("svc.import.key.none_here"))
        if state is VaultState.DAMAGED:
            return KeyDecision(key.provider_id, key.origin, True, tr("svc.import.key.damaged"))
        return KeyDecision(key.provider_id, key.origin, False, tr("svc.import.key.kept"))

    # -- write --------------------------------------------------------------------------------
    async def commit(
        self, preview: ImportPreview, *, replace_settings: bool = False, keys: OpenedKeys | None = None
    ) -> ImportOutcome:
        """Write what the plan says, in one transaction (keys included); then refresh the app."""
        with BackupRun(self._store, self._clock, "import", "saving"):
            plan = plan_import(preview.bundle, await self._local(), replace_settings=replace_settings)
            ops: list[Op] = [Put(w.store, w.record) for w in plan.writes]
            ops += [Put(BLOBS, self._blob(preview, write), write.asset_id) for write in plan.blobs]
            adding = keys.to_add() if keys is not None else []
            if adding:
                await self._vault.save_keys(adding, along=ops)  # the keys and the records in one write
            elif ops:
                await self._records.write(ops)
            outcome = ImportOutcome(plan, len(adding))
        await self._after(outcome)
        return outcome

    def _blob(self, preview: ImportPreview, write: BlobWrite) -> Any:
        decoded = preview.decoded.get(write.asset_id)
        if decoded is not None:
            return decoded
        entry = write.file.zip
        return preview.source.slice(entry.data_offset, entry.compressed_size, write.file.entry.mime)
