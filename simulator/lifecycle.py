"""A job's status at a given clock time, computed on read (no background threads).

Timeline of a job of duration D created at t0:
``queued`` until t0 + q·D, then ``in_progress`` with integer progress rising to 99,
then at t0 + D ``completed`` (or the terminal state its markers ask for), and
``expired`` from ``expires_at`` on. ``[sim:moderation]``/``[sim:fail]`` jobs stop as
``failed`` at t0 + f·D.
"""

from __future__ import annotations

from dataclasses import dataclass

from simulator.config import SimConfig
from simulator.store import Job

ACTIVE = frozenset({"queued", "in_progress"})
MODERATION_ERROR = {
    "code": "moderation_blocked",
    "message": "Your request was blocked by our moderation system.",
}
GENERIC_ERROR = {"code": "video_generation_failed", "message": "Video generation failed. Please try again."}


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


def _progress(fraction: float, queued: float) -> int:
    if fraction < queued:
        return 0
    return min(99, int((fraction - queued) / (1.0 - queued) * 100))


def job_state(job: Job, now: float, config: SimConfig) -> JobState:
    faults = job.faults
    duration = job.duration_s
    end = job.created + duration
    if faults.moderation or faults.fail:
        stop = job.created + duration * config.failure_fraction
        if now >= stop:
            error = MODERATION_ERROR if faults.moderation else GENERIC_ERROR
            progress = _progress(config.failure_fraction, config.queued_fraction)
            return JobState("failed", progress, int(stop), None, dict(error))
    if now < end:
        fraction = (now - job.created) / duration if duration > 0 else 1.0
        status = "queued" if fraction < config.queued_fraction else "in_progress"
        return JobState(status, _progress(fraction, config.queued_fraction))
    if faults.canceled:
        return JobState("canceled", 99, int(end))
    if faults.final_status and faults.final_status != "completed":
        return JobState(faults.final_status, 99, int(end))
    keep = faults.expires_after_s if faults.expires_after_s is not None else config.expires_after_s
    expires = end + keep
    status = "expired" if now >= expires else "completed"
    return JobState(status, 100, int(end), int(expires))
