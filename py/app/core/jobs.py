"""The job life cycle: how remote answers and local events move a job between states.

::

    queued ──► running ──► (files stored) ──► succeeded
       │          │
       └──────────┴──► failed | blocked | canceled      (terminal; "archived" is a flag)

Pure functions from (job, event) to the next job record; the services persist each
result before anything shows it. Terminal jobs never move again: a retry is a new job.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from app.core.errors import ApiError
from app.core.i18n import tr
from app.core.job_record import JobPhase, JobRecord, JobStatus
from app.core.providers.base import RemoteJob, RemoteStatus

ALLOWED: dict[JobStatus, frozenset[JobStatus]] = {
    JobStatus.QUEUED: frozenset(
        {
            JobStatus.QUEUED,
            JobStatus.RUNNING,
            JobStatus.SUCCEEDED,
            JobStatus.FAILED,
            JobStatus.BLOCKED,
            JobStatus.CANCELED,
        }
    ),
    JobStatus.RUNNING: frozenset(
        {JobStatus.RUNNING, JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.BLOCKED, JobStatus.CANCELED}
    ),
    JobStatus.SUCCEEDED: frozenset({JobStatus.SUCCEEDED}),
    JobStatus.FAILED: frozenset({JobStatus.FAILED}),
    JobStatus.BLOCKED: frozenset({JobStatus.BLOCKED}),
    JobStatus.CANCELED: frozenset({JobStatus.CANCELED}),
}


def expired_message() -> str:
    """Why a finished render has no files here (its links ran out before they were stored)."""
    return tr("jobs.error.expired")


class TransitionError(ValueError):
    """A change the life cycle does not allow (a bug, never user input)."""


def _move(job: JobRecord, status: JobStatus, now: float, **changes: Any) -> JobRecord:
    if status not in ALLOWED[job.status]:
        raise TransitionError(f"job {job.id}: {job.status} → {status} is not allowed")
    return job.model_copy(update={"status": status, "updated_at": now, **changes})


def apply_remote(
    job: JobRecord, remote: RemoteJob, *, now: float, usd_per_video_token: Decimal | None = None
) -> JobRecord:
    """The job after the API reported ``remote`` (create, poll or list answer).

    A billed cost the provider states is kept as billed; where it only reports video
    tokens and ``usd_per_video_token`` is known, the cost is computed from usage.
    """
    if job.status.terminal:
        return job
    common: dict[str, Any] = {
        "remote_id": remote.remote_id,
        "remote_status": remote.raw_status,
        "request_id": remote.request_id or job.request_id,
        "error_message": None,
        "poll_failures": 0,
        **_costs(job, remote, usd_per_video_token),
    }
    if remote.poll_url:
        common["poll_url"] = remote.poll_url
    if remote.progress is not None:
        common["progress"] = max(0, min(100, remote.progress))
    status = remote.status
    if status is RemoteStatus.QUEUED:
        return _move(job, JobStatus.QUEUED, now, phase=JobPhase.WAITING, **common)
    if status is RemoteStatus.RUNNING:
        return _move(job, JobStatus.RUNNING, now, phase=JobPhase.WAITING, started_at=job.started_at or now, **common)
    if status is RemoteStatus.COMPLETED:
        return _move(
            job,
            JobStatus.RUNNING,
            now,
            phase=JobPhase.DOWNLOADING,
            started_at=job.started_at or now,
            remote_completed_at=remote.completed_at or now,
            expires_at=remote.expires_at,
            **{**common, "progress": 100},
        )
    common.pop("error_message")
    if status is RemoteStatus.BLOCKED:
        return _move(
            job,
            JobStatus.BLOCKED,
            now,
            phase=JobPhase.NONE,
            error_code=remote.error_code,
            error_message=remote.error_message or tr("jobs.error.blocked"),
            finished_at=now,
            **common,
        )
    if status is RemoteStatus.FAILED:
        return fail(
            job, remote.error_code or "failed", remote.error_message or tr("jobs.error.failed"), now=now, **common
        )
    if status is RemoteStatus.CANCELED:
        return _move(
            job,
            JobStatus.CANCELED,
            now,
            phase=JobPhase.NONE,
            error_code="canceled",
            error_message=tr("jobs.error.canceled_remote"),
            finished_at=now,
            **common,
        )
    if status is RemoteStatus.EXPIRED:
        return fail(job, "expired", expired_message(), now=now, **common)
    return fail(
        job,
        "unknown_status",
        tr("jobs.error.unknown_status", status=remote.raw_status),
        now=now,
        **common,
    )


def _costs(job: JobRecord, remote: RemoteJob, usd_per_video_token: Decimal | None) -> dict[str, Any]:
    if remote.billed_usd is not None:
        return {"billed_usd": remote.billed_usd, "cost_source": "billed", "video_tokens": remote.video_tokens}
    if remote.video_tokens is not None and usd_per_video_token is not None and job.cost_source != "billed":
        cost = (usd_per_video_token * remote.video_tokens).quantize(Decimal("0.0001"))
        return {"billed_usd": cost, "cost_source": "usage", "video_tokens": remote.video_tokens}
    return {}


def fail(job: JobRecord, code: str, message: str, *, now: float, **changes: Any) -> JobRecord:
    """Terminal failure with a code and a message the user can read."""
    return _move(
        job,
        JobStatus.FAILED,
        now,
        phase=JobPhase.NONE,
        error_code=code,
        error_message=message,
        finished_at=now,
        **changes,
    )


def fail_from_error(job: JobRecord, error: ApiError, *, now: float) -> JobRecord:
    """Stop on a non-retryable API answer, keeping its request id for support."""
    return fail(job, error.code or f"http_{error.status}", error.message, now=now, request_id=error.request_id)


def cancel(job: JobRecord, *, now: float) -> JobRecord:
    return _move(
        job,
        JobStatus.CANCELED,
        now,
        phase=JobPhase.NONE,
        error_code="canceled_by_user",
        error_message=tr("jobs.error.canceled_by_user"),
        finished_at=now,
    )


def succeed(job: JobRecord, assets: dict[str, str], video_bytes: int, *, now: float) -> JobRecord:
    """All files are stored: the job is done."""
    return _move(
        job,
        JobStatus.SUCCEEDED,
        now,
        phase=JobPhase.NONE,
        assets=assets,
        video_bytes=video_bytes,
        progress=100,
        finished_at=now,
        error_message=None,
        downloaded_bytes=None,
        download_total=None,
    )


def needs_polling(job: JobRecord) -> bool:
    """Jobs the poller owns: accepted by the API and not finished (nor past their deadline), or files pending."""
    return not job.status.terminal and job.remote_id is not None and job.overdue_at is None


def needs_reconciling(job: JobRecord) -> bool:
    """Stored but never confirmed by the API (a reload or network loss during submit)."""
    return (
        not job.status.terminal and job.remote_id is None and job.phase in (JobPhase.SUBMITTING, JobPhase.RECONCILING)
    )
