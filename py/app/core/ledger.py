"""Spend ledger: what the renders cost, by model and by month, failures kept apart.

A job's cost is the estimate shown before it was sent (providers do not return a
price). Finished renders count as spend; failed or blocked jobs the API accepted are
shown apart, because a provider may still charge for them.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from app.core.job_status import JobStatus

if TYPE_CHECKING:
    from app.core.job_record import JobRecord

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class ModelSpend:
    model: str
    count: int
    usd: Decimal


@dataclass(frozen=True)
class Ledger:
    total_usd: Decimal
    count: int
    by_model: tuple[ModelSpend, ...]
    by_month: tuple[tuple[str, Decimal], ...]  # ("2026-11", usd), consecutive months
    failed_usd: Decimal
    failed_count: int
    running_usd: Decimal
    unknown_price_count: int


def _month(timestamp: float, offset_s: int) -> str:
    return datetime.datetime.fromtimestamp(timestamp + offset_s, tz=datetime.UTC).strftime("%Y-%m")


def _months_between(first: str, last: str) -> list[str]:
    year, month = (int(x) for x in first.split("-"))
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def build_ledger(jobs: Iterable[JobRecord], *, utc_offset_s: int = 0) -> Ledger:
    total = failed = running = ZERO
    count = failed_count = unknown = 0
    models: dict[str, list[Decimal | int]] = defaultdict(lambda: [ZERO, 0])
    months: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for job in jobs:
        cost = job.estimate_usd
        if job.status is JobStatus.SUCCEEDED:
            count += 1
            if cost is None:
                unknown += 1
                continue
            total += cost
            entry = models[job.model]
            entry[0] = Decimal(entry[0]) + cost
            entry[1] = int(entry[1]) + 1
            months[_month(job.finished_at or job.created_at, utc_offset_s)] += cost
        elif job.status in (JobStatus.FAILED, JobStatus.BLOCKED) and job.remote_id is not None:
            failed_count += 1
            failed += cost or ZERO
        elif not job.status.terminal and job.remote_id is not None:
            running += cost or ZERO
    by_model = tuple(
        sorted((ModelSpend(m, int(v[1]), Decimal(v[0])) for m, v in models.items()), key=lambda s: (-s.usd, s.model))
    )
    by_month: tuple[tuple[str, Decimal], ...] = ()
    if months:
        keys = sorted(months)
        by_month = tuple((m, months.get(m, ZERO)) for m in _months_between(keys[0], keys[-1]))
    return Ledger(total, count, by_model, by_month, failed, failed_count, running, unknown)


def chart_bars(by_month: tuple[tuple[str, Decimal], ...], width: float, height: float) -> list[tuple[float, float]]:
    """(x, bar height) per month, scaled so the largest month fills ``height``."""
    if not by_month:
        return []
    peak = max((usd for _, usd in by_month), default=ZERO)
    step = width / len(by_month)
    return [
        (i * step, float(usd / peak) * height if peak > 0 else 0.0) for i, (_, usd) in enumerate(by_month)
    ]
