"""``/sim/debug/…``: what the simulated APIs received and served, for tests (simulator only).

- ``requests``: the last create/remix requests as they arrived (fields, sniffed images,
  headers without any credential, the answer's status and error);
- ``creates``: how many create requests arrived per provider and prompt;
- ``downloads``: how many body bytes each job's downloads served, per file.

No such endpoint exists at any real provider. It is unauthenticated, so it holds
nothing secret.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulator import errors
from simulator.call import Call
from simulator.debuglog import Record, describe_fields, safe_headers
from simulator.messages import SimResponse, json_response

if TYPE_CHECKING:
    from simulator.api import Simulator

FILTERS = ("request_id", "video_id", "kind", "provider")
PROVIDERS = ("openai", "openrouter", "gemini")


def start_record(sim: Simulator, call: Call, kind: str, provider: str = "openai") -> Record:
    request = call.request
    call.record = {
        "request_id": call.request_id,
        "provider": provider,
        "kind": kind,
        "received_at": int(sim.clock()),
        "method": request.method,
        "path": request.path,
        "content_type": request.header("content-type") or None,
        "body_bytes": len(request.body),
        "headers": safe_headers(request.headers),
        "prompt": None,
        "fields": None,
        "image": None,
        "video_id": None,
    }
    return call.record


def close_record(sim: Simulator, call: Call, response: SimResponse) -> None:
    """Add the answer's status and error to the call's record, keep it, and count the create."""
    record = dict(call.record or {})
    fields = record.get("fields")
    if isinstance(fields, dict):
        record["fields"] = describe_fields(fields)
    record["status"] = response.status
    body = response.json() if response.status >= 400 and isinstance(response.body, bytes) else None
    record["error"] = _error_of(body)
    sim.log.add(record)
    prompt, job_id = record.get("prompt"), record.get("video_id")
    sim.counters.count_create(
        str(record.get("provider")),
        prompt if isinstance(prompt, str) else None,
        response.status,
        job_id if isinstance(job_id, str) else None,
    )


def _error_of(body: object) -> object:
    """The ``error`` member of an envelope, also of Google's ``[{"error": …}]`` list form."""
    if isinstance(body, list) and body:
        body = body[0]
    return body.get("error") if isinstance(body, dict) else None


def _provider_filter(call: Call) -> str | None:
    provider = call.request.param("provider") or None
    if provider is not None and provider not in PROVIDERS:
        raise errors.invalid_value("provider", provider, PROVIDERS)
    return provider


def debug(sim: Simulator, call: Call, name: str) -> SimResponse:
    """Route ``/sim/debug/<name>``."""
    request = call.request
    if name == "requests":
        limit = call.int_param("limit", 20, sim.config.debug_history)
        _provider_filter(call)
        match = {key: value for key in FILTERS if (value := request.param(key))}
        return json_response(200, {"object": "list", "data": sim.log.recent(limit, **match)})
    if name == "creates":
        data = sim.counters.creates(_provider_filter(call), request.param("prompt"))
        return json_response(200, {"object": "list", "data": data})
    if name == "downloads":
        data = sim.counters.downloads(_provider_filter(call), request.param("job_id"))
        return json_response(200, {"object": "list", "data": data})
    raise errors.invalid_url(request.method, request.path)
