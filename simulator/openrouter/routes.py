"""OpenRouter's video routes: create, poll, download, catalogue, key info, credits.

There is no cancel, delete or list route (none exists at OpenRouter): those paths fall
through to the service's plain 404, like any unknown route.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import replace
from typing import TYPE_CHECKING

from simulator.body import JsonBodyError, json_object
from simulator.call import Call
from simulator.faults import KeyFault
from simulator.frames import render_size
from simulator.lifecycle import Phase, phase
from simulator.messages import SimResponse, json_response
from simulator.openrouter import catalogue, errors
from simulator.openrouter.jobs import Links, VideoJob, job_object, status_of
from simulator.openrouter.pricing import billed_usd
from simulator.openrouter.validation import validate_create
from simulator.routes_debug import start_record
from simulator.serving import DownloadTag, file_response

if TYPE_CHECKING:
    from simulator.openrouter.service import OpenRouterService

PROVIDER = "openrouter"


def read_json_object(call: Call) -> dict[str, object]:
    """The JSON object body; OpenRouter's API takes JSON only."""
    content_type = call.request.header("content-type").split(";", 1)[0].strip().lower()
    if content_type and content_type != "application/json":
        raise errors.bad_request(f"Content-Type must be application/json, not {content_type}")
    try:
        return json_object(call.request.body)
    except JsonBodyError as exc:
        raise errors.bad_request(
            "Invalid JSON in request body" if exc.unparsable else "The request body must be a JSON object"
        ) from None


def _links(svc: OpenRouterService, call: Call) -> Links:
    return Links(svc.origin(call), call.prefix, svc.sim.config.foreign_origin)


def _phase(svc: OpenRouterService, job: VideoJob) -> Phase:
    return phase(job, svc.sim.clock(), svc.sim.config)


def _job(svc: OpenRouterService, call: Call, job_id: str) -> VideoJob:
    job = svc.store.get(call.scope, job_id)
    if job is None:
        raise errors.job_not_found(job_id)
    call.delay_s = job.faults.slow_ms / 1000
    return job


def create(svc: OpenRouterService, call: Call, _: str) -> SimResponse:
    record = start_record(svc.sim, call, "create", PROVIDER)
    body = read_json_object(call)
    record["fields"] = body
    record["prompt"] = body.get("prompt") if isinstance(body.get("prompt"), str) else None
    if KeyFault.NO_MODEL in call.key_faults:
        raise errors.model_not_found(str(body.get("model")))
    params = validate_create(body)
    record["image"] = [media.describe() for media in (*params.frames, *params.references)] or None
    if KeyFault.FORBIDDEN in call.key_faults:
        raise errors.flagged(params.model.id, params.model.slug, params.prompt or "")
    if KeyFault.QUOTA in call.key_faults:
        raise errors.insufficient_credits()
    faults = params.faults
    refusal = svc.submits.refusal(PROVIDER, call.scope, params.prompt or "", faults)
    if refusal is not None:
        raise errors.rate_limited() if refusal == "429" else errors.server_error()
    model = params.model
    if model.shut_down:
        faults = replace(faults, fail=True)  # accepted, then it fails: the provider is gone
    job = VideoJob(
        id="job-" + uuid.uuid4().hex[:24],
        scope=call.scope,
        created=svc.sim.clock(),
        duration_s=faults.duration_s if faults.duration_s is not None else svc.sim.config.job_seconds,
        faults=faults,
        model=model.id,
        prompt=params.prompt,
        seconds=params.duration,
        resolution=params.resolution,
        aspect_ratio=params.aspect_ratio,
        width=params.width,
        height=params.height,
        audio=params.audio,
        cost=billed_usd(model, params.order()),
        generation_id=f"gen-{int(svc.sim.clock())}-{secrets.token_urlsafe(15)}",
        provider_gone=model.shut_down,
    )
    svc.store.add(job)
    call.delay_s = faults.slow_ms / 1000
    record["video_id"] = job.id
    return json_response(202, job_object(job, _phase(svc, job), _links(svc, call)))


