"""Jobs, their file records and blobs in IndexedDB: load, save, delete — atomically."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import ValidationError

from app.core.compose import ImageSet, PreparedImage
from app.core.errors import StorageError
from app.core.i18n import tr
from app.core.job_record import AssetRecord, JobRecord
from app.core.stores import ASSETS, BLOBS, JOBS
from app.services.download_parts import DownloadParts
from app.services.ports import Delete, Op, Put, RecordStore


class JobStore:
    def __init__(self, records: RecordStore) -> None:
        self._records = records
        self.downloads = DownloadParts(records)  # files of the jobs still being downloaded, in parts

    async def load_all(self) -> tuple[list[JobRecord], int]:
        """Every valid job, and how many stored records were unreadable (skipped, never lost)."""
        raw: list[Any] = await self._records.get_all(JOBS)
        jobs: list[JobRecord] = []
        broken = 0
        for item in raw:
            try:
                jobs.append(JobRecord.model_validate(item))
            except ValidationError:
                broken += 1
        return jobs, broken

    async def get(self, job_id: str) -> JobRecord | None:
        """One job, or ``None`` when it is gone or unreadable."""
        raw = await self._records.get(JOBS, job_id)
        try:
            return None if raw is None else JobRecord.model_validate(raw)
        except ValidationError:
            return None

    async def assets_of(self, job_id: str) -> list[AssetRecord]:
        raw: list[Any] = await self._records.get_all(ASSETS, index="job_id", query=job_id)
        return [AssetRecord.model_validate(item) for item in raw]

    async def asset(self, asset_id: str) -> AssetRecord | None:
        raw = await self._records.get(ASSETS, asset_id)
        return None if raw is None else AssetRecord.model_validate(raw)

    async def blob(self, asset_id: str) -> Any:
        return await self._records.get(BLOBS, asset_id)

    async def prepared_image(self, asset_id: str) -> PreparedImage:
        """A stored reference image, ready to upload again."""
        asset = await self.asset(asset_id)
        blob = await self.blob(asset_id)
        if asset is None or blob is None:
            raise StorageError(tr("svc.image.gone"))
        return PreparedImage(blob, asset.mime, asset.width or 0, asset.height or 0, asset.bytes, asset.name)

    async def image_set(self, job: JobRecord) -> ImageSet:
        """The images a job was sent with, ready to send again (a retry)."""
        first = await self.prepared_image(job.image_asset_id) if job.image_asset_id else None
        last_id = job.image_assets.get("last_frame")
        last = await self.prepared_image(last_id) if last_id else None
        ids = sorted((int(k.split("-")[1]), v) for k, v in job.image_assets.items() if k.startswith("reference-"))
        references = tuple([await self.prepared_image(asset_id) for _, asset_id in ids])
        return ImageSet(first, last, references)

    async def save(
        self, job: JobRecord, *, assets: Iterable[tuple[AssetRecord, Any]] = (), also: Sequence[Op] = ()
    ) -> None:
        """Write the job (and new files with their blobs, and ``also``) in one transaction."""
        ops: list[Op] = [Put(JOBS, job.model_dump(mode="json"))]
        for asset, blob in assets:
            ops.append(Put(ASSETS, asset.model_dump(mode="json")))
            ops.append(Put(BLOBS, blob, asset.id))
        await self._records.write([*ops, *also])

    async def save_many(self, jobs: Iterable[JobRecord]) -> None:
        await self._records.write([Put(JOBS, job.model_dump(mode="json")) for job in jobs])

    def delete_ops(self, job: JobRecord, asset_ids: Iterable[str]) -> list[Op]:
        ops: list[Op] = [Delete(JOBS, job.id)]
        for asset_id in asset_ids:
            ops.append(Delete(ASSETS, asset_id))
            ops.append(Delete(BLOBS, asset_id))
        return ops

    async def remove_asset(self, asset_id: str) -> None:
        """Delete one stored file (its record and its blob) in one transaction."""
        await self._records.write([Delete(ASSETS, asset_id), Delete(BLOBS, asset_id)])

    async def delete(self, job: JobRecord) -> None:
        """Remove the job with every file it owns."""
        asset_ids = {a.id for a in await self.assets_of(job.id)} | set(job.assets.values())
        asset_ids |= set(job.image_assets.values())
        if job.image_asset_id:
            asset_ids.add(job.image_asset_id)
        unfinished = await self.downloads.job_release_ops(job.id)
        await self._records.write([*self.delete_ops(job, asset_ids), *unfinished])
