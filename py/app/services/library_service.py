"""Library intents: rename, tag, folder, delete, remix, thumbnails.

Every change goes through the queue's ``commit`` (persist, then show, then tell the
other tabs), so the library and the queue never disagree.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from typing import Any

from app.core import errors as e
from app.core.capabilities import FrameSize, ProviderCapabilities
from app.core.downloads import file_name
from app.core.job_record import AssetRecord, JobPhase, JobRecord
from app.core.jobs import apply_remote
from app.services.job_store import JobStore
from app.services.ports import Clock
from app.services.queue_service import QueueService

MAX_TITLE = 120
MAX_TAGS = 20


def clean_tags(text: str | Iterable[str]) -> tuple[str, ...]:
    """Tags from "a, b c" or a list: trimmed, lower case, no duplicates, in order."""
    words = text.replace(",", " ").split() if isinstance(text, str) else list(text)
    seen: list[str] = []
    for word in words:
        tag = word.strip().lower()[:40]
        if tag and tag not in seen:
            seen.append(tag)
    return tuple(seen[:MAX_TAGS])


class LibraryService:
    def __init__(
        self,
        queue: QueueService,
        jobs: JobStore,
        clock: Clock,
        capabilities: ProviderCapabilities,
        *,
        new_id: Callable[[], str] = lambda: uuid.uuid4().hex,
    ) -> None:
        self._queue = queue
        self._jobs = jobs
        self._clock = clock
        self._caps = capabilities
        self._new_id = new_id

    def _job(self, job_id: str) -> JobRecord:
        job = self._queue.job(job_id)
        if job is None:
            raise e.AppError("This video is no longer in the library.")
        return job

    async def _change(self, job_id: str, **changes: Any) -> JobRecord:
        job = self._job(job_id)
        return await self._queue.commit(job.model_copy(update={**changes, "updated_at": self._clock.now()}))

    async def rename(self, job_id: str, title: str) -> JobRecord:
        return await self._change(job_id, title=" ".join(title.split())[:MAX_TITLE])

    async def set_tags(self, job_id: str, tags: str | Iterable[str]) -> JobRecord:
        return await self._change(job_id, tags=clean_tags(tags))

    async def add_tags(self, job_ids: Iterable[str], tags: str) -> int:
        extra = clean_tags(tags)
        count = 0
        for job_id in job_ids:
            job = self._job(job_id)
            await self._change(job_id, tags=clean_tags((*job.tags, *extra)))
            count += 1
        return count

    async def set_folder(self, job_ids: Iterable[str], folder: str) -> int:
        label = " ".join(folder.split())[:60]
        count = 0
        for job_id in job_ids:
            await self._change(job_id, folder=label)
            count += 1
        return count

    async def delete(self, job_ids: Iterable[str], *, remote: bool = False) -> list[str]:
        """Delete locally (and on the API when asked); returns what the API refused, as messages."""
        problems: list[str] = []
        for job_id in list(job_ids):
            job = self._queue.job(job_id)
            if job is None:
                continue
            if remote and job.remote_id and self._caps.can_delete_remote:
                try:
                    await self._queue.client_for(job).delete(job.remote_id)
                except e.NotFoundError:
                    pass  # already gone there
                except (e.ApiError, e.NetworkError, e.VaultError) as exc:
                    problems.append(f"{job.display_title}: {exc}")
            await self._queue.remove(job_id)
        return problems

    async def remix(self, job_id: str, prompt: str) -> JobRecord:
        """``POST /videos/{id}/remix``: a new job, stored before the request leaves."""
        source = self._job(job_id)
        text = prompt.strip()
        if not text:
            raise e.InputError("remix_prompt", "Describe the change you want.")
        if len(text) > self._caps.prompt_max_chars:
            raise e.InputError("remix_prompt", f"Keep it under {self._caps.prompt_max_chars:,} characters.")
        if not self._caps.can_remix or source.remote_id is None:
            raise e.InputError("remix_prompt", "This provider cannot remix this video.")
        now = self._clock.now()
        job = JobRecord(
            id=self._new_id(),
            provider_id=source.provider_id,
            endpoint=source.endpoint,
            demo=source.demo,
            model=source.model,
            size=source.size,
            seconds=source.seconds,
            prompt=text,
            rate_usd=source.rate_usd,
            estimate_usd=source.estimate_usd,
            phase=JobPhase.SUBMITTING,
            created_at=now,
            updated_at=now,
            tags=source.tags,
            folder=source.folder,
            remixed_from=source.remote_id,
        )
        await self._queue.commit(job)
        try:
            remote = await self._queue.client_for(source).remix(source.remote_id, text)
        except e.ApiError:
            await self._queue.remove(job.id)  # refused: nothing started
            raise
        except e.NetworkError as exc:
            await self._queue.commit(job.model_copy(update={"error_message": str(exc)}))
            return job
        sent = apply_remote(job, remote, now=self._clock.now()).model_copy(update={"submitted_at": now})
        await self._queue.commit(sent)
        await self._queue.submitted(sent)
        return sent

    # -- thumbnails ----------------------------------------------------------------------------
    async def store_thumbnail(self, job_id: str, blob: Any, size: int, mime: str = "image/webp") -> JobRecord:
        """Keep a poster drawn from the video's first frame (when the API gave none)."""
        job = self._job(job_id)
        frame = FrameSize.parse(job.size)
        asset = AssetRecord(
            id=self._new_id(),
            job_id=job.id,
            kind="thumbnail",
            mime=mime,
            bytes=size,
            name=file_name(job, mime, "thumbnail"),
            created_at=self._clock.now(),
            width=frame.width,
            height=frame.height,
        )
        assets = {**job.assets, "thumbnail": asset.id}
        updated = job.model_copy(update={"assets": assets, "updated_at": asset.created_at})
        return await self._queue.commit(updated, assets=((asset, blob),))

    async def delete_all_thumbnails(self) -> int:
        """Forget every stored poster; the library draws them again from the videos when shown."""
        count = 0
        for job in list(self._queue.store.state.jobs.values()):
            asset_id = job.assets.get("thumbnail")
            if asset_id is None:
                continue
            await self._jobs.remove_asset(asset_id)
            assets = {k: v for k, v in job.assets.items() if k != "thumbnail"}
            await self._queue.commit(job.model_copy(update={"assets": assets, "updated_at": self._clock.now()}))
            count += 1
        return count
