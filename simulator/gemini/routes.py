"""Interactions routes: create, get, cancel, delete, and the model list."""

from __future__ import annotations

import base64
import secrets
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from simulator.body import JsonBodyError, json_object
from simulator.call import Call
from simulator.faults import KeyFault
from simulator.frames import frame_size, render_size
from simulator.gemini import errors, models
from simulator.gemini.errors import GoogleError, ServiceError
from simulator.gemini.jobs import Interaction, has_video, interaction_object, status_of
from simulator.gemini.validation import DEFAULT_SECONDS, CreateParams, validate_create
from simulator.lifecycle import Phase, phase
from simulator.messages import SimResponse, json_response
from simulator.routes_debug import start_record

if TYPE_CHECKING:
    from simulator.gemini.service import GeminiService

PROVIDER = "gemini"
DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE = 50, 1000


def read_json_object(call: Call) -> dict[str, object]:
    try:
        return json_object(call.request.body)
    except JsonBodyError as exc:
        detail = "Unexpected token." if exc.unparsable else "Expected an object at root."
        raise errors.invalid(f"Invalid JSON payload received. {detail}") from None


def _peek_prompt(value: object) -> str | None:
    """The prompt text for the debug counters, read leniently (the validator judges it)."""
    if isinstance(value, str):
        return value
    items = [value] if isinstance(value, Mapping) else value if isinstance(value, list) else []
    blocks: list[object] = []
    for item in items:
        if isinstance(item, Mapping):
            content = item.get("content")
            blocks += content if item.get("type") == "user_input" and isinstance(content, list) else [item]
    texts = [b["text"] for b in blocks if isinstance(b, Mapping) and isinstance(b.get("text"), str)]
    return "\n".join(texts) if texts else None


def state(svc: GeminiService, job: Interaction, at: float | None = None) -> Phase:
    moment = svc.sim.clock() if at is None else at
    return phase(job, moment, svc.sim.config, queued_fraction=job.queued_fraction)


def _job(svc: GeminiService, call: Call, interaction_id: str) -> Interaction:
    job = svc.store.get(call.scope, interaction_id)
    if job is None:
        raise errors.invalid_interaction(interaction_id)
    call.delay_s = job.faults.slow_ms / 1000
    return job


def _source(svc: GeminiService, call: Call, params: CreateParams) -> Interaction | None:
    """The stored, completed interaction an edit or extension continues (400 otherwise)."""
    if params.previous_id is None:
        return None
    source = svc.store.get(call.scope, params.previous_id)
    if source is None:
        raise errors.invalid_interaction(params.previous_id)
    if not source.store:
        raise errors.invalid(f"Interaction {source.id} was created with store=false and cannot be continued.")
    current = state(svc, source)
    if not has_video(source, current):
        status = status_of(current)
        detail = "has no video" if status == "completed" else f"is {status}"
        raise errors.invalid(f"Interaction {source.id} {detail}: only completed videos can be edited or extended.")
    if source.model != params.model.id:
        raise errors.invalid(f"Interaction {source.id} was made by {source.model}; continue it with that model.")
    return source


def _shape(params: CreateParams, source: Interaction | None) -> tuple[str, str, float, float]:
    """Aspect ratio, resolution, whole length and generated length of the new video."""
    fmt = params.format
    if source is None:
        seconds = fmt.seconds if fmt.seconds is not None else DEFAULT_SECONDS
        return fmt.aspect_ratio or "16:9", fmt.resolution or "720p", seconds, seconds
    for name, asked, kept in (("aspect_ratio", fmt.aspect_ratio, source.aspect_ratio),
                              ("resolution", fmt.resolution, source.resolution)):  # fmt: skip
        if asked not in (None, kept):
            raise errors.invalid(f"An extension keeps the source's {name} ({kept}); got {asked}.")
    if params.task == "edit":
        return source.aspect_ratio, source.resolution, source.seconds, source.seconds
    added = fmt.seconds or 0.0
    total = source.seconds + added
    if total > params.model.max_total_seconds:
        raise errors.invalid(
            f"An extended video can be at most {params.model.max_total_seconds:g}s long; this one would be {total:g}s.",
            field="response_format.duration",
        )
    return source.aspect_ratio, source.resolution, total, added


def _refuse_on_markers(svc: GeminiService, call: Call, params: CreateParams) -> None:
    faults = params.faults
    if faults.safety_400:
        raise errors.safety_blocked()
    if faults.string_error:
        raise ServiceError(400, "invalid_request", "The request could not be processed: invalid video settings.")
    if faults.array_error:
        raise GoogleError(400, "Request contains an invalid argument.", as_list=True)
    if KeyFault.QUOTA in call.key_faults:
        raise errors.daily_quota(params.model.id)
    refusal = svc.submits.refusal(PROVIDER, call.scope, params.prompt.text, faults)
    if refusal is not None:
        raise errors.rate_limited(params.model.id) if refusal == "429" else errors.internal()


