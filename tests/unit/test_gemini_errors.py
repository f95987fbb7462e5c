"""Gemini error answers as app errors: both envelopes (and the array around them), every
row of the contract's error table, RetryInfo delays and the quotas no wait clears."""

from __future__ import annotations

import json
from typing import Any

import pytest

from app.core import errors as e
from app.core.http import HttpResponse
from app.core.poll_plan import classify, may_have_created
from app.core.providers.base import Call
from app.core.providers.gemini_omni.codec import GeminiOmniProvider
from app.core.providers.gemini_omni.errors import retry_delay_s

PROVIDER = GeminiOmniProvider()
RPC = "type.googleapis.com/google.rpc."
KEY_INVALID = "API key not valid. Please pass a valid API key."


def front(status: int, message: str, name: str, *details: dict[str, Any]) -> dict[str, Any]:
    error: dict[str, Any] = {"code": status, "message": message, "status": name}
    if details:
        error["details"] = list(details)
    return {"error": error}


def info(reason: str) -> dict[str, Any]:
    return {"@type": RPC + "ErrorInfo", "reason": reason, "domain": "googleapis.com"}


def retry(delay: str) -> dict[str, Any]:
    return {"@type": RPC + "RetryInfo", "retryDelay": delay}


def quota(quota_id: str, value: str) -> dict[str, Any]:
    return {"@type": RPC + "QuotaFailure", "violations": [{"quotaId": quota_id, "quotaValue": value,
            "quotaMetric": "generativelanguage.googleapis.com/generate_requests_per_model"}]}  # fmt: skip


def error(status: int, body: Any, call: Call = Call.CREATE, headers: dict[str, str] | None = None) -> e.ApiError:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    return PROVIDER.parse_error(HttpResponse(status, headers or {}, raw), call)


PER_MINUTE = "GenerateRequestsPerMinutePerProjectPerModel"
EXHAUSTED = "You exceeded your current quota, please check your plan and billing details."

# The contract's error table (§2.5), row by row: (row, HTTP, body, call, error type, code).
ROWS: list[tuple[str, int, Any, Call, type[e.ApiError], str | None]] = [
    ("400 API_KEY_INVALID", 400, front(400, KEY_INVALID, "INVALID_ARGUMENT", info("API_KEY_INVALID")), Call.CHECK,
     e.AuthenticationError, "API_KEY_INVALID"),
    ("401 UNAUTHENTICATED (Bearer)", 401, front(401, "Request had invalid authentication credentials.",
     "UNAUTHENTICATED", info("ACCESS_TOKEN_TYPE_UNSUPPORTED")), Call.CHECK, e.AuthenticationError,
     "ACCESS_TOKEN_TYPE_UNSUPPORTED"),
    ("403 PERMISSION_DENIED (no key)", 403, front(403, "Method doesn't allow unregistered callers.",
     "PERMISSION_DENIED"), Call.POLL, e.AccessDeniedError, "PERMISSION_DENIED"),
    ("403 SERVICE_DISABLED", 403, front(403, "Generative Language API has not been used in project 1.",
     "PERMISSION_DENIED", info("SERVICE_DISABLED")), Call.CREATE, e.AccessDeniedError, "SERVICE_DISABLED"),
    ("400 other INVALID_ARGUMENT", 400, front(400, "The requested duration 20s is out of range.",
     "INVALID_ARGUMENT"), Call.CREATE, e.BadRequestError, "INVALID_ARGUMENT"),
    ("400 SAFETY at submit", 400, front(400, "The request was blocked (SAFETY: PROHIBITED_CONTENT).",
     "INVALID_ARGUMENT"), Call.CREATE, e.BlockedError, "blocked"),
    ("400 Invalid interaction name on a poll", 400, front(400, "Invalid interaction name: interactions/v1_x",
     "INVALID_ARGUMENT"), Call.POLL, e.NotFoundError, "expired"),
    ("400 without that name on a poll", 400, front(400, "Request contains an invalid argument.",
     "INVALID_ARGUMENT"), Call.POLL, e.BadRequestError, "INVALID_ARGUMENT"),
    ("404 model not found", 404, front(404, "models/gemini-9 is not found for API version v1beta.", "NOT_FOUND"),
     Call.CREATE, e.NotFoundError, "model_not_found"),
    ("404 model no longer available", 404, front(404, "models/veo-3.1-generate-preview is no longer available. "
     "Please use gemini-omni-1.2-flash instead.", "NOT_FOUND"), Call.CREATE, e.NotFoundError, "model_retired"),
    ("429 RESOURCE_EXHAUSTED with RetryInfo", 429, front(429, EXHAUSTED, "RESOURCE_EXHAUSTED",
     quota(PER_MINUTE, "10"), retry("27s")), Call.CREATE, e.RateLimitError, "RESOURCE_EXHAUSTED"),
    ("429 per-day quota", 429, front(429, EXHAUSTED, "RESOURCE_EXHAUSTED",
     quota("GenerateRequestsPerDayPerProjectPerModel", "500"), retry("41s")), Call.CREATE, e.QuotaError,
     "daily_quota"),
    ("429 limit: 0", 429, front(429, EXHAUSTED + " limit: 0, model: gemini-omni-1.2-flash", "RESOURCE_EXHAUSTED",
     quota("GenerateRequestsPerDayPerProjectPerModel-FreeTier", "0"), retry("41s")), Call.CREATE, e.QuotaError,
     "limit_zero"),
    ("500 INTERNAL", 500, front(500, "An internal error has occurred.", "INTERNAL"), Call.POLL, e.ServerError,
     "INTERNAL"),
    ("503 UNAVAILABLE", 503, front(503, "The model is overloaded. Please try again later.", "UNAVAILABLE"),
     Call.POLL, e.ServerError, "UNAVAILABLE"),
]  # fmt: skip


