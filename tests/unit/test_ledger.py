"""Spend ledger: totals, by model, by month with gaps filled, failures and running jobs apart, chart points."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.core.job_record import JobRecord, JobStatus
from app.core.ledger import (
    Bucket,
    Ledger,
    MonthSpend,
    bucket_of,
    build_ledger,
    chart_bars,
    chart_points,
    month_of,
    months_between,
)
from app.core.prices import format_usd
from tests.unit.library_factory import at, item, job, usd

ZERO = Decimal(0)


def spent(job_id: str, price: str | None, year: int = 2027, month: int = 1, **changes: object) -> JobRecord:
    """A finished render priced ``price`` (None = no published price) that finished in ``year-month``."""
    when = at(year, month, 15)
    return item(job_id, estimate_usd=None if price is None else usd(price), created_at=when, **changes)


def test_empty_ledger() -> None:
    ledger = build_ledger([])
    assert ledger == Ledger(ZERO, 0, (), (), ZERO, 0, ZERO, 0)
    assert format_usd(ledger.total_usd) == "$0.00"


@pytest.mark.parametrize(
    ("status", "remote_id", "bucket"),
    [
        (JobStatus.SUCCEEDED, "v1", Bucket.SPENT),
        (JobStatus.SUCCEEDED, None, Bucket.SPENT),
        (JobStatus.FAILED, "v1", Bucket.FAILED),
        (JobStatus.BLOCKED, "v1", Bucket.FAILED),
        (JobStatus.FAILED, None, None),  # never reached the API: cannot have been charged
        (JobStatus.BLOCKED, None, None),
        (JobStatus.CANCELED, "v1", None),
        (JobStatus.CANCELED, None, None),
        (JobStatus.QUEUED, None, Bucket.RUNNING),
        (JobStatus.QUEUED, "v1", Bucket.RUNNING),
        (JobStatus.RUNNING, "v1", Bucket.RUNNING),
    ],
)
def test_which_figure_a_job_counts_towards(status: JobStatus, remote_id: str | None, bucket: Bucket | None) -> None:
    assert bucket_of(job("j", status=status, remote_id=remote_id)) is bucket


def test_totals_keep_failures_and_running_jobs_apart() -> None:
    jobs = [
        spent("1", "0.40"),
        spent("2", "3.00", model="sora-2-pro"),
        spent("3", None),
        job("4", status=JobStatus.BLOCKED, remote_id="v4", estimate_usd=usd("0.80")),
        job("5", status=JobStatus.FAILED, remote_id="v5", estimate_usd=None),
        job("6", status=JobStatus.FAILED, remote_id=None, estimate_usd=usd("9.00")),
        job("7", status=JobStatus.RUNNING, remote_id="v7", estimate_usd=usd("1.20")),
        job("8", status=JobStatus.QUEUED, estimate_usd=usd("0.40")),
        job("9", status=JobStatus.CANCELED, remote_id="v9", estimate_usd=usd("5.00")),
    ]
    ledger = build_ledger(jobs)
    assert (ledger.total_usd, ledger.count) == (Decimal("3.40"), 3)
    assert (ledger.failed_usd, ledger.failed_count) == (Decimal("0.80"), 2)
    assert ledger.running_usd == Decimal("1.60")
    assert ledger.unknown_price_count == 2  # "3" (finished) and "5" (failed); "6" and "9" are not counted at all


def test_what_the_library_count_leaves_out_is_counted() -> None:
    jobs = [
        spent("1", "0.40"),
        spent("2", "0.40", archived_at=at(2027, 2, 1)),
        spent("3", "0.40", demo=True, archived_at=at(2027, 2, 1)),
        spent("4", "0.40", demo=True),
        job("5", status=JobStatus.FAILED, remote_id="v5", error_code="expired", estimate_usd=usd("0.40")),
        job("6", status=JobStatus.FAILED, remote_id="v6", error_code="moderation", estimate_usd=usd("0.40")),
    ]
    ledger = build_ledger(jobs)
    assert (ledger.count, ledger.simulated_count) == (2, 2)  # the library shows 2 of these 4: 1 and 4
    assert ledger.archived_count == 2
    assert (ledger.failed_count, ledger.expired_count) == (2, 1)


def test_money_stays_exact() -> None:
    ledger = build_ledger([spent(str(i), "0.10") for i in range(3)])
    assert ledger.total_usd == Decimal("0.30") and str(ledger.total_usd) == "0.30"
    big = build_ledger([spent(str(i), "411.50") for i in range(3)])
    assert format_usd(big.total_usd) == "$1,234.50"


def test_by_model_most_spent_first() -> None:
    jobs = [
        spent("1", "0.40"),
        spent("2", "0.40"),
        spent("3", "3.00", model="sora-2-pro"),
        spent("4", "0.80", model="alpha"),
        spent("5", None, model="sora-2-pro"),
        spent("6", None, model="gamma"),  # no priced render: not listed
    ]
    rows = [(m.model, m.count, m.usd) for m in build_ledger(jobs).by_model]
    assert rows == [("sora-2-pro", 1, Decimal("3.00")), ("alpha", 1, Decimal("0.80")), ("sora-2", 2, Decimal("0.80"))]


def test_by_month_fills_the_gaps_across_a_year_end() -> None:
    jobs = [spent("1", "0.40", 2026, 11), spent("2", "1.00", 2027, 2), spent("3", "0.60", 2027, 2)]
    assert build_ledger(jobs).by_month == (
        MonthSpend("2026-11", Decimal("0.40")),
        MonthSpend("2026-12", ZERO),
        MonthSpend("2027-01", ZERO),
        MonthSpend("2027-02", Decimal("1.60")),
    )


def test_by_month_is_chronological_whatever_the_input_order() -> None:
    jobs = [spent("1", "1.00", 2027, 3), spent("2", "2.00", 2026, 12), spent("3", "4.00", 2027, 1)]
    months = build_ledger(jobs).by_month
    assert [m.month for m in months] == ["2026-12", "2027-01", "2027-02", "2027-03"]
    assert [m.usd for m in months] == [Decimal("2.00"), Decimal("4.00"), ZERO, Decimal("1.00")]
    assert [month for month, _ in months] == [m.month for m in months]  # still plain (month, usd) pairs


def test_a_month_is_when_the_render_finished_on_the_viewers_calendar() -> None:
    new_year = item(
        "1", estimate_usd=usd("1.00"), created_at=at(2026, 12, 31, 20), finished_at=at(2026, 12, 31, 23, 30)
    )
    assert build_ledger([new_year]).by_month == (MonthSpend("2026-12", Decimal("1.00")),)
    assert build_ledger([new_year], utc_offset_s=3600).by_month == (MonthSpend("2027-01", Decimal("1.00")),)
    no_finish = item("2", estimate_usd=usd("1.00"), created_at=at(2027, 5, 2), finished_at=None)
    assert build_ledger([no_finish]).by_month == (MonthSpend("2027-05", Decimal("1.00")),)


def test_unpriced_and_corrupt_renders_stay_out_of_the_months() -> None:
    ledger = build_ledger([spent("1", None, 2026, 1), spent("2", "1.00", 2027, 1)])
    assert [m.month for m in ledger.by_month] == ["2027-01"]
    broken = item("3", estimate_usd=usd("2.00"), created_at=at(2027, 1, 1), finished_at=float("inf"))
    ledger = build_ledger([broken])
    assert ledger.total_usd == Decimal("2.00") and ledger.by_month == ()


def test_month_helpers() -> None:
    assert month_of(at(2027, 1, 1, 0, 30)) == (2027, 1)
    assert month_of(at(2027, 1, 1, 0, 30), utc_offset_s=-3600) == (2026, 12)
    assert month_of(float("nan")) is None and month_of(1e300) is None
    assert months_between((2027, 4), (2027, 4)) == [(2027, 4)]
    assert months_between((2026, 11), (2027, 2)) == [(2026, 11), (2026, 12), (2027, 1), (2027, 2)]
    assert len(months_between((2020, 1), (2027, 12))) == 96
    assert months_between((2027, 2), (2027, 1)) == []


def test_chart_points_scale_the_largest_month_to_the_height() -> None:
    months = (MonthSpend("2027-01", Decimal("0.40")), MonthSpend("2027-02", ZERO), MonthSpend("2027-03", usd("3")))
    points = chart_points(months, 300, 100)
    assert [x for x, _ in points] == [0, 100, 200]
    assert points[2][1] == 100 and points[1][1] == 0
    assert points[0][1] == pytest.approx(100 * 0.4 / 3)
    assert chart_bars is chart_points


def test_chart_points_edge_cases() -> None:
    assert chart_points((), 300, 100) == []
    nothing = (("2027-01", ZERO), ("2027-02", ZERO))
    assert chart_points(nothing, 300, 100) == [(0, 0), (150, 0)]
    one = (("2027-01", usd("5")),)
    assert chart_points(one, 300, 100) == [(0, 100)]
    assert chart_points(one, 0, 100) == [(0, 0)] and chart_points(one, 300, -5) == [(0, 0)]
    refund = (("2027-01", usd("-1")), ("2027-02", usd("2")))
    assert chart_points(refund, 200, 100) == [(0, 0), (100, 100)]  # nothing is drawn below the axis
