"""The page's address and title: the hash routes live here, so views never touch ``history``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import js

from app.browser.dom import Scope


def origin() -> str:
    """``http://127.0.0.1:8000``: where the page (and, in demo mode, the simulator) is served."""
    return str(js.location.origin)


def site_address() -> str:
    """The page's folder without the trailing slash: the origin under ``serve.py``,
    ``https://user.github.io/repo`` for a static site on a sub-path (where its ``sim/`` is)."""
    return str(js.URL.new(".", js.location.href).href).rstrip("/")


def current_hash() -> str:
    return str(js.location.hash)


def current_query() -> str:
    """The query string without ``?`` (``demo=1``)."""
    return str(js.location.search).lstrip("?")


def path_and_hash() -> str:
    """The address without its query string (to drop a one-time ``?demo=1``)."""
    return str(js.location.pathname) + str(js.location.hash)


def replace_url(url: str) -> None:
    """Change the address without a new history entry (filters, an opened item)."""
    js.history.replaceState(None, "", url)


def push_url(url: str) -> None:
    """Change the address with a history entry (navigation by an intent)."""
    js.history.pushState(None, "", url)


def set_title(title: str) -> None:
    js.document.title = title


def on_hash_change(scope: Scope, handler: Callable[[Any], None]) -> None:
    scope.on(js.window, "hashchange", handler)


def restart_at_path() -> None:
    """Load the page again at its bare path (after a hard reset)."""
    js.location.replace(str(js.location.pathname))


def callback_url() -> str:
    """This page's address without query or hash: where a sign-in comes back to."""
    return str(js.location.origin) + str(js.location.pathname)


def go_to(url: str) -> None:
    """Leave for ``url`` (a provider's sign-in page); the page comes back to :func:`callback_url`."""
    js.location.assign(url)
