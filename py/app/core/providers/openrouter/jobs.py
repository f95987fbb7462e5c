"""OpenRouter's job object (``POST /videos``, ``GET /videos/{id}``) read into a :class:`RemoteJob`.

``{id, polling_url, status, error?, generation_id?, unsigned_urls?, usage?: {cost, is_byok}}``.
``error`` is free text with no policy code, so a block is told from another failure by
the phrases in :data:`BLOCK_PHRASES` [U: a text match, not a contract]; the text itself
is kept as the job's message, in OpenRouter's words.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator

from app.core.http import HttpResponse
from app.core.providers.base import RemoteJob, RemoteOutput, RemoteStatus
from app.core.providers.codec_kit import Amount, Flag, Lenient, Text, validated
from app.core.providers.openrouter.urls import checked_polling_url

# OpenRouter status → neutral status (OpenAPI: pending, in_progress, completed, failed,
# cancelled, expired). Anything else is UNKNOWN, which is terminal.
STATUS_MAP: dict[str, RemoteStatus] = {
    "pending": RemoteStatus.QUEUED,
    "in_progress": RemoteStatus.RUNNING,
    "completed": RemoteStatus.COMPLETED,
    "failed": RemoteStatus.FAILED,  # BLOCKED when the error names a policy reason
    "cancelled": RemoteStatus.CANCELED,
    "canceled": RemoteStatus.CANCELED,  # the US spelling, in case it appears
    "expired": RemoteStatus.EXPIRED,
}
# Lower-case phrases that make a failure a policy block: OpenRouter's own "Content policy
# violation", and the wording of the providers behind it (Google's "usage guidelines" and
# "Responsible AI", moderation and safety filters, flagged or prohibited content).
BLOCK_PHRASES: tuple[str, ...] = (
    "content policy",
    "policy violation",
    "usage guidelines",
    "usage policies",
    "responsible ai",
    "moderation",
    "safety",
    "flagged",
    "prohibited",
    "sensitive content",
    "nsfw",
)
BLOCK_CODE = "content_policy"  # this codec's code for a block read from the text


def block_phrase(text: str | None) -> str | None:
    """The first phrase of :data:`BLOCK_PHRASES` in ``text`` (to log what matched), or ``None``."""
    lowered = (text or "").lower()
    return next((phrase for phrase in BLOCK_PHRASES if phrase in lowered), None)


def map_status(raw: str, error: str | None) -> RemoteStatus:
    """API status to neutral status; a failure whose text names a policy reason is a block."""
    word = raw.strip().lower()
    if not word:
        return RemoteStatus.QUEUED  # no status at all (alpha API): followed, up to the job's deadline
    status = STATUS_MAP.get(word, RemoteStatus.UNKNOWN)
    if status is RemoteStatus.FAILED and block_phrase(error):
        return RemoteStatus.BLOCKED
    return status


def _error_text(value: Any) -> str | None:
    """``error`` is a string; an object is read for its ``message`` (defensive, alpha API)."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        message = value.get("message")
        return message.strip() or None if isinstance(message, str) else None
    return None


def _urls(value: Any) -> tuple[str, ...]:
    return tuple(v for v in value if isinstance(v, str) and v) if isinstance(value, list) else ()


class Usage(Lenient):
    cost: Amount = None  # USD; null until billed, or unknown
    is_byok: Flag = None


class VideoJob(Lenient):
    id: str
    status: Text = ""  # missing: not started yet, as far as the app can tell (kept polling)
    polling_url: Text = ""
    error: Annotated[str | None, BeforeValidator(_error_text)] = None
    unsigned_urls: Annotated[tuple[str, ...], BeforeValidator(_urls)] = ()
    usage: Usage | None = None


def parse_job(response: HttpResponse) -> RemoteJob:
    job = validated(VideoJob, response)
    status = map_status(job.status, job.error)
    return RemoteJob(
        remote_id=job.id,
        status=status,
        raw_status=job.status,
        error_code=BLOCK_CODE if status is RemoteStatus.BLOCKED else None,
        error_message=job.error,
        request_id=response.header("x-request-id"),
        poll_url=checked_polling_url(job.polling_url or None, response.url),
        outputs=tuple(RemoteOutput(variant_name(i), url=url) for i, url in enumerate(job.unsigned_urls)),
        billed_usd=job.usage.cost if job.usage else None,
    )


def variant_name(index: int) -> str:
    """``video``, ``video-2``, ``video-3`` … for output 0, 1, 2 …"""
    return "video" if index == 0 else f"video-{index + 1}"
