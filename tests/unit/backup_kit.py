"""Export and import services over in-memory ports: a "browser profile" holds a record store
(Blobs are bytes), a key vault and the app state, so a test can export from one profile,
reset or make another, and import there."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from app.core.bundle.app_records import readable
from app.core.bundle.plan import ImportPlan
from app.core.job_record import JobRecord
from app.core.state import AppState
from app.core.store import Store
from app.core.stores import ASSETS, BLOBS, JOBS, PRESETS, SETTINGS
from app.services.bundle_export import ExportService
from app.services.bundle_import import ImportOutcome, ImportService
from app.services.bundle_keys import BundleKeySealer
from app.services.vault_service import VaultService
from tests.unit.bundle_kit import library
from tests.unit.fakes import MemoryRecords
from tests.unit.simtransport import FakeCipher, FixedClock


class BytesSource:
    """A ByteSource over bytes; ``reads`` logs every range asked for."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.reads: list[tuple[int, int]] = []

    @property
    def size(self) -> int:
        return len(self.data)

    async def read(self, offset: int, length: int) -> bytes:
        self.reads.append((offset, length))
        return self.data[offset : offset + length]

    def slice(self, offset: int, length: int, mime: str) -> bytes:
        return self.data[offset : offset + length]


class BytesBlobBytes:
    """The BlobBytes port: a Blob is its bytes."""

    def open(self, blob: Any) -> BytesSource:
        return BytesSource(bytes(blob))

    def join(self, parts: Sequence[Any], mime: str) -> bytes:
        return b"".join(bytes(p) for p in parts)


class MemoryTarget:
    """A BundleTarget that keeps what it was given; ``data`` once closed."""

    def __init__(self, name: str = "bundle.zip", fail_after: int | None = None) -> None:
        self._name = name
        self.parts: list[bytes] = []
        self.data: bytes | None = None
        self.aborted = False
        self._fail_after = fail_after

    @property
    def name(self) -> str:
        return self._name

    async def write(self, part: Any) -> None:
        if self._fail_after is not None and len(self.parts) >= self._fail_after:
            raise OSError("the disk is full")
        self.parts.append(bytes(part))

    async def close(self) -> None:
        self.data = b"".join(self.parts)

    async def abort(self) -> None:
        self.aborted = True
        self.parts = []


@dataclass
class Profile:
    """One browser: its stores, its vault, its state, and the two services over them."""

    records: MemoryRecords = field(default_factory=MemoryRecords)
    cipher: FakeCipher = field(default_factory=FakeCipher)
    clock: FixedClock = field(default_factory=FixedClock)
    outcomes: list[ImportOutcome] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.store: Store[AppState] = Store(AppState())
        self.vault = VaultService(self.records, self.cipher, self.clock)
        sealer = BundleKeySealer(self.cipher)
        blobs = BytesBlobBytes()
        self.exports = ExportService(
            self.store, self.records, self.vault, sealer, blobs, self.clock, app_version="0.1.0", chunk_bytes=1000
        )
        self.imports = ImportService(self.store, self.records, self.vault, sealer, blobs, self.clock, after=self._after)
        self.progress: list[tuple[str, str, int, int]] = []
        self.store.subscribe(self._seen)

    def _seen(self, state: AppState, _old: AppState) -> None:
        if state.backup is not None:
            self.progress.append((state.backup.action, state.backup.step, state.backup.done, state.backup.total))

    async def _after(self, outcome: ImportOutcome) -> None:
        self.outcomes.append(outcome)
        jobs = [JobRecord.model_validate(r) for r in await self.records.get_all(JOBS)]
        self.store.update(jobs={j.id: j for j in jobs})

    def table(self, store: str) -> dict[str, Any]:
        return dict(self.records.stores.get(store, {}))

    async def load_jobs(self) -> None:
        jobs = [JobRecord.model_validate(r) for r in await self.records.get_all(JOBS)]
        self.store.update(jobs={j.id: j for j in jobs})


def stocked(profile: Profile | None = None) -> Profile:
    """A profile holding bundle_kit's library, stored the way the app stores records."""
    profile = profile or Profile()
    lib = library()
    for store in (SETTINGS, JOBS, ASSETS, PRESETS):
        kept, _ = readable(store, lib.records[store])
        profile.records.stores[store] = {r["id"]: r for r in kept}
    profile.records.stores[BLOBS] = dict(lib.blobs)
    profile.store.update(jobs={r["id"]: JobRecord.model_validate(r) for r in lib.records[JOBS]})
    return profile


def actions(plan: ImportPlan) -> dict[tuple[str, str], str]:
    return {(i.store, i.key): i.action for i in plan.items}
