"""Omni interactions as the simulator keeps them, and their Interaction JSON.

Statuses come from the shared timeline in the Interactions API's words:
``queued → in_progress → completed | failed | cancelled`` (``[sim:status=WORD]`` for
the rest, e.g. ``budget_exceeded``). A completed interaction lists a ``user_input``
step and a ``model_output`` step whose last block is the video (``uri`` or inline
``data``); a ``[sim:moderation]`` one completes with a text-only answer and no video
tokens, as a safety refusal does. Video tokens: 5,792 per second at 720p, scaled like
Google's per-second prices (360p 0.3×, 1080p 1.5×, 4k 3×); an extension bills only
the seconds it adds.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from simulator.gemini.inputs import Prompt
from simulator.lifecycle import Phase
from simulator.store import BaseJob

VIDEO_TOKENS_PER_SECOND_720P = 5792
RESOLUTION_FACTOR = {"360p": 0.3, "720p": 1.0, "1080p": 1.5, "4k": 3.0}
IMAGE_TOKENS = 258
REFUSAL_TEXT = (
    "I can't create that video. The request may go against the policies for generated content (for example "
    "graphic violence or real people). Try rephrasing the description."
)
REFUSAL_TOKENS = 42
FAILED = {"code": "internal", "message": "Video generation failed due to an internal error. Please try again."}
SAFETY_FAILED = {"code": "safety", "message": "The generated video was blocked for SAFETY (PROHIBITED_CONTENT)."}
STATUSES = {
    "queued": "queued",
    "running": "in_progress",
    "completed": "completed",
    "expired": "completed",  # the interaction stays; only its file expires
    "failed": "failed",
    "canceled": "cancelled",
}


@dataclass(kw_only=True)
class Interaction(BaseJob):
    model: str
    prompt: Prompt
    task: str
    aspect_ratio: str
    resolution: str
    seconds: float  # the whole video
    billed_seconds: float  # what this interaction generated (an extension: the added part)
    delivery: str
    store: bool
    blocked: bool  # [sim:moderation]: completed, text only
    previous_id: str | None
    file_id: str
    queued_fraction: float


def iso(moment: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(moment))


def status_of(phase: Phase) -> str:
    return (phase.reason or "unknown") if phase.kind == "other" else STATUSES[phase.kind]


def has_video(job: Interaction, phase: Phase) -> bool:
    return phase.kind in ("completed", "expired") and not job.blocked


def video_tokens(job: Interaction) -> int:
    return round(VIDEO_TOKENS_PER_SECOND_720P * RESOLUTION_FACTOR[job.resolution] * job.billed_seconds)


def _usage(job: Interaction, video: bool) -> dict[str, object]:
    text_tokens = max(1, len(job.prompt.text) // 4)
    image_tokens = IMAGE_TOKENS * len(job.prompt.images)
    output = video_tokens(job) if video else REFUSAL_TOKENS
    inputs = [{"modality": "text", "tokens": text_tokens}]
    if image_tokens:
        inputs.append({"modality": "image", "tokens": image_tokens})
    return {
        "total_input_tokens": text_tokens + image_tokens,
        "total_output_tokens": output,
        "total_tokens": text_tokens + image_tokens + output,
        "input_tokens_by_modality": inputs,
        "output_tokens_by_modality": [{"modality": "video" if video else "text", "tokens": output}],
    }


def interaction_object(job: Interaction, phase: Phase, video_block: dict[str, object] | None) -> dict[str, object]:
    """The Interaction; ``video_block`` is the output video (uri or data) once there is one."""
    updated = phase.ended_at or phase.started_at or job.created
    body: dict[str, object] = {
        "id": job.id,
        "object": "interaction",
        "model": job.model,
        "status": status_of(phase),
        "created": iso(job.created),
        "updated": iso(updated),
    }
    if job.previous_id:
        body["previous_interaction_id"] = job.previous_id
    if phase.kind in ("completed", "expired"):
        output = [video_block] if video_block is not None else [{"type": "text", "text": REFUSAL_TEXT}]
        body["steps"] = [
            {"type": "user_input", "content": [dict(block) for block in job.prompt.echo]},
            {"type": "model_output", "content": output},
        ]
        body["usage"] = _usage(job, video_block is not None)
    elif phase.kind == "failed":
        body["errors"] = [dict(SAFETY_FAILED if phase.reason == "moderation" else FAILED)]
    return body
