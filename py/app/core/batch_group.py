"""A batch seen as one group in the queue: its progress, its cost so far, its actions.

Pure, so the header's words ("3 of 6 done") and the group actions (cancel-all,
retry-failed) are unit-tested; the queue view only renders what this returns.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from app.core.job_record import JobRecord
from app.core.job_status import JobStatus
from app.core.prices import format_usd


@dataclass(frozen=True)
class BatchSummary:
    batch_id: str
    done: int
    total: int
    cost_so_far: Decimal | None  # finished jobs: billed when known, else the estimate (None: unknown)
    cancelable: tuple[str, ...]  # not finished: cancel-all acts on these
    failed: tuple[str, ...]  # failed: retry-failed acts on these

    @property
    def progress_text(self) -> str:
        return f"{self.done} of {self.total} done"

    @property
    def cost_text(self) -> str:
        return f"so far {format_usd(self.cost_so_far)}"


def _spent(job: JobRecord) -> Decimal | None:
    if job.demo:
        return Decimal(0)
    return job.billed_usd if job.billed_usd is not None else job.estimate_usd


def summarize(batch_id: str, jobs: Iterable[JobRecord]) -> BatchSummary:
    """The summary of one batch's jobs (any order; others are ignored)."""
    members = sorted((job for job in jobs if job.batch_id == batch_id), key=lambda job: (job.created_at, job.id))
    succeeded = [job for job in members if job.status is JobStatus.SUCCEEDED]
    costs = [_spent(job) for job in succeeded]
    known = [cost for cost in costs if cost is not None]
    return BatchSummary(
        batch_id=batch_id,
        done=len(succeeded),
        total=len(members),
        cost_so_far=sum(known, Decimal(0)) if len(known) == len(costs) else None,
        cancelable=tuple(job.id for job in members if not job.status.terminal),
        failed=tuple(job.id for job in members if job.status is JobStatus.FAILED),
    )
