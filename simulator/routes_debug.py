"""``GET /sim/debug/requests``: the last create/remix requests as they arrived.

Simulator only (no such endpoint exists at OpenAI) and unauthenticated, so it holds
nothing secret: fields, the reference image's sniffed type and size, headers without
any credential, and the answer's status and error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulator import errors
from simulator.call import Call
from simulator.debuglog import Record, describe_fields, safe_headers
from simulator.messages import SimResponse, json_response

if TYPE_CHECKING:
    from simulator.api import Simulator

FILTERS = ("request_id", "video_id", "kind")


def start_record(sim: Simulator, call: Call, kind: str) -> Record:
    request = call.request
    call.record = {
        "request_id": call.request_id,
        "kind": kind,
        "received_at": int(sim.clock()),
        "method": request.method,
        "path": request.path,
        "content_type": request.header("content-type") or None,
        "body_bytes": len(request.body),
        "headers": safe_headers(request.headers),
        "fields": None,
        "image": None,
        "video_id": None,
    }
    return call.record


def close_record(sim: Simulator, call: Call, response: SimResponse) -> None:
    """Add the answer's status and error to the call's record and keep it."""
    record = dict(call.record or {})
    fields = record.get("fields")
    if isinstance(fields, dict):
        record["fields"] = describe_fields(fields)
    record["status"] = response.status
    body = response.json() if response.status >= 400 and isinstance(response.body, bytes) else None
    record["error"] = body.get("error") if isinstance(body, dict) else None
    sim.log.add(record)


def requests(sim: Simulator, call: Call, name: str) -> SimResponse:
    if name != "requests":
        raise errors.invalid_url(call.request.method, call.request.path)
    limit = call.int_param("limit", 20, sim.config.debug_history)
    match = {key: value for key in FILTERS if (value := call.request.param(key))}
    return json_response(200, {"object": "list", "data": sim.log.recent(limit, **match)})
