"""What the polling worker reports, applied one event at a time: life cycle, persist, show.

The worker only fetches. Every answer it relays goes through the pure life cycle
(:mod:`app.core.jobs`), is written to IndexedDB with its files, and only then reaches
the store (and the other tabs) through the :class:`~app.services.job_book.JobBook`.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable

from app.core import errors as e
from app.core import poll_messages as pm
from app.core.capabilities import FrameSize, ProviderCapabilities
from app.core.download_ledger import PartialDownload, without
from app.core.downloads import REQUIRED_VARIANT, file_name
from app.core.eta import add_sample
from app.core.i18n import tr
from app.core.job_deadline import mark_overdue
from app.core.job_record import JobRecord, new_asset
from app.core.job_status import variant_kind
from app.core.jobs import apply_remote, expired_message, fail, succeed
from app.core.poll_plan import variant_word
from app.core.queue_cards import disk_full_note
from app.services.download_parts import release_ops
from app.services.job_book import JobBook
from app.services.ports import Clock
from app.services.tasks import spawn


class PollInbox:
    def __init__(
        self,
        book: JobBook,
        clock: Clock,
        *,
        provider_of: Callable[[str], ProviderCapabilities],
        on_ended: Callable[[str], None],
        new_id: Callable[[], str] = lambda: uuid.uuid4().hex,
    ) -> None:
        self._book = book
        self._clock = clock
        self._provider_of = provider_of
        self._on_ended = on_ended  # the job is no longer followed (finished, or waits for space)
        self._new_id = new_id
        self._queue: asyncio.Queue[pm.Event] = asyncio.Queue()
        self._storage_failed: set[str] = set()  # jobs whose files did not fit: kept for "Download now"
        self._canceling: dict[str, pm.Event | None] = {}  # job -> an ending held while its cancel is out
        self.reader: asyncio.Future[None] | None = None

    def deliver(self, event: pm.Event) -> None:
        """Queue a worker event; events are handled one at a time, in the order they came."""
        self._queue.put_nowait(event)
        if self.reader is None or self.reader.done():
            self.reader = spawn(self._read())

    async def _read(self) -> None:
        while not self._queue.empty():
            event = self._queue.get_nowait()
            try:
                await self.on_event(event)
            except e.StorageError as exc:
                self._storage_failed.add(event.job_id)
                if isinstance(exc, e.StorageQuotaError) and isinstance(event, pm.FileReady):
                    note = disk_full_note(event.size, event.size, event.size)  # every part is in: joining needs room
                else:
                    note = tr("svc.inbox.store_failed", error=str(exc))
                self._book.note(event.job_id, note)

    def begin_cancel(self, job_id: str) -> None:
        """The user cancels ``job_id``: an ending the worker reports meanwhile is held, not shown.
        (Deleting a render is how some APIs stop one; a poll already out then answers "not
        found", which is the cancel itself, not a failure.)"""
        self._canceling[job_id] = None

    def finish_cancel(self, job_id: str, *, canceled: bool) -> None:
        """The cancel is over: a held ending is dropped if the job was canceled, else handled."""
        held = self._canceling.pop(job_id, None)
        if held is not None and not canceled:
            self.deliver(held)

    async def on_event(self, event: pm.Event) -> None:
        job = self._book.job(event.job_id)
        if job is None or job.status.terminal:
            return
        if job.id in self._canceling and isinstance(event, pm.Stopped | pm.Expired):
            self._canceling[job.id] = event
            return
        now = self._clock.now()
        if isinstance(event, pm.Transfer):
            self._transfer(job, event)
        elif isinstance(event, pm.StorageFull):
            self._storage_full(job, event)
        elif isinstance(event, pm.DownloadPaused):
            self._stop_following(job.id)
            self._book.note(
                job.id,
                tr("svc.inbox.paused", variant=variant_word(event.variant), reason=event.reason),
            )
        elif isinstance(event, pm.Retrying):
            self._book.note(job.id, event.note)
        elif isinstance(event, pm.RemoteUpdate):
            await self._on_remote(job, event, now)
        elif isinstance(event, pm.FileReady):
            await self._store_file(job, event, now)
        elif isinstance(event, pm.FileSkipped):
            self._book.note(job.id, tr("svc.inbox.skipped", variant=variant_word(event.variant), reason=event.reason))
        elif isinstance(event, pm.FilesDone):
            await self._finish(job, now)
        elif isinstance(event, pm.Stopped):
            request_id = event.request_id or job.request_id
            await self.end(fail(job, event.code, event.message, now=now, request_id=request_id))
        elif isinstance(event, pm.Expired):
            await self.end(fail(job, "expired", expired_message(), now=now))
        elif isinstance(event, pm.Overdue):
            self._stop_following(job.id)
            self._book.note(job.id, "")
            await self._book.commit(mark_overdue(job, now=now))

    async def _on_remote(self, job: JobRecord, event: pm.RemoteUpdate, now: float) -> None:
        per_token = self._provider_of(job.provider_id).usd_per_video_token
        updated = apply_remote(job, event.remote, now=now, usd_per_video_token=per_token)
        store = self._book.store
        samples = dict(store.state.progress_samples)
        samples[job.id] = add_sample(samples.get(job.id, ()), now, event.remote.progress)
        store.update(progress_samples=samples)
        self._book.note(job.id, "")
        if updated.status.terminal:
            await self.end(updated)
        elif _moved(job, updated):
            await self._book.commit(updated)

    async def _store_file(self, job: JobRecord, event: pm.FileReady, now: float) -> None:
        frame = FrameSize.parse(job.size) if "x" in job.size else None
        kind = variant_kind(event.variant)
        sized = frame is not None and kind in ("video", "thumbnail")
        asset = new_asset(
            asset_id=self._new_id(),
            job_id=job.id,
            kind=kind,
            mime=event.mime,
            size_bytes=event.size,
            name=file_name(job, event.mime, event.variant),
            now=now,
            width=frame.width if frame and sized else None,
            height=frame.height if frame and sized else None,
            duration_s=float(job.seconds) if kind == "video" else None,
        )
        updated = job.model_copy(
            update={
                "assets": {**job.assets, event.variant: asset.id},
                "video_bytes": event.size if event.variant == REQUIRED_VARIANT else job.video_bytes,
                "updated_at": now,
            }
        )
        release = release_ops(job.id, event.variant, event.release)  # the parts go with the whole file stored
        await self._book.commit(updated, assets=((asset, event.blob),), also=release)
        if kind == "video":
            self._book.store.update(partial_downloads=without(self._book.store.state.partial_downloads, job.id))

    def _transfer(self, job: JobRecord, event: pm.Transfer) -> None:
        store = self._book.store
        update: dict[str, object] = {"transfers": {**store.state.transfers, job.id: (event.loaded, event.total)}}
        if variant_kind(event.variant) == "video":
            stored = event.loaded if event.resumable else 0
            partial = PartialDownload(stored, event.total, event.resumable)
            update["partial_downloads"] = {**store.state.partial_downloads, job.id: partial}
        store.update(**update)

    def _storage_full(self, job: JobRecord, event: pm.StorageFull) -> None:
        """Parts did not fit: keep them and the job as they are; say what to free, wait for Resume."""
        self._stop_following(job.id)
        if event.reason:
            note = tr("svc.inbox.parts_kept", reason=event.reason)
        else:
            note = disk_full_note(event.stored, event.total, event.needed)
            store = self._book.store
            partial = PartialDownload(event.stored, event.total)
            store.update(partial_downloads={**store.state.partial_downloads, job.id: partial})
        self._book.note(job.id, note)

    def _stop_following(self, job_id: str) -> None:
        self._on_ended(job_id)
        store = self._book.store
        store.update(transfers={k: v for k, v in store.state.transfers.items() if k != job_id})

    async def _finish(self, job: JobRecord, now: float) -> None:
        if job.id in self._storage_failed:
            self._storage_failed.discard(job.id)
            self._stop_following(job.id)
            return  # still DOWNLOADING: the files can be fetched again until they expire
        if REQUIRED_VARIANT not in job.assets:
            await self.end(fail(job, "download_failed", tr("svc.inbox.no_video"), now=now))
            return
        await self.end(succeed(job, dict(job.assets), job.video_bytes, now=now))

    async def end(self, job: JobRecord) -> None:
        """A job the poller no longer follows: drop its transient state, store its last record
        (and let go of any part of a download it will not finish, in the same transaction)."""
        self._stop_following(job.id)
        self._book.note(job.id, "")
        unfinished = await self._book.files.downloads.job_release_ops(job.id)
        await self._book.commit(job, also=unfinished)
        store = self._book.store
        store.update(partial_downloads=without(store.state.partial_downloads, job.id))


def _moved(old: JobRecord, new: JobRecord) -> bool:
    keys = (
        "status",
        "phase",
        "progress",
        "remote_status",
        "remote_id",
        "expires_at",
        "error_message",
        "poll_url",
        "billed_usd",
    )
    return any(getattr(old, k) != getattr(new, k) for k in keys)
