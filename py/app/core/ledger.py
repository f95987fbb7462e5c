"""Spend ledger: what the renders cost, by model and by month, failures kept apart.

A job's cost is what the provider billed, where it says (OpenRouter), else what its
usage comes to (Gemini, computed), else the estimate shown before it was sent (the
high end of a range: spend is never understated); the ledger says how much of its total
is billed. Finished renders count as spend; failed or blocked jobs the API accepted are
shown apart, because a provider may still charge for them; jobs still under way are a
third figure; canceled jobs are left out; simulated (demo) renders cost nothing and are
only said as what they would have cost. Money is ``Decimal`` throughout — format it
with :func:`app.core.prices.format_usd`.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, NamedTuple

from app.core.job_status import JobStatus

if TYPE_CHECKING:
    from app.core.job_record import JobRecord

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class ModelSpend:
    model: str
    count: int  # the priced renders behind ``usd``; unpriced ones are in ``Ledger.unknown_price_count``
    usd: Decimal


class MonthSpend(NamedTuple):
    month: str  # "2027-01", on the viewer's calendar
    usd: Decimal


@dataclass(frozen=True)
class Ledger:
    total_usd: Decimal  # finished renders
    count: int  # finished renders, priced or not
    by_model: tuple[ModelSpend, ...]  # most spent first
    by_month: tuple[MonthSpend, ...]  # consecutive months, first to last, empty ones at 0
    failed_usd: Decimal  # failed or blocked after the API accepted them: may have been charged
    failed_count: int
    running_usd: Decimal  # not finished yet
    unknown_price_count: int  # jobs in any figure above whose price was not published
    billed_usd: Decimal = ZERO  # the part of ``total_usd`` the providers billed (or usage gives)
    billed_count: int = 0
    simulated_usd: Decimal = ZERO  # demo renders: what they would have cost (never spend)
    simulated_count: int = 0
    # Why these counts differ from the library's: finished renders (paid or demo) that are
    # archived are counted here but not shown there; failed ones, expired among them, have
    # no stored file at all.
    archived_count: int = 0
    expired_count: int = 0


class Bucket(Enum):
    SPENT = "spent"
    FAILED = "failed"
    RUNNING = "running"


def bucket_of(job: JobRecord) -> Bucket | None:
    """Which figure a job counts towards; ``None`` when it cannot have cost anything."""
    if job.demo:
        return None  # simulated: counted apart as what it would have cost
    if job.status is JobStatus.SUCCEEDED:
        return Bucket.SPENT
    if job.status in (JobStatus.FAILED, JobStatus.BLOCKED):
        return Bucket.FAILED if job.remote_id is not None else None
    if not job.status.terminal:
        return Bucket.RUNNING
    return None  # canceled


def cost_of(job: JobRecord) -> Decimal | None:
    """Billed (or computed from usage) where known, else the estimate's high end; ``None``: unknown."""
    if job.billed_usd is not None and job.cost_source:
        return job.billed_usd
    return job.estimate_high_usd if job.estimate_high_usd is not None else job.estimate_usd


def _priced(jobs: Iterable[JobRecord]) -> list[tuple[JobRecord, Decimal]]:
    return [(j, cost) for j in jobs if (cost := cost_of(j)) is not None]


def _usd(jobs: Iterable[JobRecord]) -> Decimal:
    return sum((cost for _, cost in _priced(jobs)), ZERO)


def month_of(timestamp: float, utc_offset_s: int = 0) -> tuple[int, int] | None:
    """(year, month) of an epoch time at ``utc_offset_s``; ``None`` when out of range (corrupt record)."""
    try:
        moment = datetime.datetime.fromtimestamp(timestamp + utc_offset_s, tz=datetime.UTC)
    except (OverflowError, OSError, ValueError):
        return None
    return moment.year, moment.month


def months_between(first: tuple[int, int], last: tuple[int, int]) -> list[tuple[int, int]]:
    """Every (year, month) from ``first`` to ``last`` inclusive, across year ends."""
    start, stop = first[0] * 12 + first[1] - 1, last[0] * 12 + last[1] - 1
    return [(n // 12, n % 12 + 1) for n in range(start, stop + 1)]


def _by_model(spent: Sequence[JobRecord]) -> tuple[ModelSpend, ...]:
    """Priced renders per model, most spent first (ties by name)."""
    counts: dict[str, int] = defaultdict(int)
    usd: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for job, cost in _priced(spent):
        counts[job.model] += 1
        usd[job.model] += cost
    rows = (ModelSpend(model, counts[model], usd[model]) for model in counts)
    return tuple(sorted(rows, key=lambda row: (-row.usd, row.model)))


def _by_month(spent: Sequence[JobRecord], utc_offset_s: int) -> tuple[MonthSpend, ...]:
    """Priced spend per month a render finished in (created, for records without a finish time)."""
    usd: dict[tuple[int, int], Decimal] = defaultdict(lambda: ZERO)
    for job, cost in _priced(spent):
        month = month_of(job.finished_at or job.created_at, utc_offset_s)
        if month is not None:
            usd[month] += cost
    if not usd:
        return ()
    return tuple(
        MonthSpend(f"{year:04d}-{month:02d}", usd.get((year, month), ZERO))
        for year, month in months_between(min(usd), max(usd))
    )


def build_ledger(jobs: Iterable[JobRecord], *, utc_offset_s: int = 0) -> Ledger:
    """The ledger over every job, whatever its status."""
    buckets: dict[Bucket, list[JobRecord]] = {b: [] for b in Bucket}
    jobs_list = list(jobs)
    for job in jobs_list:
        bucket = bucket_of(job)
        if bucket is not None:
            buckets[bucket].append(job)
    spent, failed, running = buckets[Bucket.SPENT], buckets[Bucket.FAILED], buckets[Bucket.RUNNING]
    billed = [j for j in spent if j.billed_usd is not None and j.cost_source]
    simulated = [j for j in jobs_list if j.demo and j.status is JobStatus.SUCCEEDED]
    return Ledger(
        total_usd=_usd(spent),
        count=len(spent),
        by_model=_by_model(spent),
        by_month=_by_month(spent, utc_offset_s),
        failed_usd=_usd(failed),
        failed_count=len(failed),
        running_usd=_usd(running),
        unknown_price_count=sum(1 for b in buckets.values() for j in b if cost_of(j) is None),
        billed_usd=_usd(billed),
        billed_count=len(billed),
        simulated_usd=_usd(simulated),
        simulated_count=len(simulated),
        archived_count=sum(1 for j in [*spent, *simulated] if j.archived_at is not None),
        expired_count=sum(1 for j in failed if j.error_code == "expired"),
    )


def chart_points(by_month: Sequence[tuple[str, Decimal]], width: float, height: float) -> list[tuple[float, float]]:
    """(x, bar height) per month for an SVG chart ``width`` wide: x is the left of the month's slot,
    and the largest month is ``height`` tall (all 0 when nothing was spent)."""
    if not by_month or width <= 0 or height <= 0:
        return [(0.0, 0.0) for _ in by_month]
    peak = max(usd for _, usd in by_month)
    step = width / len(by_month)
    return [(i * step, _scaled(usd, peak, height)) for i, (_, usd) in enumerate(by_month)]


def _scaled(usd: Decimal, peak: Decimal, height: float) -> float:
    if peak <= 0:
        return 0.0
    return min(max(float(usd / peak) * height, 0.0), height)


chart_bars = chart_points  # the name the spend panel imports
