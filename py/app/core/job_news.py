"""What to tell the user when a job changes status (live region, notification)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.core.job_record import JobRecord, JobStatus

VERBS: dict[JobStatus, str] = {
    JobStatus.RUNNING: "is rendering",
    JobStatus.SUCCEEDED: "is ready",
    JobStatus.FAILED: "failed",
    JobStatus.BLOCKED: "was blocked by the content policy",
    JobStatus.CANCELED: "was canceled",
}


@dataclass(frozen=True)
class News:
    job_id: str
    status: JobStatus
    text: str

    @property
    def finished(self) -> bool:
        return self.status.terminal


def job_news(new: Mapping[str, JobRecord], old: Mapping[str, JobRecord]) -> list[News]:
    """One line per job whose status changed (new jobs count from QUEUED)."""
    news: list[News] = []
    for job_id, job in new.items():
        before = old.get(job_id)
        previous = before.status if before is not None else JobStatus.QUEUED
        if job.status is previous or job.status not in VERBS:
            continue
        text = f"Render “{job.display_title}” {VERBS[job.status]}."
        if job.status in (JobStatus.FAILED, JobStatus.BLOCKED) and job.error_message:
            text += f" {job.error_message}"
        news.append(News(job_id, job.status, text))
    return news
