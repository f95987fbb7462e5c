"""The page's side of the polling worker: start it, send it commands, hear its events.

The worker is a ``<script type="py" worker>`` added after the page is ready (so its
boot does not slow the first screen). Commands go through PyScript's exported
functions; events come back over a private ``BroadcastChannel``.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Callable
from typing import Any

import js
from pyodide.ffi import create_proxy

from app.browser.dom import h
from app.browser.ffi import py_value
from app.core.poll_messages import TrackSpec
from app.services.tasks import spawn

WORKER_NAME = "poller"
START_TIMEOUT_S = 90.0


class WorkerPoller:
    """Implements the queue's ``Poller`` port over the PyScript worker."""

    def __init__(self, worker: Any, channel: Any, listener: Any, channel_name: str) -> None:
        self._channel_name = channel_name
        self._worker = worker
        self._channel = channel
        self._listener = listener

    @classmethod
    async def create(cls, on_message: Callable[[dict[str, Any]], None]) -> WorkerPoller:
        """Add the worker to the page and wait until PyScript has booted it."""
        from pyscript import workers

        name = f"sora-poller-{uuid.uuid4().hex}"
        channel = js.BroadcastChannel.new(name)
        listener = create_proxy(lambda event: on_message(py_value(event.data)))
        channel.onmessage = listener
        script = h(
            "script",
            {"type": "py", "worker": "", "name": WORKER_NAME, "src": "./py/worker.py", "config": "./worker.toml"},
        )
        js.document.body.appendChild(script)
        worker = await asyncio.wait_for(workers[WORKER_NAME], START_TIMEOUT_S)
        return cls(worker, channel, listener, name)

    async def connect(self, wheel_urls: list[str]) -> None:
        """Have the worker load its packages and build its engine (safe to repeat after a failure)."""
        await asyncio.wait_for(self._worker.start(self._channel_name, json.dumps(wheel_urls)), START_TIMEOUT_S)

    def _call(self, name: str, *args: Any) -> None:
        async def call() -> None:
            try:
                await getattr(self._worker, name)(*args)
            except Exception as exc:  # the worker died: say so in the console; the queue keeps its records
                js.console.error(f"polling worker: {name} failed: {exc}")

        spawn(call())

    def track(self, spec: TrackSpec) -> None:
        self._call("track", json.dumps(spec.to_message()))

    def untrack(self, job_id: str) -> None:
        self._call("untrack", job_id)

    def set_online(self, online: bool) -> None:
        self._call("set_online", online)
