"""Export: everything this app keeps, or a selection of the library, into one bundle.

Two passes over the stored files, neither holding one whole: each Blob is read in chunks
once to learn its CRC-32 and SHA-256 (the ZIP headers come before the bytes), then the
archive is handed to its target part by part, the files as Blob references the browser
streams itself. Keys go in only when a passphrase is given, sealed before any file is
read (a locked vault fails at once, not after a gigabyte).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from app.core.bundle.app_records import BUNDLED_STORES, SELECTION_STORES, readable
from app.core.bundle.digest import Digest, FileDigest
from app.core.bundle.errors import ExportError
from app.core.bundle.export import ExportSelection, PendingFile, build_export, select_export
from app.core.bundle.file_check import CHUNK_BYTES
from app.core.bundle.keys import BundleKey
from app.core.bundle.manifest import EncryptedKeys
from app.core.bundle.validate import Record
from app.core.errors import InputError, VaultError
from app.core.i18n import tr
from app.core.state import AppState
from app.core.store import Store
from app.core.stores import ASSETS, BLOBS, JOBS
from app.core.vault_status import VaultState
from app.services.backup_run import BackupRun
from app.services.bundle_keys import BundleKeySealer, check_passphrase
from app.services.ports import BlobBytes, BundleTarget, Clock, RecordStore
from app.services.vault_service import VaultService


def vault_locked() -> str:
    return tr("svc.export.locked")


def no_keys() -> str:
    return tr("svc.export.no_keys")


@dataclass(frozen=True)
class ExportReport:
    name: str
    bytes: int
    jobs: int
    files: int
    keys: int
    missing: int  # files the exported jobs refer to that this browser no longer stores
    unreadable: int  # stored records the app cannot read, left out


class ExportService:
    def __init__(
        self,
        store: Store[AppState],
        records: RecordStore,
        vault: VaultService,
        sealer: BundleKeySealer,
        blobs: BlobBytes,
        clock: Clock,
        *,
        app_version: str,
        chunk_bytes: int = CHUNK_BYTES,
    ) -> None:
        self._store = store
        self._records = records
        self._vault = vault
        self._sealer = sealer
        self._blobs = blobs
        self._clock = clock
        self._app_version = app_version
        self._chunk = chunk_bytes

    async def export(
        self, target: BundleTarget, *, job_ids: Collection[str] | None = None, passphrase: str | None = None
    ) -> ExportReport:
        """Write the bundle to ``target`` (everything, or the jobs ``job_ids`` with their files).

        With ``passphrase``, every saved key goes in, encrypted under it. On any failure the
        target is aborted: no partial file is left and no download starts.
        """
        try:
            with BackupRun(self._store, self._clock, "export", "reading") as run:
                return await self._export(target, job_ids, passphrase, run)
        except BaseException:
            await target.abort()
            raise

    async def _export(
        self, target: BundleTarget, job_ids: Collection[str] | None, passphrase: str | None, run: BackupRun
    ) -> ExportReport:
        keys, sealed = (await self._sealed_keys(passphrase)) if passphrase is not None else (0, None)
        stores, unreadable = await self._stored(job_ids)
        selection = select_export(stores, job_ids=job_ids)
        handles, digests = await self._hash(selection, run)
        plan = build_export(
            selection, digests, created_at=self._clock.now(), app_version=self._app_version, keys=sealed
        )
        written = 0
        for part in plan.parts:
            if isinstance(part, bytes):
                await target.write(part)
                written += len(part)
            else:
                await target.write(handles[part.asset_id])
                written += part.size
            run.report("writing", written, plan.size)
        await target.close()
        jobs = len(selection.stores.get(JOBS, ()))
        return ExportReport(
            target.name, plan.size, jobs, len(selection.files), keys, len(selection.missing), unreadable
        )

    async def _sealed_keys(self, passphrase: str) -> tuple[int, EncryptedKeys]:
        check_passphrase(passphrase)
        keys: list[BundleKey] = []
        for provider_id, status in self._vault.statuses().items():
            if status.state is VaultState.LOCKED:
                raise VaultError(vault_locked())
            origin = self._vault.bound_origin(provider_id)
            if status.state is VaultState.UNLOCKED and origin is not None:
                keys.append(
                    BundleKey(provider_id=provider_id, origin=origin, key=self._vault.api_key(provider_id, origin))
                )
        if not keys:
            raise InputError("include_keys", no_keys())
        return len(keys), await self._sealer.seal(keys, passphrase)

    async def _stored(self, job_ids: Collection[str] | None) -> tuple[dict[str, list[Record]], int]:
        """The records to export, as the app reads them, and how many stored ones it cannot read."""
        wanted = None if job_ids is None else set(job_ids)
        found: dict[str, list[Record]] = {}
        unreadable = 0
        for store in BUNDLED_STORES if wanted is None else SELECTION_STORES:
            raw: list[Record] = await self._records.get_all(store)
            if wanted is not None:  # read only what is asked for: a selection of a big library is quick
                owner = "id" if store == JOBS else "job_id"
                raw = [r for r in raw if isinstance(r, dict) and r.get(owner) in wanted]
            found[store], bad = readable(store, raw)
            unreadable += bad
        stored = set(await self._records.keys(BLOBS))
        found[ASSETS] = [a for a in found[ASSETS] if a["id"] in stored]
        return found, unreadable

    async def _hash(self, selection: ExportSelection, run: BackupRun) -> tuple[dict[str, Any], dict[str, Digest]]:
        """Each file's Blob and digest, every file read once in chunks."""
        total = sum(f.bytes for f in selection.files)
        handles: dict[str, Any] = {}
        digests: dict[str, Digest] = {}
        done = 0

        def from_here(base: int) -> Callable[[int], None]:
            return lambda read: run.report("reading", base + read, total)

        run.report("reading", 0, total)
        for file in selection.files:
            blob = await self._records.get(BLOBS, file.asset_id)
            if blob is None:
                raise ExportError(f"{ASSETS}/{file.asset_id}", tr("svc.export.file_gone"))
            digests[file.asset_id] = await self._digest(file, blob, from_here(done))
            handles[file.asset_id] = blob
            done += file.bytes
        return handles, digests

    async def _digest(self, file: PendingFile, blob: Any, progress: Callable[[int], None]) -> Digest:
        source = self._blobs.open(blob)
        digest = FileDigest()
        offset = 0
        while offset < source.size:
            length = min(self._chunk, source.size - offset)
            data = await source.read(offset, length)
            if len(data) != length:
                raise ExportError(f"{ASSETS}/{file.asset_id}", tr("svc.export.short_read"))
            digest.update(data)
            offset += length
            progress(offset)
        return digest.result()
