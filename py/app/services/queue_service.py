"""The render queue on the page's side: persist and show what the poller reports.

The worker only fetches; every change it reports goes through the pure life cycle
(:mod:`app.core.jobs`), is written to IndexedDB, and only then reaches the store
(and, through the tab channel, the other open tabs). This tab tracks jobs only while
it holds the poller role; the others follow along.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from typing import Any

from app.core import errors as e
from app.core import poll_messages as pm
from app.core.capabilities import FrameSize, ProviderCapabilities
from app.core.compose import Draft
from app.core.downloads import REQUIRED_VARIANT, file_name, missing_variants
from app.core.eta import add_sample
from app.core.job_record import VARIANT_KINDS, AssetRecord, JobPhase, JobRecord
from app.core.jobs import EXPIRED_MESSAGE, apply_remote, cancel, fail, needs_polling, needs_reconciling, succeed
from app.core.keys import DEMO_KEY
from app.core.providers.base import RemoteJobPage
from app.core.reconcile import Verdict, examine
from app.core.state import AppState, PollerRole
from app.core.store import Store
from app.services.job_store import JobStore
from app.services.ports import Clock, Poller, TabChannel
from app.services.provider_client import ProviderClient
from app.services.render_service import RenderService
from app.services.tasks import spawn

RECONCILE_PAGES = 5


class QueueService:
    def __init__(
        self,
        store: Store[AppState],
        jobs: JobStore,
        client_for: Callable[[str, str], ProviderClient],
        clock: Clock,
        capabilities: ProviderCapabilities,
        *,
        api_key: Callable[[], str],
        interval_s: Callable[[], float],
        auto_download: Callable[[], bool] = lambda: True,
        render: RenderService | None = None,
        endpoint_label: Callable[[], tuple[str, bool]] = lambda: ("", False),
        new_id: Callable[[], str] = lambda: uuid.uuid4().hex,
    ) -> None:
        self.store = store
        self._jobs = jobs
        self._client_for = client_for
        self._clock = clock
        self._caps = capabilities
        self._api_key = api_key
        self._interval_s = interval_s
        self._auto_download = auto_download
        self._render = render
        self._endpoint_label = endpoint_label  # () -> (base url, demo mode?) for new submissions
        self._new_id = new_id
        self.poller: Poller | None = None
        self.channel: TabChannel | None = None
        self._tracked: set[str] = set()
        self._inbox: asyncio.Queue[pm.Event] = asyncio.Queue()
        self._storage_failed: set[str] = set()  # jobs whose files did not fit: kept for "Download now"
        self._reader: asyncio.Future[None] | None = None

    # -- state helpers ---------------------------------------------------------------------
    def job(self, job_id: str) -> JobRecord | None:
        return self.store.state.jobs.get(job_id)

    def _note(self, job_id: str, text: str) -> None:
        notes = {k: v for k, v in self.store.state.job_notes.items() if k != job_id}
        if text:
            notes[job_id] = text
        self.store.update(job_notes=notes)

    async def commit(self, job: JobRecord, *, assets: tuple[tuple[AssetRecord, Any], ...] = ()) -> JobRecord:
        """Persist, then show, then tell the other tabs."""
        await self._jobs.save(job, assets=assets)
        self.store.update(jobs={**self.store.state.jobs, job.id: job})
        if self.channel is not None:
            self.channel.publish(job.id)
        return job

    # -- the poller role ---------------------------------------------------------------------
    @property
    def polling(self) -> bool:
        return self.poller is not None

    async def become_poller(self, poller: Poller, *, online: bool = True) -> None:
        """This tab now owns polling: resume every unfinished job."""
        self.poller = poller
        poller.set_online(online)
        self.store.update(poller_role=PollerRole.POLLING)
        for job in list(self.store.state.jobs.values()):
            await self.resume(job)

    async def resume(self, job: JobRecord) -> None:
        """Pick a job up where it was: poll it, fetch its files, or look for it on the API."""
        if self.poller is None:
            return
        if needs_polling(job):
            self.track(job)
        elif needs_reconciling(job):
            await self.reconcile(job)

    def _credentials(self, job: JobRecord) -> str:
        return DEMO_KEY if job.demo else self._api_key()

    def track(self, job: JobRecord, *, fetch_files: bool = False) -> None:
        """Hand a job to the worker; its files are fetched on completion when downloads are automatic."""
        if self.poller is None or job.remote_id is None:
            return
        fetch = fetch_files or self._auto_download()
        if job.phase is JobPhase.DOWNLOADING and not fetch:
            return  # completed; waits for "Download now" (see the expiry countdown)
        try:
            key = self._credentials(job)
        except e.VaultError as exc:
            self._note(job.id, f"Waiting for your API key: {exc}")
            return
        spec = pm.TrackSpec(
            job_id=job.id,
            remote_id=job.remote_id,
            base_url=job.endpoint,
            api_key=key,
            variants=missing_variants(job, self._caps.variants) if fetch else (),
            downloading=job.phase is JobPhase.DOWNLOADING,
            interval_s=self._interval_s(),
        )
        self._tracked.add(job.id)
        self.poller.track(spec)

    def untrack(self, job_id: str) -> None:
        self._tracked.discard(job_id)
        if self.poller is not None:
            self.poller.untrack(job_id)

    async def resume_all_waiting_for_key(self) -> None:
        """After the vault unlocks or a key is saved: start what was waiting for it."""
        for job in list(self.store.state.jobs.values()):
            if job.id not in self._tracked:
                await self.resume(job)

    def set_online(self, online: bool) -> None:
        self.store.update(online=online)
        if self.poller is not None:
            self.poller.set_online(online)
            if online:
                spawn(self._reconcile_pending())

    async def _reconcile_pending(self) -> None:
        """Back online: look again for submissions that could not be checked while offline."""
        for job in list(self.store.state.jobs.values()):
            if needs_reconciling(job):
                await self.reconcile(job)

    async def submitted(self, job: JobRecord) -> None:
        """A job this tab just sent: follow it (or let the polling tab know)."""
        if self.channel is not None:
            self.channel.publish(job.id)
        await self.resume(job)

    async def changed_elsewhere(self, job_id: str) -> None:
        """Another tab changed a job: re-read it, and follow it if this tab polls."""
        job = await self._jobs.get(job_id)
        jobs = dict(self.store.state.jobs)
        if job is None:
            jobs.pop(job_id, None)
            self.untrack(job_id)
        else:
            jobs[job_id] = job
        self.store.update(jobs=jobs)
        if job is not None and job_id not in self._tracked:
            await self.resume(job)

    # -- what the poller reports ---------------------------------------------------------------
    def deliver(self, event: pm.Event) -> None:
        """Queue a worker event; events are handled one at a time, in the order they came."""
        self._inbox.put_nowait(event)
        if self._reader is None or self._reader.done():
            self._reader = spawn(self._read_inbox())

    async def _read_inbox(self) -> None:
        while not self._inbox.empty():
            event = self._inbox.get_nowait()
            try:
                await self.on_event(event)
            except e.StorageError as exc:
                self._storage_failed.add(event.job_id)
                self._note(event.job_id, f"Could not store the files ({exc}). Free some space, then Download now.")

    async def on_event(self, event: pm.Event) -> None:
        job = self.job(event.job_id)
        if job is None or job.status.terminal:
            return
        now = self._clock.now()
        if isinstance(event, pm.Transfer):
            transfers = dict(self.store.state.transfers)
            transfers[job.id] = (event.loaded, event.total)
            self.store.update(transfers=transfers)
        elif isinstance(event, pm.Retrying):
            self._note(job.id, event.note)
        elif isinstance(event, pm.RemoteUpdate):
            await self._on_remote(job, event, now)
        elif isinstance(event, pm.FileReady):
            await self._store_file(job, event, now)
        elif isinstance(event, pm.FileSkipped):
            self._note(job.id, f"No {event.variant} from this endpoint ({event.reason}).")
        elif isinstance(event, pm.FilesDone):
            await self._finish(job, now)
        elif isinstance(event, pm.Stopped):
            request_id = event.request_id or job.request_id
            await self._end(fail(job, event.code, event.message, now=now, request_id=request_id))
        elif isinstance(event, pm.Expired):
            await self._end(fail(job, "expired", EXPIRED_MESSAGE, now=now))

    async def _on_remote(self, job: JobRecord, event: pm.RemoteUpdate, now: float) -> None:
        updated = apply_remote(job, event.remote, now=now)
        samples = dict(self.store.state.progress_samples)
        samples[job.id] = add_sample(samples.get(job.id, ()), now, event.remote.progress)
        self.store.update(progress_samples=samples)
        self._note(job.id, "")
        if updated.status.terminal:
            await self._end(updated)
        elif _moved(job, updated):
            await self.commit(updated)

    async def _store_file(self, job: JobRecord, event: pm.FileReady, now: float) -> None:
        frame = FrameSize.parse(job.size) if "x" in job.size else None
        image_like = event.variant == "thumbnail"
        asset = AssetRecord(
            id=self._new_id(),
            job_id=job.id,
            kind=VARIANT_KINDS[event.variant],
            mime=event.mime,
            bytes=event.size,
            name=file_name(job, event.mime, event.variant),
            created_at=now,
            width=frame.width if frame and (event.variant == "video" or image_like) else None,
            height=frame.height if frame and (event.variant == "video" or image_like) else None,
            duration_s=float(job.seconds) if event.variant == "video" else None,
        )
        updated = job.model_copy(
            update={
                "assets": {**job.assets, event.variant: asset.id},
                "video_bytes": event.size if event.variant == REQUIRED_VARIANT else job.video_bytes,
                "updated_at": now,
            }
        )
        await self.commit(updated, assets=((asset, event.blob),))

    async def _finish(self, job: JobRecord, now: float) -> None:
        if job.id in self._storage_failed:
            self._storage_failed.discard(job.id)
            self._tracked.discard(job.id)
            return  # still DOWNLOADING: the files can be fetched again until they expire
        if REQUIRED_VARIANT not in job.assets:
            await self._end(fail(job, "download_failed", "The video file could not be stored.", now=now))
            return
        await self._end(succeed(job, dict(job.assets), job.video_bytes, now=now))

    async def _end(self, job: JobRecord) -> None:
        self._tracked.discard(job.id)
        transfers = {k: v for k, v in self.store.state.transfers.items() if k != job.id}
        self.store.update(transfers=transfers)
        self._note(job.id, "")
        await self.commit(job)

    # -- reconciliation ----------------------------------------------------------------------------
    async def reconcile(self, job: JobRecord) -> None:
        """Look for a job whose ``POST /videos`` went unanswered, instead of sending it again."""
        job = await self.commit(job.model_copy(update={"phase": JobPhase.RECONCILING}))
        claimed = frozenset(j.remote_id for j in self.store.state.jobs.values() if j.remote_id and j.id != job.id)
        pages: list[RemoteJobPage] = []
        after: str | None = None
        try:
            client = self.client_for(job)
            for _ in range(RECONCILE_PAGES):
                page = await client.list_jobs(after=after, limit=50)
                pages.append(page)
                verdict = examine(job, pages, claimed)
                if verdict.verdict is not Verdict.MORE or not page.has_more:
                    break
                after = page.last_id
        except (e.ApiError, e.NetworkError, e.VaultError) as exc:
            self._note(job.id, f"Could not check the API for this render yet ({exc}); will try again.")
            return
        now = self._clock.now()
        verdict = examine(job, pages, claimed)
        if verdict.verdict is Verdict.FOUND and verdict.remote is not None:
            found = apply_remote(job, verdict.remote, now=now).model_copy(update={"submitted_at": now})
            await self.commit(found)
            self._note(job.id, "Found this render on the API after the interruption; following it.")
            self.track(found)
        elif verdict.verdict is Verdict.ABSENT:
            await self._end(
                fail(
                    job,
                    "not_submitted",
                    "The page closed before the API accepted this render, and the API has no such job: nothing "
                    "was started or charged. Use Retry to send it.",
                    now=now,
                )
            )
        else:
            await self._end(
                fail(
                    job,
                    "submission_unknown",
                    "The page closed while this render was being sent, and the API lists "
                    f"{'several renders' if verdict.candidates > 1 else 'too many renders'} that could be it, so the "
                    "app cannot tell whether it started. Check your provider's dashboard before retrying, to avoid "
                    "paying twice.",
                    now=now,
                )
            )

    # -- the user's actions ------------------------------------------------------------------------
    async def fetch_files(self, job_id: str) -> None:
        """Download a completed job's files now (automatic downloads off, or a retry)."""
        job = self.job(job_id)
        if job is None or job.status.terminal:
            return
        if self.poller is None:
            raise e.AppError("Another tab is following the queue; download from that tab, or close it first.")
        self._note(job_id, "Downloading…")
        self.track(job, fetch_files=True)

    async def retry(self, job_id: str) -> JobRecord | None:
        """Send the same parameters (and reference image) again, as a new job."""
        job = self.job(job_id)
        if job is None or self._render is None:
            return None
        image = await self._jobs.prepared_image(job)
        draft = Draft(prompt=job.prompt, model=job.model, size=job.size, seconds=job.seconds)
        base_url, demo = self._endpoint_label()
        new = await self._render.submit(draft, image, endpoint=base_url, demo=demo, retry_of=job.id)
        self.store.update(jobs={**self.store.state.jobs, new.id: new})
        await self.submitted(new)
        return new

    async def cancel(self, job_id: str) -> None:
        """Stop tracking; delete the remote job where the API allows it (best effort)."""
        job = self.job(job_id)
        if job is None or job.status.terminal:
            return
        self.untrack(job_id)
        note = ""
        if job.remote_id and self._caps.can_delete_remote:
            try:
                await self.client_for(job).delete(job.remote_id)
            except (e.ApiError, e.NetworkError, e.VaultError) as exc:
                note = f" The API did not delete it ({exc}); it may still finish and be charged."
        canceled = cancel(job, now=self._clock.now())
        if note:
            canceled = canceled.model_copy(update={"error_message": f"{canceled.error_message}{note}"})
        await self._end(canceled)

    def client_for(self, job: JobRecord) -> ProviderClient:
        """A client for the endpoint the job was sent to (not necessarily today's setting)."""
        return self._client_for(job.endpoint, self._credentials(job))

    async def archive(self, job_id: str, archived: bool = True) -> None:
        job = self.job(job_id)
        if job is None or not job.status.terminal:
            return
        await self.commit(job.model_copy(update={"archived_at": self._clock.now() if archived else None}))

    async def remove(self, job_id: str) -> None:
        """Forget a finished job and every file it owns (local only)."""
        job = self.job(job_id)
        if job is None:
            return
        self.untrack(job_id)
        await self._jobs.delete(job)
        self.store.update(jobs={k: v for k, v in self.store.state.jobs.items() if k != job_id})
        if self.channel is not None:
            self.channel.publish(job_id)


def _moved(old: JobRecord, new: JobRecord) -> bool:
    keys = ("status", "phase", "progress", "remote_status", "remote_id", "expires_at", "error_message")
    return any(getattr(old, k) != getattr(new, k) for k in keys)
