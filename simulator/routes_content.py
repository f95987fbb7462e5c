"""``GET /videos/{id}/content`` and the signed ``/sim/files/<token>`` downloads.

Not-ready and expired content both answer 404 (what the live API did while a job
was queued or running). ``[sim:content500]`` fails the API call, ``[sim:redirect]``
answers 302 to a signed URL, ``[sim:truncate]`` breaks video downloads halfway (whole
or ranged); byte ranges are honoured (players seek, downloads come in parts) unless
``[sim:noranges]`` makes this a server that always sends the whole file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulator import errors
from simulator.call import Call
from simulator.content import VARIANTS
from simulator.messages import SimResponse
from simulator.serving import DownloadTag, file_response
from simulator.signing import FileRef
from simulator.store import Job

if TYPE_CHECKING:
    from simulator.api import Simulator


def _require_downloadable(sim: Simulator, job: Job) -> None:
    state = sim.state(job)
    if state.status == "expired":
        raise errors.video_expired(job.id)
    if not state.downloadable:
        raise errors.video_not_ready(job.id, state.status)


def download(sim: Simulator, call: Call, video_id: str) -> SimResponse:
    variant = call.request.param("variant") or "video"
    if variant not in VARIANTS:
        raise errors.invalid_value("variant", variant, VARIANTS)
    job = sim.job(call, video_id)
    if call.consume and sim.store.take(job, "content_500"):
        raise errors.server_error()
    _require_downloadable(sim, job)
    if job.faults.redirect:
        token = sim.signer.sign(FileRef(job.scope, job.id, variant))
        return SimResponse(302, [("location", f"/sim/files/{token}"), ("cache-control", "no-store")])
    return _serve(sim, call, job, variant)


def signed_file(sim: Simulator, call: Call, token: str) -> SimResponse:
    """A signed download: no API key, and gone once the video is deleted or expired."""
    ref = sim.signer.verify(token)
    job = sim.store.get(ref.scope, ref.video_id) if ref is not None else None
    if ref is None or job is None or ref.variant not in VARIANTS:
        raise errors.ApiError(404, "File not found.", code="file_not_found")
    call.delay_s = job.faults.slow_ms / 1000
    _require_downloadable(sim, job)
    return _serve(sim, call, job, ref.variant)


def _serve(sim: Simulator, call: Call, job: Job, variant: str) -> SimResponse:
    content = sim.content.get(job, variant)
    headers = [
        ("content-type", content.mime),
        ("content-disposition", f'attachment; filename="{content.filename}"'),
    ]
    range_header = None if job.faults.no_ranges else call.request.header("range")
    truncate = variant == "video" and call.consume and sim.store.take(job, "truncate")
    tag = DownloadTag("openai", job.id, variant)
    return file_response(
        content, range_header=range_header, truncate=truncate, headers=headers, counters=sim.counters, tag=tag
    )
