"""Every error type gets its own plain title and a next step."""

from __future__ import annotations

import pytest

from app.core import errors as e
from app.core.messages import describe
from app.core.providers.openai_videos.capabilities import CAPABILITIES

CASES: list[BaseException] = [
    e.InputError("prompt", "Write a prompt."),
    e.AuthenticationError("bad key", request_id="req_1"),
    e.AccessDeniedError("no access"),
    e.QuotaError("no money"),
    e.RateLimitError("slow down", retry_after_s=3),
    e.GoneError("gone"),
    e.NotFoundError("missing"),
    e.BadRequestError("bad size", param="size"),
    e.ServerError("boom", status=503),
    e.NetworkError("Failed to fetch"),
    e.NetworkError("late", timed_out=True),
    e.CorsError("api.example does not accept calls from this web page", provider="OpenRouter"),
    e.StorageQuotaError("full"),
    e.StorageError("nope"),
    e.ContentError("cut"),
    e.VaultError("locked"),
    RuntimeError("surprise"),
]


def test_titles_are_distinct_and_every_message_says_what_to_do() -> None:
    messages = [describe(error, host="api.example") for error in CASES]
    titles = [m.title for m in messages]
    shared = {title for title in titles if titles.count(title) > 1}
    assert shared == {"Cannot reach the API"}  # only the two network cases (offline, timed out) share one
    assert titles.count("Cannot reach the API") == 2
    for error, message in zip(CASES, messages, strict=True):
        assert message.title and message.detail, error
        if not isinstance(error, e.VaultError):
            assert message.action, error


def test_specific_wording() -> None:
    assert describe(e.RateLimitError("x", retry_after_s=3)).action.startswith("The API asked to wait 3 s")
    assert "insufficient_quota" in describe(e.QuotaError("x")).detail
    assert "2026-09-24" in describe(e.GoneError("x"), gone_note=CAPABILITIES.notice).detail
    assert "(size)" in describe(e.BadRequestError("x", param="size")).title
    assert "Request ID: req_1" in describe(e.AuthenticationError("x", request_id="req_1")).as_text()
    assert "nothing was saved" in describe(e.StorageQuotaError("x")).detail
    cors = describe(e.CorsError("x", provider="OpenRouter"), host="api.example")
    assert cors.title == "OpenRouter refused a call from this web page (CORS)"
    assert "nothing was sent" in cors.detail and "serve.py --relay" in cors.action
    assert describe(e.CorsError("x"), host="api.example").title.startswith("api.example refused")


@pytest.mark.parametrize(
    ("status", "code", "cls"),
    [
        (429, "insufficient_quota", e.QuotaError),
        (429, "rate_limit_exceeded", e.RateLimitError),
        (502, None, e.ServerError),
        (418, None, e.ApiError),
        (410, None, e.GoneError),
    ],
)
def test_api_error_for(status: int, code: str | None, cls: type[e.ApiError]) -> None:
    error = e.api_error_for(status, "m", code=code)
    assert type(error) is cls and error.status == status
