"""Status-change announcements."""

from __future__ import annotations

from typing import Any

from app.core.job_news import job_news
from app.core.job_record import JobRecord, JobStatus
from tests.unit.jobs_factory import make_job


def job(status: JobStatus, **changes: Any) -> JobRecord:
    return make_job(status=status, estimate_usd=None, **changes)


def test_changes_become_sentences() -> None:
    (news,) = job_news({"j1": job(JobStatus.SUCCEEDED)}, {"j1": job(JobStatus.RUNNING)})
    assert news.text == "Render “a quiet harbour” is ready." and news.finished


def test_blocks_carry_the_reason() -> None:
    blocked = job(JobStatus.BLOCKED, error_message="Your request was blocked by our moderation system.")
    (news,) = job_news({"j1": blocked}, {})
    assert "content policy" in news.text and "moderation system" in news.text


def test_no_change_no_news() -> None:
    assert job_news({"j1": job(JobStatus.RUNNING)}, {"j1": job(JobStatus.RUNNING)}) == []
    assert job_news({"j1": job(JobStatus.QUEUED)}, {}) == []
