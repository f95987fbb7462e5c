"""The JSON objects the API returns: Video, video list, deletion, Model."""

from __future__ import annotations

from collections.abc import Sequence

from app.core.providers.openai_videos.capabilities import CAPABILITIES, SHUTDOWN_DATE
from simulator.lifecycle import JobState
from simulator.store import Job

# Creation times shown for models: the Sora 2 launch, then a fixed "older" date for others.
SORA_CREATED = 1759708800  # 2025-10-06
OTHER_MODELS: tuple[tuple[str, int], ...] = (
    ("gpt-4o-mini", 1721172741),
    ("gpt-image-1", 1745517030),
    ("dall-e-3", 1698785189),
)
SORA_MODEL_IDS: tuple[str, ...] = tuple(m.id for m in CAPABILITIES.models)


def video_object(job: Job, state: JobState) -> dict[str, object]:
    return {
        "id": job.id,
        "object": "video",
        "model": job.model,
        "status": state.status,
        "progress": state.progress,
        "created_at": int(job.created),
        "completed_at": state.completed_at,
        "expires_at": state.expires_at,
        "prompt": job.prompt,
        "size": job.size,
        "seconds": job.seconds,
        "quality": "standard",
        "remixed_from_video_id": job.remixed_from,
        "error": state.error,
    }


def list_object(data: Sequence[dict[str, object]], *, has_more: bool) -> dict[str, object]:
    return {
        "object": "list",
        "data": list(data),
        "first_id": data[0]["id"] if data else None,
        "last_id": data[-1]["id"] if data else None,
        "has_more": has_more,
    }


def deleted_object(video_id: str) -> dict[str, object]:
    return {"id": video_id, "object": "video.deleted", "deleted": True}


def model_object(model_id: str, *, retired: bool) -> dict[str, object]:
    created = dict(OTHER_MODELS).get(model_id, SORA_CREATED)
    model: dict[str, object] = {"id": model_id, "object": "model", "created": created, "owned_by": "system"}
    if retired and model_id in SORA_MODEL_IDS:
        model["shutdown_date"] = SHUTDOWN_DATE
    return model


def visible_models(*, sora_listed: bool) -> tuple[str, ...]:
    others = tuple(model_id for model_id, _ in OTHER_MODELS)
    return (SORA_MODEL_IDS + others) if sora_listed else others
