"""The origin (scheme://host[:port]) a request reached, for the absolute URLs an API returns.

OpenRouter answers absolute ``unsigned_urls`` and Gemini absolute file ``uri``s; the
simulator builds them on the origin the client used (its ``Host`` header), so the same
code serves ``127.0.0.1:8000``, a test server on a random port, or a host that passes
its own origin in ``SimConfig.public_origin`` (the in-browser host does).
"""

from __future__ import annotations

import re

from simulator.config import SimConfig
from simulator.messages import SimRequest

FALLBACK_ORIGIN = "http://localhost"
_HOST = re.compile(r"[A-Za-z0-9.-]+(:\d{1,5})?|\[[0-9A-Fa-f:.]+\](:\d{1,5})?")


def request_origin(request: SimRequest, config: SimConfig) -> str:
    """``config.public_origin`` if set, else ``http(s)://`` + the request's ``Host`` header."""
    if config.public_origin:
        return config.public_origin.rstrip("/")
    host = request.header("host").strip()
    if not _HOST.fullmatch(host):
        return FALLBACK_ORIGIN
    scheme = "https" if request.header("x-forwarded-proto").strip().lower() == "https" else "http"
    return f"{scheme}://{host}"
