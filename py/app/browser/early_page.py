"""The early page of ``index.html`` (``static/early.js``): read what the user did before
Python was ready, remove it once the real views are drawn, keep its snapshot current."""

from __future__ import annotations

import json
from typing import Any

import js

from app.browser.console import warn
from app.browser.ffi import is_null
from app.core.early import SNAPSHOT_KEY, EarlyInput, read_input, says_polling


def _bridge() -> Any:
    bridge = getattr(js.window, "soraEarly", None)
    return None if bridge is None or is_null(bridge) else bridge


def early_input() -> EarlyInput:
    """What was typed and chosen on the early page (nothing when it is gone or never ran)."""
    bridge = _bridge()
    if bridge is None:
        return EarlyInput()
    raw = bridge.state().to_py()
    return read_input(raw if isinstance(raw, dict) else {})


def finish_early() -> None:
    """Remove the early page (the real views are drawn in the same turn)."""
    bridge = _bridge()
    if bridge is not None:
        bridge.finish()


def give_back_focus(element: Any, early: EarlyInput) -> None:
    """Put the focus and the caret where they were in the early prompt."""
    if not early.focused:
        return
    element.focus()
    start, end = early.selection
    element.setSelectionRange(start, end)


def remember_snapshot(snapshot: dict[str, Any]) -> None:
    """Store what the next visit's early page draws (storage full or blocked: it uses the defaults)."""
    try:
        js.localStorage.setItem(SNAPSHOT_KEY, json.dumps(snapshot, separators=(",", ":")))
    except Exception as exc:  # a full or blocked storage must not break the app
        warn(f"the early page snapshot was not saved ({exc})")


def jobs_were_running() -> bool:
    """Read synchronously at start: the last snapshot said jobs were being polled."""
    try:
        text = js.localStorage.getItem(SNAPSHOT_KEY)
        return not is_null(text) and says_polling(json.loads(str(text)))
    except Exception:  # blocked storage or a damaged snapshot: start the worker when needed
        return False


def forget_snapshot() -> None:
    js.localStorage.removeItem(SNAPSHOT_KEY)