@pytest.mark.parametrize(("row", "status", "body", "call", "kind", "code"), ROWS, ids=[r[0] for r in ROWS])
def test_the_error_table(row: str, status: int, body: Any, call: Call, kind: type[e.ApiError], code: str) -> None:
    found = error(status, body, call)
    assert type(found) is kind, row
    assert found.code == code and found.status == status
    assert body["error"]["message"] in found.message  # Google's words are kept


def test_what_the_poller_and_the_submitter_do_with_each() -> None:
    by_row = {row: error(status, body, call) for row, status, body, call, _, _ in ROWS}
    assert classify(by_row["429 RESOURCE_EXHAUSTED with RetryInfo"]) == "throttled"
    per_minute = front(429, EXHAUSTED + " limit: 10, model: m", "RESOURCE_EXHAUSTED", quota(PER_MINUTE, "10"))
    assert type(error(429, per_minute)) is e.RateLimitError  # "limit: 10" is not "limit: 0"
    assert by_row["429 RESOURCE_EXHAUSTED with RetryInfo"].retry_after_s == 27.0
    for row in ("429 per-day quota", "429 limit: 0"):  # they carry a RetryInfo, but waiting won't clear them
        assert classify(by_row[row]) == "fatal" and by_row[row].retry_after_s is None
    assert classify(by_row["400 without that name on a poll"]) == "transient"
    assert classify(by_row["400 Invalid interaction name on a poll"]) == "fatal"
    assert classify(by_row["500 INTERNAL"]) == "transient"  # a GET is safe to repeat


def test_a_create_that_got_a_5xx_is_not_sent_again() -> None:
    found = error(500, front(500, "An internal error has occurred.", "INTERNAL"), Call.CREATE)
    assert isinstance(found, e.ServerError) and classify(found) == "fatal"
    assert "may still have been created" in found.message and "An internal error has occurred." in found.message


def test_messages_say_what_the_status_does_not() -> None:
    assert "key is invalid" in error(400, ROWS[0][2], Call.CHECK).message
    assert "x-goog-api-key" in error(401, ROWS[1][2], Call.CHECK).message
    assert "Generative Language API is off" in error(403, ROWS[3][2]).message
    assert "retired" in error(404, ROWS[9][2]).message
    assert "midnight Pacific" in error(429, ROWS[11][2]).message
    assert "paid-tier" in error(429, ROWS[12][2]).message


