"""Build JobRecord values for tests, with sensible defaults."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from app.core.job_record import JobRecord, JobStatus

T0 = 1_800_000_000.0  # 2027-01-15


def make_job(job_id: str = "j1", **changes: Any) -> JobRecord:
    fields: dict[str, Any] = {
        "id": job_id,
        "provider_id": "openai",
        "endpoint": "x",
        "model": "sora-2",
        "size": "1280x720",
        "seconds": 4,
        "prompt": "a quiet harbour",
        "status": JobStatus.SUCCEEDED,
        "estimate_usd": Decimal("0.40"),
        "created_at": T0,
        "updated_at": T0,
    }
    fields.update(changes)
    return JobRecord(**fields)
