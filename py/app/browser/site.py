"""The static site's service worker, as the page sees it: register, wait for control, updates.

A static build (``<meta name="sora-site">``, added by tools/build_site.py) registers
``sw.js``: it serves the app from its cache (the app starts offline) and answers the demo
simulator's requests (``sim/…``) in the browser. On a first visit the page is not yet
controlled by it, and neither would be a worker started now, so the page waits for it
before it loads the records and starts polling. A new version found later is only
*offered*; it takes over when the user chooses to reload (:meth:`SiteWorker.apply_update`).
Under ``serve.py`` none of this runs: the page has no marker and registers nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import Any

import js
from pyodide.ffi import JsException

from app.browser.dom import Scope
from app.browser.ffi import is_null, js_object
from app.core.i18n import tr
from app.services.tasks import spawn

SCRIPT = "sw.js"
CONTROL_TIMEOUT_S = 60.0  # a first visit precaches about 17 MB before the worker takes over
UPDATE_EVERY_MS = 30 * 60 * 1000


class SiteWorkerError(Exception):
    """The service worker cannot run here (a private window, storage turned off, …)."""


def is_static_build() -> bool:
    """Whether this page is a static build's (it then has no server, no relay, no ``serve.py`` simulator)."""
    return not is_null(js.document.querySelector('meta[name="sora-site"]'))


def _container() -> Any:
    container = getattr(js.navigator, "serviceWorker", None)
    if is_null(container):
        raise SiteWorkerError(tr("plat.site.no_workers"))
    return container


class SiteWorker:
    """The registration of ``sw.js``: control of the page, and updates offered to the user."""

    def __init__(self, registration: Any, scope: Scope) -> None:
        self._registration = registration
        self._scope = scope
        self._reload_on_change = False

    @classmethod
    async def register(cls, scope: Scope) -> SiteWorker:
        """Register (or find) the worker; ``SiteWorkerError`` when the browser refuses it."""
        try:
            registration = await _container().register(SCRIPT, js_object({"scope": "./"}))
        except JsException as exc:
            raise SiteWorkerError(tr("plat.site.refused", said=str(exc))) from exc
        return cls(registration, scope)

    async def until_in_control(self, timeout_s: float = CONTROL_TIMEOUT_S) -> None:
        """Return once the worker controls this page; ``SiteWorkerError`` after ``timeout_s``."""
        container = _container()
        if not is_null(container.controller):
            return
        changed: asyncio.Future[None] = asyncio.get_running_loop().create_future()

        def taken(_event: Any) -> None:
            if not changed.done():
                changed.set_result(None)

        self._scope.on(container, "controllerchange", taken)
        try:
            await asyncio.wait_for(changed, timeout_s)
        except TimeoutError:
            raise SiteWorkerError(tr("plat.site.no_control", seconds=f"{timeout_s:g}")) from None

    def watch_updates(self, offer: Callable[[], None]) -> None:
        """Call ``offer`` when a new version is installed and waiting, or another tab switched to one.

        Called once the worker controls the page, so every later ``controllerchange`` is a switch."""
        registration, container = self._registration, _container()

        def installed(_event: Any = None) -> None:
            if not is_null(registration.waiting) and not is_null(container.controller):
                offer()

        def found(_event: Any) -> None:
            worker = registration.installing
            if not is_null(worker):
                self._scope.on(worker, "statechange", installed)

        def switched(_event: Any) -> None:
            if self._reload_on_change:
                js.location.reload()
            else:
                offer()  # another tab took the update: this one runs the old code on the new worker

        self._scope.on(registration, "updatefound", found)
        self._scope.on(container, "controllerchange", switched)
        self._scope.every(UPDATE_EVERY_MS, self.check_for_update)
        installed()
        self.check_for_update()

    def check_for_update(self) -> None:
        """Ask the browser to look for a new ``sw.js`` now (quietly nothing when offline)."""

        async def check() -> None:
            with contextlib.suppress(JsException):  # offline, or the host is down: the next check will tell
                await self._registration.update()

        spawn(check())

    def apply_update(self) -> None:
        """Let the waiting version take over; the page reloads when it has (or at once, if none waits)."""
        waiting = self._registration.waiting
        if is_null(waiting):
            js.location.reload()
            return
        self._reload_on_change = True
        waiting.postMessage(js_object({"type": "sora-skip-waiting"}))
