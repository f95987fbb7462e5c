"""What to tell the user when a job changes status (live region, notification)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.core.i18n import tr
from app.core.job_record import JobRecord, JobStatus

NEWS: dict[JobStatus, str] = {  # status → message id, with the render's title as {title}
    JobStatus.RUNNING: "jobs.news.running",
    JobStatus.SUCCEEDED: "jobs.news.succeeded",
    JobStatus.FAILED: "jobs.news.failed",
    JobStatus.BLOCKED: "jobs.news.blocked",
    JobStatus.CANCELED: "jobs.news.canceled",
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
        if job.status is previous or job.status not in NEWS:
            continue
        text = tr(NEWS[job.status], title=job.display_title)
        if job.status in (JobStatus.FAILED, JobStatus.BLOCKED) and job.error_message:
            text += f" {job.error_message}"
        news.append(News(job_id, job.status, text))
    return news
