"""The boot screen of ``index.html``: revealed views once ready, or why start-up failed."""

from __future__ import annotations

import js

from app.browser.dom import by_id


def reveal_app() -> None:
    """Hide the boot screen and show the views (the page is usable)."""
    by_id("boot").hidden = True
    by_id("views").hidden = False
    by_id("app").dataset.ready = "true"


def mark_hydrated() -> None:
    """Every record is loaded and every control works (tests and the boot benchmark wait for it)."""
    by_id("app").dataset.hydrated = "true"


def show_failure(reason: str) -> None:
    """Hand the failure to ``static/boot.js``, which explains it on the boot screen."""
    by_id("app").dataset.ready = "error"
    js.soraBootFailed(reason)
