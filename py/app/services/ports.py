"""The interfaces the services need from the outside world.

The browser adapters (``app.browser``) implement them in the page; the tests
implement them in memory. Dependencies point inward: services never import a
browser module.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class Put:
    """Write ``value`` (a JSON dict or an opaque handle) into ``store``."""

    store: str
    value: Any
    key: str | None = None


@dataclass(frozen=True)
class Delete:
    store: str
    key: str


@dataclass(frozen=True)
class Clear:
    store: str


Op = Put | Delete | Clear


class RecordStore(Protocol):
    """Object stores of JSON records and opaque binary handles (IndexedDB)."""

    async def get(self, store: str, key: str) -> Any: ...

    async def get_all(self, store: str, *, index: str | None = None, query: Any = None) -> list[Any]: ...

    async def keys(self, store: str) -> list[str]: ...

    async def write(self, ops: Sequence[Op]) -> None:
        """Apply all ``ops`` atomically, or none of them."""
        ...


class Clock(Protocol):
    def now(self) -> float:
        """Seconds since the epoch."""
        ...


class SystemClock:
    """The real clock (``time.time`` works the same under Pyodide)."""

    def now(self) -> float:
        return time.time()
