"""OpenRouter video jobs and the job object ``GET /videos/{id}`` returns.

Statuses come from the shared timeline (``lifecycle.phase``) in OpenRouter's words:
``pending → in_progress → completed | failed | cancelled | expired``. ``polling_url``
is relative to the origin (``/api/v1/videos/{id}`` at OpenRouter), absolute on the same
origin with ``[sim:absolute_poll]``, or on another origin with ``[sim:foreign_poll]``
(an app must not follow that one with its key). A completed job lists one absolute
``unsigned_urls`` entry per output and its ``usage``.
"""

from __future__ import annotations

from dataclasses import dataclass

from simulator.lifecycle import Phase
from simulator.store import BaseJob

STATUSES = {
    "queued": "pending",
    "running": "in_progress",
    "completed": "completed",
    "expired": "expired",
    "failed": "failed",
    "canceled": "cancelled",
}
POLICY_ERROR = "Content policy violation"
FAILED_ERROR = "Video generation failed"
GONE_ERROR = "Provider returned error: the model is no longer served"
CANCELLED_ERROR = "Job was cancelled"
EXPIRED_ERROR = "Job exceeded maximum time to live"


@dataclass(kw_only=True)
class VideoJob(BaseJob):
    model: str
    prompt: str | None
    seconds: int
    resolution: str
    aspect_ratio: str
    width: int
    height: int
    audio: bool
    cost: float
    generation_id: str
    provider_gone: bool = False  # the model's provider shut down: the job can only fail


@dataclass(frozen=True)
class Links:
    """Where the client reaches this job: the API prefix it used and the origin."""

    origin: str
    prefix: str
    foreign_origin: str

    def polling_url(self, job: VideoJob) -> str:
        path = f"{self.prefix}/videos/{job.id}"
        if job.faults.foreign_poll:
            return f"{self.foreign_origin}/api/v1/videos/{job.id}"
        return self.origin + path if job.faults.absolute_poll else path

    def content_url(self, job: VideoJob, index: int) -> str:
        return f"{self.origin}{self.prefix}/videos/{job.id}/content?index={index}"


def status_of(phase: Phase) -> str:
    return (phase.reason or "unknown") if phase.kind == "other" else STATUSES[phase.kind]


def error_of(job: VideoJob, phase: Phase) -> str | None:
    if phase.kind == "failed":
        if job.provider_gone:
            return GONE_ERROR
        return POLICY_ERROR if phase.reason == "moderation" else FAILED_ERROR
    if phase.kind == "canceled":
        return CANCELLED_ERROR
    if phase.kind == "expired":
        return EXPIRED_ERROR
    return None


def job_object(job: VideoJob, phase: Phase, links: Links) -> dict[str, object]:
    body: dict[str, object] = {"id": job.id, "polling_url": links.polling_url(job), "status": status_of(phase)}
    if phase.kind != "queued":
        body["generation_id"] = job.generation_id
    error = error_of(job, phase)
    if error is not None:
        body["error"] = error
    if phase.kind == "completed":
        body["unsigned_urls"] = [links.content_url(job, i) for i in range(job.faults.outputs)]
        body["usage"] = {"cost": None if job.faults.no_cost else job.cost, "is_byok": False}
    return body
