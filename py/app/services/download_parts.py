"""Downloads in progress in IndexedDB: each stored part with its ledger, in one transaction.

Used by the polling worker (which stores parts as they arrive) and by the page (which
shows what is stored, deletes the parts with the transaction that stores the whole file,
and sweeps away ledgers nobody needs any more).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from app.core.byte_ranges import Span
from app.core.download_ledger import Ledger, ledger_id, part_key
from app.core.stores import DOWNLOADS, PARTS
from app.services.ports import Delete, Op, Put, RecordStore

if TYPE_CHECKING:
    from app.core.job_record import JobRecord


def release_ops(job_id: str, variant: str, part_keys: Iterable[str]) -> list[Op]:
    """Delete a download's parts and its ledger (added to the write that stores the file)."""
    return [*(Delete(PARTS, key) for key in part_keys), Delete(DOWNLOADS, ledger_id(job_id, variant))]


class DownloadParts:
    def __init__(self, records: RecordStore) -> None:
        self._records = records

    async def load(self, job_id: str, variant: str) -> Ledger | None:
        return Ledger.from_record(await self._records.get(DOWNLOADS, ledger_id(job_id, variant)))

    async def all(self) -> list[Ledger]:
        """Every readable ledger (an unreadable one is left for :meth:`sweep`)."""
        raw: list[Any] = await self._records.get_all(DOWNLOADS)
        return [ledger for ledger in map(Ledger.from_record, raw) if ledger is not None]

    async def of_job(self, job_id: str) -> list[Ledger]:
        raw: list[Any] = await self._records.get_all(DOWNLOADS, index="job_id", query=job_id)
        return [ledger for ledger in map(Ledger.from_record, raw) if ledger is not None]

    async def add(self, ledger: Ledger, start: int, end: int, blob: Any, now: float) -> Ledger:
        """Store one part and the ledger that lists it, atomically; the new ledger.

        ``StorageQuotaError`` when it does not fit: then neither is written.
        """
        return await self.add_many(ledger, [((start, end), blob)], now)

    async def add_many(self, ledger: Ledger, parts: Sequence[tuple[Span, Any]], now: float) -> Ledger:
        """Store several parts and the ledger that lists them in one transaction (parts that
        arrive while the previous write runs share the next one); the new ledger."""
        updated = ledger
        ops: list[Op] = []
        for span, blob in parts:
            updated = updated.with_part(span, now)
            ops.append(Put(PARTS, blob, part_key(ledger.job_id, ledger.variant, span[0])))
        await self._records.write([*ops, Put(DOWNLOADS, updated.to_record())])
        return updated

    async def blobs(self, ledger: Ledger) -> list[Any]:
        """The stored parts in order (``None`` for one that is missing)."""
        return [await self._records.get(PARTS, key) for key in ledger.part_keys()]

    async def discard(self, ledger: Ledger) -> None:
        await self._records.write(release_ops(ledger.job_id, ledger.variant, ledger.part_keys()))

    async def job_release_ops(self, job_id: str) -> list[Op]:
        """Deletes of every download of a job (its record is deleted or ends without them)."""
        return [op for ledger in await self.of_job(job_id) for op in self.ops_of(ledger)]

    @staticmethod
    def ops_of(ledger: Ledger) -> Sequence[Op]:
        return release_ops(ledger.job_id, ledger.variant, ledger.part_keys())

    async def sweep(self, jobs: dict[str, JobRecord]) -> list[Ledger]:
        """Drop the ledgers (and parts) of jobs that are gone, ended or whose file is stored;
        the ledgers still wanted."""
        raw: list[Any] = await self._records.get_all(DOWNLOADS)
        wanted: list[Ledger] = []
        ops: list[Op] = []
        for item in raw:
            ledger = Ledger.from_record(item)
            job = jobs.get(ledger.job_id) if ledger is not None else None
            if ledger is not None and job is not None and not job.status.terminal and ledger.variant not in job.assets:
                wanted.append(ledger)
            elif ledger is not None:
                ops.extend(self.ops_of(ledger))
            elif isinstance(item, dict) and isinstance(item.get("id"), str):
                ops.append(Delete(DOWNLOADS, item["id"]))  # unreadable: its parts cannot be named
        if ops:
            await self._records.write(ops)
        return wanted
