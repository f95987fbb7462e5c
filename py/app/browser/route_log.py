"""The page's memory of routes that have answered (``localStorage``), for :mod:`app.core.route_memory`.

Kept across reloads, so the first create request after a reload is judged like the
others. A worker has no ``localStorage``: it keeps the memory for its lifetime only,
which is enough there (its failures are retried, never read as "nothing was sent").
"""

from __future__ import annotations

import js

from app.browser.console import warn
from app.core.route_memory import RouteMemory

ROUTES_KEY = "sora-routes"


def _storage() -> object | None:
    return getattr(js, "localStorage", None)


def load_routes() -> RouteMemory:
    storage = _storage()
    if storage is None:
        return RouteMemory()
    try:
        return RouteMemory.from_json(js.localStorage.getItem(ROUTES_KEY))
    except Exception as exc:  # storage blocked (private mode, policy): start empty
        warn(f"route memory unreadable: {exc}")
        return RouteMemory()


def save_routes(memory: RouteMemory) -> None:
    if _storage() is None:
        return
    try:
        js.localStorage.setItem(ROUTES_KEY, memory.to_json())
    except Exception as exc:  # full or blocked: the memory only informs a guess
        warn(f"route memory not saved: {exc}")


def forget_routes() -> None:
    if _storage() is not None:
        js.localStorage.removeItem(ROUTES_KEY)
