"""Continuing a finished clip, and the chains such continuations make.

A clip goes on in one of two ways, read from the model's capability data: the provider
extends its own stored video (Gemini's extend: the API keeps every frame), or a new
render starts from the clip's last frame, for models that take a first-frame image.
A model that can extend is only offered the extend (the better continuation); the
first-frame way needs the video stored in this browser to draw its last frame.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import TYPE_CHECKING

from app.core.capabilities import Operation, ProviderCapabilities
from app.core.i18n import tr
from app.core.job_status import JobStatus

if TYPE_CHECKING:  # the page imports this before pydantic is loaded
    from app.core.job_record import JobRecord

MAX_CHAIN = 200  # a guard against a cycle in hand-edited or imported records


class ContinueWay(StrEnum):
    EXTEND = "extend"  # the provider continues its stored video (Operation.EXTEND)
    FIRST_FRAME = "first_frame"  # a new render whose first frame is the clip's last frame
    NONE = "none"


def continue_way(job: JobRecord, provider: ProviderCapabilities) -> ContinueWay:
    """How ``job`` can be continued, if at all: only finished videos go on."""
    if job.status is not JobStatus.SUCCEEDED:
        return ContinueWay.NONE
    model = provider.model(job.model)
    if model is None:
        return ContinueWay.NONE
    if provider.can(Operation.EXTEND) and model.extend_seconds and job.remote_id:
        return ContinueWay.EXTEND
    if model.images.first_frame and "video" in job.assets:
        return ContinueWay.FIRST_FRAME
    return ContinueWay.NONE


def why_not(job: JobRecord, provider: ProviderCapabilities) -> str:
    """A sentence for a finished video that cannot be continued (empty when it can)."""
    if continue_way(job, provider) is not ContinueWay.NONE or job.status is not JobStatus.SUCCEEDED:
        return ""
    model = provider.model(job.model)
    if model is not None and model.images.first_frame:
        return tr("plat.continue.download_first")
    return tr("plat.continue.no_image_start", model=job.model)


def frame_name(job: JobRecord) -> str:
    """The file name of the drawn last frame, shown in New Render's first-frame slot."""
    return tr("plat.continue.frame_name", title=job.display_title[:60])


def parent_of(job: JobRecord) -> str | None:
    """The local id of the clip ``job`` continues (by its last frame or by an extend)."""
    return job.continues or job.extends


def chain_of(jobs: Mapping[str, JobRecord], job_id: str) -> list[JobRecord]:
    """The chain through ``job_id``, oldest first: its ancestors, itself, then its first continuations.

    Where a clip was continued more than once, the chain follows the earliest continuation.
    Missing links (a deleted clip) end the chain there.
    """
    job = jobs.get(job_id)
    if job is None:
        return []
    chain = [job]
    seen = {job.id}
    parent = jobs.get(parent_of(job) or "")
    while parent is not None and parent.id not in seen and len(chain) < MAX_CHAIN:
        chain.insert(0, parent)
        seen.add(parent.id)
        parent = jobs.get(parent_of(parent) or "")
    children: dict[str, list[JobRecord]] = {}
    for other in jobs.values():
        link = parent_of(other)
        if link:
            children.setdefault(link, []).append(other)
    tail = job
    while len(chain) < MAX_CHAIN:
        nxt = min(children.get(tail.id, []), key=lambda j: (j.created_at, j.id), default=None)
        if nxt is None or nxt.id in seen:
            break
        chain.append(nxt)
        seen.add(nxt.id)
        tail = nxt
    return chain


def playable(chain: list[JobRecord]) -> list[JobRecord]:
    """The clips of a chain whose video is stored here, in order (what "Play the chain" plays)."""
    return [job for job in chain if "video" in job.assets]
