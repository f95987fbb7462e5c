"""Looking up a render whose submission went unanswered, instead of sending it again.

A reload or a lost connection during the create request leaves a local job with no
remote id. Sending it again could charge twice, so the API's job list is searched for
it (:mod:`app.core.reconcile` decides); what cannot be decided is said plainly.
"""

from __future__ import annotations

from app.core import errors as e
from app.core.i18n import tr
from app.core.job_record import JobPhase, JobRecord
from app.core.jobs import apply_remote, fail
from app.core.providers.base import RemoteJobPage
from app.core.reconcile import Verdict, examine
from app.services.job_book import JobBook
from app.services.poll_inbox import PollInbox
from app.services.ports import Clock
from app.services.provider_client import ProviderClient

RECONCILE_PAGES = 5


def _not_submitted() -> str:
    return tr("svc.reconcile.not_submitted")


def _unknown(candidates: int) -> str:
    many = tr("svc.reconcile.several") if candidates > 1 else tr("svc.reconcile.too_many")
    return tr("svc.reconcile.unknown", many=many)


def _unconfirmed(provider: str) -> str:
    return tr("svc.reconcile.unconfirmed", provider=provider)


class Reconciler:
    def __init__(self, book: JobBook, inbox: PollInbox, clock: Clock) -> None:
        self._book = book
        self._inbox = inbox
        self._clock = clock

    async def reconcile(self, job: JobRecord, client: ProviderClient) -> JobRecord | None:
        """The job as found on the API (to follow), or ``None`` (ended, or to look again later)."""
        job = await self._book.commit(job.model_copy(update={"phase": JobPhase.RECONCILING}))
        claimed = frozenset(j.remote_id for j in self._book.store.state.jobs.values() if j.remote_id and j.id != job.id)
        pages: list[RemoteJobPage] = []
        after: str | None = None
        try:
            for _ in range(RECONCILE_PAGES):
                page = await client.list_jobs(after=after, limit=50)
                pages.append(page)
                if examine(job, pages, claimed).verdict is not Verdict.MORE or not page.has_more:
                    break
                after = page.last_id
        except (e.ApiError, e.NetworkError, e.VaultError) as exc:
            self._book.note(job.id, tr("svc.queue.check_later", error=str(exc)))
            return None
        now = self._clock.now()
        verdict = examine(job, pages, claimed)
        if verdict.verdict is Verdict.FOUND and verdict.remote is not None:
            found = apply_remote(job, verdict.remote, now=now).model_copy(update={"submitted_at": now})
            await self._book.commit(found)
            self._book.note(job.id, tr("svc.reconcile.found"))
            return found
        if verdict.verdict is Verdict.ABSENT:
            await self._inbox.end(fail(job, "not_submitted", _not_submitted(), now=now))
        else:
            await self._inbox.end(fail(job, "submission_unknown", _unknown(verdict.candidates), now=now))
        return None

    async def unconfirmed(self, job: JobRecord, provider: str) -> None:
        """A provider without a job list: the render may have been received; keep it, said plainly."""
        await self._inbox.end(fail(job, "submission_unknown", _unconfirmed(provider), now=self._clock.now()))
