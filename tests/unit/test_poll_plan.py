"""Polling decisions: the backoff schedule, server hints and what each error means."""

from __future__ import annotations

import pytest

from app.core import errors as e
from app.core.poll_plan import PollState, Stop, Wait, after_answer, after_error, classify
from app.core.providers.base import RemoteJob, RemoteStatus
from app.core.retry import ErrorBackoff, PollSchedule, parse_retry_after, retry_hint

SCHEDULE = PollSchedule(interval_s=2.5, max_s=30.0)


def running(progress: int, hint: int | None = None) -> RemoteJob:
    return RemoteJob("video_1", RemoteStatus.RUNNING, "in_progress", progress=progress, poll_after_ms=hint)


def test_unchanged_answers_back_off_2_5_5_7_5_up_to_30() -> None:
    state, delays = PollState(), []
    for _ in range(15):
        state, wait = after_answer(state, running(40), SCHEDULE)
        delays.append(wait.seconds)
    assert delays[:4] == [2.5, 5.0, 7.5, 10.0]
    assert delays[-1] == 30.0 and max(delays) == 30.0


def test_a_change_restarts_the_schedule() -> None:
    state = PollState()
    for _ in range(5):
        state, wait = after_answer(state, running(40), SCHEDULE)
    assert wait.seconds > 2.5
    state, wait = after_answer(state, running(41), SCHEDULE)
    assert wait.seconds == 2.5 and state.unchanged == 0


def test_the_server_hint_wins_but_is_capped() -> None:
    _, wait = after_answer(PollState(), running(1, hint=4000), SCHEDULE)
    assert wait.seconds == 4.0
    _, wait = after_answer(PollState(), running(1, hint=600_000), SCHEDULE)
    assert wait.seconds == 30.0


def test_429_waits_for_retry_after() -> None:
    error = e.RateLimitError("slow down", status=429, retry_after_s=7.0)
    state, decision = after_error(PollState(), error, ErrorBackoff())
    assert isinstance(decision, Wait) and decision.seconds == 7.0 and "Rate limited" in decision.note
    assert state.error_attempts == 1


def test_5xx_and_network_errors_back_off_exponentially() -> None:
    state, delays = PollState(), []
    for error in (e.ServerError("x", status=500), e.NetworkError("Failed to fetch"), e.ServerError("y", status=503)):
        state, decision = after_error(state, error, ErrorBackoff())
        assert isinstance(decision, Wait)
        delays.append(decision.seconds)
    assert delays == [2.0, 4.0, 8.0]
    assert ErrorBackoff().delay(10) == 60.0


def test_an_answer_resets_the_error_count() -> None:
    state, _ = after_error(PollState(), e.ServerError("x", status=500), ErrorBackoff())
    state, _ = after_answer(state, running(5), SCHEDULE)
    assert state.error_attempts == 0


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (e.BadRequestError("bad", status=400), "fatal"),
        (e.AuthenticationError("key", status=401), "fatal"),
        (e.AccessDeniedError("no", status=403), "fatal"),
        (e.NotFoundError("gone", status=404), "fatal"),
        (e.QuotaError("no credit", status=429), "fatal"),
        (e.RateLimitError("slow", status=429), "throttled"),
        (e.ConflictError("busy", status=409), "transient"),
        (e.ApiError("timeout", status=408), "transient"),
        (e.ServerError("oops", status=502), "transient"),
        (e.NetworkError("offline"), "transient"),
        (e.ContentError("cut off"), "transient"),
    ],
)
def test_each_error_kind(error: e.AppError, kind: str) -> None:
    assert classify(error) == kind
    _, decision = after_error(PollState(), error, ErrorBackoff())
    assert isinstance(decision, Stop) == (kind == "fatal")


def test_fatal_errors_keep_the_request_id() -> None:
    error = e.AuthenticationError("Incorrect API key", status=401, request_id="req_9")
    _, decision = after_error(PollState(), error, ErrorBackoff())
    assert isinstance(decision, Stop) and isinstance(decision.error, e.ApiError)
    assert decision.error.request_id == "req_9"


def test_retry_headers() -> None:
    assert parse_retry_after({"retry-after-ms": "1500", "retry-after": "9"}, now=0) == 1.5
    assert parse_retry_after({"retry-after": "9"}, now=0) == 9.0
    assert parse_retry_after({"retry-after": "Wed, 21 Oct 2015 07:28:10 GMT"}, now=1445412480.0) == 10.0
    assert parse_retry_after({"retry-after": "3600"}, now=0) == 60.0
    assert parse_retry_after({"retry-after": "soon"}, now=0) is None
    assert retry_hint({}) is None and retry_hint({"x-should-retry": "maybe"}) is None
    assert retry_hint({"x-should-retry": "true"}) is True and retry_hint({"x-should-retry": "false"}) is False
    # The hint wins over the status: a 400 the server says to retry backs off, a 503 it says not to stops.
    assert classify(e.BadRequestError("busy", should_retry=True)) == "transient"
    assert classify(e.ServerError("down for good", status=503, should_retry=False)) == "fatal"
    assert classify(e.ServerError("down", status=503)) == "transient"
    assert classify(e.BadRequestError("bad")) == "fatal"


def test_the_codec_reads_the_servers_retry_hint() -> None:
    from app.core.http import HttpResponse
    from app.core.providers.base import Call
    from app.core.providers.openai_videos.codec import OpenAIVideosProvider

    body = b'{"error": {"message": "overloaded", "type": "server_error"}}'
    error = OpenAIVideosProvider().parse_error(HttpResponse(503, {"x-should-retry": "false"}, body), Call.POLL)
    assert isinstance(error, e.ServerError) and error.should_retry is False
    assert classify(error) == "fatal"
    assert OpenAIVideosProvider().parse_error(HttpResponse(503, {}, body), Call.POLL).should_retry is None
