"""ETA from the progress rate."""

from __future__ import annotations

from app.core.eta import Sample, add_sample, eta_seconds, format_duration


def test_eta_from_a_steady_rate() -> None:
    samples: tuple[Sample, ...] = ()
    for t, p in ((0, 10), (10, 20), (20, 30)):
        samples = add_sample(samples, 1000.0 + t, p)
    assert eta_seconds(samples, 1020.0) == 70.0  # 1 %/s, 70 % left
    assert eta_seconds(samples, 1030.0) == 60.0  # time since the last reading counts


def test_no_eta_without_a_rate() -> None:
    assert eta_seconds((), 0.0) is None
    assert eta_seconds((Sample(0, 10),), 5.0) is None
    assert eta_seconds((Sample(0, 10), Sample(5, 10)), 6.0) is None


def test_after_a_reload_the_start_time_gives_a_rate() -> None:
    assert eta_seconds((), 1100.0, started_at=1000.0, progress=50) == 100.0
    assert eta_seconds((), 1100.0, started_at=1000.0, progress=0) is None


def test_repeats_are_ignored_and_a_step_back_starts_over() -> None:
    samples = add_sample(add_sample((), 0, 10), 5, 10)
    assert samples == (Sample(0, 10),)
    samples = add_sample(add_sample(samples, 10, 30), 20, 5)
    assert samples == (Sample(20, 5),)
    assert add_sample(samples, 30, None) == samples


def test_eta_never_goes_negative() -> None:
    samples = (Sample(0, 10), Sample(10, 90))
    assert eta_seconds(samples, 500.0) == 0.0


def test_format_duration() -> None:
    assert format_duration(3) == "3 s"
    assert format_duration(42) == "40 s"
    assert format_duration(150) == "2 min"  # 2.5 rounds to even, as round() does
    assert format_duration(159) == "3 min"
    assert format_duration(3900) == "1 h 05 min"
