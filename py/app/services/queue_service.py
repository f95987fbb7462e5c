"""The render queue on the page's side: who follows which job, and the user's actions on it.

One tab holds the poller role and hands every unfinished job to its polling worker;
the others follow what it stores. What the worker reports is applied by the
:class:`~app.services.poll_inbox.PollInbox`; unanswered submissions are looked up by
the :class:`~app.services.reconciler.Reconciler`. Every change is persisted before it
is shown (:class:`~app.services.job_book.JobBook`).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from app.core import errors as e
from app.core import poll_messages as pm
from app.core.capabilities import ProviderCapabilities
from app.core.compose import Draft
from app.core.downloads import missing_variants
from app.core.job_record import JobPhase, JobRecord
from app.core.jobs import cancel, needs_polling, needs_reconciling
from app.core.keys import DEMO_KEY
from app.core.state import PollerRole
from app.services.job_book import JobBook
from app.services.poll_inbox import PollInbox
from app.services.ports import Clock, Poller
from app.services.provider_client import ProviderClient
from app.services.reconciler import Reconciler
from app.services.render_service import RenderService
from app.services.tasks import spawn


class QueueService:
    def __init__(
        self,
        book: JobBook,
        client_for: Callable[[str, str], ProviderClient],
        clock: Clock,
        capabilities: ProviderCapabilities,
        render: RenderService,
        *,
        api_key: Callable[[], str],
        interval_s: Callable[[], float],
        auto_download: Callable[[], bool] = lambda: True,
        endpoint_label: Callable[[], tuple[str, bool]] = lambda: ("", False),
        new_id: Callable[[], str] = lambda: uuid.uuid4().hex,
    ) -> None:
        self.book = book
        self._client_for = client_for
        self._clock = clock
        self._caps = capabilities
        self._render = render
        self._api_key = api_key
        self._interval_s = interval_s
        self._auto_download = auto_download
        self._endpoint_label = endpoint_label  # () -> (base url, demo mode?) for new submissions
        self.poller: Poller | None = None
        self._tracked: set[str] = set()
        self.inbox = PollInbox(book, clock, on_ended=self._tracked.discard, new_id=new_id)
        self._reconciler = Reconciler(book, self.inbox, clock)

    def job(self, job_id: str) -> JobRecord | None:
        return self.book.job(job_id)

    # -- the poller role ---------------------------------------------------------------------
    @property
    def polling(self) -> bool:
        return self.poller is not None

    async def become_poller(self, poller: Poller, *, online: bool = True) -> None:
        """This tab now owns polling: resume every unfinished job."""
        self.poller = poller
        poller.set_online(online)
        self.book.store.update(poller_role=PollerRole.POLLING)
        for job in list(self.book.store.state.jobs.values()):
            await self.resume(job)

    def deliver(self, event: pm.Event) -> None:
        """An event from the polling worker."""
        self.inbox.deliver(event)

    async def resume(self, job: JobRecord) -> None:
        """Pick a job up where it was: poll it, fetch its files, or look for it on the API."""
        if self.poller is None:
            return
        if needs_polling(job):
            self.track(job)
        elif needs_reconciling(job):
            await self.reconcile(job)

    async def reconcile(self, job: JobRecord) -> None:
        try:
            client = self.client_for(job)
        except e.VaultError as exc:
            self.book.note(job.id, f"Could not check the API for this render yet ({exc}); will try again.")
            return
        found = await self._reconciler.reconcile(job, client)
        if found is not None:
            self.track(found)

    def _credentials(self, job: JobRecord) -> str:
        return DEMO_KEY if job.demo else self._api_key()

    def client_for(self, job: JobRecord) -> ProviderClient:
        """A client for the endpoint the job was sent to (not necessarily today's setting)."""
        return self._client_for(job.endpoint, self._credentials(job))

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
            self.book.note(job.id, f"Waiting for your API key: {exc}")
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
        for job in list(self.book.store.state.jobs.values()):
            if job.id not in self._tracked:
                await self.resume(job)

    def set_online(self, online: bool) -> None:
        self.book.store.update(online=online)
        if self.poller is not None:
            self.poller.set_online(online)
            if online:
                spawn(self._reconcile_pending())

    async def _reconcile_pending(self) -> None:
        """Back online: look again for submissions that could not be checked while offline."""
        for job in list(self.book.store.state.jobs.values()):
            if needs_reconciling(job):
                await self.reconcile(job)

    async def submitted(self, job: JobRecord) -> None:
        """A job this tab just sent: follow it (the polling tab, if another, heard of it already)."""
        await self.resume(job)

    async def changed_elsewhere(self, job_id: str) -> None:
        """Another tab changed a job: re-read it, and follow it if this tab polls."""
        job = await self.book.files.get(job_id)
        self.book.reread(job, job_id)
        if job is None:
            self.untrack(job_id)
        elif job_id not in self._tracked:
            await self.resume(job)

    # -- the user's actions ------------------------------------------------------------------------
    async def fetch_files(self, job_id: str) -> None:
        """Download a completed job's files now (automatic downloads off, or a retry)."""
        job = self.job(job_id)
        if job is None or job.status.terminal:
            return
        if self.poller is None:
            raise e.AppError("Another tab is following the queue; download from that tab, or close it first.")
        self.book.note(job_id, "Downloading…")
        self.track(job, fetch_files=True)

    async def retry(self, job_id: str) -> JobRecord | None:
        """Send the same parameters (and reference image) again, as a new job."""
        job = self.job(job_id)
        if job is None:
            return None
        image = await self.book.files.prepared_image(job)
        draft = Draft(prompt=job.prompt, model=job.model, size=job.size, seconds=job.seconds)
        base_url, demo = self._endpoint_label()
        new = await self._render.submit(draft, image, endpoint=base_url, demo=demo, retry_of=job.id)
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
        await self.inbox.end(canceled)

    async def archive(self, job_id: str, archived: bool = True) -> None:
        job = self.job(job_id)
        if job is None or not job.status.terminal:
            return
        await self.book.commit(job.model_copy(update={"archived_at": self._clock.now() if archived else None}))

    async def remove(self, job_id: str) -> None:
        """Forget a job and every file it owns (local only)."""
        job = self.job(job_id)
        if job is None:
            return
        self.untrack(job_id)
        await self.book.forget(job)
