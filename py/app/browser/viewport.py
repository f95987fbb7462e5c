"""The window as a viewport: its size and scroll position, and events when they change."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import js

from app.browser.dom import Scope


def scroll_y() -> float:
    return float(js.window.scrollY)


def inner_width() -> float:
    return float(js.window.innerWidth)


def inner_height() -> float:
    return float(js.window.innerHeight)


def scroll_to(y: float) -> None:
    js.window.scrollTo(0, y)


def on_scroll(scope: Scope, handler: Callable[[Any], None]) -> None:
    """Scroll events fire once per frame, right before rendering (passive: never blocks scrolling)."""
    scope.on(js.window, "scroll", handler, passive=True)


class RowWatch:
    """Calls ``handler(scroll_y)`` on scroll only when the viewport's top enters another row.

    A virtual grid's window moves only when that row changes, and a call from JS into
    Python (with the event's proxy) costs more than the few lines of ``rowWatcher`` in
    ``static/js/dom-patch.mjs`` that read the position and compare rows. Until
    :meth:`arm` is given a row stride, every scroll event calls ``handler``.
    """

    def __init__(self, scope: Scope, handler: Callable[[float], None]) -> None:
        from pyscript.js_modules import dom_patch

        self._watch = dom_patch.rowWatcher(scope.callable(lambda y: handler(float(y))))
        scope.on_js(js.window, "scroll", self._watch.listener, passive=True)

    def arm(self, top: float, stride: float, row: int) -> None:
        """The grid starts ``top`` px down the page, its rows are ``stride`` apart, and it
        shows the window of ``row`` (call again whenever one of them changes)."""
        self._watch.arm(top, stride, row)


def on_resize(scope: Scope, handler: Callable[[Any], None]) -> None:
    scope.on(js.window, "resize", handler, passive=True)


def prefers_light() -> bool:
    return bool(js.window.matchMedia("(prefers-color-scheme: light)").matches)
