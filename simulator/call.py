"""Per-request state gathered while one request is handled (never shared between requests)."""

from __future__ import annotations

from dataclasses import dataclass

from simulator import errors
from simulator.debuglog import Record
from simulator.faults import KeyFault
from simulator.messages import SimRequest


@dataclass
class Call:
    request: SimRequest
    request_id: str
    consume: bool  # False for HEAD: look, but use up no injected fault
    scope: str = ""  # the API key's job scope once authenticated
    api_key: str = ""  # the key itself, for this request only (never logged or stored)
    key_faults: frozenset[KeyFault] = frozenset()
    delay_s: float = 0.0  # [sim:slow] of the job this request concerns
    record: Record | None = None  # set by create/remix for /sim/debug/requests
    prefix: str = ""  # the API prefix the request came in on (with or without CORS)
    cors: bool = True  # whether the answer carries CORS headers

    def int_param(self, name: str, default: int, maximum: int) -> int:
        """A query integer in 0..maximum, with OpenAI's errors for bad or out-of-range values."""
        text = self.request.param(name)
        if not text:
            return default
        try:
            value = int(text)
        except ValueError:
            raise errors.invalid_type(name, "an integer", text) from None
        if not 0 <= value <= maximum:
            raise errors.integer_out_of_range(name, value, 0, maximum)
        return value


def new_call(request: SimRequest, request_id: str) -> Call:
    return Call(request, request_id, consume=request.method != "HEAD")
