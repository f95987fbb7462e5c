"""Gemini's error answers as the app's error types, by HTTP status first, then Google's words.

Two envelopes reach the app: Google's front end ``{error:{code:400, message, status,
details}}`` and the Interactions service ``{error:{code:"invalid_request", message}}``;
either may come wrapped in a one-element array. ``details`` carry what the status does
not: ``ErrorInfo.reason`` (``API_KEY_INVALID``), ``RetryInfo.retryDelay`` (``"27s"``),
``QuotaFailure`` (a per-day quota or ``limit: 0`` that no wait clears). Google's message
is always kept; the app adds what it means when the status alone would mislead.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from app.core.errors import (
    AccessDeniedError,
    ApiError,
    AuthenticationError,
    BlockedError,
    NotFoundError,
    QuotaError,
    RateLimitError,
    api_error_for,
)
from app.core.http import HttpResponse
from app.core.i18n import tr
from app.core.providers.base import Call
from app.core.providers.codec_kit import body_text
from app.core.providers.gemini_omni.interaction import names_a_block
from app.core.providers.gemini_omni.objects import ErrorEnvelope, GoogleError
from app.core.retry import MAX_SERVER_DELAY_S, parse_retry_after

GONE_ON = frozenset({Call.POLL, Call.CANCEL, Call.DELETE})
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)s?\s*$")
_INVALID_NAME = "invalid interaction name"
_LIMIT_ZERO = re.compile(r"\blimit: 0(?![\d.])")


@dataclass(frozen=True)
class Quota:
    """One ``QuotaFailure`` violation."""

    quota_id: str
    metric: str
    value: str

    @property
    def per_day(self) -> bool:
        return "perday" in self.quota_id.lower() or "per_day" in self.metric.lower()


@dataclass(frozen=True)
class Answer:
    """What an error answer says, whichever envelope carried it."""

    http: int
    message: str
    canonical: str | None = None  # INVALID_ARGUMENT, RESOURCE_EXHAUSTED … (front end)
    service_code: str | None = None  # invalid_request … (Interactions service)
    reasons: tuple[str, ...] = ()
    retry_delay_s: float | None = None
    quotas: tuple[Quota, ...] = ()
    field: str | None = None

    @property
    def code(self) -> str | None:
        return self.reasons[0] if self.reasons else self.service_code or self.canonical

    def says(self, words: str) -> bool:
        return words in self.message.lower()


def retry_delay_s(value: Any) -> float | None:
    """A protobuf Duration as seconds: ``"27s"``, ``"57.2s"`` (or ``{seconds, nanos}``), capped."""
    seconds: float | None = None
    if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
        seconds = float(value)
    elif isinstance(value, str) and (match := _DURATION.match(value)):
        seconds = float(match.group(1))
    elif isinstance(value, dict):
        try:
            seconds = float(value.get("seconds") or 0) + float(value.get("nanos") or 0) / 1e9
        except (TypeError, ValueError):
            seconds = None
    return None if seconds is None else min(seconds, MAX_SERVER_DELAY_S)


def _envelope(body: Any) -> GoogleError:
    if isinstance(body, list):
        body = next((item for item in body if isinstance(item, dict) and "error" in item), None)
    return ErrorEnvelope.model_validate(body).error


def _typed(details: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    return [d for d in details if str(d.get("@type", "")) in (name, f"type.googleapis.com/google.rpc.{name}")]


def read_answer(response: HttpResponse) -> Answer:
    """The answer's envelope read into :class:`Answer` (a body that is neither: its text)."""
    header_delay = parse_retry_after(response.headers, now=time.time())  # not expected from Google
    try:
        error = _envelope(response.json())
    except (ValueError, ValidationError):
        return Answer(response.status, body_text(response) or f"HTTP {response.status}", retry_delay_s=header_delay)
    details = error.details
    delays = [retry_delay_s(d.get("retryDelay")) for d in _typed(details, "RetryInfo")]
    quotas = tuple(
        Quota(str(v.get("quotaId", "")), str(v.get("quotaMetric", "")), str(v.get("quotaValue", "")))
        for d in _typed(details, "QuotaFailure")
        for v in d.get("violations") or ()
        if isinstance(v, dict)
    )
    fields = [
        str(v.get("field"))
        for d in _typed(details, "BadRequest")
        for v in d.get("fieldViolations") or ()
        if isinstance(v, dict) and v.get("field")
    ]
    return Answer(
        http=response.status,
        message=error.message or error.status or f"HTTP {response.status}",
        canonical=error.status,
        service_code=error.code if isinstance(error.code, str) else None,
        reasons=tuple(str(d["reason"]) for d in _typed(details, "ErrorInfo") if d.get("reason")),
        retry_delay_s=next((d for d in delays if d is not None), header_delay),
        quotas=quotas,
        field=fields[0] if fields else None,
    )


