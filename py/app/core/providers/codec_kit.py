"""What every codec does the same way: join URLs, send the key, trust no answer unchecked.

Answers are validated with pydantic models that ignore unknown fields (APIs add fields)
but refuse a wrong shape, which becomes an :class:`~app.core.errors.ApiError` that says
the app does not understand the answer, instead of a crash far away.
"""

from __future__ import annotations

import time
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, TypeVar
from urllib.parse import unquote, urlsplit

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError

from app.core.capabilities import Auth, ProviderCapabilities
from app.core.errors import ApiError
from app.core.http import HttpRequest, HttpResponse
from app.core.i18n import tr
from app.core.model_base import Model
from app.core.providers.base import UnsupportedOperationError

M = TypeVar("M", bound=BaseModel)
UNSUPPORTED: dict[str, str] = {  # an operation a provider has no way to do → the message saying so
    "cancel": "plat.unsupported.cancel",
    "delete": "plat.unsupported.delete",
    "list": "plat.unsupported.list",
    "remix": "plat.unsupported.remix",
    "sign_in": "plat.unsupported.sign_in",
}


class Lenient(Model):
    """An API object: unknown fields ignored, known ones checked."""

    model_config = ConfigDict(extra="ignore")


def text_or_empty(value: Any) -> str:
    return value if isinstance(value, str) else ""


def flag_or_none(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


def decimal_or_none(value: Any) -> Decimal | None:
    """A non-negative finite amount, read from its decimal text (``0.42`` stays ``0.42``); else ``None``."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        return None
    return amount if amount.is_finite() and amount >= 0 else None


# Fields of an alpha API where a value of the wrong shape means "unknown", not a broken answer.
Text = Annotated[str, BeforeValidator(text_or_empty)]
Flag = Annotated[bool | None, BeforeValidator(flag_or_none)]
Amount = Annotated[Decimal | None, BeforeValidator(decimal_or_none)]


def join(base_url: str, path: str) -> str:
    return base_url.rstrip("/") + path


def key_headers(auth: Auth, api_key: str) -> dict[str, str]:
    """The header that carries the key, the way the provider wants it (never in a URL)."""
    if auth is Auth.GOOG_API_KEY:
        return {"x-goog-api-key": api_key}
    return {"Authorization": f"Bearer {api_key}"}


def validated(model: type[M], response: HttpResponse) -> M:
    """``response``'s JSON as ``model``; an :class:`ApiError` when it is not that shape."""
    try:
        return model.model_validate(response.json())
    except (ValueError, ValidationError) as exc:
        raise ApiError(
            tr("plat.api.unreadable", model=model.__name__),
            status=response.status,
            request_id=response.header("x-request-id"),
        ) from exc


def int_or_none(value: Any) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def iso_date(value: str | int | None) -> str | None:
    """A date the API gives as ISO text or epoch seconds, as ``YYYY-MM-DD`` text."""
    if value is None or value == "":
        return None
    if isinstance(value, int):
        return time.strftime("%Y-%m-%d", time.gmtime(value))
    return value


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def on_origin(base_url: str, url: str) -> str | None:
    """``url`` as an absolute URL on ``base_url``'s origin, or ``None``: the key-safety test
    for any URL an answer names (a polling or download URL).

    A path (``/api/v1/videos/1``) is resolved against that origin; an absolute ``http(s)``
    URL counts only on exactly that origin. Anything else is refused: another host or
    port, ``//host`` paths, user info, dot segments, spaces, backslashes, other schemes.
    """
    if not url or any(ch.isspace() or ch == "\\" or not ch.isprintable() for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if any(unquote(segment) in (".", "..") for segment in parts.path.split("/")):
        return None
    if not parts.scheme and not parts.netloc:
        return origin(base_url) + url if url.startswith("/") else None
    if parts.scheme.lower() not in ("http", "https") or "@" in parts.netloc:
        return None
    return url if origin(url) == origin(base_url) else None


def unsupported(provider: str, operation: str) -> UnsupportedOperationError:
    """``operation`` is a code: "cancel", "delete", "list", "remix" (a video) or "sign_in" (to get a key)."""
    return UnsupportedOperationError(tr(UNSUPPORTED[operation], provider=provider))


class NoSignIn:
    """The sign-in part of :class:`~app.core.providers.base.VideoProvider` for a provider that
    has none (``capabilities.sign_in`` is False): a key is pasted, never exchanged."""

    capabilities: ProviderCapabilities

    def sign_in_url(self, base_url: str, callback_url: str, challenge: str) -> str:
        del base_url, callback_url, challenge
        raise unsupported(self.capabilities.label, "sign_in")

    def key_exchange_request(self, base_url: str, code: str, verifier: str) -> HttpRequest:
        del base_url, code, verifier
        raise unsupported(self.capabilities.label, "sign_in")

    def parse_key_exchange(self, response: HttpResponse) -> str:
        del response
        raise unsupported(self.capabilities.label, "sign_in")


def body_text(response: HttpResponse, limit: int = 300) -> str:
    """The start of a non-JSON error body, for the message."""
    return response.body[:limit].decode("utf-8", "replace").strip()


def bare_base64(text: str) -> str:
    """Raw base64 from base64 text or a ``data:…;base64,`` URL (prefix and whitespace dropped)."""
    head, comma, tail = text.partition(",")
    payload = tail if comma and head.lstrip().startswith("data:") else text
    return "".join(payload.split())
