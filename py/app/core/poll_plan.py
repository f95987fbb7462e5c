"""What the poller does after each answer: wait how long, or stop, and why.

Pure decisions over the previous polling state and the latest outcome, so the whole
schedule (backoff while nothing changes, server hints, 429 waits, 5xx/network
backoff, stop on other 4xx) is unit-tested without a clock or a network.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core import errors as e
from app.core.i18n import tr
from app.core.providers.base import RemoteJob
from app.core.retry import ErrorBackoff, PollSchedule

MAX_HINTED_4XX_RETRIES = 3  # a 4xx retried only on the server's word gets this many tries


@dataclass(frozen=True)
class PollState:
    """What the poller remembers between two polls of one job."""

    unchanged: int = 0  # polls in a row that brought nothing new
    error_attempts: int = 0  # transient failures in a row
    signature: tuple[str, int | None] | None = None  # (raw status, progress) last seen


@dataclass(frozen=True)
class Wait:
    seconds: float
    note: str = ""  # why, when it is not the normal schedule ("HTTP 503, retrying in 8 s")


@dataclass(frozen=True)
class Stop:
    error: e.AppError


Decision = Wait | Stop


def classify(error: e.AppError) -> str:
    """``throttled`` (wait as told), ``transient`` (back off) or ``fatal`` (stop, show it).

    The server's ``x-should-retry`` wins over the status, as in the official SDK.
    """
    if isinstance(error, e.QuotaError):
        return "fatal"  # no credit: waiting does not help
    hint = error.should_retry if isinstance(error, e.ApiError) else None
    if hint is False:
        return "fatal"
    if isinstance(error, e.RateLimitError):
        return "throttled"
    if isinstance(error, e.NetworkError | e.ContentError | e.ServerError):
        return "transient"
    if isinstance(error, e.ApiError) and (error.status in (408, 409) or hint is True):
        return "transient"
    return "fatal"


def may_have_created(error: e.ApiError) -> bool:
    """A create answered so that the render may exist anyway: keep it and look it up.

    An accepted answer the app could not read (2xx) or a timeout (408) always; a server
    error or a conflict when the provider says not to send it again.
    """
    if 200 <= error.status < 300 or error.status == 408:
        return True
    return error.should_retry is False and (isinstance(error, e.ServerError) or error.status == 409)


def after_answer(state: PollState, remote: RemoteJob, schedule: PollSchedule) -> tuple[PollState, Wait]:
    """A job answer arrived: reset the error count; back off only while nothing changes."""
    signature = (remote.raw_status, remote.progress)
    unchanged = state.unchanged + 1 if signature == state.signature else 0
    new_state = PollState(unchanged=unchanged, error_attempts=0, signature=signature)
    return new_state, Wait(schedule.delay(unchanged, remote.poll_after_ms))


def after_error(state: PollState, error: e.AppError, backoff: ErrorBackoff) -> tuple[PollState, Decision]:
    """A request failed: wait as the server says, back off, or stop for good."""
    kind = classify(error)
    if kind == "fatal":
        return state, Stop(error)
    attempts = state.error_attempts + 1
    hinted_4xx = isinstance(error, e.ApiError) and 400 <= error.status < 500 and error.status not in (408, 409, 429)
    if hinted_4xx and attempts > MAX_HINTED_4XX_RETRIES:
        return state, Stop(error)  # a 4xx the server called transient, again and again: it is not
    new_state = PollState(state.unchanged, attempts, state.signature)
    hint = error.retry_after_s if isinstance(error, e.ApiError) else None
    if kind == "throttled":
        seconds = hint if hint is not None else backoff.delay(attempts - 1)
        return new_state, Wait(seconds, tr("svc.retry.rate", when=_seconds(seconds)))
    seconds = hint if hint is not None else backoff.delay(attempts - 1)
    return new_state, Wait(seconds, tr("svc.retry.reason", reason=_reason(error), when=_seconds(seconds)))


def _reason(error: e.AppError) -> str:
    if isinstance(error, e.NetworkError):
        return tr("svc.retry.network")
    if isinstance(error, e.ContentError):
        return tr("svc.retry.incomplete")
    if isinstance(error, e.ApiError):
        return tr("svc.retry.http", status=str(error.status))
    return tr("svc.retry.failed")


def _seconds(value: float) -> str:
    return tr("svc.retry.seconds", seconds=f"{value:.0f}") if value >= 1 else tr("svc.retry.moment")


def variant_word(variant: str) -> str:
    """A result file as the notes name it: ``video``, ``video-2``, ``thumbnail`` (else as the API says)."""
    if variant in ("video", "thumbnail", "spritesheet"):
        return tr(f"svc.variant.{variant}")
    number = variant.removeprefix("video-")
    return tr("svc.variant.video_n", n=number) if number != variant and number.isdigit() else variant