def test_the_interactions_service_envelope_has_a_string_code() -> None:
    body = {"error": {"code": "invalid_request", "message": "The request could not be processed."}}
    found = error(400, body)
    assert type(found) is e.BadRequestError
    assert (found.code, found.message, found.type) == ("invalid_request", "The request could not be processed.", None)


def test_an_array_wraps_either_envelope() -> None:
    found = error(400, [front(400, "Request contains an invalid argument.", "INVALID_ARGUMENT")])
    assert type(found) is e.BadRequestError and found.message == "Request contains an invalid argument."
    wrapped = error(429, [{"error": {"code": 429, "message": "slow down", "details": [retry("3.5s")]}}], Call.POLL)
    assert type(wrapped) is e.RateLimitError and wrapped.retry_after_s == 3.5


def test_a_field_violation_names_the_param() -> None:
    violation = {"@type": RPC + "BadRequest", "fieldViolations": [{"field": "response_format.resolution"}]}
    body = front(400, "Invalid value at 'response_format.resolution'", "INVALID_ARGUMENT", violation)
    assert error(400, body).param == "response_format.resolution"


def test_invalid_interaction_name_elsewhere() -> None:
    body = front(400, "Invalid interaction name: interactions/v1_gone", "INVALID_ARGUMENT")
    assert error(400, body, Call.CANCEL).code == "expired" and error(400, body, Call.DELETE).code == "expired"
    extend = error(400, body, Call.CREATE)  # the video an extend continues is gone
    assert type(extend) is e.NotFoundError and extend.code == "source_gone"


def test_safety_words_block_only_at_submit() -> None:
    body = front(400, "The request was blocked (SAFETY: PROHIBITED_CONTENT).", "INVALID_ARGUMENT")
    assert type(error(400, body, Call.POLL)) is e.BadRequestError


def test_downloads_that_expired() -> None:
    gone = error(403, front(403, "You do not have permission to access the File abc or it may not exist.",
                            "PERMISSION_DENIED"), Call.DOWNLOAD)  # fmt: skip
    assert type(gone) is e.NotFoundError and gone.code == "expired"
    expired = error(404, front(404, "File files/abc has expired and is no longer available.", "NOT_FOUND"),
                    Call.DOWNLOAD)  # fmt: skip
    assert type(expired) is e.NotFoundError and expired.code == "expired" and "expired" in expired.message
    no_key = error(403, front(403, "Method doesn't allow unregistered callers.", "PERMISSION_DENIED"), Call.DOWNLOAD)
    assert type(no_key) is e.AccessDeniedError


def test_a_body_that_is_not_an_envelope() -> None:
    found = error(502, b"<html>Bad Gateway</html>", Call.POLL)
    assert type(found) is e.ServerError and found.message == "<html>Bad Gateway</html>"
    assert type(error(429, b"", Call.POLL, {"retry-after": "4"})) is e.RateLimitError
    assert error(429, b"", Call.POLL, {"retry-after": "4"}).retry_after_s == 4.0
    assert type(error(400, {"error": "a bare string"})) is e.BadRequestError


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("27s", 27.0), ("57.2s", 57.2), ("0.5s", 0.5), ("3", 3.0), (" 8s ", 8.0), ("600s", 60.0), (7, 7.0),
     ({"seconds": "2", "nanos": 500_000_000}, 2.5), ("soon", None), ("-3s", None), (None, None), (True, None)],
)  # fmt: skip
def test_retry_delay_parsing(value: Any, seconds: float | None) -> None:
    assert retry_delay_s(value) == seconds


def test_a_create_that_timed_out_or_conflicted_is_not_sent_again() -> None:
    for status, canonical in ((408, "DEADLINE_EXCEEDED"), (409, "ABORTED")):
        found = error(status, front(status, "Try again later.", canonical), Call.CREATE)
        assert classify(found) == "fatal" and may_have_created(found)
        assert "may still have been created" in found.message
        polled = error(status, front(status, "Try again later.", canonical), Call.POLL)
        assert classify(polled) == "transient"  # a GET is safe to repeat
