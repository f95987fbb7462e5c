"""The queue's batch group: progress, cost, the group actions' targets, and where it sits."""

from __future__ import annotations

import datetime
from decimal import Decimal

from app.core.batch_group import BatchItem, arrange, batch_names, summarize
from app.core.job_status import JobPhase, JobStatus
from app.core.queue_cards import split_queue
from tests.unit.jobs_factory import T0, make_job


def test_progress_cost_and_actions() -> None:
    jobs = [
        make_job("a", batch_id="b", billed_usd=Decimal("0.30"), cost_source="billed"),
        make_job("b", batch_id="b"),
        make_job("c", batch_id="b", status=JobStatus.FAILED, created_at=T0 + 1),
        make_job("d", batch_id="b", status=JobStatus.QUEUED, created_at=T0 + 2),
        make_job("e", batch_id="b", status=JobStatus.RUNNING, remote_id="r", created_at=T0 + 3),
        make_job("x", batch_id="other", status=JobStatus.QUEUED),
        make_job("y"),
    ]
    summary = summarize("b", jobs)
    assert summary.progress_text == "2 of 5 done"
    assert summary.cost_text == "spent $0.70 of $2.00 estimated"
    assert summary.waiting_text == "1 waiting its turn"  # d: stored, not sent
    assert summary.title == "Batch of 5 renders"
    assert summary.cancelable == ("d", "e")
    assert summary.failed == ("c",)


def test_a_retried_failure_is_replaced_by_its_retry() -> None:
    jobs = [
        make_job("a", batch_id="b"),
        make_job("c", batch_id="b", status=JobStatus.FAILED),
        make_job("c2", batch_id="b", retry_of="c", created_at=T0 + 5),
    ]
    summary = summarize("b", jobs)
    assert (summary.done, summary.total, summary.failed) == (2, 2, ())


def test_unknown_price_is_said_not_hidden() -> None:
    jobs = [make_job("a", batch_id="b"), make_job("b", batch_id="b", estimate_usd=None)]
    assert summarize("b", jobs).cost_text == "cost so far unknown"
    jobs = [make_job("a", batch_id="b"), make_job("b", batch_id="b", status=JobStatus.QUEUED, estimate_usd=None)]
    assert summarize("b", jobs).cost_text == "spent $0.40 so far"


def test_simulated_jobs_spend_nothing() -> None:
    assert summarize("b", [make_job("a", batch_id="b", demo=True)]).cost_text == "simulated: would cost $0.40"


def test_a_running_batch_is_one_group_in_progress_with_its_finished_members() -> None:
    jobs = {
        "solo": make_job("solo", status=JobStatus.RUNNING, remote_id="s", created_at=T0 + 1),
        "a": make_job("a", batch_id="b", finished_at=T0 + 9),
        "w": make_job("w", batch_id="b", status=JobStatus.QUEUED, phase=JobPhase.NONE, created_at=T0 + 2),
        "old": make_job("old", batch_id="z", finished_at=T0 + 3),
        "done": make_job("done", finished_at=T0 + 4),
    }
    active, done = arrange(*split_queue(jobs, show_archived=False))
    assert [i.batch_id if isinstance(i, BatchItem) else i.id for i in active] == ["solo", "b"]
    group = active[1]
    assert isinstance(group, BatchItem)
    assert [j.id for j in group.jobs] == ["a", "w"]  # oldest first, the finished one too
    assert [i.batch_id if isinstance(i, BatchItem) else i.id for i in done] == ["done", "z"]


def test_the_library_names_a_batch_by_its_start_and_size() -> None:
    jobs = [make_job("a", batch_id="b", created_at=T0 + 60), make_job("c", batch_id="b", created_at=T0), make_job("x")]
    ((batch_id, name),) = batch_names(jobs, ["b"], utc_offset_s=3600)
    start = datetime.datetime.fromtimestamp(T0, datetime.UTC) + datetime.timedelta(hours=1)
    assert batch_id == "b"
    assert name.startswith("Batch of ") and name.endswith(f"{start:%H:%M}, 2 videos")


def test_a_render_the_provider_may_have_received_is_not_retried_by_the_group() -> None:
    jobs = [
        make_job("u", batch_id="b", status=JobStatus.FAILED, error_code="submission_unknown"),
        make_job("f", batch_id="b", status=JobStatus.FAILED, error_code="failed"),
    ]
    summary = summarize("b", jobs)
    assert summary.failed == ("f",)
    assert summary.ended_text == "2 did not finish"
