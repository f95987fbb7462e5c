"""A job's state names, free of pydantic so the first screen can use them."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal


class JobStatus(StrEnum):
    """The app's job states (provider-neutral)."""

    QUEUED = "queued"  # stored locally, or accepted by the API but not started
    RUNNING = "running"  # rendering, or rendered and its files are being stored
    SUCCEEDED = "succeeded"  # files stored in this browser
    FAILED = "failed"
    BLOCKED = "blocked"  # refused by a content policy; the prompt is kept for editing
    CANCELED = "canceled"

    @property
    def terminal(self) -> bool:
        return self not in (JobStatus.QUEUED, JobStatus.RUNNING)


class JobPhase(StrEnum):
    """Finer steps inside QUEUED/RUNNING, so the UI can say exactly what is happening."""

    NONE = ""
    SUBMITTING = "submitting"  # stored locally; POST /videos under way (or interrupted)
    RECONCILING = "reconciling"  # after a reload mid-submit: looking for the job on the API
    WAITING = "waiting"  # accepted by the API; polling
    DOWNLOADING = "downloading"  # completed on the API; storing its files


AssetKind = Literal["video", "thumbnail", "spritesheet", "image"]
VARIANT_KINDS: dict[str, AssetKind] = {"video": "video", "thumbnail": "thumbnail", "spritesheet": "spritesheet"}


def variant_kind(variant: str) -> AssetKind:
    """The kind of file a result variant is: ``video-2`` (a job's second video) is a video."""
    return VARIANT_KINDS.get(variant) or ("video" if variant.startswith("video-") else "image")
