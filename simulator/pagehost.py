"""The simulator inside the browser, for the static site's demo mode (no server at all).

On the static site the service worker (``sw.js``) answers every request under
``<site>/sim/…`` by handing it, over a ``MessageChannel``, to a worker that runs this
module under Pyodide (``static/js/sim-host.mjs``). So the app's demo requests take the
same path as real API calls (``fetch``, headers, status codes, ``Range``, redirects,
cut-off bodies), and the answers come from the very :class:`~simulator.Simulator` that
``serve.py`` serves. This module is the translation, standard library only:

- a site under a sub-path (``https://user.github.io/repo/``) serves the simulator at
  ``/repo/sim/…``: the prefix is taken off before the simulator sees the path, absolute
  URLs in answers are built on ``https://user.github.io/repo`` (``SimConfig.public_origin``)
  and a ``Location: /sim/…`` gets the prefix back;
- delays (``[sim:slow]``) and cut-off downloads (``[sim:truncate]``) are handed to the
  service worker, which waits and breaks the body off, as a server's socket would;
- the state lives beyond this worker: the JS side loads a snapshot before each request
  and saves it when it changed (:meth:`PageHost.restore`, :meth:`PageHost.changes`),
  under a Web Lock, so reloads and several tabs share one simulated service.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

from simulator import errors, snapshot
from simulator.api import Simulator, is_sim_path
from simulator.config import SimConfig
from simulator.content import MediaBackend
from simulator.messages import SimRequest, SimResponse

_NO_BODY_STATUSES = frozenset({204, 304})
# SimConfig fields a build may set (``site.json`` → ``sim``); the rest keep their defaults.
OPTIONS = ("job_seconds", "poll_after_ms", "expires_after_s")


@dataclass(frozen=True)
class PageAnswer:
    """What the service worker turns into a ``Response``."""

    status: int
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""
    delay_ms: int = 0  # wait this long before answering ([sim:slow])
    truncated: bool = False  # the body stops short of its Content-Length: break the stream off

    def to_message(self) -> dict[str, Any]:
        """Plain values for ``postMessage`` (the JS side converts this dict)."""
        return {
            "status": self.status,
            "headers": [list(pair) for pair in self.headers],
            "body": self.body,
            "delay_ms": self.delay_ms,
            "truncated": self.truncated,
        }


def sim_config(site_url: str, options: Mapping[str, Any]) -> SimConfig:
    """The simulator's configuration for a site at ``site_url`` with the build's ``options``."""
    parts = urlsplit(site_url)
    chosen = {name: options[name] for name in OPTIONS if name in options}
    return SimConfig(public_origin=f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}", **chosen)


def as_bytes(body: Any) -> bytes:
    """A request body as bytes: ``bytes``/``memoryview``, or a Pyodide buffer proxy (``to_bytes``)."""
    if body is None:
        return b""
    to_bytes = getattr(body, "to_bytes", None)
    return bytes(to_bytes()) if callable(to_bytes) else bytes(body)


class PageHost:
    """One simulator for the pages of a site; ``answer`` is called once per request."""

    def __init__(
        self,
        site_url: str,
        options_json: str = "{}",
        *,
        clock: Callable[[], float] = time.time,
        media: MediaBackend | None = None,
    ) -> None:
        options = json.loads(options_json or "{}")
        self.tag = str(options.get("tag", ""))  # snapshots of another simulator build are not read
        self.sim = Simulator(sim_config(site_url, options), clock=clock, media=media)
        parts = urlsplit(site_url)
        self._origin = f"{parts.scheme}://{parts.netloc}"
        self._base_path = parts.path.rstrip("/")
        self.revision = 0  # of the saved state this host holds (0: none yet)
        self._last_saved = self._pending = snapshot.dump(self.sim)

    # ---- state kept beyond this host -------------------------------------------------

    def restore(self, data: Any, revision: int, tag: str) -> bool:
        """Take over a saved state; False (and a fresh simulator) when it is not readable."""
        self.revision = int(revision)
        raw = as_bytes(data)
        if tag != self.tag:
            return False
        try:
            snapshot.load(self.sim, raw)
        except snapshot.SnapshotError:
            return False
        self._last_saved = raw
        return True

    def changes(self) -> bytes | None:
        """The state to save if it changed since it was last saved or restored, else ``None``."""
        current = snapshot.dump(self.sim)
        if current == self._last_saved:
            return None
        self._pending = current
        return current

    def committed(self, revision: int) -> None:
        """The JS side saved what :meth:`changes` last returned, as ``revision``."""
        self._last_saved = self._pending
        self.revision = int(revision)

    # ---- requests --------------------------------------------------------------------

    def answer(self, method: str, url: str, headers_json: str, body: Any = None) -> PageAnswer:
        """Answer one request the service worker forwarded (``headers_json``: ``[[name, value], …]``)."""
        parts = urlsplit(url)
        path = parts.path
        inside = f"{parts.scheme}://{parts.netloc}" == self._origin and path.startswith(self._base_path + "/sim/")
        sim_path = path[len(self._base_path) :] if inside else ""
        if not is_sim_path(sim_path):
            return PageAnswer(404, [("content-type", "text/plain; charset=utf-8")], b"Not found\n")
        headers = {str(name).lower(): str(value) for name, value in json.loads(headers_json or "[]")}
        headers["host"] = parts.netloc
        data = as_bytes(body)
        request = SimRequest(method.upper(), sim_path, parse_qs(parts.query, keep_blank_values=True), headers, data)
        if len(data) > self.sim.config.max_body_bytes:
            return self._page_answer(
                request, self.sim.reject(request, errors.body_too_large(self.sim.config.max_body_bytes))
            )
        return self._page_answer(request, self.sim.handle(request))

    def _page_answer(self, request: SimRequest, response: SimResponse) -> PageAnswer:
        has_body = response.status not in _NO_BODY_STATUSES
        headers = [(name, self._located(name, value)) for name, value in response.headers]
        if has_body:
            headers.append(("content-length", str(response.content_length)))
        body = b"" if request.method == "HEAD" or not has_body else _read(response)
        return PageAnswer(
            response.status,
            headers,
            body,
            delay_ms=int(response.delay_s * 1000),
            truncated=response.truncate_at is not None and request.method != "HEAD",
        )

    def _located(self, name: str, value: str) -> str:
        """A ``Location`` on the simulator, absolute and under the site's prefix."""
        if name.lower() == "location" and value.startswith("/sim/"):
            return self._origin + self._base_path + value
        return value


def _read(response: SimResponse) -> bytes:
    """The whole body (a ``[sim:truncate]`` body ends at its cut), closing a stream read early."""
    if isinstance(response.body, bytes):
        return response.body[: response.truncate_at] if response.truncate_at is not None else response.body
    chunks = response.body
    try:
        return b"".join(chunks)
    finally:
        close = getattr(chunks, "close", None)
        if callable(close):
            close()
