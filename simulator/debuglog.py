"""What create/remix requests brought in, for ``GET /sim/debug/requests`` (simulator only).

Tests and curious users can see exactly which fields, image and headers arrived.
Credentials never enter the log: authorization-like headers are dropped, not masked.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Mapping

from simulator.multipart import FilePart

SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "api-key", "x-api-key", "openai-api-key"})
_SHORTEN_AT = 200
_MAX_DEPTH = 8

Record = dict[str, object]


def safe_headers(headers: Mapping[str, str]) -> dict[str, str]:
    return {name: value for name, value in headers.items() if name.lower() not in SECRET_HEADERS}


def _shorten(value: object, depth: int = 0) -> object:
    """Long strings cut down (data URLs, base64), through nested objects and lists."""
    if isinstance(value, str) and len(value) > _SHORTEN_AT:
        return f"{value[:64]}… ({len(value)} characters)"
    if isinstance(value, FilePart):
        return {"filename": value.filename, "content_type": value.content_type, "bytes": len(value.data)}
    if depth < _MAX_DEPTH and isinstance(value, dict):
        return {str(key): _shorten(item, depth + 1) for key, item in value.items()}
    if depth < _MAX_DEPTH and isinstance(value, list):
        return [_shorten(item, depth + 1) for item in value]
    return value


def describe_fields(fields: Mapping[str, object]) -> dict[str, object]:
    """Fields as received, with files summarised and long strings (but not the prompt) shortened."""
    return {name: value if name == "prompt" else _shorten(value) for name, value in fields.items()}


class RequestLog:
    """The last ``size`` records, newest last; thread-safe."""

    def __init__(self, size: int) -> None:
        self._records: deque[Record] = deque(maxlen=size)
        self._lock = threading.Lock()

    def add(self, record: Record) -> None:
        with self._lock:
            self._records.append(record)

    def recent(self, limit: int, **match: str) -> list[Record]:
        """Up to ``limit`` records, newest first, whose fields equal every ``match`` item."""
        with self._lock:
            records = list(self._records)
        chosen = [r for r in reversed(records) if all(r.get(k) == v for k, v in match.items())]
        return chosen[:limit]
