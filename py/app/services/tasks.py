"""Background tasks that are kept alive until they finish (asyncio holds only weak refs).

A task that fails without anyone awaiting it is reported on stderr (the console in the
browser), never swallowed.
"""

from __future__ import annotations

import asyncio
import sys
import traceback
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")
_running: set[asyncio.Future[Any]] = set()


def _finished(task: asyncio.Future[Any]) -> None:
    _running.discard(task)
    if task.cancelled():
        return
    error = task.exception()
    if error is not None:
        print("".join(traceback.format_exception(error)), file=sys.stderr)


def spawn(coroutine: Coroutine[Any, Any, T]) -> asyncio.Future[T]:
    """Schedule ``coroutine`` and keep a strong reference until it is done."""
    task = asyncio.ensure_future(coroutine)
    _running.add(task)
    task.add_done_callback(_finished)
    return task
