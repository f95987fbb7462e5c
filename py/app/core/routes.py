"""Client-side routes as hash fragments (``#/queue``), which work on any static host."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from urllib.parse import parse_qsl, urlencode

from app.core.i18n import tr


class Route(StrEnum):
    """The app's four views."""

    NEW = "new"
    QUEUE = "queue"
    LIBRARY = "library"
    SETTINGS = "settings"


DEFAULT_ROUTE = Route.NEW

TITLES: dict[Route, str] = {route: f"shell.nav.{route.value}" for route in Route}  # message ids


@dataclass(frozen=True)
class Location:
    """Where the app is: a route plus optional parameters (``#/library?item=…``)."""

    route: Route
    params: dict[str, str] = field(default_factory=dict)
    canonical: bool = True  # False when the hash had to be corrected (unknown route)


def parse_hash(fragment: str) -> Location:
    """Parse ``location.hash``; anything unknown lands on the default route."""
    text = fragment.lstrip("#").lstrip("/")
    path, _, query = text.partition("?")
    params = dict(parse_qsl(query, keep_blank_values=True))
    if not path:
        return Location(DEFAULT_ROUTE, params, canonical=False)
    try:
        return Location(Route(path.rstrip("/")), params)
    except ValueError:
        return Location(DEFAULT_ROUTE, {}, canonical=False)


def href(route: Route, **params: str) -> str:
    """The hash link for ``route``: ``href(Route.QUEUE)`` → ``#/queue``."""
    query = f"?{urlencode(params)}" if params else ""
    return f"#/{route.value}{query}"


def page_title(route: Route) -> str:
    """Document title for a route, so history entries and tabs are told apart."""
    return tr("shell.page_title", view=tr(TITLES[route]))
