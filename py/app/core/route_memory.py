"""Which routes have answered this browser before, to tell a CORS refusal from a lost connection.

``fetch`` reports a refused CORS preflight and a connection dropped mid-request the same
way: a ``TypeError`` with no status. The difference matters most for a create request: a
refusal proves nothing was sent (the job record can go), a drop means the API may have
received it (the record must stay, to be looked up, never sent again). A route that has
answered a call from this page before passed its preflight then, and providers do not
change their CORS rules between two renders: so a failure on such a route is a lost
connection. Only a route that never worked can be refused by CORS.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Literal
from urllib.parse import urlsplit

MAX_ROUTES = 64  # oldest forgotten first; a user talks to a handful of endpoints

FailureKind = Literal["cors", "network"]


def route_key(method: str, url: str) -> str:
    """``POST https://api.example/v1/videos``: method, origin and path, without the query."""
    parts = urlsplit(url)
    return f"{method.upper()} {parts.scheme}://{parts.netloc}{parts.path}"


class RouteMemory:
    """Routes that have answered (any HTTP status counts: the browser let the page read it)."""

    def __init__(self, known: Iterable[str] = ()) -> None:
        self._routes: list[str] = list(dict.fromkeys(known))[-MAX_ROUTES:]

    def answered(self, method: str, url: str) -> bool:
        """Remember a route that answered; returns whether it was new (worth saving)."""
        key = route_key(method, url)
        if key in self._routes:
            return False
        self._routes = [*self._routes, key][-MAX_ROUTES:]
        return True

    def has_answered(self, method: str, url: str) -> bool:
        return route_key(method, url) in self._routes

    def failure_kind(self, method: str, url: str, *, server_reachable: bool) -> FailureKind:
        """What a status-less failure was: ``cors`` only when the server is there and the route never worked."""
        if server_reachable and not self.has_answered(method, url):
            return "cors"
        return "network"

    def to_json(self) -> str:
        return json.dumps(self._routes)

    @classmethod
    def from_json(cls, text: str | None) -> RouteMemory:
        """Read what :meth:`to_json` wrote; anything unreadable is an empty memory (it only informs a guess)."""
        try:
            data = json.loads(text or "[]")
        except ValueError:
            return cls()
        if not isinstance(data, list):
            return cls()
        return cls(item for item in data if isinstance(item, str))