# -- what each answer means --------------------------------------------------------------------
@dataclass(frozen=True)
class Meaning:
    kind: type[ApiError] | None = None  # None: by HTTP status
    code: str | None = None  # None: Google's own code
    note: str = ""  # said before Google's words
    retry_after_s: float | None = None
    should_retry: bool | None = None


def _bad_request(answer: Answer, call: Call) -> Meaning:
    if "API_KEY_INVALID" in answer.reasons or answer.says("api key not valid"):
        return Meaning(AuthenticationError, "API_KEY_INVALID", tr("plat.gemini.key_invalid"))
    if call is Call.CREATE and names_a_block([answer.message], [*answer.reasons, answer.service_code or ""]):
        return Meaning(BlockedError, "blocked")
    if answer.says(_INVALID_NAME):
        if call in GONE_ON:
            return Meaning(NotFoundError, "expired", tr("plat.gemini.interaction_gone"))
        return Meaning(NotFoundError, "source_gone", tr("plat.gemini.source_gone"))
    if call is Call.POLL:  # seen as a passing fault on a running job [unverified]
        return Meaning(should_retry=True)
    return Meaning()


def _not_found(answer: Answer, call: Call) -> Meaning:
    if call is Call.DOWNLOAD:
        return Meaning(code="expired", note=tr("plat.gemini.file_expired"))
    if answer.says("no longer available"):
        return Meaning(code="model_retired", note=tr("plat.gemini.model_retired"))
    if answer.says("models/"):
        return Meaning(code="model_not_found", note=tr("plat.gemini.model_not_offered"))
    return Meaning()


def _denied(answer: Answer, call: Call) -> Meaning:
    if call is Call.DOWNLOAD and answer.says("may not exist"):
        return Meaning(NotFoundError, "expired", tr("plat.gemini.file_gone"))
    if "SERVICE_DISABLED" in answer.reasons:
        return Meaning(AccessDeniedError, note=tr("plat.gemini.api_off"))
    return Meaning(AccessDeniedError)


def _exhausted(answer: Answer) -> Meaning:
    if any(q.value == "0" for q in answer.quotas) or _LIMIT_ZERO.search(answer.message):
        return Meaning(QuotaError, "limit_zero", tr("plat.gemini.limit_zero"), should_retry=False)
    if any(q.per_day for q in answer.quotas):
        return Meaning(QuotaError, "daily_quota", tr("plat.gemini.daily_quota"), should_retry=False)
    return Meaning(RateLimitError, retry_after_s=answer.retry_delay_s)


_MAYBE_CREATED = (408, 409)  # a timeout or a conflict: the create may have gone through


def meaning(answer: Answer, call: Call) -> Meaning:
    """What ``answer`` means for ``call`` (the contract's error table)."""
    status = answer.http
    if status == 400:
        return _bad_request(answer, call)
    if status == 401:
        wrong_type = "ACCESS_TOKEN_TYPE_UNSUPPORTED" in answer.reasons
        return Meaning(AuthenticationError, note=tr("plat.gemini.bearer") if wrong_type else "")
    if status == 403:
        return _denied(answer, call)
    if status == 404:
        return _not_found(answer, call)
    if status == 429:
        return _exhausted(answer)
    if call is Call.CREATE and (status >= 500 or status in _MAYBE_CREATED):
        # Only a 429 proves nothing was made: anything else without a clear refusal is not resent.
        return Meaning(note=tr("plat.gemini.maybe_created"), should_retry=False)
    return Meaning()


def error_for(response: HttpResponse, call: Call) -> ApiError:
    """The :class:`ApiError` for a non-2xx answer to ``call``, with Google's message kept."""
    answer = read_answer(response)
    found = meaning(answer, call)
    message = tr("plat.gemini.google_said", note=found.note, said=answer.message) if found.note else answer.message
    return api_error_for(
        answer.http,
        message,
        type_=answer.canonical,
        code=found.code or answer.code,
        param=answer.field,
        request_id=response.header("x-request-id"),
        retry_after_s=found.retry_after_s,
        should_retry=found.should_retry,
        kind=found.kind,
    )
