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

    def redacted_headers(self) -> dict[str, str]:
        """Headers safe to show or log: credentials are replaced."""
        return {
            k: ("[redacted]" if k.lower() in ("authorization", "x-goog-api-key") else v)
            for k, v in self.headers.items()
        }


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
