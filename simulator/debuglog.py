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

Record = dict[str, object]


def safe_headers(headers: Mapping[str, str]) -> dict[str, str]:
    return {name: value for name, value in headers.items() if name.lower() not in SECRET_HEADERS}


def _shorten(value: object) -> object:
    if isinstance(value, str) and len(value) > _SHORTEN_AT:
        return f"{value[:64]}… ({len(value)} characters)"
    return value


def describe_fields(fields: Mapping[str, object]) -> dict[str, object]:
    """Fields as received, with files summarised and data URLs shortened."""
    described: dict[str, object] = {}
    for name, value in fields.items():
        if isinstance(value, FilePart):
            described[name] = {
                "filename": value.filename,
                "content_type": value.content_type,
                "bytes": len(value.data),
            }
        elif isinstance(value, dict):
            described[name] = {key: _shorten(item) for key, item in value.items()}
        elif name == "input_reference":
            described[name] = _shorten(value)
        else:
            described[name] = value
    return described


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
