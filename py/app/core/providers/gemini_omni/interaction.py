"""An Interaction as a neutral :class:`RemoteJob`: its status, its video, its usage.

Gemini's statuses do not say everything: a safety refusal *completes* with a text-only
answer, and a status this app does not know is not an ending. So the status is judged
with the output and the token count (the contract's table, below), and
an unknown word keeps the job polling unless it reads like a failure (a job deadline,
not this table, ends a job that never finishes).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from app.core.i18n import tr
from app.core.providers.base import RemoteJob, RemoteOutput, RemoteStatus
from app.core.providers.codec_kit import bare_base64
from app.core.providers.gemini_omni.capabilities import FILE_TTL_S
from app.core.providers.gemini_omni.files import video_url
from app.core.providers.gemini_omni.objects import ErrorItem, Interaction, Step

# The contract's table, row by row (raw status → what the app makes of it; the tests check each row):
#   queued → queued; in_progress → running
#   completed + a video block → completed, with the video as the output
#   completed, no video block, no video tokens → blocked: the model's own words are the reason
#   completed, video tokens but no readable block → failed: shape drift
#   failed naming SAFETY/PROHIBITED_CONTENT/BLOCKLIST/SPII or "blocked … safety/policy" → blocked
#   failed (other) → failed, with Google's words; cancelled → canceled
#   budget_exceeded / incomplete / requires_action → failed, said plainly
#   any other word → running (keep polling), unless it reads like a failure
PENDING: dict[str, RemoteStatus] = {"queued": RemoteStatus.QUEUED, "in_progress": RemoteStatus.RUNNING}
ENDED_PLAINLY: dict[str, str] = {  # a status that ends the job → the message id saying why
    "budget_exceeded": "plat.gemini.budget_exceeded",
    "incomplete": "plat.gemini.incomplete",
    "requires_action": "plat.gemini.requires_action",
}
_BLOCK_NAMES = re.compile(r"\b(SAFETY|PROHIBITED_CONTENT|BLOCKLIST|SPII)\b")
_BLOCK_CODES = frozenset({"safety", "prohibited_content", "blocklist", "spii"})
_BLOCKED_FOR = re.compile(r"blocked\b.*\b(safety|policy|policies)\b", re.IGNORECASE | re.DOTALL)
_BLOCK_STATUS = re.compile(r"safety|blocked|prohibited|blocklist|spii")
_FAILURE_WORDS = re.compile(r"fail|error|abort|reject|refus|denied|invalid|timeout|timed_out|expired|terminat|exceed")
VIDEO_MIME = "video/mp4"


@dataclass(frozen=True)
class Verdict:
    status: RemoteStatus
    code: str | None = None
    message: str | None = None
    outputs: tuple[RemoteOutput, ...] = ()


def names_a_block(texts: list[str], codes: list[str]) -> bool:
    """Whether Google's words name a safety or policy block (its own names, or "blocked … safety")."""
    if any(code.strip().lower() in _BLOCK_CODES for code in codes):
        return True
    return any(_BLOCK_NAMES.search(text) or _BLOCKED_FOR.search(text) for text in texts)


def latest_video(steps: list[Step]) -> RemoteOutput | None:
    """The last video block with a ``uri`` or ``data``, in ``model_output`` steps, newest first."""
    for step in reversed(steps):
        if step.type != "model_output":
            continue  # user_input, thought …
        for block in reversed(step.content):
            if block.type != "video":
                continue
            mime = block.mime_type or VIDEO_MIME
            if block.uri:
                return RemoteOutput("video", url=video_url(block.uri), mime=mime)
            if block.data:
                return RemoteOutput("video", data_b64=bare_base64(block.data), mime=mime)
    return None


def model_words(steps: list[Step]) -> str:
    """The text of the newest ``model_output`` step that has some (a refusal explains itself)."""
    for step in reversed(steps):
        texts = [b.text.strip() for b in step.content if step.type == "model_output" and b.type == "text" and b.text]
        if texts:
            return " ".join(texts)
    return ""


def _errors(interaction: Interaction) -> list[ErrorItem]:
    return [*interaction.errors, *(step.error for step in interaction.steps if step.error is not None)]


def judge(interaction: Interaction) -> Verdict:
    """The app's reading of an Interaction (see ``STATUS_RULES``)."""
    raw = (interaction.status or "").strip().lower()
    if raw in PENDING:
        return Verdict(PENDING[raw])
    errors = _errors(interaction)
    said = " ".join(e.message or e.code or "" for e in errors).strip()
    codes = [e.code for e in errors if e.code]
    if raw == "completed":
        return _completed(interaction)
    if raw == "failed":
        if names_a_block([e.text for e in errors], codes):
            return Verdict(RemoteStatus.BLOCKED, codes[0] if codes else "blocked", said or None)
        return Verdict(RemoteStatus.FAILED, codes[0] if codes else "failed", said or tr("plat.gemini.failed"))
    if raw in ("cancelled", "canceled"):
        return Verdict(RemoteStatus.CANCELED)
    if raw in ENDED_PLAINLY:
        return Verdict(RemoteStatus.FAILED, raw, " ".join(filter(None, (tr(ENDED_PLAINLY[raw]), said))))
    if _BLOCK_STATUS.search(raw):
        return Verdict(RemoteStatus.BLOCKED, raw, said or tr("plat.gemini.reported", status=interaction.status))
    if _FAILURE_WORDS.search(raw):
        message = tr("plat.gemini.reads_as_failure", status=interaction.status)
        return Verdict(RemoteStatus.FAILED, raw, " ".join(filter(None, (message, said))))
    return Verdict(RemoteStatus.RUNNING)  # a word this app does not know: keep polling


def _video_tokens(interaction: Interaction) -> int:
    """Video tokens to judge and bill by.

    Without a per-modality list every output token counts (this model answers with a video),
    unless the model answered in words: a text-only refusal.
    """
    usage = interaction.usage
    if usage is None:
        return 0
    if usage.output_tokens_by_modality:
        return usage.video_tokens()
    return 0 if model_words(interaction.steps) else usage.total_output_tokens or 0


def _completed(interaction: Interaction) -> Verdict:
    output = latest_video(interaction.steps)
    if output is not None:
        return Verdict(RemoteStatus.COMPLETED, outputs=(output,))
    tokens = _video_tokens(interaction)
    if not tokens:
        return Verdict(RemoteStatus.BLOCKED, "blocked", model_words(interaction.steps) or tr("plat.gemini.refused"))
    return Verdict(
        RemoteStatus.FAILED,
        "shape_drift",
        tr("plat.gemini.shape_drift", tokens=tokens),
    )


def epoch(text: str | None) -> float | None:
    """ISO 8601 (``2026-12-01T10:00:00Z``) as epoch seconds; ``None`` when absent or unreadable."""
    if not text:
        return None
    try:
        moment = datetime.datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    return moment.timestamp()


def remote_job(interaction: Interaction, *, request_id: str | None = None) -> RemoteJob:
    verdict = judge(interaction)
    ended = epoch(interaction.updated) if verdict.status.terminal else None
    has_file = any(output.url for output in verdict.outputs)
    usage = interaction.usage
    return RemoteJob(
        remote_id=interaction.id,
        status=verdict.status,
        raw_status=interaction.status or "",
        model=interaction.model or "",
        created_at=epoch(interaction.created),
        completed_at=ended,
        expires_at=ended + FILE_TTL_S if ended is not None and has_file else None,
        error_code=verdict.code,
        error_message=verdict.message,
        request_id=request_id,
        outputs=verdict.outputs,
        video_tokens=_video_tokens(interaction) if usage is not None else None,
    )
