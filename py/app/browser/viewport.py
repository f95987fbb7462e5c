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


def on_resize(scope: Scope, handler: Callable[[Any], None]) -> None:
    scope.on(js.window, "resize", handler, passive=True)


def prefers_light() -> bool:
    return bool(js.window.matchMedia("(prefers-color-scheme: light)").matches)
