"""Plain request and response values between the HTTP glue and the simulator logic.

Keeping them free of ``http.server`` lets the logic be driven directly in unit tests
(with a fake clock) and by any server that can fill these in.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

Body = bytes | Iterable[bytes]


@dataclass(frozen=True)
class SimRequest:
    method: str
    path: str  # without the query string
    query: Mapping[str, list[str]] = field(default_factory=dict)
    headers: Mapping[str, str] = field(default_factory=dict)  # lower-case names
    body: bytes = b""

    @classmethod
    def build(
        cls,
        method: str,
        target: str,
        *,
        headers: Mapping[str, str] | None = None,
        body: bytes = b"",
        api_key: str | None = None,
        json_body: object = None,
    ) -> SimRequest:
        """A request from a request target (``/sim/v1/videos?limit=2``) and extras."""
        split = urlsplit(target)
        lowered = {name.lower(): value for name, value in (headers or {}).items()}
        if api_key is not None:
            lowered["authorization"] = f"Bearer {api_key}"
        if json_body is not None:
            body = json.dumps(json_body).encode("utf-8")
            lowered.setdefault("content-type", "application/json")
        query = parse_qs(split.query, keep_blank_values=True)
        return cls(method.upper(), split.path, query, lowered, body)

    def header(self, name: str) -> str:
        return self.headers.get(name.lower(), "")

    def param(self, name: str) -> str | None:
        """The last value of a query parameter, or ``None`` when absent."""
        values = self.query.get(name)
        return values[-1] if values else None


@dataclass
class SimResponse:
    """What to send: status, headers, a body (bytes or chunks), and how to misbehave.

    ``length`` is the Content-Length when ``body`` is an iterable of chunks.
    ``delay_s`` is slept before answering ([sim:slow]); ``truncate_at`` sends only that
    many body bytes after a full Content-Length, then drops the connection.
    """

    status: int
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: Body = b""
    length: int | None = None
    delay_s: float = 0.0
    truncate_at: int | None = None

    @property
    def content_length(self) -> int:
        if isinstance(self.body, bytes):
            return len(self.body)
        return self.length or 0

    def header(self, name: str) -> str | None:
        lowered = name.lower()
        for key, value in self.headers:
            if key.lower() == lowered:
                return value
        return None

    def json(self) -> object:
        """The decoded JSON body (tests and debugging)."""
        if not isinstance(self.body, bytes):
            raise TypeError("a streamed body is not JSON")
        return json.loads(self.body)


def json_response(status: int, payload: object, headers: Iterable[tuple[str, str]] = ()) -> SimResponse:
    body = json.dumps(payload, indent=2, ensure_ascii=False).encode("utf-8")
    return SimResponse(status, [("content-type", "application/json"), *headers], body)
