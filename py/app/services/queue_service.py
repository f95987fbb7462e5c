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
from app.core.batch_pacing import unsent
from app.core.capabilities import Operation, ProviderCapabilities
from app.core.compose import draft_of
from app.core.downloads import REQUIRED_VARIANT
from app.core.i18n import active_locale, tr
from app.core.job_deadline import deadline_at, recheck
from app.core.job_record import JobPhase, JobRecord
from app.core.jobs import cancel, needs_polling, needs_reconciling
from app.core.provider_directory import day_of
from app.core.providers.base import RemoteStatus
from app.core.state import PollerRole
from app.services.job_book import JobBook
from app.services.poll_inbox import PollInbox
from app.services.ports import Clock, JobClients, Poller
from app.services.provider_client import ProviderClient
from app.services.reconciler import Reconciler
from app.services.render_service import RenderService, Target
from app.services.tasks import spawn


class QueueService:
    def __init__(
        self,
        book: JobBook,
        clients: JobClients,
        clock: Clock,
        render: RenderService,
        *,
        interval_s: Callable[[], float],
        auto_download: Callable[[], bool] = lambda: True,
        target: Callable[[], Target],
        new_id: Callable[[], str] = lambda: uuid.uuid4().hex,
    ) -> None:
        self.book = book
        self._clients = clients
        self._clock = clock
        self._render = render
        self._interval_s = interval_s
        self._auto_download = auto_download
        self._target = target  # where new submissions (a retry) go now
        self.poller: Poller | None = None
        self._tracked: set[str] = set()
        self.inbox = PollInbox(
            book, clock, provider_of=clients.provider_of, on_ended=self._tracked.discard, new_id=new_id
        )
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
        if not self._clients.provider_of(job.provider_id).can(Operation.LIST):
            provider = self._clients.provider_of(job.provider_id).label
            await self._reconciler.unconfirmed(job, provider)  # nothing to look it up with: say so, never resend
            return
        try:
            client = self.client_for(job)
        except e.VaultError as exc:
            self.book.note(job.id, tr("svc.queue.check_later", error=str(exc)))
            return
        found = await self._reconciler.reconcile(job, client)
        if found is not None:
            self.track(found)

    def client_for(self, job: JobRecord) -> ProviderClient:
        """A client for the provider and endpoint the job was sent to (not necessarily today's)."""
        return self._clients.client(job.provider_id, job.endpoint, self._clients.key_for(job))

    def track(self, job: JobRecord, *, fetch_files: bool = False) -> None:
        """Hand a job to the worker; its files are fetched on completion when downloads are automatic."""
        if self.poller is None or job.remote_id is None:
            return
        fetch = fetch_files or self._auto_download()
        if job.phase is JobPhase.DOWNLOADING and not fetch:
            return  # completed; waits for "Download now" (see the expiry countdown)
        try:
            key = self._clients.key_for(job)
        except e.VaultError as exc:
            self.book.note(job.id, tr("svc.queue.key_wait", error=str(exc)))
            return
        provider = self._clients.provider_of(job.provider_id)
        spec = pm.TrackSpec(
            job_id=job.id,
            remote_id=job.remote_id,
            provider_id=provider.provider_id,
            base_url=job.endpoint,
            api_key=key,
            fetch=fetch,
            have=tuple(job.assets),
            extras=tuple(v for v in provider.variants if v != REQUIRED_VARIANT),
            downloading=job.phase is JobPhase.DOWNLOADING,
            interval_s=self._interval_s(),
            poll_url=job.poll_url,
            deadline_at=deadline_at(job, provider.job_deadline_s),
            locale=active_locale(),
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

    def pause_for_key(self, note: str) -> None:
        """The keys left memory (the vault locked): stop every request, say why on each job."""
        for job_id in list(self._tracked):
            job = self.job(job_id)
            if job is not None and job.demo:
                continue  # a simulated job needs no key: it goes on
            self.untrack(job_id)
            self.book.note(job_id, note)

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
    def _followable(self, job_id: str, other_tab: str) -> JobRecord | None:
        """The job, if it is still open and this tab follows the queue (else say which tab does)."""
        job = self.job(job_id)
        if job is None or job.status.terminal:
            return None
        if self.poller is None:
            raise e.AppError(tr(other_tab))  # the message id: what to do in that tab
        return job

    async def fetch_files(self, job_id: str) -> None:
        """Download a completed job's files now (automatic downloads off, or a retry)."""
        job = self._followable(job_id, "svc.queue.other_tab.download")
        if job is None:
            return
        self.book.note(job_id, tr("jobs.note.downloading"), fetching=True)
        self.track(job, fetch_files=True)

    async def check_again(self, job_id: str) -> None:
        """Poll a job past its deadline once more, under a fresh deadline (nothing is sent again)."""
        job = self._followable(job_id, "svc.queue.other_tab.check")
        if job is None:
            return
        self.track(await self.book.commit(recheck(job, now=self._clock.now())))

    async def retry(self, job_id: str) -> JobRecord | None:
        """Send the same parameters (and reference image) again, as a new job."""
        job = self.job(job_id)
        if job is None:
            return None
        images = await self.book.files.image_set(job)
        source = None
        if job.extends is not None:  # an extend goes again to the source's provider, continuing the same video
            source = self.job(job.extends)
            if source is None or source.remote_id is None:
                raise e.AppError(tr("svc.queue.extend_source_gone"))
        target = self._target() if source is None else self.target_of(source)
        new = await self._render.submit(draft_of(job), images, target, retry_of=job.id, extends=source)
        await self.submitted(new)
        return new

    def target_of(self, job: JobRecord) -> Target:
        """Where a follow-up of ``job`` goes: its own provider and endpoint, with its key."""
        provider = self._clients.provider_of(job.provider_id)
        client = self.client_for(job)
        return Target(provider, client, job.endpoint, job.demo, day_of(self._clock.now()))

    async def cancel(self, job_id: str) -> None:
        """Cancel on the API (or delete there, where that is how it stops a job), best effort.

        A provider that can do neither is never asked: the UI says so and offers no cancel.
        """
        job = self.job(job_id)
        if job is None or job.status.terminal:
            return
        if unsent(job):  # a batch member still waiting its turn: never sent, nothing to ask
            await self.book.commit(cancel(job, now=self._clock.now()))
            return
        provider = self._clients.provider_of(job.provider_id)
        if not (provider.can(Operation.CANCEL) or provider.can(Operation.DELETE)):
            raise e.AppError(tr("svc.queue.no_cancel", provider=provider.label))
        self.inbox.begin_cancel(job_id)
        canceled = False
        try:
            canceled = await self._stop_remote(job, provider)
        finally:
            self.inbox.finish_cancel(job_id, canceled=canceled)

    async def _stop_remote(self, job: JobRecord, provider: ProviderCapabilities) -> bool:
        """Ask the API to stop ``job``; True once it is stored as canceled.

        Anything short of a stop the API confirms (an answer saying the render had already
        finished, a refusal, a server error, no answer) keeps the job followed to its real end:
        a render that finishes anyway is paid for, so its video must not be dropped here.
        """
        if job.remote_id:
            try:
                client = self.client_for(job)
                if provider.can(Operation.CANCEL):
                    answer = await client.cancel(job.remote_id)
                    if answer.status.terminal and answer.status is not RemoteStatus.CANCELED:
                        return self._not_stopped(
                            job, tr("svc.queue.not_cancelled", provider=provider.label, said=answer.raw_status)
                        )
                else:
                    await client.delete(job.remote_id)
            except e.ApiError as exc:
                if not (provider.can(Operation.DELETE) and exc.status == 404):  # 404: already gone
                    key = "svc.queue.not_cancelled" if 400 <= exc.status < 500 else "svc.queue.not_stopped"
                    return self._not_stopped(job, tr(key, provider=provider.label, said=exc.message))
            except (e.NetworkError, e.VaultError) as exc:
                return self._not_stopped(job, tr("svc.queue.not_stopped", provider=provider.label, said=str(exc)))
        self.untrack(job.id)
        await self.inbox.end(cancel(job, now=self._clock.now()))
        return True

    def _not_stopped(self, job: JobRecord, said: str) -> bool:
        """The render goes on (or may): say why, and keep following it."""
        self.book.note(job.id, said)
        return False

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
