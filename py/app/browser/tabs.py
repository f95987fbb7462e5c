"""Several open tabs: one polls (a Web Lock decides), all stay in sync (BroadcastChannel).

The tab holding the lock runs the polling worker; when it closes, the browser
releases the lock and the next tab takes over. Every stored job change is announced
on a channel so the other tabs re-read that job instead of going stale.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from typing import Any

import js
from pyodide.ffi import create_once_callable, create_proxy

from app.browser.ffi import is_null, js_object, py_value

POLLER_LOCK = "sora-renderer-poller"
JOBS_CHANNEL = "sora-renderer-jobs"


async def poller_role(on_waiting: Callable[[], None]) -> None:
    """Return once this tab holds the poller lock (for as long as it lives).

    ``on_waiting`` is called when another tab holds it, so the page can say so.
    """
    if not hasattr(js.navigator, "locks") or is_null(js.navigator.locks):
        return  # no Web Locks (very old browser): every tab polls, as before locks existed
    granted: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def hold(lock: Any) -> Any:
        if is_null(lock):
            return None
        if not granted.done():
            granted.set_result(None)
        return js.Promise.new(create_once_callable(lambda _resolve, _reject: None))  # held until the tab closes

    def first_try(lock: Any) -> Any:
        if is_null(lock):
            on_waiting()
            js.navigator.locks.request(POLLER_LOCK, create_once_callable(hold))
            return None
        return hold(lock)

    js.navigator.locks.request(POLLER_LOCK, js_object({"ifAvailable": True}), create_once_callable(first_try))
    await granted


class TabChannel:
    """Announces job changes to the other tabs and hears theirs."""

    def __init__(self, on_change: Callable[[str], None]) -> None:
        self.tab_id = uuid.uuid4().hex
        self._channel = js.BroadcastChannel.new(JOBS_CHANNEL)
        self._listener = create_proxy(self._on_message)
        self._on_change = on_change
        self._channel.onmessage = self._listener

    def _on_message(self, event: Any) -> None:
        data = py_value(event.data)
        if isinstance(data, dict) and data.get("from") != self.tab_id and isinstance(data.get("job"), str):
            self._on_change(data["job"])

    def publish(self, job_id: str) -> None:
        self._channel.postMessage(js_object({"job": job_id, "from": self.tab_id}))
