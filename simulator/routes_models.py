"""``GET /models`` and ``GET /models/{id}``: how the app validates a key for free.

``sim-nomodel`` keys see no Sora model (creation then fails with 404), ``sim-retired``
keys see them with a ``shutdown_date`` (creation then fails with 410).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulator import errors
from simulator.call import Call
from simulator.faults import KeyFault
from simulator.messages import SimResponse, json_response
from simulator.objects import model_object, visible_models

if TYPE_CHECKING:
    from simulator.api import Simulator


def _model_ids(call: Call) -> tuple[str, ...]:
    return visible_models(sora_listed=KeyFault.NO_MODEL not in call.key_faults)


def list_models(sim: Simulator, call: Call, _: str) -> SimResponse:
    retired = KeyFault.RETIRED in call.key_faults
    return json_response(200, {"object": "list", "data": [model_object(m, retired=retired) for m in _model_ids(call)]})


def get_model(sim: Simulator, call: Call, model_id: str) -> SimResponse:
    if model_id not in _model_ids(call):
        raise errors.model_not_found(model_id)
    return json_response(200, model_object(model_id, retired=KeyFault.RETIRED in call.key_faults))
