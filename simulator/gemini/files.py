"""Generated files: ``GET /files/{id}:download?alt=media`` (the video) and the file's metadata.

The key goes in ``x-goog-api-key`` or ``?key=`` like on every call (none: 403). Without
``alt=media`` the answer is the File's JSON (``state``, ``sizeBytes``, ``expirationTime``),
not the media. A file another key made, or one that never existed, answers 403 "… or it
may not exist"; an expired one (``SimConfig.file_ttl_s`` after completion, at once with
``[sim:expired]``) answers 404. Files outlive a deleted interaction until they expire.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulator.call import Call
from simulator.content import Content
from simulator.gemini import errors
from simulator.gemini.jobs import Interaction, has_video, iso
from simulator.gemini.routes import PROVIDER, render, state
from simulator.messages import SimResponse, json_response
from simulator.serving import DownloadTag, file_response

if TYPE_CHECKING:
    from simulator.gemini.service import GeminiService


def _file(svc: GeminiService, call: Call, file_id: str) -> tuple[Interaction, float, float]:
    """The file's interaction, when it was made and when it expires (403 / 404 otherwise)."""
    job = svc.file_owner(call.scope, file_id)
    current = state(svc, job) if job is not None else None
    if job is None or current is None or not has_video(job, current) or current.ended_at is None:
        raise errors.file_not_accessible(file_id)
    call.delay_s = job.faults.slow_ms / 1000
    keep = job.faults.expires_after_s if job.faults.expires_after_s is not None else svc.sim.config.file_ttl_s
    expires = current.ended_at + keep
    if svc.sim.clock() >= expires:
        raise errors.file_expired(file_id)
    return job, current.ended_at, expires


def _content(svc: GeminiService, job: Interaction) -> Content:
    width, height, seconds = render(svc, job)
    return svc.sim.content.video(job.id, width, height, seconds, f"{job.file_id}.mp4", pad_bytes=job.faults.pad_bytes)


def file_route(svc: GeminiService, call: Call, file_id: str) -> SimResponse:
    job, made, expires = _file(svc, call, file_id)
    if call.request.param("alt") != "media":
        return _metadata(svc, call, job, made, expires)
    if call.consume and svc.store.take(job, "content_500"):
        raise errors.internal()
    return file_response(
        _content(svc, job),
        range_header=None if job.faults.no_ranges else call.request.header("range"),
        truncate=call.consume and svc.store.take(job, "truncate"),
        headers=[("content-type", "video/mp4")],
        counters=svc.sim.counters,
        tag=DownloadTag(PROVIDER, job.id, job.file_id),
    )


def _metadata(svc: GeminiService, call: Call, job: Interaction, made: float, expires: float) -> SimResponse:
    base = f"{svc.origin(call)}{call.prefix}/files/{job.file_id}"
    return json_response(
        200,
        {
            "name": f"files/{job.file_id}",
            "mimeType": "video/mp4",
            "sizeBytes": str(_content(svc, job).length),
            "createTime": iso(made),
            "updateTime": iso(made),
            "expirationTime": iso(expires),
            "uri": base,
            "downloadUri": f"{base}:download?alt=media",
            "state": "ACTIVE",
            "source": "GENERATED",
        },
    )
