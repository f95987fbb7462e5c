"""Looking up a render whose submission went unanswered, instead of sending it again.

A reload or a lost connection during the create request leaves a local job with no
remote id. Sending it again could charge twice, so the API's job list is searched for
it (:mod:`app.core.reconcile` decides); what cannot be decided is said plainly.
"""

from __future__ import annotations

from app.core import errors as e
from app.core.job_record import JobPhase, JobRecord
from app.core.jobs import apply_remote, fail
from app.core.providers.base import RemoteJobPage
from app.core.reconcile import Verdict, examine
from app.services.job_book import JobBook
from app.services.poll_inbox import PollInbox
from app.services.ports import Clock
from app.services.provider_client import ProviderClient

RECONCILE_PAGES = 5
NOT_SUBMITTED = (
    "The page closed before the API accepted this render, and the API has no such job: nothing was started or "
    "charged. Use Retry to send it."
)


def _unknown(candidates: int) -> str:
    many = "several renders" if candidates > 1 else "too many renders"
    return (
        f"The page closed while this render was being sent, and the API lists {many} that could be it, so the app "
        "cannot tell whether it started. Check your provider's dashboard before retrying, to avoid paying twice."
    )


def _unconfirmed(provider: str) -> str:
    return (
        f"The page closed while this render was being sent, and {provider} has no way to look renders up, so the "
        f"app cannot tell whether it was received. Check your {provider} activity before sending it again: "
        "Retry may charge twice."
    )


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
            self._book.note(job.id, f"Could not check the API for this render yet ({exc}); will try again.")
            return None
        now = self._clock.now()
        verdict = examine(job, pages, claimed)
        if verdict.verdict is Verdict.FOUND and verdict.remote is not None:
            found = apply_remote(job, verdict.remote, now=now).model_copy(update={"submitted_at": now})
            await self._book.commit(found)
            self._book.note(job.id, "Found this render on the API after the interruption; following it.")
            return found
        if verdict.verdict is Verdict.ABSENT:
            await self._inbox.end(fail(job, "not_submitted", NOT_SUBMITTED, now=now))
        else:
            await self._inbox.end(fail(job, "submission_unknown", _unknown(verdict.candidates), now=now))
        return None

    async def unconfirmed(self, job: JobRecord, provider: str) -> None:
        """A provider without a job list: the render may have been received; keep it, said plainly."""
        await self._inbox.end(fail(job, "submission_unknown", _unconfirmed(provider), now=self._clock.now()))
