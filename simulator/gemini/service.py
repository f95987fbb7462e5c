"""The simulated Gemini API (Interactions, Omni Flash), at ``/sim/gemini/v1beta`` (real: ``/v1beta``).

``/sim/gemini-nocors/v1beta`` is the same API without CORS. The key goes in
``x-goog-api-key`` or ``?key=``; a Bearer token is a 401 (the key is not an OAuth
token), no key a 403, a ``sim-401`` key a 400 ``API_KEY_INVALID``. Interactions are
scoped per key (Google scopes them per project).
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING

from simulator.call import Call
from simulator.errors import ApiError
from simulator.faults import KeyFault
from simulator.gemini import errors, files, routes
from simulator.gemini.errors import GoogleError
from simulator.gemini.jobs import Interaction
from simulator.gemini.models import DEFAULT_MODEL
from simulator.messages import SimResponse, json_response
from simulator.service import Mount, ProviderService, Route, preflight_response
from simulator.store import JobStore
from simulator.submits import SubmitGate

if TYPE_CHECKING:
    from simulator.api import Simulator

API = "/sim/gemini/v1beta"
API_NOCORS = "/sim/gemini-nocors/v1beta"
PREFIXES = ("/sim/gemini", "/sim/gemini-nocors")
ALLOW_HEADERS = frozenset(
    {
        "x-goog-api-key", "content-type", "range", "authorization", "x-goog-api-client", "x-goog-user-project",
        "x-goog-request-params", "x-server-timeout", "api-revision",
    }
)  # fmt: skip
EXPOSE_HEADERS = "content-type, content-length, content-range, accept-ranges, date, x-sim-request-id"
KEY_REFUSALS: tuple[tuple[KeyFault, Callable[[], ApiError]], ...] = (
    (KeyFault.INVALID, errors.key_invalid),
    (KeyFault.FORBIDDEN, errors.service_disabled),
    (KeyFault.SERVER, errors.internal),
    (KeyFault.UNAVAILABLE, errors.unavailable),
    (KeyFault.RATE_LIMIT, lambda: errors.rate_limited(DEFAULT_MODEL)),
)
ROUTES: tuple[Route[GeminiService], ...] = (
    Route("POST", re.compile(r"/interactions"), routes.create),
    Route("GET", re.compile(r"/interactions/([^/]+)"), routes.get),
    Route("POST", re.compile(r"/interactions/([^/]+)/cancel"), routes.cancel),
    Route("DELETE", re.compile(r"/interactions/([^/]+)"), routes.delete),
    Route("GET", re.compile(r"/models"), routes.list_models),
    Route("GET", re.compile(r"/models/([^/]+)"), routes.get_model),
    Route("GET", re.compile(r"/files/([^/:]+):download"), files.file_route),
    Route("GET", re.compile(r"/files/([^/:]+)"), files.file_route),
)


class GeminiService(ProviderService):
    name = "gemini"
    mounts = (Mount(API, True), Mount(API_NOCORS, False), Mount(PREFIXES[0], True), Mount(PREFIXES[1], False))

    def __init__(self, sim: Simulator) -> None:
        super().__init__(sim)
        self.store: JobStore[Interaction] = JobStore(sim.config.max_jobs)
        self.submits = SubmitGate()
        self._files: OrderedDict[str, Interaction] = OrderedDict()
        self._files_lock = threading.Lock()

    def add(self, job: Interaction) -> None:
        """Keep the interaction, and its file (which outlives a deleted interaction)."""
        self.store.add(job)
        with self._files_lock:
            self._files[job.file_id] = job
            while len(self._files) > self.sim.config.max_jobs:
                self._files.popitem(last=False)

    def file_owner(self, scope: str, file_id: str) -> Interaction | None:
        with self._files_lock:
            job = self._files.get(file_id)
        return job if job is not None and job.scope == scope and job.delivery == "uri" else None

    def route(self, call: Call, path: str) -> SimResponse:
        if call.request.method == "OPTIONS":
            if not call.cors:
                raise GoogleError(405, "Method OPTIONS is not allowed.", status_name="INVALID_ARGUMENT")
            origin = call.request.header("origin") or "*"
            methods = "GET, POST, DELETE, OPTIONS"
            return preflight_response(
                call.request, allowed=ALLOW_HEADERS, methods=methods, max_age_s=3600, origin=origin
            )
        found = self.find_route(call, path, ROUTES) if call.prefix in (API, API_NOCORS) else None
        if found is None:
            raise errors.method_not_found()
        route, argument = found
        self._authenticate(call)
        return route.handler(self, call, argument)

    def _authenticate(self, call: Call) -> None:
        request = call.request
        if request.header("authorization").strip().lower().startswith("bearer"):
            raise errors.bearer_token()
        key = (request.header("x-goog-api-key") or request.param("key") or "").strip()
        if not key:
            raise errors.no_key()
        self.accept_key(call, key, KEY_REFUSALS)

    def adapt(self, error: ApiError) -> ApiError:
        return errors.adapt(error)

    def error_response(self, error: ApiError) -> SimResponse:
        adapted = self.adapt(error)
        envelope: object = adapted.envelope()
        if isinstance(adapted, GoogleError) and adapted.as_list:
            envelope = [envelope]
        return json_response(adapted.status, envelope, adapted.headers)

    def cors_headers(self, call: Call) -> list[tuple[str, str]]:
        origin = call.request.header("origin") or "*"
        headers = [("access-control-allow-origin", origin), ("access-control-expose-headers", EXPOSE_HEADERS)]
        return [*headers, ("vary", "Origin")] if origin != "*" else headers
