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
from app.browser.ffi import is_null, py_value
from app.core.poll_messages import TrackSpec
from app.services.tasks import spawn

START_TIMEOUT_S = 90.0


class WorkerPoller:
    """Implements the queue's ``Poller`` port over the PyScript worker."""

    def __init__(self, worker: Any, script: Any, channel: Any, listener: Any, channel_name: str) -> None:
        self._channel_name = channel_name
        self._script = script
        self._worker = worker
        self._channel = channel
        self._listener = listener

    @classmethod
    async def create(cls, on_message: Callable[[dict[str, Any]], None]) -> WorkerPoller:
        """Add the worker to the page and wait until PyScript has booted it.

        Each start gets its own worker name: PyScript remembers a name's boot, so a start that
        failed (its packages could not be fetched, say) would fail again under the same name.
        """
        from pyscript import workers

        name = f"sora-poller-{uuid.uuid4().hex}"
        channel = js.BroadcastChannel.new(name)
        listener = create_proxy(lambda event: on_message(py_value(event.data)))
        channel.onmessage = listener
        script = h(
            "script",
            {"type": "py", "worker": "", "name": name, "src": "./py/worker.py", "config": "./worker.toml"},
        )
        js.document.body.appendChild(script)
        try:
            worker = await asyncio.wait_for(workers[name], START_TIMEOUT_S)
        except BaseException as exc:
            _discard(script, channel, listener)
            if isinstance(exc, TimeoutError):
                raise RuntimeError(f"it did not boot within {START_TIMEOUT_S:.0f} s") from None
            raise
        if is_null(getattr(worker, "start", None)):  # PyScript booted it, but its code did not load
            _discard(script, channel, listener)
            raise RuntimeError("its code did not load (a file could not be fetched)")
        return cls(worker, script, channel, listener, name)

    async def connect(self, wheel_urls: list[str]) -> None:
        """Have the worker load its packages and build its engine (safe to repeat after a failure)."""
        try:
            await asyncio.wait_for(self._worker.start(self._channel_name, json.dumps(wheel_urls)), START_TIMEOUT_S)
        except TimeoutError:
            raise RuntimeError(f"it did not answer within {START_TIMEOUT_S:.0f} s") from None
        except Exception as exc:  # the user reads the plain words; the console keeps the details
            js.console.warn(f"polling worker: start failed: {exc}")
            raise RuntimeError("its code could not be loaded or started (details in the browser console)") from exc

    def discard(self) -> None:
        """Stop this worker for good (a start that failed is retried with a new one)."""
        _discard(self._script, self._channel, self._listener)

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


def _discard(script: Any, channel: Any, listener: Any) -> None:
    """Take a worker that did not start off the page (and stop it, if PyScript made one)."""
    channel.close()
    listener.destroy()
    xworker = getattr(script, "xworker", None)
    if xworker is not None and hasattr(xworker, "terminate"):
        xworker.terminate()
    script.remove()