def create(svc: GeminiService, call: Call, _: str) -> SimResponse:
    record = start_record(svc.sim, call, "create", PROVIDER)
    body = read_json_object(call)
    record["fields"], record["prompt"] = body, _peek_prompt(body.get("input"))
    if KeyFault.NO_MODEL in call.key_faults:
        raise errors.model_not_found(str(body.get("model")))
    params = validate_create(body)
    record["image"] = [image.describe() for image in params.prompt.images] or None
    _refuse_on_markers(svc, call, params)
    source = _source(svc, call, params)
    aspect, resolution, seconds, billed = _shape(params, source)
    faults = params.faults
    job = Interaction(
        id="v1_" + secrets.token_urlsafe(33),
        scope=call.scope,
        created=svc.sim.clock(),
        duration_s=faults.duration_s if faults.duration_s is not None else svc.sim.config.job_seconds,
        faults=replace(faults, moderation=False),  # a refusal completes (text only), it does not fail
        model=params.model.id,
        prompt=params.prompt,
        task=params.task,
        aspect_ratio=aspect,
        resolution=resolution,
        seconds=seconds,
        billed_seconds=billed,
        delivery=params.format.delivery,
        store=params.store,
        blocked=faults.moderation,
        previous_id=params.previous_id,
        file_id=secrets.token_hex(6),
        queued_fraction=0.0 if faults.skip_queue else svc.sim.config.queued_fraction,
    )
    svc.add(job)
    record["video_id"] = job.id
    call.delay_s = faults.slow_ms / 1000
    if not params.background:  # without background the call blocks until the video is done
        call.delay_s += job.duration_s
        return json_response(200, view(svc, call, job, state(svc, job, job.created + job.duration_s)))
    return json_response(200, view(svc, call, job, state(svc, job)))


def render(svc: GeminiService, job: Interaction) -> tuple[int, int, float]:
    width, height = frame_size(job.resolution, job.aspect_ratio)
    return (*render_size(width, height, svc.sim.config.render_max_pixels), job.seconds)


def view(svc: GeminiService, call: Call, job: Interaction, current: Phase) -> dict[str, object]:
    block: dict[str, object] | None = None
    if has_video(job, current):
        block = {"type": "video", "mime_type": "video/mp4"}
        if job.delivery == "uri":
            block["uri"] = f"{svc.origin(call)}{call.prefix}/files/{job.file_id}:download?alt=media"
        else:
            width, height, seconds = render(svc, job)
            video = svc.sim.content.video(job.id, width, height, seconds, f"{job.file_id}.mp4")
            block["data"] = base64.b64encode(b"".join(video.chunks())).decode("ascii")
    return interaction_object(job, current, block)


def get(svc: GeminiService, call: Call, interaction_id: str) -> SimResponse:
    job = _job(svc, call, interaction_id)
    if call.consume and svc.store.take(job, "status_500"):
        raise errors.internal()
    if call.consume and svc.store.take(job, "status_429"):
        raise errors.rate_limited(job.model)
    if call.consume and svc.store.take(job, "poll_400"):
        raise errors.invalid("Request contains an invalid argument.")
    return json_response(200, view(svc, call, job, state(svc, job)))


def cancel(svc: GeminiService, call: Call, interaction_id: str) -> SimResponse:
    job = _job(svc, call, interaction_id)
    current = state(svc, job)
    if not current.active:
        raise errors.cannot_cancel(job.id, status_of(current))
    svc.store.cancel(job, svc.sim.clock())
    return json_response(200, view(svc, call, job, state(svc, job)))


def delete(svc: GeminiService, call: Call, interaction_id: str) -> SimResponse:
    job = _job(svc, call, interaction_id)
    svc.store.remove(call.scope, job.id)
    return json_response(200, {})


def _page_size(call: Call) -> int:
    text = call.request.param("pageSize") or ""
    if not text:
        return DEFAULT_PAGE_SIZE
    if not text.isdigit():
        raise errors.bad_value("pageSize", "TYPE_INT32", text)
    return min(int(text), MAX_PAGE_SIZE) or DEFAULT_PAGE_SIZE


def list_models(svc: GeminiService, call: Call, _: str) -> SimResponse:
    ids = models.listed_ids(omni=KeyFault.NO_MODEL not in call.key_faults)
    token = call.request.param("pageToken") or ""
    try:
        start = int(base64.urlsafe_b64decode(token.encode()).decode()) if token else 0
    except ValueError:
        raise errors.invalid("Invalid page token.", field="pageToken") from None
    size = _page_size(call)
    page = ids[start : start + size]
    body: dict[str, object] = {"models": [models.model_resource(model_id) for model_id in page]}
    if start + size < len(ids):
        body["nextPageToken"] = base64.urlsafe_b64encode(str(start + size).encode()).decode()
    return json_response(200, body)


def get_model(svc: GeminiService, call: Call, model_id: str) -> SimResponse:
    hidden = KeyFault.NO_MODEL in call.key_faults and model_id in models.BY_ID
    resource = None if hidden else models.model_resource(model_id)
    if resource is None:
        raise GoogleError(404, f"models/{model_id} is not found for API version v1beta")
    return json_response(200, resource)
