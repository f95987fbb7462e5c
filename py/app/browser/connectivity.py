"""The browser's online/offline signal, so polling pauses and resumes with the network."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import js

from app.browser.dom import Scope


def is_online() -> bool:
    return bool(js.navigator.onLine)


def watch_online(scope: Scope, on_change: Callable[[bool], None]) -> bool:
    """Call ``on_change`` on every ``online``/``offline`` event; returns the current state."""

    def changed(_event: Any) -> None:
        on_change(is_online())

    scope.on(js.window, "online", changed)
    scope.on(js.window, "offline", changed)
    return is_online()