def retrieve(svc: OpenRouterService, call: Call, job_id: str) -> SimResponse:
    job = _job(svc, call, job_id)
    if call.consume and svc.store.take(job, "status_500"):
        raise errors.server_error()
    if call.consume and svc.store.take(job, "status_429"):
        raise errors.rate_limited()
    return json_response(200, job_object(job, _phase(svc, job), _links(svc, call)))


def _index(call: Call) -> int:
    text = call.request.param("index")
    if text is None or text == "":
        return 0
    if not text.isdigit():
        raise errors.bad_request(f"index must be a non-negative integer; got '{text}'")
    return int(text)


def content(svc: OpenRouterService, call: Call, job_id: str) -> SimResponse:
    job = _job(svc, call, job_id)
    index = _index(call)
    if call.consume and svc.store.take(job, "content_500"):
        raise errors.server_error()
    current = _phase(svc, job)
    if current.kind != "completed":
        raise errors.content_not_ready(job.id, status_of(current))
    if index >= job.faults.outputs:
        raise errors.no_such_output(job.id, index, job.faults.outputs)
    width, height = render_size(job.width, job.height, svc.sim.config.render_max_pixels)
    video = svc.sim.content.video(
        f"{job.id}#{index}", width, height, float(job.seconds), f"{job.id}-{index}.mp4", pad_bytes=job.faults.pad_bytes
    )
    return file_response(
        video,
        range_header=None if job.faults.no_ranges else call.request.header("range"),
        truncate=call.consume and svc.store.take(job, "truncate"),
        headers=[("content-type", "video/mp4")],
        counters=svc.sim.counters,
        tag=DownloadTag(PROVIDER, job.id, f"index={index}"),
    )


def list_models(svc: OpenRouterService, call: Call, _: str) -> SimResponse:
    """Works without a key; a ``sim-nomodel`` key (if one is sent) sees an empty list."""
    hidden = "sim-nomodel" in call.request.header("authorization").lower()
    return json_response(200, {"data": [] if hidden else [m.listing() for m in catalogue.MODELS]})


def _label(key: str) -> str:
    """How OpenRouter names a key: its start and end (``sk-or-v1-0e6...c96``), never all of it."""
    head = key[: min(12, len(key) // 3)]
    tail = key[-min(3, len(key) // 4) :] if len(key) >= 8 else ""
    return f"{head}...{tail}"


def key_info(svc: OpenRouterService, call: Call, _: str) -> SimResponse:
    now = svc.sim.clock()
    usage = sum(
        job.cost
        for job in svc.store.in_scope(call.scope)
        if not job.faults.no_cost and phase(job, now, svc.sim.config).kind in ("completed", "expired")
    )
    capped = KeyFault.QUOTA in call.key_faults
    limit = max(1.0, round(usage, 6)) if capped else None
    data = {
        "label": svc.oauth.label_of(call.scope) or _label(call.api_key),
        "limit": limit,
        "limit_remaining": 0.0 if capped else None,
        "limit_reset": None,
        "include_byok_in_limit": False,
        "usage": round(usage, 6),
        "usage_daily": round(usage, 6),
        "usage_weekly": round(usage, 6),
        "usage_monthly": round(usage, 6),
        "byok_usage": 0,
        "byok_usage_daily": 0,
        "byok_usage_weekly": 0,
        "byok_usage_monthly": 0,
        "is_free_tier": False,
        "is_management_key": False,
        "is_provisioning_key": False,
        "rate_limit": {"requests": -1, "interval": "10s", "note": "This field is deprecated and safe to ignore."},
        "expires_at": None,
        "creator_user_id": svc.oauth.user_of(call.scope),
    }
    return json_response(200, {"data": data})


def credits(svc: OpenRouterService, call: Call, _: str) -> SimResponse:
    raise errors.management_key_required()
