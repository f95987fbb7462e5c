"""Which of a batch's stored jobs may be sent now, and when to look again.

The queue asks this after every transition. A job is sent only while it is QUEUED
with no phase and no remote id: one in SUBMITTING/RECONCILING may have reached the
API, so it is reconciled, never sent again. In-flight jobs (submitting, reconciling or
accepted and not yet finished) count against the provider's limit, and a 429 pauses
the batch's remaining submissions until the server's Retry-After (or the backoff).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.core.capabilities import ProviderCapabilities
from app.core.job_status import JobPhase, JobStatus
from app.core.retry import ErrorBackoff

if TYPE_CHECKING:  # pydantic: not on the boot path
    from app.core.job_record import JobRecord

DEFAULT_MAX_IN_FLIGHT = 2  # when a provider states no limit: gentle, and still parallel
BACKOFF = ErrorBackoff()


@dataclass(frozen=True)
class Pacing:
    """The pace decided for one batch: the jobs to send now, and the next moment to ask."""

    send: tuple[str, ...]  # job ids, oldest first
    wake_at: float | None  # when a pause ends (None: no pause, wait for a transition)


def limit(caps: ProviderCapabilities) -> int:
    """The provider's stated in-flight limit (capability data), else the gentle default."""
    return caps.max_in_flight if caps.max_in_flight > 0 else DEFAULT_MAX_IN_FLIGHT


def unsent(job: JobRecord) -> bool:
    """Stored and never handed to the API: the only jobs pacing may send."""
    return job.status is JobStatus.QUEUED and job.phase is JobPhase.NONE and job.remote_id is None


def in_flight(job: JobRecord) -> bool:
    """Counts against the provider's limit: sent (or maybe sent) and not finished."""
    return not job.status.terminal and not unsent(job)


def pause_until(*, now: float, retry_after_s: float | None, strikes: int, backoff: ErrorBackoff = BACKOFF) -> float:
    """When a batch may send again after its ``strikes``-th 429 in a row (1 for the first).

    The server's Retry-After wins; without it the backoff doubles per strike.
    """
    if retry_after_s is not None:
        return now + retry_after_s
    return now + backoff.delay(max(strikes - 1, 0))


def pace(jobs: Iterable[JobRecord], *, max_in_flight: int, now: float, paused_until: float | None = None) -> Pacing:
    """The batch jobs to send now: free slots under ``max_in_flight``, none while paused."""
    members = list(jobs)
    if paused_until is not None and now < paused_until:
        return Pacing((), paused_until)
    slots = max(max_in_flight, 1) - sum(1 for job in members if in_flight(job))
    waiting = sorted((job for job in members if unsent(job)), key=lambda job: (job.created_at, job.id))
    return Pacing(tuple(job.id for job in waiting[: max(slots, 0)]), None)


def progress(jobs: Iterable[JobRecord]) -> tuple[int, int]:
    """(done, total) for a batch card: "3 of 6 done" counts succeeded jobs only."""
    members = list(jobs)
    return sum(1 for job in members if job.status is JobStatus.SUCCEEDED), len(members)
