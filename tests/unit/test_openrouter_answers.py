"""OpenRouter answers: the job object, the key info and the error envelope, mapped onto the
app's one job model exactly as the contract's mapping table says (docs/providers/job-model.md
and the OpenRouter column of the provider spec)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from app.core import errors as e
from app.core.http import HttpResponse
from app.core.providers.base import Call, RemoteOutput, RemoteStatus
from app.core.providers.openrouter.codec import OpenRouterProvider
from app.core.providers.openrouter.errors import named_param
from app.core.providers.openrouter.jobs import BLOCK_PHRASES, STATUS_MAP, block_phrase, map_status

PROVIDER = OpenRouterProvider()


def reply(status: int, payload: Any, **headers: str) -> HttpResponse:
    raw = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    return HttpResponse(status, {"content-type": "application/json", **headers}, raw)


def job(status: str, **fields: Any) -> dict[str, Any]:
    return {"id": "job-1", "polling_url": "/api/v1/videos/job-1", "status": status, **fields}


def envelope(code: int, message: str, **metadata: Any) -> dict[str, Any]:
    error: dict[str, Any] = {"code": code, "message": message}
    if metadata:
        error["metadata"] = metadata
    return {"error": error}


# -- the mapping table: app state ← OpenRouter -----------------------------------------------------
# Each row of the contract's table, as an answer and what the app must make of it: a job
# status, or the error (type, code) the call raises.
JOB_ROWS = [
    ("queued", job("pending"), RemoteStatus.QUEUED),
    ("running", job("in_progress", generation_id="gen-1"), RemoteStatus.RUNNING),
    ("succeeded", job("completed", unsigned_urls=["u"], usage={"cost": 0.42}), RemoteStatus.COMPLETED),
    ("blocked", job("failed", error="Content policy violation"), RemoteStatus.BLOCKED),
    ("failed", job("failed", error="Video generation failed"), RemoteStatus.FAILED),
    ("canceled", job("cancelled", error="Job was cancelled"), RemoteStatus.CANCELED),
    ("expired", job("expired", error="Job exceeded maximum time to live"), RemoteStatus.EXPIRED),
]
ERROR_ROWS = [
    ("queued", Call.CREATE, reply(429, envelope(429, "Rate limit exceeded"), **{"retry-after": "7"}), e.RateLimitError),
    ("queued", Call.CREATE, reply(500, envelope(500, "Internal Server Error")), e.ServerError),
    (
        "blocked",
        Call.CREATE,
        reply(403, envelope(403, "Flagged", reasons=["violence"], flagged_input="x")),
        e.BlockedError,
    ),
    ("failed", Call.CREATE, reply(400, envelope(400, "duration 5 is not supported")), e.BadRequestError),
    ("failed", Call.CREATE, reply(401, envelope(401, "User not found.")), e.AuthenticationError),
    ("failed", Call.CREATE, reply(402, envelope(402, "Insufficient credits")), e.PaymentRequiredError),
    ("expired", Call.DOWNLOAD, reply(404, envelope(404, "Not Found")), e.NotFoundError),
]


@pytest.mark.parametrize(("state", "answer", "status"), JOB_ROWS, ids=[row[0] for row in JOB_ROWS])
def test_job_statuses_follow_the_mapping_table(state: str, answer: dict[str, Any], status: RemoteStatus) -> None:
    remote = PROVIDER.parse_job(reply(200, answer))
    assert remote.status is status, state
    assert remote.raw_status == answer["status"] and remote.error_message == answer.get("error")
    assert remote.status.terminal is (state not in ("queued", "running"))


@pytest.mark.parametrize(
    ("state", "call", "answer", "kind"), ERROR_ROWS, ids=[f"{r[0]}-{r[2].status}" for r in ERROR_ROWS]
)
def test_error_answers_follow_the_mapping_table(state: str, call: Call, answer: HttpResponse, kind: type) -> None:
    error = PROVIDER.parse_error(answer, call)
    assert type(error) is kind and error.status == answer.status, state
    if state == "expired":
        assert error.code == "expired"  # the poller marks the job expired, never resubmits


def test_the_status_table_is_the_apis_whole_enum() -> None:
    assert set(STATUS_MAP) >= {"pending", "in_progress", "completed", "failed", "cancelled", "expired"}
    assert map_status("paused_by_gremlins", None) is RemoteStatus.UNKNOWN and RemoteStatus.UNKNOWN.terminal
    assert map_status("queued_forever", None) is RemoteStatus.UNKNOWN  # only OpenRouter's words count
    assert map_status("COMPLETED", None) is RemoteStatus.COMPLETED


@pytest.mark.parametrize(
    ("text", "blocked"),
    [
        ("Content policy violation", True),
        ("The prompt could not be submitted: it violates Vertex AI's usage guidelines.", True),
        ("Blocked by Responsible AI practices", True),
        ("Your input was flagged by moderation", True),
        ("Safety filter triggered", True),
        ("Video generation failed", False),
        ("Provider returned error: the model is no longer served", False),
        (None, False),
    ],
)
def test_blocks_are_told_apart_by_the_providers_words(text: str | None, blocked: bool) -> None:
    assert (map_status("failed", text) is RemoteStatus.BLOCKED) is blocked
    assert (block_phrase(text) in BLOCK_PHRASES) is blocked


def test_a_block_keeps_the_providers_words_and_a_code() -> None:
    remote = PROVIDER.parse_job(reply(200, job("failed", error="Content policy violation")))
    assert (remote.error_code, remote.error_message) == ("content_policy", "Content policy violation")


def test_an_error_object_is_read_for_its_message() -> None:
    remote = PROVIDER.parse_job(reply(200, job("failed", error={"code": "x", "message": "Safety block"})))
    assert (remote.status, remote.error_message) == (RemoteStatus.BLOCKED, "Safety block")


# -- the job object -----------------------------------------------------------------------------
def test_a_completed_job_lists_its_videos_and_billed_cost() -> None:
    urls = ["https://openrouter.ai/api/v1/videos/job-1/content?index=0", "https://openrouter.ai/x?index=1"]
    remote = PROVIDER.parse_job(
        reply(200, job("completed", unsigned_urls=urls, usage={"cost": 0.42, "is_byok": False}))
    )
    assert remote.outputs == (RemoteOutput("video", url=urls[0]), RemoteOutput("video-2", url=urls[1]))
    assert remote.billed_usd == Decimal("0.42")  # exactly, not 0.41999…
    assert remote.poll_url == "/api/v1/videos/job-1"


@pytest.mark.parametrize(
    ("usage", "billed"),
    [
        ({"cost": None, "is_byok": False}, None),  # billed: unknown
        ({"cost": "1.60"}, Decimal("1.60")),
        ({"cost": 3}, Decimal(3)),
        ({"cost": 0}, Decimal(0)),
        ({"cost": -1}, None),
        ({"cost": "NaN"}, None),
        ({"cost": True}, None),
        ({}, None),
        (None, None),
    ],
)
def test_billed_cost(usage: dict[str, Any] | None, billed: Decimal | None) -> None:
    answer = job("completed") if usage is None else job("completed", usage=usage)
    assert PROVIDER.parse_job(reply(200, answer)).billed_usd == billed


@pytest.mark.parametrize(
    ("polling_url", "answered_from", "kept"),
    [
        ("/api/v1/videos/job-1", "", "/api/v1/videos/job-1"),
        (
            "https://openrouter.ai/api/v1/videos/job-1",
            "https://openrouter.ai/api/v1/videos",
            "https://openrouter.ai/api/v1/videos/job-1",
        ),
        ("https://openrouter.ai/api/v1/videos/job-1", "", None),  # cannot tell which origin answered
        ("https://openrouter-mirror.invalid/api/v1/videos/job-1", "https://openrouter.ai/api/v1/videos", None),
        ("//evil.example/x", "", None),
        ("/api/v1/../x", "", None),
        (None, "", None),
    ],
)
def test_poll_url_keeps_only_safe_urls(polling_url: str | None, answered_from: str, kept: str | None) -> None:
    response = HttpResponse(200, {}, json.dumps(job("pending", polling_url=polling_url)).encode(), url=answered_from)
    assert PROVIDER.parse_job(response).poll_url == kept


def test_unknown_fields_are_ignored_and_junk_urls_dropped() -> None:
    remote = PROVIDER.parse_job(reply(200, job("completed", unsigned_urls=["", 5, "u"], surprise={"a": 1})))
    assert [o.url for o in remote.outputs] == ["u"]
    assert PROVIDER.parse_job(reply(200, job("completed", unsigned_urls="u"))).outputs == ()


@pytest.mark.parametrize("payload", [b"<html>", b"{}", json.dumps({"status": "pending"}).encode(), b"[]"])
def test_a_job_answer_of_another_shape_is_an_api_error(payload: bytes) -> None:
    with pytest.raises(e.ApiError, match="does not understand"):
        PROVIDER.parse_job(reply(200, payload))


def test_a_job_answer_without_a_status_is_followed_not_ended() -> None:
    remote = PROVIDER.parse_job(reply(202, json.dumps({"id": "j"}).encode()))
    assert remote.remote_id == "j" and remote.status is RemoteStatus.QUEUED and not remote.status.terminal


# -- the key ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("data", "account"),
    [
        (
            {"label": "sk-or-v1-0e6...c96", "limit": 10, "limit_remaining": 3.2, "usage": 6.8},
            "sk-or-v1-0e6...c96: $3.20 of $10.00 left",
        ),
        ({"label": "sk-or-v1-0e6...c96", "limit": None, "usage": 1.6}, "sk-or-v1-0e6...c96: no limit, $1.60 used"),
        ({"label": "k", "limit": 5}, "k: limit $5.00"),
        ({"limit": None, "is_free_tier": True}, "no limit (free tier)"),
        ({"label": 7, "limit": "x", "usage": "y"}, "no limit"),
    ],
)
def test_key_check_reports_the_account_not_the_model(data: dict[str, Any], account: str) -> None:
    report = PROVIDER.parse_key_check(reply(200, {"data": data}), "google/veo-3.1")
    assert (report.model, report.checks_model, report.account) == (None, False, account)


# -- errors in detail ---------------------------------------------------------------------------
def test_moderation_at_create_keeps_the_providers_words() -> None:
    message = 'google/veo-3.1 requires moderation on google-vertex. Your input was flagged for "violence/graphic".'
    answer = reply(403, envelope(403, message, reasons=["violence/graphic"], flagged_input="a fight"))
    error = PROVIDER.parse_error(answer, Call.CREATE)
    assert isinstance(error, e.BlockedError) and error.message == message and error.status == 403
    other = reply(403, envelope(403, "Blocked", reasons=["hate", "violence"]))
    assert PROVIDER.parse_error(other, Call.CREATE).message == "Blocked (flagged for: hate, violence)"
    wordless = reply(403, {"error": {"code": 403, "message": None, "metadata": {"reasons": ["hate"]}}})
    assert PROVIDER.parse_error(wordless, Call.CREATE).message == "HTTP 403 (flagged for: hate)"


def test_a_403_that_is_not_moderation_is_access_denied() -> None:
    answer = reply(403, envelope(403, "Only management keys can perform this operation"))
    assert type(PROVIDER.parse_error(answer, Call.CREATE)) is e.AccessDeniedError
    flagged = reply(403, envelope(403, "x", reasons=["violence"]))
    assert type(PROVIDER.parse_error(flagged, Call.POLL)) is e.AccessDeniedError  # blocks happen at create


def test_retry_after_on_429_and_503() -> None:
    limited = PROVIDER.parse_error(reply(429, envelope(429, "Rate limit exceeded"), **{"retry-after": "3"}), Call.POLL)
    busy = PROVIDER.parse_error(reply(503, envelope(503, "No allowed providers"), **{"retry-after": "5"}), Call.CREATE)
    assert isinstance(limited, e.RateLimitError) and limited.retry_after_s == 3.0
    assert isinstance(busy, e.ServerError) and busy.retry_after_s == 5.0 and busy.status == 503


def test_an_unknown_model_at_create_names_the_model() -> None:
    answer = reply(404, envelope(404, "Model 'acme/x' is not a video generation model or does not exist."))
    error = PROVIDER.parse_error(answer, Call.CREATE)
    assert isinstance(error, e.NotFoundError) and error.param == "model"
    assert PROVIDER.parse_error(reply(404, envelope(404, "Not Found")), Call.POLL).code is None


@pytest.mark.parametrize(
    ("message", "param"),
    [
        ("duration 5 is not supported by google/veo-3.1; supported durations: 4, 6, 8", "duration"),
        ("google/veo-3.1 generates 1080p only at duration 8; got 4", "duration"),
        ("resolution '8K' is not supported by this model; supported: 720p", "resolution"),
        ("aspect_ratio must be one of 16:9, 9:16; got '5:4'", "aspect_ratio"),
        ("Unsupported aspect ratio 5:4", "aspect_ratio"),
        ("model is required", "model"),
        ("prompt must not be empty", "prompt"),
        ("size 1280x720 contradicts resolution / aspect_ratio; send one or the other", None),
        ("frame_type 'last_frame' is not supported by this model", None),  # "model" in passing
        ("Unrecognized key in request body: 'foo'", None),
    ],
)
def test_a_400_names_a_field_only_when_clear(message: str, param: str | None) -> None:
    assert named_param(message) == param
    error = PROVIDER.parse_error(reply(400, envelope(400, message)), Call.CREATE)
    assert isinstance(error, e.BadRequestError) and error.param == param and error.message == message


@pytest.mark.parametrize(
    ("answer", "kind", "message"),
    [
        (
            HttpResponse(502, {"content-type": "text/html"}, b"<html>Bad gateway</html>"),
            e.ServerError,
            "<html>Bad gateway</html>",
        ),
        (HttpResponse(401, {}, b""), e.AuthenticationError, "HTTP 401"),
        (reply(408, envelope(408, "Request timed out")), e.ApiError, "Request timed out"),
        (reply(400, {"error": "plain"}), e.BadRequestError, '{"error": "plain"}'),
        (reply(500, {"error": {"code": "boom", "message": 5, "metadata": []}}), e.ServerError, "HTTP 500"),
    ],
)
def test_answers_that_are_not_the_envelope(answer: HttpResponse, kind: type, message: str) -> None:
    error = PROVIDER.parse_error(answer, Call.POLL)
    assert type(error) is kind and error.message == message and error.status == answer.status


def test_a_download_404_is_expired_even_without_json() -> None:
    error = PROVIDER.parse_error(HttpResponse(404, {}, b"gone"), Call.DOWNLOAD)
    assert isinstance(error, e.NotFoundError) and error.code == "expired"
