"""OpenRouter's error answers as the app's :class:`~app.core.errors.ApiError` types.

Envelope ``{error: {code: <int>, message, metadata?}}``; the HTTP status decides the type
(``error.code`` repeats it, and is kept as the code only when it is a word). What the
status alone does not say, per call:

- 402: :class:`PaymentRequiredError` (no credit left);
- 403 at create with moderation metadata (``reasons``, ``flagged_input``) or a message
  naming a policy reason: :class:`BlockedError`, in OpenRouter's words;
- 404 at create: the model is unknown (``param="model"``); 404 at download (only asked
  after completion): the file is gone, code :data:`EXPIRED_CODE`, so the poller marks the
  job expired [U: OpenRouter documents no expiry answer];
- 400: ``param`` when the message clearly names one field (:func:`named_param`);
- 429/503: ``Retry-After`` honoured; a body that is not JSON keeps its first words.
"""

from __future__ import annotations

import re
import time
from typing import Annotated, Any

from pydantic import BeforeValidator, ValidationError

from app.core.errors import ApiError, BlockedError, api_error_for
from app.core.http import HttpResponse
from app.core.i18n import tr
from app.core.providers.base import Call
from app.core.providers.codec_kit import Lenient, Text, body_text
from app.core.providers.openrouter.jobs import block_phrase
from app.core.retry import parse_retry_after, retry_hint

EXPIRED_CODE = "expired"
# The create fields a 400 may name, and how a message names them. A message is about a
# field when it starts with it; "model" and "prompt" are common words otherwise ("not
# supported by this model"), so only the other three also count further in.
PARAM_WORDS: dict[str, re.Pattern[str]] = {
    "duration": re.compile(r"\bdurations?\b"),
    "resolution": re.compile(r"\bresolutions?\b"),
    "aspect_ratio": re.compile(r"\baspect[ _]ratios?\b"),
    "model": re.compile(r"\bmodel\b"),
    "prompt": re.compile(r"\bprompt\b"),
}
NAMED_ANYWHERE = ("duration", "resolution", "aspect_ratio")


def _object(value: Any) -> dict[str, Any] | None:
    return value if isinstance(value, dict) else None


class ErrorBody(Lenient):
    code: Annotated[int | str | None, BeforeValidator(lambda v: v if isinstance(v, int | str) else None)] = None
    message: Text = ""
    metadata: Annotated[dict[str, Any] | None, BeforeValidator(_object)] = None


class ErrorEnvelope(Lenient):
    error: ErrorBody


def named_param(message: str) -> str | None:
    """The field a message is about: the one it starts with, else the only one of
    :data:`NAMED_ANYWHERE` it names; ``None`` when that is not clear."""
    lowered = message.strip().strip("'\"`").lower()
    for param, pattern in PARAM_WORDS.items():
        if pattern.match(lowered):
            return param
    named = [param for param in NAMED_ANYWHERE if PARAM_WORDS[param].search(lowered)]
    return named[0] if len(named) == 1 else None


def _moderation(body: ErrorBody) -> bool:
    metadata = body.metadata or {}
    return bool(metadata.get("reasons") or metadata.get("flagged_input")) or block_phrase(body.message) is not None


def _with_reasons(message: str, body: ErrorBody) -> str:
    """The message, with the moderation reasons added when it does not name them already."""
    reasons = (body.metadata or {}).get("reasons")
    words = [str(r) for r in reasons if str(r) not in message] if isinstance(reasons, list) else []
    return tr("plat.openrouter.flagged", message=message, reasons=", ".join(words)) if words else message


def parse_error(response: HttpResponse, call: Call) -> ApiError:
    status = response.status
    request_id = response.header("x-request-id")
    retry_after = parse_retry_after(response.headers, now=time.time())
    hint = retry_hint(response.headers)
    try:
        body: ErrorBody | None = ErrorEnvelope.model_validate(response.json()).error
    except (ValueError, ValidationError):
        body = None
    message = (body.message if body else body_text(response)) or f"HTTP {status}"
    code = body.code if body and isinstance(body.code, str) and body.code.strip() else None
    kind: type[ApiError] | None = None
    param: str | None = None
    if call is Call.CREATE and status == 403 and body is not None and _moderation(body):
        kind, message = BlockedError, _with_reasons(message, body)
    elif call is Call.CREATE and status == 404:
        param = "model"
    elif call is Call.DOWNLOAD and status == 404:
        code = EXPIRED_CODE
    elif status == 400:
        param = named_param(message)
    return api_error_for(
        status,
        message,
        code=code,
        param=param,
        request_id=request_id,
        retry_after_s=retry_after,
        should_retry=hint,
        kind=kind,
    )
