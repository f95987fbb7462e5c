"""Batches: stored whole before anything is sent, then sent at the provider's pace.

:meth:`BatchRunner.store` writes every planned job of a batch in one transaction,
unsent; only the tab that polls sends them (:meth:`kick`), as many as the provider's
in-flight limit allows (``core.batch_pacing``). Each is marked as being submitted before
its request leaves, so a reload reconciles it and never sends it twice; a 429 puts it
back unsent and pauses the provider's batches until Retry-After (or the backoff).
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable

from app.core import errors as e
from app.core.batch_group import retriable
from app.core.batch_pacing import in_flight, limit, pace, pause_until, unsent
from app.core.batch_plan import BatchPlan
from app.core.compose import draft_of
from app.core.i18n import tr
from app.core.job_record import JobRecord
from app.core.jobs import cancel
from app.core.state import AppState
from app.services.job_book import JobBook
from app.services.ports import Clock, JobClients
from app.services.render_service import BusyError, RenderService, Target
from app.services.tasks import spawn


class BatchRunner:
    def __init__(
        self,
        book: JobBook,
        clients: JobClients,
        render: RenderService,
        clock: Clock,
        *,
        polling: Callable[[], bool],
        after_send: Callable[[JobRecord], Awaitable[None]],
        sleep: Callable[[float], Awaitable[None]],
        new_id: Callable[[], str] = lambda: uuid.uuid4().hex,
    ) -> None:
        self._book = book
        self._clients = clients
        self._render = render
        self._clock = clock
        self._polling = polling  # only the polling tab sends: two tabs never send one job
        self._after_send = after_send  # the queue follows a sent job
        self._sleep = sleep
        self._new_id = new_id
        self._paused: dict[str, float] = {}  # provider id → when its batches may send again
        self._strikes: dict[str, int] = {}  # provider id → 429s in a row
        self._sending: set[str] = set()  # sends started here whose job may not show it yet
        self._cancel_when_sent: dict[str, Callable[[str], Awaitable[None]]] = {}  # cancel-all during a send
        self._dropping: set[str] = set()  # unsent jobs cancel-all is ending: never send them
        self._kicking = False
        self._again = False

    async def store(self, plan: BatchPlan, target: Target) -> list[JobRecord]:
        """Every job of ``plan``, stored unsent in one transaction; then sending starts."""
        if not plan.jobs:
            raise e.InputError("batch", tr("batch.nothing"))
        batch_id = self._new_id()
        jobs = [
            await self._render.store_unsent(planned.draft, target, batch_id=batch_id, label=planned.label)
            for planned in plan.jobs
        ]
        jobs = in_typed_order(jobs)
        await self._book.commit_many(jobs)
        await self.kick()
        return jobs

    async def kick(self) -> None:
        """Send what pacing allows now (called after every change; coalesced, never re-entered)."""
        if self._kicking:
            self._again = True
            return
        self._kicking = True
        try:
            self._again = True
            while self._again:
                self._again = False
                if self._polling():
                    await self._send_allowed()
        finally:
            self._kicking = False

    async def _send_allowed(self) -> None:
        jobs = list(self._book.store.state.jobs.values())
        for provider_id in sorted({job.provider_id for job in jobs if job.batch_id and unsent(job)}):
            caps = self._clients.provider_of(provider_id)
            members = [job for job in jobs if job.provider_id == provider_id and (job.batch_id or in_flight(job))]
            starting = sum(1 for job in members if job.id in self._sending)  # in flight, whatever the store says yet
            free = limit(caps) - starting
            if free <= 0:
                continue
            decision = pace(
                [job for job in members if job.id not in self._sending and job.id not in self._dropping],
                max_in_flight=free,
                now=self._clock.now(),
                paused_until=self._paused.get(provider_id),
            )
            for job_id in decision.send:
                self._sending.add(job_id)
                spawn(self._send(self._book.job(job_id) or next(j for j in members if j.id == job_id)))

    def changed(self, new: AppState, old: AppState) -> None:
        """A store change: when jobs changed (or this tab began polling, after a reload) and a
        batch waits to be sent, look again."""
        moved = new.jobs is not old.jobs or new.poller_role is not old.poller_role
        if moved and any(job.batch_id and unsent(job) for job in new.jobs.values()):
            spawn(self.kick())

    async def _send(self, job: JobRecord) -> None:
        try:
            await self._send_now(job)
        finally:
            self._sending.discard(job.id)
        await self._cancel_if_asked(job.id)
        await self.kick()

    async def _send_now(self, job: JobRecord) -> None:
        caps = self._clients.provider_of(job.provider_id)
        try:
            client = self._clients.client(job.provider_id, job.endpoint, self._clients.key_for(job))
            sent = await self._render.send_unsent(job, caps, client)
        except BusyError as busy:
            strikes = self._strikes.get(job.provider_id, 0) + 1
            self._strikes[job.provider_id] = strikes
            now = self._clock.now()
            until = pause_until(now=now, retry_after_s=busy.retry_after_s, strikes=strikes)
            self._paused[job.provider_id] = max(until, self._paused.get(job.provider_id, 0.0))
            self._book.note(job.id, tr("batch.busy"))
            spawn(self._wake(until - now))
            return
        except (e.AppError, e.VaultError) as error:
            self._book.note(job.id, tr("batch.not_sent", error=str(error)))
            return
        self._strikes.pop(job.provider_id, None)
        self._book.note(job.id, "")
        await self._after_send(sent)

    async def _wake(self, seconds: float) -> None:
        await self._sleep(max(seconds, 0.0))
        await self.kick()

    async def cancel_all(self, batch_id: str, cancel_sent: Callable[[str], Awaitable[None]]) -> list[str]:
        """Stop a batch: unsent jobs end here at once (never sent, never charged), in one write
        so none of them is sent meanwhile; sent ones are canceled on the API where it can; one
        whose request is on its way is canceled as soon as its answer is in. Returns what could
        not be stopped, in words."""
        running = [job for job in self._members(batch_id) if not job.status.terminal]
        waiting = [job for job in running if unsent(job) and job.id not in self._sending]
        if waiting:
            now = self._clock.now()
            self._dropping.update(job.id for job in waiting)  # a kick during the write sends none of them
            try:
                await self._book.commit_many([cancel(job, now=now) for job in waiting])
            finally:
                self._dropping.difference_update(job.id for job in waiting)
        problems: list[str] = []
        for job in running:
            if job in waiting:
                continue
            if job.id in self._sending:
                self._cancel_when_sent[job.id] = cancel_sent
                continue
            problems.extend(await self._stop(job.id, cancel_sent))
        return list(dict.fromkeys(problems))

    async def _stop(self, job_id: str, cancel_sent: Callable[[str], Awaitable[None]]) -> list[str]:
        try:
            await cancel_sent(job_id)
        except e.AppError as error:
            self._book.note(job_id, str(error))
            return [str(error)]
        return []

    async def _cancel_if_asked(self, job_id: str) -> None:
        """Cancel-all came while this job's request was on its way: stop it now that it is in."""
        cancel_sent = self._cancel_when_sent.pop(job_id, None)
        job = self._book.job(job_id)
        if cancel_sent is None or job is None or job.status.terminal:
            return
        if unsent(job):  # refused with a 429: it was never created
            await self._book.commit(cancel(job, now=self._clock.now()))
        else:
            await self._stop(job_id, cancel_sent)

    async def retry_failed(self, batch_id: str, target: Target) -> list[JobRecord]:
        """Each failed job of the batch again, as a new unsent job of the same batch."""
        failed = [job for job in self._members(batch_id) if retriable(job)]
        retried = {job.retry_of for job in self._members(batch_id) if job.retry_of}
        again = []
        for job in failed:
            if job.id in retried:
                continue
            fresh = await self._render.store_unsent(draft_of(job), target, batch_id=batch_id, label=job.batch_label)
            again.append(fresh.model_copy(update={"retry_of": job.id}))
        if again:
            again = in_typed_order(again)
            await self._book.commit_many(again)
            await self.kick()
        return again

    def _members(self, batch_id: str) -> list[JobRecord]:
        return [job for job in self._book.store.state.jobs.values() if job.batch_id == batch_id]


def in_typed_order(jobs: list[JobRecord]) -> list[JobRecord]:
    """The jobs stamped at least a millisecond apart, in the order given.

    A batch is stored within one clock tick, and the queue lists and pacing sort by
    (created_at, id): without this the random ids would shuffle the prompts the user typed.
    """
    stamped: list[JobRecord] = []
    for job in jobs:
        at = max(job.created_at, stamped[-1].created_at + 0.001) if stamped else job.created_at
        stamped.append(job.model_copy(update={"created_at": at, "updated_at": max(job.updated_at, at)}))
    return stamped
