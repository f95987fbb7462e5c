"""Named moments of the start-up in the browser's performance timeline.

``bench/boot.py`` reads them (``performance.getEntriesByType("mark")``) to say where
the time between first paint and every control working goes.
"""

from __future__ import annotations

import js


def mark(name: str) -> None:
    """Stamp ``sora:<name>`` at the current time (never fails the caller)."""
    try:
        js.performance.mark(f"sora:{name}")
    except Exception:  # a missing timeline must not stop the app
        return
