"""The simulated OpenAI Videos API: entry point, routing, authentication, decoration.

:class:`Simulator` turns a :class:`~simulator.messages.SimRequest` into a
:class:`~simulator.messages.SimResponse` and knows nothing of sockets, so it runs under
any server and in unit tests with a fake clock; ``http.py`` adapts it to
``http.server``. The endpoint handlers live in ``routes_*.py``.
"""

from __future__ import annotations

import logging
import re
import threading
import time
import uuid
from collections.abc import Callable

from simulator import errors, gemini, openrouter, routes_content, routes_debug, routes_models, routes_videos
from simulator.call import Call, new_call
from simulator.config import SimConfig
from simulator.content import ContentStore, MediaBackend
from simulator.cors import cors_headers, preflight
from simulator.counters import Counters
from simulator.debuglog import RequestLog
from simulator.errors import ApiError
from simulator.faults import KeyFault, key_faults
from simulator.lifecycle import JobState, job_state
from simulator.messages import SimRequest, SimResponse, json_response
from simulator.objects import video_object
from simulator.service import ProviderService
from simulator.signing import Signer
from simulator.store import Job, JobStore, key_scope
from simulator.validation import DEFAULT_MODEL

API_PREFIX = "/sim/v1"
FILES_PREFIX = "/sim/files/"
DEBUG_PREFIX = "/sim/debug/"
OPENAI_VERSION = "2020-10-01"
_log = logging.getLogger("simulator")

Handler = Callable[["Simulator", Call, str], SimResponse]
# (method, path under /sim/v1, handler); the one group, if any, is passed as the argument.
API_ROUTES: tuple[tuple[str, re.Pattern[str], Handler], ...] = (
    ("GET", re.compile(r"/models"), routes_models.list_models),
    ("GET", re.compile(r"/models/([^/]+)"), routes_models.get_model),
    ("POST", re.compile(r"/videos"), routes_videos.create),
    ("GET", re.compile(r"/videos"), routes_videos.list_videos),
    ("GET", re.compile(r"/videos/([^/]+)"), routes_videos.retrieve),
    ("DELETE", re.compile(r"/videos/([^/]+)"), routes_videos.delete),
    ("POST", re.compile(r"/videos/([^/]+)/remix"), routes_videos.remix),
    ("GET", re.compile(r"/videos/([^/]+)/content"), routes_content.download),
)


PROVIDER_PREFIXES = (*openrouter.PREFIXES, *gemini.PREFIXES)


def is_sim_path(path: str) -> bool:
    """Whether the simulator answers ``path`` (the APIs, signed files, the debug log)."""
    if path.startswith((FILES_PREFIX, DEBUG_PREFIX)):
        return True
    return any(path == prefix or path.startswith(prefix + "/") for prefix in (API_PREFIX, *PROVIDER_PREFIXES))


