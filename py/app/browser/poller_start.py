"""Taking the poller role and starting the polling worker (a second Pyodide).

The worker starts when a job needs polling (:class:`~app.services.lazy_poller.LazyPoller`),
or with the page when the last visit left jobs running (:class:`EarlyWorker`), so that
polling resumes about when the page is ready rather than a whole Pyodide boot later.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.browser.console import error as console_error
from app.browser.console import warn
from app.browser.dom import Scope
from app.browser.perf import mark
from app.core.state import WORKER_START_ATTEMPTS, AppState
from app.core.store import Store
from app.services.tasks import spawn

if TYPE_CHECKING:
    from app.services.controller import Controller
    from app.services.ports import Poller

SLOW_START_S = 25.0  # a worker boots in 2-10 s; past this the queue says polling is delayed
PAGE_SCOPE = Scope()  # listeners that live as long as the page (online/offline, idle lock)


async def start_queue(
    store: Store[AppState], controller: Controller, wheel_urls: list[str], early: EarlyWorker | None
) -> None:
    """Take the poller role and resume every job; the worker starts when a job needs it."""
    from app.browser.connectivity import is_online, watch_online
    from app.browser.tabs import poller_role
    from app.core.state import PollerRole
    from app.services.lazy_poller import LazyPoller

    queue = controller.queue
    online = watch_online(PAGE_SCOPE, queue.set_online)
    store.update(online=online)
    await poller_role(on_waiting=lambda: store.update(poller_role=PollerRole.FOLLOWING))
    if early is not None:
        early.deliver = queue.deliver
    lazy = LazyPoller(lambda: _start_worker(store, queue.deliver, wheel_urls, early), online=is_online())
    await queue.become_poller(lazy, online=is_online())


class EarlyWorker:
    """The polling worker started with the page when jobs were running at the last visit, so
    that polling resumes about when the page is ready, not a whole Pyodide boot later."""

    def __init__(self) -> None:
        self.deliver: Callable[[Any], None] = lambda _event: None  # the queue's, once it exists
        self.started = spawn(self._start())

    async def _start(self) -> Poller:
        from app.browser.poller_link import WorkerPoller
        from app.browser.runtime import wheel_urls

        urls = await wheel_urls()
        poller = await WorkerPoller.create(_reader(lambda event: self.deliver(event)))
        try:
            await poller.connect(urls)
        except BaseException:
            poller.discard()
            raise
        return poller


def _reader(deliver: Callable[[Any], None]) -> Callable[[Any], None]:
    """The worker's messages, parsed (an unreadable one is reported, never fatal)."""
    from app.core.poll_messages import from_message

    def on_message(data: Any) -> None:
        try:
            deliver(from_message(data))
        except (ValueError, TypeError, KeyError) as exc:
            console_error(f"polling worker: unreadable message ({exc})")

    return on_message


async def _start_worker(
    store: Store[AppState], deliver: Callable[[Any], None], wheel_urls: list[str], early: EarlyWorker | None
) -> Poller | None:
    """Start the polling worker (a few tries, waiting for the network); ``None`` when it cannot."""
    from app.browser.poller_link import WorkerPoller
    from app.core.state import PollerRole

    store.update(poller_role=PollerRole.STARTING)
    if early is not None:
        try:
            started = await early.started
            mark("worker-ready")
            store.update(poller_role=PollerRole.POLLING)
            return started
        except Exception as exc:  # started again below, the usual way
            warn(f"polling worker: the early start failed ({exc})")
    on_message = _reader(deliver)

    poller: WorkerPoller | None = None
    watchdog = spawn(_say_when_slow(store))
    try:
        for attempt in range(WORKER_START_ATTEMPTS):
            try:
                poller = await WorkerPoller.create(on_message)
                await poller.connect(wheel_urls)
                mark("worker-ready")
                store.update(poller_role=PollerRole.POLLING, poller_error="", poller_attempt=0)
                return poller
            except Exception as exc:
                if poller is not None:  # the next try starts afresh: a half-started worker stays broken
                    poller.discard()
                    poller = None
                reason = _reason(exc)
                warn(f"polling worker: could not start ({reason})")
                if attempt == WORKER_START_ATTEMPTS - 1:
                    store.update(poller_role=PollerRole.UNAVAILABLE, poller_error=reason)
                    return None
                # Said at once, not after the last try: the user sees why nothing moves.
                store.update(poller_role=PollerRole.RETRYING, poller_error=reason, poller_attempt=attempt + 2)
                await _until_online(store)
                await asyncio.sleep(2.0 * (attempt + 1))
    finally:
        watchdog.cancel()
    return None


def _reason(exc: Exception) -> str:
    """The last line of an error (a Python traceback from the worker ends with the point)."""
    text = str(exc).strip()
    return text.splitlines()[-1] if text else type(exc).__name__


async def _say_when_slow(store: Store[AppState]) -> None:
    """Mark a first start that takes far longer than a worker's boot, so the queue says so."""
    from app.core.state import PollerRole

    await asyncio.sleep(SLOW_START_S)
    if store.state.poller_role is PollerRole.STARTING:
        store.update(poller_role=PollerRole.SLOW)


async def _until_online(store: Store[AppState]) -> None:
    """Wait for the browser's ``online`` event (at once when already online)."""
    if store.state.online:
        return
    back: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def changed(state: AppState, _old: AppState) -> None:
        if state.online and not back.done():
            back.set_result(None)

    unsubscribe = store.subscribe(changed)
    try:
        await back
    finally:
        unsubscribe()
