"""The queue's batch header: progress, cost so far, and the group actions' targets."""

from __future__ import annotations

from decimal import Decimal

from app.core.batch_group import summarize
from app.core.job_status import JobStatus
from tests.unit.jobs_factory import T0, make_job


def test_progress_cost_and_actions() -> None:
    jobs = [
        make_job("a", batch_id="b", billed_usd=Decimal("0.30"), cost_source="billed"),
        make_job("b", batch_id="b"),
        make_job("c", batch_id="b", status=JobStatus.FAILED, created_at=T0 + 1),
        make_job("d", batch_id="b", status=JobStatus.QUEUED, created_at=T0 + 2),
        make_job("e", batch_id="b", status=JobStatus.RUNNING, created_at=T0 + 3),
        make_job("x", batch_id="other", status=JobStatus.QUEUED),
        make_job("y"),
    ]
    summary = summarize("b", jobs)
    assert summary.progress_text == "2 of 5 done"
    assert summary.cost_text == "so far $0.70"
    assert summary.cancelable == ("d", "e")
    assert summary.failed == ("c",)


def test_unknown_price_is_said_not_hidden() -> None:
    jobs = [make_job("a", batch_id="b"), make_job("b", batch_id="b", estimate_usd=None)]
    assert summarize("b", jobs).cost_text == "so far price unknown"


def test_simulated_jobs_spend_nothing() -> None:
    assert summarize("b", [make_job("a", batch_id="b", demo=True)]).cost_text == "so far $0.00"
