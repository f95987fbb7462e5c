"""A job's status at a given clock time, computed on read (no background threads).

Timeline of a job of duration D created at t0 (:func:`phase`, in no API's words):
``queued`` until t0 + q·D, then ``running``, then at t0 + D ``completed`` (or the
terminal state its markers ask for), and ``expired`` from ``expires_at`` on.
``[sim:moderation]``/``[sim:fail]`` jobs stop as ``failed`` at t0 + f·D; an explicit
cancel stops a running job as ``canceled``. Each simulated API names the phases its
own way; :func:`job_state` is the OpenAI Videos naming.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from simulator.config import SimConfig
from simulator.store import BaseJob

PhaseKind = Literal["queued", "running", "completed", "expired", "failed", "canceled", "other"]
ACTIVE = frozenset({"queued", "in_progress"})
MODERATION_ERROR = {
    "code": "moderation_blocked",
    "message": "Your request was blocked by our moderation system.",
}
GENERIC_ERROR = {"code": "video_generation_failed", "message": "Video generation failed. Please try again."}


@dataclass(frozen=True)
class Phase:
    """Where a job stands: its kind, how far along (0..1), and when it ended or expires."""

    kind: PhaseKind
    fraction: float
    ended_at: float | None = None
    expires_at: float | None = None
    started_at: float | None = None  # when it left the queue (None while queued)
    reason: str | None = None  # failed: "moderation" or "fail"; other: the status word

    @property
    def active(self) -> bool:
        return self.kind in ("queued", "running")


def phase(job: BaseJob, now: float, config: SimConfig, *, queued_fraction: float | None = None) -> Phase:
    """The job's phase at ``now``; ``queued_fraction`` overrides the configured queue share."""
    faults = job.faults
    duration = job.duration_s
    queued = config.queued_fraction if queued_fraction is None else queued_fraction
    start = job.created + duration * queued
    end = job.created + duration
    if faults.moderation or faults.fail or faults.safety_fail:
        stop = job.created + duration * config.failure_fraction
        if now >= stop and (job.cancelled_at is None or job.cancelled_at > stop):
            reason = "moderation" if faults.moderation or faults.safety_fail else "fail"
            return Phase("failed", config.failure_fraction, stop, None, min(start, stop), reason)
    if job.cancelled_at is not None and job.cancelled_at < end and now >= job.cancelled_at:
        fraction = (job.cancelled_at - job.created) / duration if duration > 0 else 1.0
        return Phase("canceled", fraction, job.cancelled_at, None, min(start, job.cancelled_at))
    if now < end:
        fraction = (now - job.created) / duration if duration > 0 else 1.0
        if fraction < queued:
            return Phase("queued", fraction)
        return Phase("running", fraction, started_at=start)
    if faults.canceled:
        return Phase("canceled", 1.0, end, None, start)
    if faults.final_status and faults.final_status != "completed":
        return Phase("other", 1.0, end, None, start, faults.final_status)
    keep = faults.expires_after_s if faults.expires_after_s is not None else config.expires_after_s
    expires = end + keep
    return Phase("expired" if now >= expires else "completed", 1.0, end, expires, start)


@dataclass(frozen=True)
class JobState:
    status: str
    progress: int
    completed_at: int | None = None
    expires_at: int | None = None
    error: dict[str, str] | None = None

    @property
    def terminal(self) -> bool:
        """Anything but queued/in_progress is final, including statuses nobody knows."""
        return self.status not in ACTIVE

    @property
    def downloadable(self) -> bool:
        return self.status == "completed"


def progress_percent(fraction: float, queued: float) -> int:
    """0 while queued, then an integer rising to 99 (100 only once completed)."""
    if fraction < queued:
        return 0
    return min(99, int((fraction - queued) / (1.0 - queued) * 100))


def job_state(job: BaseJob, now: float, config: SimConfig) -> JobState:
    """The OpenAI Videos status, progress and times of a job."""
    current = phase(job, now, config)
    progress = progress_percent(current.fraction, config.queued_fraction)
    ended = int(current.ended_at) if current.ended_at is not None else None
    match current.kind:
        case "queued" | "running":
            return JobState("queued" if current.kind == "queued" else "in_progress", progress)
        case "failed":
            error = MODERATION_ERROR if current.reason == "moderation" else GENERIC_ERROR
            return JobState("failed", progress, ended, None, dict(error))
        case "canceled":
            return JobState("canceled", 99, ended)
        case "other":
            return JobState(current.reason or "unknown", 99, ended)
    expires = int(current.expires_at) if current.expires_at is not None else None
    return JobState(current.kind, 100, ended, expires)
