"""Video jobs: create, list, retrieve, delete, remix."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from app.core.providers.openai_videos.capabilities import SHUTDOWN_DATE
from simulator import errors
from simulator.body import MULTIPART, decode_fields, media_type
from simulator.call import Call
from simulator.faults import JobFaults, KeyFault
from simulator.messages import SimResponse, json_response
from simulator.objects import deleted_object, list_object, video_object
from simulator.routes_debug import start_record
from simulator.store import Job
from simulator.validation import DEFAULT_MODEL, ReferenceImage, validate_create, validate_remix

if TYPE_CHECKING:
    from simulator.api import Simulator

LIMIT_DEFAULT, LIMIT_MAX = 20, 100


def _require_model_service(call: Call, model: object) -> None:
    """``sim-retired``: the endpoint is gone (410); ``sim-nomodel``: the model is unknown (404)."""
    if KeyFault.RETIRED in call.key_faults:
        raise errors.api_shut_down(SHUTDOWN_DATE)
    if KeyFault.NO_MODEL in call.key_faults:
        raise errors.model_not_found(model if isinstance(model, str) else DEFAULT_MODEL)


def _add_job(
    sim: Simulator,
    call: Call,
    *,
    model: str,
    prompt: str,
    size: str,
    seconds: str,
    faults: JobFaults,
    remixed_from: str | None = None,
    image: ReferenceImage | None = None,
) -> SimResponse:
    """Store the job *before* any [sim:slow] delay, so a client that gives up can find it."""
    duration = faults.duration_s if faults.duration_s is not None else sim.config.job_seconds
    job = Job(
        id="video_" + uuid.uuid4().hex,
        scope=call.scope,
        model=model,
        prompt=prompt,
        size=size,
        seconds=seconds,
        created=sim.clock(),
        duration_s=duration,
        faults=faults,
        remixed_from=remixed_from,
        image=image,
    )
    sim.store.add(job)
    call.delay_s = faults.slow_ms / 1000
    if call.record is not None:
        call.record["video_id"] = job.id
    return sim.video_response(job)


def create(sim: Simulator, call: Call, _: str) -> SimResponse:
    record = start_record(sim, call, "create")
    fields = decode_fields(call.request.header("content-type"), call.request.body)
    record["fields"] = fields
    record["prompt"] = fields.get("prompt") if isinstance(fields.get("prompt"), str) else None
    _require_model_service(call, fields.get("model", DEFAULT_MODEL))
    params = validate_create(fields, form=media_type(call.request.header("content-type")) == MULTIPART)
    record["image"] = params.image.describe() if params.image else None
    return _add_job(
        sim,
        call,
        model=params.model,
        prompt=params.prompt,
        size=params.size,
        seconds=params.seconds,
        faults=params.faults,
        image=params.image,
    )


def remix(sim: Simulator, call: Call, video_id: str) -> SimResponse:
    record = start_record(sim, call, "remix")
    fields = decode_fields(call.request.header("content-type"), call.request.body)
    record["fields"] = fields
    record["prompt"] = fields.get("prompt") if isinstance(fields.get("prompt"), str) else None
    _require_model_service(call, DEFAULT_MODEL)
    source = sim.job(call, video_id)
    call.delay_s = 0.0  # the new job's own markers decide the delay
    prompt, faults = validate_remix(fields)
    state = sim.state(source)
    if not state.downloadable:
        raise errors.remix_source_not_completed(video_id, state.status)
    return _add_job(
        sim,
        call,
        model=source.model,
        prompt=prompt,
        size=source.size,
        seconds=source.seconds,
        faults=faults,
        remixed_from=source.id,
    )


def retrieve(sim: Simulator, call: Call, video_id: str) -> SimResponse:
    job = sim.job(call, video_id)
    if call.consume and sim.store.take(job, "status_500"):
        raise errors.server_error()
    if call.consume and sim.store.take(job, "status_429"):
        raise errors.rate_limited(job.model)
    return sim.video_response(job)


def list_videos(sim: Simulator, call: Call, _: str) -> SimResponse:
    limit = call.int_param("limit", LIMIT_DEFAULT, LIMIT_MAX)
    order = call.request.param("order") or "desc"
    if order not in ("asc", "desc"):
        raise errors.invalid_value("order", order, ("asc", "desc"))
    jobs = sorted(sim.store.in_scope(call.scope), key=lambda j: (int(j.created), j.seq), reverse=order == "desc")
    after = call.request.param("after")
    if after:
        ids = [job.id for job in jobs]
        if after not in ids:
            raise errors.invalid_parameter("after", f"no video with id '{after}' to continue after.")
        jobs = jobs[ids.index(after) + 1 :]
    page = [video_object(job, sim.state(job)) for job in jobs[:limit]]
    return json_response(200, list_object(page, has_more=len(jobs) > limit))


def delete(sim: Simulator, call: Call, video_id: str) -> SimResponse:
    job = sim.job(call, video_id)
    sim.store.remove(call.scope, job.id)
    return json_response(200, deleted_object(job.id))
