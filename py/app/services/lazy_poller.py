"""A poller that starts its worker only when a job needs it.

The polling worker boots a second Pyodide: seconds of CPU on a small machine. A page
with nothing to poll (most starts) must not pay for it, and a page with running jobs
must start it at once. Requests sent while the worker starts are kept in order and
replayed; a worker that cannot start is retried by ``start`` itself (see ``page.py``).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from app.core import poll_messages as pm
from app.services.ports import Poller
from app.services.tasks import spawn

Call = Callable[[Poller], None]


class LazyPoller:
    """Stands in for the worker; the first ``track`` starts it."""

    def __init__(self, start: Callable[[], Awaitable[Poller | None]], *, online: bool = True) -> None:
        self._start = start
        self._worker: Poller | None = None
        self._starting = False
        self._pending: list[Call] = []
        self._online = online

    @property
    def started(self) -> bool:
        return self._worker is not None or self._starting

    def track(self, spec: pm.TrackSpec) -> None:
        self._send(lambda worker: worker.track(spec))
        if not self.started:
            self._starting = True
            spawn(self._boot())

    def untrack(self, job_id: str) -> None:
        if self.started:
            self._send(lambda worker: worker.untrack(job_id))

    def set_online(self, online: bool) -> None:
        self._online = online
        if self.started:
            self._send(lambda worker: worker.set_online(online))

    def _send(self, call: Call) -> None:
        if self._worker is not None:
            call(self._worker)
        else:
            self._pending.append(call)

    async def _boot(self) -> None:
        worker = await self._start()
        self._starting = False
        if worker is None:  # it could not start (said by ``start``); a later track tries again
            self._pending.clear()
            return
        worker.set_online(self._online)
        self._worker = worker
        pending, self._pending = self._pending, []
        for call in pending:
            call(worker)
