"""Developer-facing messages in the browser console (never user text, never secrets)."""

from __future__ import annotations

import js


def warn(message: str) -> None:
    js.console.warn(message)


def error(message: str) -> None:
    js.console.error(message)
