"""Batch pacing: free slots only, no resend of a maybe-received POST, 429 pauses."""

from __future__ import annotations

import dataclasses

import pytest
from pydantic import ValidationError

from app.core.batch_pacing import DEFAULT_MAX_IN_FLIGHT, in_flight, limit, pace, pause_until, progress, unsent
from app.core.job_record import JobRecord
from app.core.job_status import JobPhase, JobStatus
from app.core.providers.openai_videos.capabilities import CAPABILITIES as OPENAI_VIDEOS
from tests.unit.jobs_factory import T0, make_job


def queued(job_id: str, offset: float = 0.0, **changes: object) -> JobRecord:
    return make_job(job_id, **{"status": JobStatus.QUEUED, "created_at": T0 + offset, "batch_id": "b1", **changes})


def test_fills_free_slots_oldest_first() -> None:
    jobs = [queued("c", 2), queued("a", 0), queued("b", 1), queued("d", 3)]
    assert pace(jobs, max_in_flight=2, now=T0).send == ("a", "b")


def test_in_flight_jobs_take_slots() -> None:
    jobs = [
        queued("a", 0, phase=JobPhase.WAITING, remote_id="r1"),
        make_job("b", status=JobStatus.RUNNING, remote_id="r2", batch_id="b1"),
        queued("c", 2),
    ]
    assert pace(jobs, max_in_flight=2, now=T0).send == ()
    assert pace(jobs, max_in_flight=3, now=T0).send == ("c",)


@pytest.mark.parametrize("phase", [JobPhase.SUBMITTING, JobPhase.RECONCILING])
def test_maybe_received_post_is_never_sent_again(phase: JobPhase) -> None:
    """After a reload mid-submit the job is reconciled, and it still holds its slot."""
    job = queued("a", 0, phase=phase)
    assert not unsent(job)
    assert in_flight(job)
    assert pace([job, queued("b", 1)], max_in_flight=1, now=T0).send == ()


def test_finished_jobs_free_their_slots() -> None:
    jobs = [make_job("a", status=status, batch_id="b1") for status in (JobStatus.SUCCEEDED, JobStatus.FAILED)]
    assert pace([*jobs, queued("c", 5)], max_in_flight=1, now=T0).send == ("c",)


def test_pause_holds_everything_until_it_ends() -> None:
    jobs = [queued("a")]
    held = pace(jobs, max_in_flight=4, now=T0, paused_until=T0 + 5)
    assert held.send == ()
    assert held.wake_at == T0 + 5
    assert pace(jobs, max_in_flight=4, now=T0 + 5, paused_until=T0 + 5).send == ("a",)


def test_retry_after_wins_over_backoff() -> None:
    assert pause_until(now=T0, retry_after_s=7.0, strikes=3) == T0 + 7.0
    assert pause_until(now=T0, retry_after_s=None, strikes=1) == T0 + 2.0
    assert pause_until(now=T0, retry_after_s=None, strikes=3) == T0 + 8.0


def test_limit_comes_from_capability_data() -> None:
    caps = OPENAI_VIDEOS
    assert limit(dataclasses.replace(caps, max_in_flight=0)) == DEFAULT_MAX_IN_FLIGHT
    assert limit(dataclasses.replace(caps, max_in_flight=5)) == 5
    assert pace([queued("a"), queued("b", 1)], max_in_flight=0, now=T0).send == ("a",)


def test_progress_counts_succeeded_only() -> None:
    jobs = [make_job("a"), make_job("b", status=JobStatus.FAILED), queued("c")]
    assert progress(jobs) == (1, 3)


def test_stored_record_keeps_batch_fields_and_reads_old_records() -> None:
    job = queued("a", batch_label="sora-2 · 1280x720 · 4 s")
    again = JobRecord.model_validate(job.model_dump(mode="json"))
    assert (again.batch_id, again.batch_label) == ("b1", "sora-2 · 1280x720 · 4 s")
    old = job.model_dump(mode="json", exclude={"batch_id", "batch_label"})
    assert JobRecord.model_validate(old).batch_id is None
    with pytest.raises(ValidationError, match="batch_id"):
        queued("x", batch_id="")
