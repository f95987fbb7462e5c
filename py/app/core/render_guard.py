"""The guard against paying twice: is the form about to send a render that was just sent?

After a tab was killed while Render was in flight, the reopened New Render still holds
the same prompt and settings; nothing in the form says it went out. So before sending,
the form's render is compared with the jobs of the last few minutes, and with any job
whose submission may have reached the API (sent, answer never seen): the same provider,
model, shape, length, options, prompt and number of images means a second charge for
the same video, which the user should choose knowingly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from app.core.compose import Draft, audio_on, model_for, pixel_size
from app.core.compose_checks import parse_seed
from app.core.errors import InputError
from app.core.i18n import tr
from app.core.job_status import JobPhase, JobStatus

if TYPE_CHECKING:
    from app.core.capabilities import ProviderCapabilities
    from app.core.job_record import JobRecord

RECENT_S = 10 * 60
"""A job created this recently with the same render is taken for the one the user meant."""

RenderKey = tuple[str, str, str, int, str, str, bool | None, int | None, str, str, int]
Why = Literal["recent", "unconfirmed"]


@dataclass(frozen=True)
class Duplicate:
    job: JobRecord
    why: Why  # "unconfirmed": sent, and the app cannot tell whether the API received it


def draft_key(caps: ProviderCapabilities, draft: Draft, images: int) -> RenderKey | None:
    """What the form would send, as a job would record it (``None``: not a model the app knows)."""
    model = model_for(caps, draft.model)
    if model is None:
        return None
    try:
        seed = parse_seed(draft.seed)
    except InputError:
        return None  # the form says what is wrong first
    return (
        caps.provider_id,
        draft.model,
        pixel_size(caps, draft),
        draft.seconds,
        "" if model.uses_sizes else draft.aspect_ratio,
        "" if model.uses_sizes else draft.resolution,
        audio_on(model, draft),
        seed,
        draft.negative_prompt.strip(),
        draft.prompt.strip(),
        images,
    )


def job_key(job: JobRecord) -> RenderKey:
    images = len(job.image_assets) + (1 if job.image_asset_id else 0)
    return (
        job.provider_id,
        job.model,
        job.size,
        job.seconds,
        job.aspect_ratio,
        job.resolution,
        job.audio,
        job.seed,
        job.negative_prompt.strip(),
        job.prompt.strip(),
        images,
    )


def may_have_been_received(job: JobRecord) -> bool:
    """Sent, with no answer seen (in flight, being looked up, or given up on as unconfirmed)."""
    if job.error_code == "submission_unknown":
        return True
    return not job.status.terminal and job.phase in (JobPhase.SUBMITTING, JobPhase.RECONCILING)


def _counts(job: JobRecord, now: float) -> Why | None:
    if job.extends or job.remixed_from:
        return None  # not something New Render sends
    if may_have_been_received(job):
        return "unconfirmed"
    refused = job.status in (JobStatus.FAILED, JobStatus.BLOCKED, JobStatus.CANCELED)
    if not refused and now - job.created_at <= RECENT_S:
        return "recent"
    return None


def duplicate_of(
    jobs: Iterable[JobRecord],
    caps: ProviderCapabilities,
    draft: Draft,
    *,
    images: int,
    now: float,
    acknowledged: Iterable[str] = (),
) -> Duplicate | None:
    """The newest job that the form would send again, unless the user already said to."""
    key = draft_key(caps, draft, images)
    if key is None:
        return None
    skip = set(acknowledged)
    found: list[Duplicate] = []
    for job in jobs:
        why = _counts(job, now) if job.id not in skip else None
        if why is not None and job_key(job) == key:
            found.append(Duplicate(job, why))
    return max(found, key=lambda d: (d.why == "unconfirmed", d.job.created_at), default=None)


def guard_text(duplicate: Duplicate, now: float) -> str:
    """What New Render says before sending the same render again."""
    if duplicate.why == "unconfirmed":
        return tr("guard.unconfirmed")
    minutes = max(1, round((now - duplicate.job.created_at) / 60))
    return tr("guard.demo" if duplicate.job.demo else "guard.sent", count=minutes)
