"""Library intents: rename, tag, folder, delete, remix, posters.

Every change goes through the :class:`~app.services.job_book.JobBook` (persist, then
show, then tell the other tabs), so the library and the queue never disagree.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from typing import Any

from app.core import errors as e
from app.core.capabilities import FrameSize, Operation
from app.core.compose import NO_IMAGES, Draft
from app.core.downloads import file_name
from app.core.i18n import tr
from app.core.job_record import JobRecord, JobStatus, new_asset
from app.services.job_book import JobBook
from app.services.ports import Clock, FrameGrabber, JobClients
from app.services.queue_service import QueueService
from app.services.render_service import FormErrors, RenderService

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
        book: JobBook,
        queue: QueueService,
        render: RenderService,
        frames: FrameGrabber,
        clock: Clock,
        hub: JobClients,
        *,
        new_id: Callable[[], str] = lambda: uuid.uuid4().hex,
    ) -> None:
        self._book = book
        self._queue = queue
        self._render = render
        self._frames = frames
        self._clock = clock
        self._hub = hub
        self._new_id = new_id

    def _job(self, job_id: str) -> JobRecord:
        job = self._book.job(job_id)
        if job is None:
            raise e.AppError(tr("svc.library.gone"))
        return job

    async def _change(self, job_id: str, **changes: Any) -> JobRecord:
        job = self._job(job_id)
        return await self._book.commit(job.model_copy(update={**changes, "updated_at": self._clock.now()}))

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
            job = self._book.job(job_id)
            if job is None:
                continue
            if remote and job.remote_id and self._hub.provider_of(job.provider_id).can(Operation.DELETE):
                try:
                    await self._queue.client_for(job).delete(job.remote_id)
                except e.NotFoundError:
                    pass  # already gone there
                except (e.ApiError, e.NetworkError, e.VaultError) as exc:
                    problems.append(f"{job.display_title}: {exc}")
            await self._queue.remove(job_id)
        return problems

    async def remix(self, job_id: str, prompt: str) -> JobRecord:
        """A new job that changes one thing of a finished video, stored before the request leaves."""
        source = self._job(job_id)
        provider = self._hub.provider_of(source.provider_id)
        text = prompt.strip()
        if not text:
            raise e.InputError("remix_prompt", tr("svc.library.remix.empty"))
        if len(text) > provider.prompt_max_chars:
            raise e.InputError("remix_prompt", tr("checks.too_long", max=provider.prompt_max_chars))
        if not provider.can(Operation.REMIX) or source.remote_id is None:
            raise e.InputError("remix_prompt", tr("svc.library.remix.none", provider=provider.label))
        sent = await self._render.remix(source, text, self._queue.client_for(source))
        await self._queue.submitted(sent)
        return sent

    async def extend(self, job_id: str, prompt: str, seconds: int) -> JobRecord:
        """More seconds after a finished video, at its provider; the new job links to its source."""
        source = self._job(job_id)
        provider = self._hub.provider_of(source.provider_id)
        if not provider.can(Operation.EXTEND) or source.remote_id is None or source.status is not JobStatus.SUCCEEDED:
            raise e.InputError("extend_prompt", tr("svc.library.extend.none", provider=provider.label))
        draft = Draft(
            prompt=prompt,
            model=source.model,
            aspect_ratio=source.aspect_ratio,
            resolution=source.resolution,
            size=source.size if not source.aspect_ratio else "",
            seconds=seconds,
        )
        target = self._queue.target_of(source)
        try:
            sent = await self._render.submit(draft, NO_IMAGES, target, extends=source)
        except FormErrors as exc:
            first = exc.problems[0]
            raise e.InputError("extend_" + ("prompt" if first.field == "prompt" else "seconds"), first.message) from exc
        await self._queue.submitted(sent)
        return sent

    # -- posters -------------------------------------------------------------------------------
    async def make_poster(self, job_id: str) -> JobRecord | None:
        """Draw and keep a poster from the stored video (when the API gave no thumbnail).

        ``None`` when there is nothing to do (a poster exists, or no video is stored).
        """
        job = self._job(job_id)
        video_id = job.assets.get("video")
        if "thumbnail" in job.assets or video_id is None:
            return None
        video = await self._book.files.blob(video_id)
        if video is None:
            return None
        poster, size = await self._frames.first_frame(video)
        return await self.store_thumbnail(job_id, poster, size)

    async def store_thumbnail(self, job_id: str, blob: Any, size: int, mime: str = "image/webp") -> JobRecord:
        """Keep a poster image of a job (stored with its record in one transaction)."""
        job = self._job(job_id)
        frame = FrameSize.parse(job.size)
        asset = new_asset(
            asset_id=self._new_id(),
            job_id=job.id,
            kind="thumbnail",
            mime=mime,
            size_bytes=size,
            name=file_name(job, mime, "thumbnail"),
            now=self._clock.now(),
            width=frame.width,
            height=frame.height,
        )
        assets = {**job.assets, "thumbnail": asset.id}
        updated = job.model_copy(update={"assets": assets, "updated_at": asset.created_at})
        return await self._book.commit(updated, assets=((asset, blob),))

    async def delete_all_thumbnails(self) -> int:
        """Forget every stored poster; the library draws them again from the videos when shown."""
        count = 0
        for job in list(self._book.store.state.jobs.values()):
            asset_id = job.assets.get("thumbnail")
            if asset_id is None:
                continue
            await self._book.files.remove_asset(asset_id)
            assets = {k: v for k, v in job.assets.items() if k != "thumbnail"}
            await self._book.commit(job.model_copy(update={"assets": assets, "updated_at": self._clock.now()}))
            count += 1
        return count
