"""The frame of every simulated API beside OpenAI's: mount, route, catch, envelope, decorate.

A provider subclass says which paths it answers (:class:`Mount`: a prefix, with or
without CORS), routes a :class:`~simulator.call.Call` to its handlers, and renders any
:class:`~simulator.errors.ApiError` in its own envelope (:meth:`adapt`), so generic
errors raised by shared code (413, 416, 503) reach the client in the provider's shape.
No threads, sockets, files or sleeps: delays travel in ``SimResponse.delay_s``.
"""

from __future__ import annotations

import logging
import re
import uuid
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from simulator import errors, routes_debug
from simulator.call import Call, new_call
from simulator.errors import ApiError
from simulator.faults import KeyFault, key_faults
from simulator.messages import SimRequest, SimResponse, json_response
from simulator.origin import request_origin
from simulator.store import key_scope

if TYPE_CHECKING:
    from simulator.api import Simulator

_log = logging.getLogger("simulator")
_HEADER_LIST = re.compile(r"[A-Za-z0-9!#$%&'*+.^_`|~-]+(\s*,\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*")

S = TypeVar("S", bound="ProviderService")
Handler = Callable[[S, Call, str], SimResponse]


@dataclass(frozen=True)
class Mount:
    """Where a provider is served: ``prefix`` plus whether it answers CORS."""

    prefix: str
    cors: bool


@dataclass(frozen=True)
class Route(Generic[S]):
    """``method`` + ``pattern`` (matched against the path under the mount) → ``handler``."""

    method: str
    pattern: re.Pattern[str]
    handler: Handler[S]


class ProviderService(ABC):
    """One simulated provider API; subclasses set ``name`` and ``mounts``."""

    name: str
    mounts: tuple[Mount, ...]

    def __init__(self, sim: Simulator) -> None:
        self.sim = sim

    def mount_for(self, path: str) -> Mount | None:
        for mount in self.mounts:
            if path == mount.prefix or path.startswith(mount.prefix + "/"):
                return mount
        return None

    def handle(self, request: SimRequest) -> SimResponse:
        """Answer one request completely, errors included (never raises ApiError)."""
        mount = self.mount_for(request.path)
        if mount is None:
            raise ValueError(f"{self.name} does not serve {request.path}")
        call = new_call(request, "req_" + uuid.uuid4().hex)
        call.prefix, call.cors = mount.prefix, mount.cors
        try:
            response = self.route(call, request.path.removeprefix(mount.prefix).rstrip("/") or "/")
        except ApiError as exc:
            response = self.error_response(exc)
        except Exception:  # a simulator bug must still look like the API's own 500
            _log.exception("simulator (%s) failed on %s %s", self.name, request.method, request.path)
            response = self.error_response(errors.server_error())
        return self.finish(call, response)

    def reject(self, request: SimRequest, error: ApiError) -> SimResponse:
        """An error decorated like any other answer (the HTTP glue uses it: 413, 503)."""
        mount = self.mount_for(request.path) or self.mounts[0]
        call = new_call(request, "req_" + uuid.uuid4().hex)
        call.prefix, call.cors = mount.prefix, mount.cors
        return self.finish(call, self.error_response(error))

    def find_route(self: S, call: Call, path: str, routes: Sequence[Route[S]]) -> tuple[Route[S], str] | None:
        """The first route whose method and pattern fit, with its path argument; None when none fits."""
        method = "GET" if call.request.method == "HEAD" else call.request.method
        for route in routes:
            match = route.pattern.fullmatch(path)
            if match and route.method == method:
                return route, match.group(1) if route.pattern.groups else ""
        return None

    def accept_key(self, call: Call, key: str, refusals: Sequence[tuple[KeyFault, Callable[[], ApiError]]]) -> None:
        """Scope the call to ``key``, then raise the first refusal whose ``sim-*`` marker the key holds."""
        call.scope, call.api_key = key_scope(key), key
        faults = call.key_faults = key_faults(key)
        for fault, refusal in refusals:
            if fault in faults:
                raise refusal()

    def origin(self, call: Call) -> str:
        return request_origin(call.request, self.sim.config)

    @abstractmethod
    def route(self, call: Call, path: str) -> SimResponse:
        """Answer ``path`` (the part under the mount's prefix, "/" at least)."""

    @abstractmethod
    def adapt(self, error: ApiError) -> ApiError:
        """``error`` in this provider's envelope (a generic ApiError converted)."""

    @abstractmethod
    def cors_headers(self, call: Call) -> list[tuple[str, str]]:
        """CORS headers of an actual (non-preflight) answer."""

    def error_response(self, error: ApiError) -> SimResponse:
        adapted = self.adapt(error)
        return json_response(adapted.status, adapted.envelope(), adapted.headers)

    def finish(self, call: Call, response: SimResponse) -> SimResponse:
        response.delay_s = max(response.delay_s, call.delay_s)
        if call.record is not None:
            routes_debug.close_record(self.sim, call, response)
        if call.cors and response.header("access-control-allow-origin") is None:
            response.headers += self.cors_headers(call)
        response.headers.append(("x-sim-request-id", call.request_id))
        return response


def preflight_response(
    request: SimRequest, *, allowed: frozenset[str], methods: str, max_age_s: int, origin: str = "*"
) -> SimResponse:
    """204 for an ``OPTIONS`` preflight, allowing only the ``allowed`` request headers.

    Requested headers outside the list are left out of ``access-control-allow-headers``,
    so the browser refuses the actual request, as a real server with a fixed list does.
    """
    requested = request.header("access-control-request-headers").strip()
    names = [n.strip().lower() for n in requested.split(",")] if _HEADER_LIST.fullmatch(requested) else []
    granted = ", ".join(n for n in names if n in allowed)
    headers = [
        ("access-control-allow-origin", origin),
        ("access-control-allow-methods", methods),
        ("access-control-max-age", str(max_age_s)),
        ("vary", "Origin, Access-Control-Request-Headers"),
    ]
    if granted:
        headers.append(("access-control-allow-headers", granted))
    return SimResponse(204, headers)
