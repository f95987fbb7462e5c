"""A batch seen as one group in the queue: its progress, its cost, its actions.

Pure, so the header's words ("3 of 6 done") and the group actions (cancel-all,
retry-failed) are unit-tested; the queue view only renders what this returns. A failed
job that was retried is replaced by its retry: it counts neither as a member nor as
failed again.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from app.core.batch_pacing import unsent
from app.core.i18n import fmt_date, tr
from app.core.job_status import JobStatus
from app.core.prices import format_usd

if TYPE_CHECKING:  # pydantic: not on the boot path
    from app.core.job_record import JobRecord


@dataclass(frozen=True)
class BatchSummary:
    batch_id: str
    done: int
    total: int
    waiting: int  # stored, not sent yet
    cost_so_far: Decimal | None  # finished jobs: billed when known, else the estimate (None: unknown)
    estimate: Decimal | None  # every member's estimate (None: one is unknown)
    cancelable: tuple[str, ...]  # not finished: cancel-all acts on these
    failed: tuple[str, ...]  # failed and not retried yet: retry-failed acts on these
    ended_badly: int = 0  # failed, blocked or canceled
    demo: bool = False  # every member simulated: nothing is spent, the estimate is what it would cost

    @property
    def progress_text(self) -> str:
        return tr("batch.progress", done=self.done, total=self.total)

    @property
    def cost_text(self) -> str:
        if self.demo:
            return tr("batch.cost.demo", total=format_usd(self.estimate))
        if self.cost_so_far is None:
            return tr("batch.cost.unknown")
        if self.estimate is None:
            return tr("batch.cost.spent", spent=format_usd(self.cost_so_far))
        return tr("batch.cost", spent=format_usd(self.cost_so_far), total=format_usd(self.estimate))

    @property
    def title(self) -> str:
        return tr("batch.title", count=self.total)

    @property
    def ended_text(self) -> str:
        return tr("batch.ended", count=self.ended_badly) if self.ended_badly else ""

    @property
    def waiting_text(self) -> str:
        return tr("batch.waiting", count=self.waiting) if self.waiting else ""


def _spent(job: JobRecord) -> Decimal | None:
    if job.demo:
        return Decimal(0)
    return job.billed_usd if job.billed_usd is not None else job.estimate_usd


def _sum(costs: Sequence[Decimal | None]) -> Decimal | None:
    known = [cost for cost in costs if cost is not None]
    return sum(known, Decimal(0)) if len(known) == len(costs) else None


def retriable(job: JobRecord) -> bool:
    """Failed, and known not to be rendering: one the provider may have received
    (``submission_unknown``) is never sent again by a group action, only from its own card."""
    return job.status is JobStatus.FAILED and job.error_code != "submission_unknown"


def counted(batch_id: str, jobs: Iterable[JobRecord]) -> list[JobRecord]:
    """The batch's members, oldest first, without the failed jobs that were retried."""
    members = [job for job in jobs if job.batch_id == batch_id]
    retried = {job.retry_of for job in members if job.retry_of}
    return sorted((job for job in members if job.id not in retried), key=lambda job: (job.created_at, job.id))


def summarize(batch_id: str, jobs: Iterable[JobRecord]) -> BatchSummary:
    """The summary of one batch's jobs (any order; others are ignored)."""
    members = counted(batch_id, jobs)
    succeeded = [job for job in members if job.status is JobStatus.SUCCEEDED]
    return BatchSummary(
        batch_id=batch_id,
        done=len(succeeded),
        total=len(members),
        waiting=sum(1 for job in members if unsent(job)),
        cost_so_far=_sum([_spent(job) for job in succeeded]),
        estimate=_sum([job.estimate_usd for job in members]),
        cancelable=tuple(job.id for job in members if not job.status.terminal),
        failed=tuple(job.id for job in members if retriable(job)),
        ended_badly=sum(1 for job in members if job.status.terminal and job.status is not JobStatus.SUCCEEDED),
        demo=bool(members) and all(job.demo for job in members),
    )


@dataclass(frozen=True)
class BatchItem:
    """A batch's place in a queue list: its id and the members shown there."""

    batch_id: str
    jobs: tuple[JobRecord, ...]


def arrange(active: Sequence[JobRecord], done: Sequence[JobRecord]) -> tuple[list[JobRecord | BatchItem], ...]:
    """The queue's two lists with each batch folded into one group, where its first member is.

    A batch with any member still running is in progress (with all its members, the
    finished ones too); a batch that has ended is with the finished renders.
    """
    open_batches: set[str | None] = {job.batch_id for job in active if job.batch_id}
    everyone = sorted([*active, *done], key=lambda job: (job.created_at, job.id))

    def fold(jobs: Sequence[JobRecord], skip: set[str | None]) -> list[JobRecord | BatchItem]:
        items: list[JobRecord | BatchItem] = []
        seen = set(skip)
        for job in jobs:
            if not job.batch_id:
                items.append(job)
            elif job.batch_id not in seen:
                seen.add(job.batch_id)
                items.append(BatchItem(job.batch_id, tuple(j for j in everyone if j.batch_id == job.batch_id)))
        return items

    return fold(active, set()), fold(done, open_batches)


def batch_names(
    items: Iterable[JobRecord], batches: Iterable[str], *, utc_offset_s: int
) -> tuple[tuple[str, str], ...]:
    """``(id, "Batch of Dec 3, 2026, 14:05, 6 videos")`` for the library's batch filter."""
    by_batch: dict[str, list[JobRecord]] = {}
    for job in items:
        if job.batch_id:
            by_batch.setdefault(job.batch_id, []).append(job)
    names = []
    for batch_id in batches:
        members = by_batch.get(batch_id, [])
        start = min((job.created_at for job in members), default=0.0)
        moment = datetime.datetime.fromtimestamp(start, datetime.UTC) + datetime.timedelta(seconds=utc_offset_s)
        when = f"{fmt_date(moment.date())}, {moment:%H:%M}"
        names.append((batch_id, tr("batch.filter.option", date=when, count=len(members))))
    return tuple(names)
