"""CORS as a public API does it: any origin, no cookies, readable rate-limit headers.

The browser app calls the simulator (and real gateways) with ``fetch``; without
``Access-Control-Expose-Headers`` it could not read ``x-request-id``, the poll hint or
``retry-after``, so every response carries the same CORS headers, errors included.
"""

from __future__ import annotations

import re

from simulator.messages import SimRequest, SimResponse

ALLOW_METHODS = "GET, POST, DELETE, OPTIONS"
ALLOW_HEADERS = (
    "authorization, content-type, openai-organization, openai-project, openai-beta, "
    "idempotency-key, x-stainless-arch, x-stainless-lang, x-stainless-os, x-stainless-package-version, "
    "x-stainless-retry-count, x-stainless-runtime, x-stainless-runtime-version, x-stainless-timeout, "
    "x-stainless-async, x-stainless-helper-method, range"
)
EXPOSE_HEADERS = (
    "x-request-id, openai-processing-ms, openai-poll-after-ms, openai-version, openai-organization, "
    "retry-after, retry-after-ms, x-should-retry, "
    "x-ratelimit-limit-requests, x-ratelimit-remaining-requests, x-ratelimit-reset-requests, "
    "x-ratelimit-limit-tokens, x-ratelimit-remaining-tokens, x-ratelimit-reset-tokens, "
    "content-disposition, content-length, content-range, accept-ranges"
)
MAX_AGE_S = 86400
_HEADER_LIST = re.compile(r"[A-Za-z0-9!#$%&'*+.^_`|~-]+(\s*,\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*")


def preflight(request: SimRequest) -> SimResponse:
    """204 for an ``OPTIONS`` preflight; the requested headers are echoed when well-formed."""
    requested = request.header("access-control-request-headers").strip()
    allow_headers = requested if _HEADER_LIST.fullmatch(requested) else ALLOW_HEADERS
    return SimResponse(
        204,
        [
            ("access-control-allow-methods", ALLOW_METHODS),
            ("access-control-allow-headers", allow_headers),
            ("access-control-max-age", str(MAX_AGE_S)),
            ("vary", "Access-Control-Request-Headers"),
        ],
    )


def cors_headers() -> list[tuple[str, str]]:
    return [("access-control-allow-origin", "*"), ("access-control-expose-headers", EXPOSE_HEADERS)]
