"""Time left for a running render, estimated from how fast its progress moves.

Providers report a percentage, not a time; the rate over recent samples (or since
the job started, right after a reload) gives an estimate that is shown rounded and
only when there is enough to go on.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.i18n import tr

WINDOW_S = 90.0  # rate over the last minute and a half: follows speed changes
MAX_SAMPLES = 32


@dataclass(frozen=True)
class Sample:
    at: float  # epoch seconds
    progress: int  # 0..100


def add_sample(samples: tuple[Sample, ...], at: float, progress: int | None) -> tuple[Sample, ...]:
    """Record a progress reading; repeated values keep only the first time they were seen."""
    if progress is None:
        return samples
    if samples and samples[-1].progress == progress:
        return samples
    if samples and progress < samples[-1].progress:
        samples = ()  # progress went back (a retry on the provider's side): start over
    return (*samples, Sample(at, progress))[-MAX_SAMPLES:]


def eta_seconds(
    samples: tuple[Sample, ...], now: float, *, started_at: float | None = None, progress: int | None = None
) -> float | None:
    """Seconds until 100 %, or ``None`` when the rate is not known yet."""
    rate, last = _rate(samples, now)
    if rate is None and started_at is not None and progress and 0 < progress < 100 and now > started_at:
        rate, last = progress / (now - started_at), Sample(now, progress)
    if rate is None or last is None or rate <= 0:
        return None
    remaining = (100 - last.progress) / rate - max(now - last.at, 0.0)
    return max(remaining, 0.0)


def _rate(samples: tuple[Sample, ...], now: float) -> tuple[float | None, Sample | None]:
    recent = [s for s in samples if now - s.at <= WINDOW_S] or list(samples[-2:])
    if len(recent) < 2:
        return None, samples[-1] if samples else None
    first, last = recent[0], recent[-1]
    if last.at <= first.at or last.progress <= first.progress:
        return None, last
    return (last.progress - first.progress) / (last.at - first.at), last


def format_duration(seconds: float) -> str:
    """``"45 s"``, ``"3 min"``, ``"1 h 05 min"``: rounded the way people say it."""
    seconds = max(0.0, seconds)
    if seconds < 60:
        shown = max(round(seconds / 5.0) * 5, 5) if seconds >= 5 else round(seconds)
        return tr("jobs.duration.seconds", value=shown)
    minutes = round(seconds / 60.0)
    if minutes < 60:
        return tr("jobs.duration.minutes", value=minutes)
    return tr("jobs.duration.hours", hours=minutes // 60, minutes=f"{minutes % 60:02d}")
