"""Render jobs and their stored files, as validated IndexedDB records.

A job is written before anything is sent to the API and updated (and persisted) on
every transition, so a reload at any moment finds it where it was. Binary files live
in the ``blobs`` store under their asset id; these records only describe them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import ConfigDict, Field, field_serializer

from app.core.job_status import VARIANT_KINDS, AssetKind, JobPhase, JobStatus
from app.core.model_base import Model

__all__ = ["VARIANT_KINDS", "AssetKind", "AssetRecord", "JobPhase", "JobRecord", "JobStatus"]


class JobRecord(Model):
    model_config = ConfigDict(frozen=True, extra="ignore")

    id: str
    provider_id: str
    endpoint: str
    demo: bool = False
    model: str
    size: str  # the pixel frame (WxH), also for models chosen by aspect ratio × resolution
    seconds: int
    prompt: str
    aspect_ratio: str = ""  # as chosen, for models framed by aspect ratio × resolution
    resolution: str = ""
    audio: bool | None = None  # None: the model's default
    seed: int | None = None
    negative_prompt: str = ""
    request: dict[str, Any] = Field(default_factory=dict)  # the request as sent (no key, images described)
    image_asset_id: str | None = None  # the first frame (or only reference image)
    image_assets: dict[str, str] = Field(default_factory=dict)  # role ("last_frame", "reference-1"…) -> asset id
    image_fit: Literal["cover", "contain"] | None = None
    rate_usd: Decimal | None = None  # USD per second, when the whole estimate is one such rate
    estimate_usd: Decimal | None = None  # the estimate (its low end when it is a range)
    estimate_high_usd: Decimal | None = None  # the high end of a range (None: not a range)
    price_basis: str = ""  # how the estimate was reached ("40¢/s with audio × 8 s")
    billed_usd: Decimal | None = None  # what the provider says it charged, once known
    cost_source: Literal["", "billed", "usage"] = ""  # "usage": computed from the tokens, not billed
    video_tokens: int | None = None
    status: JobStatus = JobStatus.QUEUED
    phase: JobPhase = JobPhase.NONE
    remote_id: str | None = None
    remote_status: str | None = None
    poll_url: str | None = None  # where the API said to poll this job (checked: same origin as the endpoint)
    progress: int | None = Field(default=None, ge=0, le=100)
    error_code: str | None = None
    error_message: str | None = None
    request_id: str | None = None
    created_at: float
    updated_at: float
    submitted_at: float | None = None
    started_at: float | None = None
    remote_completed_at: float | None = None
    finished_at: float | None = None
    expires_at: float | None = None
    next_poll_at: float | None = None
    overdue_at: float | None = None  # polling stopped at the deadline (see core/job_deadline.py)
    rechecked_at: float | None = None  # the last "Check again": the deadline runs from here
    poll_failures: int = 0
    download_attempts: int = 0
    downloaded_bytes: int | None = None
    download_total: int | None = None
    assets: dict[str, str] = Field(default_factory=dict)  # variant -> asset id
    video_bytes: int = 0
    title: str = ""
    tags: tuple[str, ...] = ()
    folder: str = ""
    remixed_from: str | None = None  # the remote id of the source video
    retry_of: str | None = None  # the local id of the job this one repeats
    extends: str | None = None  # the local id of the video this one continues (extend)
    added_seconds: int | None = None  # an extend: the seconds it adds (``seconds`` is the whole length)
    continues: str | None = None  # the local id of the clip whose last frame is this one's first frame
    archived_at: float | None = None
    batch_id: str | None = Field(default=None, min_length=1, max_length=64)  # jobs planned and sent together
    batch_label: str = Field(default="", max_length=200)  # this job's place in it ("sora-2 · 1280x720 · 8 s")

    @field_serializer("rate_usd", "estimate_usd", "estimate_high_usd", "billed_usd")
    def _money(self, value: Decimal | None) -> str | None:
        return None if value is None else str(value)

    @property
    def display_title(self) -> str:
        """The user's title, else the start of the prompt."""
        if self.title:
            return self.title
        text = " ".join(self.prompt.split())
        return text if len(text) <= 60 else text[:57].rstrip() + "…"


class AssetRecord(Model):
    """Metadata of one stored file; the bytes are a Blob under the same id in ``blobs``."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    id: str
    job_id: str
    kind: AssetKind
    mime: str
    bytes: int = Field(ge=0)
    name: str = ""
    created_at: float
    width: int | None = None
    height: int | None = None
    duration_s: float | None = None


def new_job(
    *,
    job_id: str,
    provider_id: str,
    endpoint: str,
    demo: bool,
    model: str,
    size: str,
    seconds: int,
    prompt: str,
    now: float,
    **details: Any,
) -> JobRecord:
    """A job about to be sent: stored first (queued, submitting), then the request leaves.

    ``details`` are the other :class:`JobRecord` fields a kind of job sets (its frame,
    audio, seed, estimate, the request as sent, links to other jobs…), validated as such.
    """
    return JobRecord(
        id=job_id,
        provider_id=provider_id,
        endpoint=endpoint,
        demo=demo,
        model=model,
        size=size,
        seconds=seconds,
        prompt=prompt,
        status=JobStatus.QUEUED,
        phase=JobPhase.SUBMITTING,
        created_at=now,
        updated_at=now,
        **details,
    )


def new_asset(
    *,
    asset_id: str,
    job_id: str,
    kind: AssetKind,
    mime: str,
    size_bytes: int,
    name: str,
    now: float,
    width: int | None = None,
    height: int | None = None,
    duration_s: float | None = None,
) -> AssetRecord:
    """The record of a file about to be stored with its Blob (in the same transaction)."""
    return AssetRecord(
        id=asset_id,
        job_id=job_id,
        kind=kind,
        mime=mime,
        bytes=size_bytes,
        name=name,
        created_at=now,
        width=width,
        height=height,
        duration_s=duration_s,
    )
