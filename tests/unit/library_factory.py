"""JobRecord fixtures for the library core: stored renders at chosen dates, and large libraries."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from app.core.job_record import JobRecord, JobStatus
from tests.unit.jobs_factory import T0, make_job

__all__ = ["DAY", "T0", "at", "item", "job", "library_of", "usd"]

DAY = 86_400.0


def at(year: int, month: int, day: int, hour: int = 12, minute: int = 0) -> float:
    """Epoch seconds of a UTC wall-clock time, so tests read as dates rather than numbers."""
    return datetime.datetime(year, month, day, hour, minute, tzinfo=datetime.UTC).timestamp()


def usd(text: str) -> Decimal:
    return Decimal(text)


def job(job_id: str, **changes: Any) -> JobRecord:
    """Any job (defaults: a stored sora-2 render); ``created_at`` also sets ``updated_at`` unless given."""
    if "created_at" in changes:
        changes.setdefault("updated_at", changes["created_at"])
    return make_job(job_id, **changes)


def item(job_id: str, **changes: Any) -> JobRecord:
    """A library item: a stored, unarchived render finished when it was created."""
    changes.setdefault("status", JobStatus.SUCCEEDED)
    changes.setdefault("finished_at", changes.get("created_at", T0))
    return job(job_id, **changes)


def library_of(count: int, every: int = 5, word: str = "ocean") -> list[JobRecord]:
    """``count`` items, one in ``every`` mentioning ``word``, a second apart, with varied models and shapes."""
    sizes = ("1280x720", "720x1280", "1024x1024")
    return [
        item(
            f"j{i:05d}",
            prompt=f"shot {i} of the {word if i % every == 0 else 'forest'}",
            model="sora-2-pro" if i % 2 else "sora-2",
            size=sizes[i % 3],
            created_at=T0 + i,
        )
        for i in range(count)
    ]
