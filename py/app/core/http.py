"""HTTP requests and responses as plain data, so building and parsing them is pure.

A provider turns intents into :class:`HttpRequest` values and :class:`HttpResponse`
values into results; only the transport adapter (``app.browser.fetch``) performs I/O.
Binary payloads (an image to upload, a video downloaded) stay opaque handles
(JS ``Blob`` objects in the page) so they never get copied through Python.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any
from urllib.parse import parse_qsl, urlsplit, urlunsplit


class Expect(StrEnum):
    """How the transport should read the response body."""

    JSON = "json"
    BLOB = "blob"  # binary kept as an opaque handle (video, images)


@dataclass(frozen=True)
class FileField:
    """A file part of a multipart form; ``blob`` is an opaque handle (or bytes in tests)."""

    filename: str
    content_type: str
    blob: Any


FormValue = str | FileField


@dataclass(frozen=True)
class HttpRequest:
    method: str
    url: str
    headers: Mapping[str, str] = field(default_factory=dict)
    json_body: Any = None
    form: tuple[tuple[str, FormValue], ...] | None = None
    expect: Expect = Expect.JSON
    timeout_s: float = 60.0

    def describe(self) -> dict[str, Any]:
        """The request as sent, safe to store and show: no key, images as short descriptions."""
        parts = urlsplit(self.url)
        query = "&".join(
            f"{name}=[redacted]" if name.lower() == "key" else f"{name}={value}"
            for name, value in parse_qsl(parts.query)
        )
        url = urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))
        described: dict[str, Any] = {"method": self.method, "url": url, "headers": self.redacted_headers()}
        if self.json_body is not None:
            described["json"] = _abridged(self.json_body)
        if self.form is not None:
            described["form"] = [
                [name, f"<file {value.filename} ({value.content_type})>" if isinstance(value, FileField) else value]
                for name, value in self.form
            ]
        return described

    def redacted_headers(self) -> dict[str, str]:
        """Headers safe to show or log: credentials are replaced."""
        return {
            k: ("[redacted]" if k.lower() in ("authorization", "x-goog-api-key") else v)
            for k, v in self.headers.items()
        }


LONG_TEXT = 300  # longer strings in a stored request (base64 images) are described, not kept


def _abridged(value: Any) -> Any:
    if isinstance(value, str) and len(value) > LONG_TEXT:
        if value.startswith("data:"):
            return f"<{value.split(',', 1)[0]}, {len(value):,} characters>"
        return value if not _looks_base64(value) else f"<base64, {len(value):,} characters>"
    if isinstance(value, dict):
        return {k: _abridged(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_abridged(v) for v in value]
    return value


def _looks_base64(value: str) -> bool:
    return " " not in value[:LONG_TEXT]


@dataclass(frozen=True)
class HttpResponse:
    status: int
    headers: Mapping[str, str]  # lower-case names
    body: bytes = b""  # JSON/text answers
    blob: Any = None  # Expect.BLOB answers: an opaque handle
    blob_size: int | None = None
    blob_type: str = ""
    url: str = ""

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())

    def json(self) -> Any:
        """The body parsed as JSON; ``ValueError`` when it is not JSON."""
        return json.loads(self.body.decode("utf-8") or "null")


Progress = Callable[[int, int | None], None]
"""Download progress callback: ``(bytes so far, total bytes or None)``."""
