"""Background tasks that are kept alive until they finish (asyncio holds only weak refs)."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")
_running: set[asyncio.Future[Any]] = set()


def spawn(coroutine: Coroutine[Any, Any, T]) -> asyncio.Future[T]:
    """Schedule ``coroutine`` and keep a strong reference until it is done."""
    task = asyncio.ensure_future(coroutine)
    _running.add(task)
    task.add_done_callback(_running.discard)
    return task
