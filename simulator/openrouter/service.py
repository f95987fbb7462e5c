"""The simulated OpenRouter video API, mounted at ``/sim/openrouter/api/v1`` (real: ``/api/v1``).

``/sim/openrouter-nocors/api/v1`` is the same API without CORS (preflights fail,
answers carry no ``access-control-*``), for the app's "browser call refused" path and
its local relay; ``/auth/keys`` keeps CORS on both, as OpenRouter's does. The consent
page of the PKCE flow is at ``/sim/openrouter/auth`` (real: ``https://openrouter.ai/auth``).
Every API route but ``/videos/models`` and ``/auth/keys`` needs ``Authorization:
Bearer <any key>``; jobs are scoped per key.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from simulator.call import Call
from simulator.errors import ApiError
from simulator.faults import KeyFault
from simulator.messages import SimResponse
from simulator.openrouter import errors, routes
from simulator.openrouter.jobs import VideoJob
from simulator.openrouter.oauth import OAuth
from simulator.service import Mount, ProviderService, Route, preflight_response
from simulator.store import JobStore
from simulator.submits import SubmitGate

if TYPE_CHECKING:
    from simulator.api import Simulator

API = "/sim/openrouter/api/v1"
API_NOCORS = "/sim/openrouter-nocors/api/v1"
SITE = "/sim/openrouter"
SITE_NOCORS = "/sim/openrouter-nocors"
PREFIXES = (SITE, SITE_NOCORS)
ALLOW_HEADERS = frozenset(
    {
        "authorization",
        "content-type",
        "http-referer",
        "x-openrouter-title",
        "x-title",
        "x-openrouter-categories",
        "range",
    }
)
EXPOSE_HEADERS = "content-type, content-length, content-range, accept-ranges, retry-after, x-sim-request-id"
PUBLIC = frozenset({"/videos/models"})
KEY_REFUSALS: tuple[tuple[KeyFault, Callable[[], ApiError]], ...] = (
    (KeyFault.INVALID, errors.user_not_found),
    (KeyFault.SERVER, errors.server_error),
    (KeyFault.RATE_LIMIT, errors.rate_limited),
    (KeyFault.UNAVAILABLE, lambda: errors.no_provider("any")),
)
ROUTES: tuple[Route[OpenRouterService], ...] = (
    Route("POST", re.compile(r"/videos"), routes.create),
    Route("GET", re.compile(r"/videos/models"), routes.list_models),
    Route("GET", re.compile(r"/videos/([^/]+)"), routes.retrieve),
    Route("GET", re.compile(r"/videos/([^/]+)/content"), routes.content),
    Route("GET", re.compile(r"/key"), routes.key_info),
    Route("GET", re.compile(r"/credits"), routes.credits),
)


class OpenRouterService(ProviderService):
    name = "openrouter"
    mounts = (Mount(API, True), Mount(API_NOCORS, False), Mount(SITE, False), Mount(SITE_NOCORS, False))

    def __init__(self, sim: Simulator) -> None:
        super().__init__(sim)
        self.store: JobStore[VideoJob] = JobStore(sim.config.max_jobs)
        self.submits = SubmitGate()
        self.oauth = OAuth(sim.config.oauth_code_ttl_s)

    def route(self, call: Call, path: str) -> SimResponse:
        if call.prefix in (SITE, SITE_NOCORS):
            if path == "/auth" and call.request.method in ("GET", "HEAD", "POST"):
                return self.oauth.page(call, self.sim.clock())
            raise errors.not_found()
        if path == "/auth/keys":
            call.cors = True  # the key exchange is cross-origin on both variants
            return self._auth_keys(call)
        if call.request.method == "OPTIONS":
            if not call.cors:
                raise errors.method_not_allowed("GET, POST")
            return preflight_response(call.request, allowed=ALLOW_HEADERS, methods="GET, POST, OPTIONS", max_age_s=600)
        found = self.find_route(call, path, ROUTES)
        if found is None:
            raise errors.not_found()
        route, argument = found
        if path not in PUBLIC:
            self._authenticate(call)
        return route.handler(self, call, argument)

    def _auth_keys(self, call: Call) -> SimResponse:
        method = call.request.method
        if method == "OPTIONS":
            return preflight_response(call.request, allowed=ALLOW_HEADERS, methods="POST, OPTIONS", max_age_s=600)
        if method != "POST":
            raise errors.method_not_allowed("POST, OPTIONS")
        return self.oauth.exchange(routes.read_json_object(call), self.sim.clock())

    def _authenticate(self, call: Call) -> None:
        """Require a Bearer key, then play the ``sim-*`` key markers that fail every call."""
        scheme, _, key = call.request.header("authorization").strip().partition(" ")
        key = key.strip()
        if scheme.lower() != "bearer" or not key:
            raise errors.missing_credentials()
        self.accept_key(call, key, KEY_REFUSALS)

    def adapt(self, error: ApiError) -> ApiError:
        return errors.adapt(error)

    def cors_headers(self, call: Call) -> list[tuple[str, str]]:
        return [("access-control-allow-origin", "*"), ("access-control-expose-headers", EXPOSE_HEADERS)]