class Simulator:
    """One simulated service: its jobs, rendered files, request log and configuration."""

    def __init__(
        self,
        config: SimConfig | None = None,
        *,
        clock: Callable[[], float] = time.time,
        media: MediaBackend | None = None,
    ) -> None:
        self.config = config or SimConfig()
        self.clock = clock
        self.store: JobStore[Job] = JobStore(self.config.max_jobs)
        self.content = ContentStore(self.config, media)
        self.log = RequestLog(self.config.debug_history)
        self.counters = Counters()
        self.signer = Signer()
        self.body_slots = threading.BoundedSemaphore(max(1, self.config.max_body_readers))  # used by http.py
        self.openrouter = openrouter.OpenRouterService(self)
        self.gemini = gemini.GeminiService(self)
        self.services: tuple[ProviderService, ...] = (self.openrouter, self.gemini)

    # ---- entry points ------------------------------------------------------------------

    def handle(self, request: SimRequest) -> SimResponse:
        """Answer one request completely, errors included; never raises ApiError.

        OpenRouter and Gemini paths go to their services; the rest is OpenAI's API,
        the signed files and the debug log.
        """
        service = self._service_for(request.path)
        if service is not None:
            return service.handle(request)
        started = time.perf_counter()
        call = new_call(request, _request_id())
        try:
            response = self._route(call)
        except ApiError as exc:
            response = error_response(exc)
        except Exception:  # a simulator bug must still look like an API's 500, CORS included
            _log.exception("simulator failed on %s %s", request.method, request.path)
            response = error_response(errors.server_error())
        return self._finish(call, response, started)

    def reject(self, request: SimRequest, error: ApiError) -> SimResponse:
        """An error answer decorated like any other (the HTTP glue uses it, e.g. for 413)."""
        service = self._service_for(request.path)
        if service is not None:
            return service.reject(request, error)
        return self._finish(new_call(request, _request_id()), error_response(error), time.perf_counter())

    # ---- helpers for the route handlers ------------------------------------------------

    def job(self, call: Call, video_id: str) -> Job:
        """The caller's job (404 otherwise); its [sim:slow] delay applies to this answer."""
        job = self.store.get(call.scope, video_id)
        if job is None:
            raise errors.video_not_found(video_id)
        call.delay_s = job.faults.slow_ms / 1000
        return job

    def state(self, job: Job) -> JobState:
        return job_state(job, self.clock(), self.config)

    def video_response(self, job: Job) -> SimResponse:
        """The Video object, with the poll hint while the job is still running."""
        state = self.state(job)
        headers = [] if state.terminal else [("openai-poll-after-ms", str(self.config.poll_after_ms))]
        return json_response(200, video_object(job, state), headers)

    # ---- plumbing ----------------------------------------------------------------------

    def _service_for(self, path: str) -> ProviderService | None:
        return next((service for service in self.services if service.mount_for(path) is not None), None)

    def _route(self, call: Call) -> SimResponse:
        request = call.request
        path = request.path.rstrip("/") or "/"
        method = "GET" if request.method == "HEAD" else request.method
        if method == "OPTIONS":
            return preflight(request)
        if path.startswith(DEBUG_PREFIX) and method == "GET":
            return routes_debug.debug(self, call, path.removeprefix(DEBUG_PREFIX))
        if path.startswith(FILES_PREFIX) and method == "GET":
            return routes_content.signed_file(self, call, path.removeprefix(FILES_PREFIX))
        if path == API_PREFIX or path.startswith(API_PREFIX + "/"):
            self._authenticate(call, path)
            sub_path = path.removeprefix(API_PREFIX)
            for route_method, pattern, handler in API_ROUTES:
                match = pattern.fullmatch(sub_path)
                if match and route_method == method:
                    return handler(self, call, match.group(1) if pattern.groups else "")
            path = path.replace(API_PREFIX, "/v1", 1)
        raise errors.invalid_url(request.method, path)

    def _authenticate(self, call: Call, path: str) -> None:
        """Require a Bearer key, then play any ``sim-*`` key marker that fails every call."""
        scheme, _, key = call.request.header("authorization").strip().partition(" ")
        key = key.strip()
        if scheme.lower() != "bearer" or not key:
            raise errors.missing_api_key()
        call.scope = key_scope(key)
        faults = call.key_faults = key_faults(key)
        if KeyFault.INVALID in faults:
            raise errors.invalid_api_key(key)
        if KeyFault.FORBIDDEN in faults:
            if path.startswith(API_PREFIX + "/videos"):
                raise errors.organization_not_verified(DEFAULT_MODEL)
            raise errors.missing_scope("api.model.read")
        if KeyFault.QUOTA in faults:
            raise errors.insufficient_quota()
        if KeyFault.RATE_LIMIT in faults:
            raise errors.rate_limited(DEFAULT_MODEL)
        if KeyFault.SERVER in faults:
            raise errors.server_error()

    def _finish(self, call: Call, response: SimResponse, started: float) -> SimResponse:
        response.delay_s = max(response.delay_s, call.delay_s)
        if call.record is not None:
            routes_debug.close_record(self, call, response)
        elapsed_ms = int((time.perf_counter() - started + response.delay_s) * 1000)
        response.headers += cors_headers()
        response.headers += [
            ("x-request-id", call.request_id),
            ("openai-processing-ms", str(elapsed_ms)),
            ("openai-version", OPENAI_VERSION),
        ]
        if call.scope:
            limit = self.config.rate_limit_rpm
            defaults = [
                ("x-ratelimit-limit-requests", str(limit)),
                ("x-ratelimit-remaining-requests", str(limit - 1)),
                ("x-ratelimit-reset-requests", "1s"),
            ]
            response.headers += [(k, v) for k, v in defaults if response.header(k) is None]
        return response


def _request_id() -> str:
    return "req_" + uuid.uuid4().hex


def error_response(error: ApiError) -> SimResponse:
    return json_response(error.status, error.envelope(), error.headers)
