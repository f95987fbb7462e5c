"""Every wait has a deadline: a render that has not finished after its provider's time is not polled forever.

A job past its deadline is not failed (terminal jobs never move again, and it may still
finish at the provider, already paid for): it is marked *overdue*, polling stops, and
the card says so with "Check again", which polls it once more under a fresh deadline.
A reload polls an overdue job no more than the user asks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.core.i18n import tr
from app.core.job_status import JobPhase

if TYPE_CHECKING:  # the queue's cards use this on the boot path, before pydantic loads
    from app.core.job_record import JobRecord


def deadline_at(job: JobRecord, deadline_s: float) -> float:
    """When polling ``job`` stops: its provider's time after it was sent, or after the last "Check again"."""
    start = job.rechecked_at or job.submitted_at or job.created_at
    return start + deadline_s


def is_overdue(job: JobRecord) -> bool:
    return job.overdue_at is not None and not job.status.terminal and job.phase is not JobPhase.DOWNLOADING


def mark_overdue(job: JobRecord, *, now: float) -> JobRecord:
    return job.model_copy(update={"overdue_at": now, "updated_at": now})


def recheck(job: JobRecord, *, now: float) -> JobRecord:
    """The user asked to look again: a fresh deadline from now."""
    return job.model_copy(update={"overdue_at": None, "rechecked_at": now, "updated_at": now})


def overdue_note(deadline_s: float, provider: str) -> str:
    return tr("plat.deadline.overdue", minutes=round(deadline_s / 60), provider=provider)
