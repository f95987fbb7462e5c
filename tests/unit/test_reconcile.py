"""Finding an interrupted submission on the API instead of sending it twice."""

from __future__ import annotations

from app.core.job_record import JobPhase, JobStatus
from app.core.providers.base import RemoteJob, RemoteJobPage, RemoteStatus
from app.core.reconcile import Verdict, examine
from tests.unit.jobs_factory import T0, make_job

JOB = make_job("local1", prompt="a  lighthouse at dusk", seconds=8, status=JobStatus.QUEUED, phase=JobPhase.SUBMITTING)


def remote(rid: str, *, at: float, prompt: str = "a lighthouse at dusk", model: str = "sora-2") -> RemoteJob:
    return RemoteJob(
        rid, RemoteStatus.QUEUED, "queued", model=model, size="1280x720", seconds=8, prompt=prompt, created_at=at
    )


def page(*jobs: RemoteJob, more: bool = False) -> RemoteJobPage:
    return RemoteJobPage(tuple(jobs), more, jobs[-1].remote_id if jobs else None)


def test_found_by_prompt_parameters_and_time() -> None:
    result = examine(JOB, [page(remote("v2", at=T0 + 3), remote("v1", at=T0 - 4000))], frozenset())
    assert result.verdict is Verdict.FOUND and result.remote is not None and result.remote.remote_id == "v2"


def test_absent_when_the_listing_reaches_older_jobs() -> None:
    result = examine(JOB, [page(remote("v9", at=T0 + 5, prompt="other"), remote("v1", at=T0 - 4000))], frozenset())
    assert result.verdict is Verdict.ABSENT


def test_absent_when_the_listing_ends() -> None:
    assert examine(JOB, [page()], frozenset()).verdict is Verdict.ABSENT


def test_keep_reading_while_the_page_is_all_newer() -> None:
    newer = page(remote("v5", at=T0 + 50, prompt="other"), more=True)
    assert examine(JOB, [newer], frozenset()).verdict is Verdict.MORE


def test_ambiguous_when_two_match() -> None:
    result = examine(JOB, [page(remote("v2", at=T0 + 3), remote("v3", at=T0 + 9))], frozenset())
    assert result.verdict is Verdict.AMBIGUOUS and result.candidates == 2


def test_jobs_other_local_records_own_do_not_count() -> None:
    result = examine(JOB, [page(remote("v2", at=T0 + 3), remote("v3", at=T0 + 9))], frozenset({"v3"}))
    assert result.verdict is Verdict.FOUND and result.remote is not None and result.remote.remote_id == "v2"


def test_other_models_or_far_times_do_not_match() -> None:
    far = remote("v4", at=T0 + 5000)
    other = remote("v5", at=T0 + 2, model="sora-2-pro")
    assert examine(JOB, [page(far, other)], frozenset()).verdict is Verdict.ABSENT
