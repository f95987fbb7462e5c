"""What a queue card says about a job right now: pure, so every wording is tested.

The view turns a :class:`Card` into DOM; the times (elapsed, ETA, expiry countdown)
are recomputed from the job and the clock, so a reload shows the same thing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.core.batch_pacing import unsent
from app.core.costs import cost_text
from app.core.download_ledger import PartialDownload
from app.core.eta import Sample, eta_seconds, format_duration
from app.core.i18n import fmt_number, tr
from app.core.job_deadline import is_overdue
from app.core.job_status import JobPhase, JobStatus
from app.core.vault_status import VaultState, VaultStatus

if TYPE_CHECKING:
    from app.core.job_record import JobRecord

TONES = {
    JobStatus.QUEUED: "info",
    JobStatus.RUNNING: "info",
    JobStatus.SUCCEEDED: "ok",
    JobStatus.FAILED: "danger",
    JobStatus.BLOCKED: "warn",
    JobStatus.CANCELED: "muted",
}
FAILURE_TONES = {"expired": "danger", "submission_unknown": "warn"}  # by error code


@dataclass(frozen=True)
class Card:
    label: str  # the status tag
    tone: str  # info | ok | warn | danger | muted
    progress: int | None  # 0..100 for the bar; None = no bar
    progress_text: str  # what the bar means ("42 %", "3.1 of 9.8 MB")
    times: str  # "Elapsed 0:42 · about 1 min left"
    expiry: str  # countdown while the files are not stored yet, or ""
    actions: tuple[str, ...]
    notice: str = ""  # how this job behaves: a server that cannot resume downloads, polling stopped at the deadline


def clock_text(seconds: float) -> str:
    """``m:ss`` (or ``h:mm:ss``) for elapsed times and countdowns."""
    total = max(int(seconds), 0)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def megabytes(count: int) -> str:
    return tr("jobs.megabytes", value=fmt_number(count / 1_000_000, 1))


def no_ranges_note() -> str:
    """Why a cut-off download of this job starts over (the server cannot send byte ranges)."""
    return tr("jobs.note.no_ranges")


def disk_full_note(stored: int, total: int, needed: int) -> str:
    """What to do when the browser's storage is full mid-download (the stored parts are kept)."""
    where = tr("jobs.disk_full.where")
    if stored >= total:
        return tr("jobs.disk_full.joining", total=megabytes(total), needed=megabytes(needed), where=where)
    return tr(
        "jobs.disk_full.partial",
        stored=megabytes(stored),
        total=megabytes(total),
        needed=megabytes(needed),
        where=where,
    )


def _of(done: int, total: int, msg_id: str = "jobs.progress.of") -> str:
    return tr(msg_id, done=megabytes(done), total=megabytes(total))


def _percent(value: int) -> str:
    return tr("jobs.percent", value=value)


def _downloading(
    transfer: tuple[int, int | None] | None, partial: PartialDownload | None
) -> tuple[str, int | None, str]:
    if transfer is not None:
        loaded, total = transfer
        if total:
            return tr("jobs.label.downloading"), min(100, loaded * 100 // total), _of(loaded, total)
        if loaded:
            return tr("jobs.label.downloading"), None, megabytes(loaded)
        return tr("jobs.label.downloading"), None, tr("jobs.progress.preparing")  # size unknown: indeterminate bar
    if partial is not None and partial.stored > 0:
        if partial.total:
            share = min(100, partial.stored * 100 // partial.total)
            return tr("jobs.label.paused"), share, _of(partial.stored, partial.total, "jobs.progress.stored_of")
        return tr("jobs.label.paused"), None, tr("jobs.progress.stored", done=megabytes(partial.stored))
    return tr("jobs.label.rendered"), 100, tr("jobs.progress.not_stored")


def _label(
    job: JobRecord, transfer: tuple[int, int | None] | None, partial: PartialDownload | None
) -> tuple[str, int | None, str]:
    if is_overdue(job):
        return tr("jobs.label.overdue"), job.progress, _percent(job.progress) if job.progress is not None else ""
    if job.status is JobStatus.QUEUED:
        if job.batch_id and unsent(job):
            return tr("batch.turn"), None, ""  # stored; the batch sends it at the provider's pace
        if job.phase is JobPhase.SUBMITTING:
            return tr("jobs.label.sending"), None, ""
        if job.phase is JobPhase.RECONCILING:
            return tr("jobs.label.reconciling"), None, ""
        return tr("jobs.label.queued"), job.progress or 0, _percent(job.progress or 0)
    if job.status is JobStatus.RUNNING and job.phase is JobPhase.DOWNLOADING:
        return _downloading(transfer, partial)
    if job.status is JobStatus.RUNNING:
        return tr("jobs.label.rendering"), job.progress or 0, _percent(job.progress or 0)
    return _ended(job), None, ""


def _ended(job: JobRecord) -> str:
    """A finished job's label: a failure says whether it expired or may have been received."""
    if job.status is JobStatus.SUCCEEDED:
        return tr("jobs.label.ready")
    if job.status is JobStatus.BLOCKED:
        return tr("jobs.label.blocked")
    if job.status is JobStatus.CANCELED:
        return tr("jobs.label.canceled")
    if job.error_code == "expired":
        return tr("jobs.label.expired")
    if job.error_code == "submission_unknown":
        return tr("jobs.label.unconfirmed")
    return tr("jobs.label.failed")


def _tone(job: JobRecord) -> str:
    if is_overdue(job):
        return "warn"
    if job.status is JobStatus.FAILED and job.error_code in FAILURE_TONES:
        return FAILURE_TONES[job.error_code or ""]
    return TONES[job.status]


def _times(job: JobRecord, samples: tuple[Sample, ...], now: float) -> str:
    start = job.submitted_at or job.created_at
    end = job.finished_at if job.status.terminal else None
    if end is not None:
        took = "jobs.times.took" if job.status is JobStatus.SUCCEEDED else "jobs.times.ended"
        return tr(took, time=clock_text(end - start))
    parts = [tr("jobs.times.elapsed", time=clock_text(now - start))]
    if job.status is JobStatus.RUNNING and job.phase is JobPhase.WAITING:
        left = eta_seconds(samples, now, started_at=job.started_at, progress=job.progress)
        if left is not None:
            parts.append(tr("jobs.times.left", duration=format_duration(left)))
    return " · ".join(parts)


def _expiry(job: JobRecord, now: float) -> str:
    if job.phase is not JobPhase.DOWNLOADING or job.expires_at is None or job.status.terminal:
        return ""
    left = job.expires_at - now
    if left <= 0:
        return tr("jobs.expiry.gone")
    return tr("jobs.expiry.in", time=clock_text(left))


def _actions(job: JobRecord, polling: bool, downloading_now: bool, can_cancel: bool, resume: bool) -> tuple[str, ...]:
    if is_overdue(job):
        return ("check", "cancel") if can_cancel else ("check",)
    if not job.status.terminal:
        actions = ["cancel"] if can_cancel and job.phase is not JobPhase.DOWNLOADING else []
        if job.phase is JobPhase.DOWNLOADING and polling and not downloading_now:
            actions.insert(0, "resume" if resume else "download")
        return tuple(actions)
    archive = "unarchive" if job.archived_at else "archive"
    if job.status is JobStatus.SUCCEEDED:
        return ("play", "open", archive)
    if job.status is JobStatus.BLOCKED:
        return ("edit", "retry-blocked", archive, "remove")  # the same prompt would be blocked again
    if job.error_code == "submission_unknown":
        return ("retry-unconfirmed", "edit", archive, "remove")  # it may have been received: ask first
    return ("retry", "edit", archive, "remove")


def build_card(
    job: JobRecord,
    *,
    now: float,
    samples: tuple[Sample, ...] = (),
    transfer: tuple[int, int | None] | None = None,
    polling: bool = True,
    fetching: bool = False,
    can_cancel: bool = True,
    partial: PartialDownload | None = None,
    overdue_note: str = "",
) -> Card:
    label, progress, progress_text = _label(job, transfer, partial)
    downloading_now = transfer is not None or fetching
    resume = partial is not None and partial.resumable  # parts stored (or a download stopped): go on from there
    downloading = job.phase is JobPhase.DOWNLOADING and not job.status.terminal
    return Card(
        label=label,
        tone=_tone(job),
        progress=progress,
        progress_text=progress_text,
        times=_times(job, samples, now),
        expiry=_expiry(job, now),
        actions=_actions(job, polling, downloading_now, can_cancel, resume),
        notice=overdue_note if is_overdue(job) else _download_notice(downloading, partial),
    )


def _download_notice(downloading: bool, partial: PartialDownload | None) -> str:
    return no_ranges_note() if downloading and partial is not None and not partial.resumable else ""


def frame_text(job: JobRecord) -> str:
    """``1280x720``, or ``16:9 · 720p`` for a model chosen by aspect ratio and resolution."""
    return f"{job.aspect_ratio} · {job.resolution}" if job.aspect_ratio else job.size


def meta_line(job: JobRecord, provider: str = "") -> str:
    """``OpenRouter · google/veo-3.1 · 16:9 · 720p · 8 s · billed $1.60``."""
    head = f"{provider} · " if provider else ""
    seconds = tr("jobs.meta.seconds", value=job.seconds)
    return f"{head}{job.model} · {frame_text(job)} · {seconds} · {cost_text(job)}"


def split_queue(jobs: Mapping[str, JobRecord], *, show_archived: bool) -> tuple[list[JobRecord], list[JobRecord]]:
    """Active jobs (oldest first, as they will finish) and finished ones (newest first)."""
    active = sorted((j for j in jobs.values() if not j.status.terminal), key=lambda j: j.created_at)
    done = sorted(
        (j for j in jobs.values() if j.status.terminal and (show_archived or j.archived_at is None)),
        key=lambda j: j.finished_at or j.updated_at,
        reverse=True,
    )
    return active, done


def locked_text() -> str:
    """The queue's line while the vault is locked and renders that need a key are running."""
    return tr("jobs.locked.queue")


def locked_note() -> str:
    """A running card's note while the vault is locked."""
    return tr("jobs.locked.card")


def _locked(vaults: Mapping[str, VaultStatus]) -> bool:
    return any(v.state is VaultState.LOCKED for v in vaults.values())


def _needs_key(job: JobRecord) -> bool:
    return not job.status.terminal and not job.demo


def paused_by_lock(jobs: Mapping[str, JobRecord], vaults: Mapping[str, VaultStatus]) -> bool:
    """The vault is locked while renders that need a key are still running (then say so)."""
    return _locked(vaults) and any(_needs_key(j) for j in jobs.values())


def lock_note(job: JobRecord, vaults: Mapping[str, VaultStatus]) -> str:
    """A running job's note while the vault is locked: derived from the state, so no late
    answer from the worker can wipe it (a stored note would be cleared by the next one)."""
    return locked_note() if _locked(vaults) and _needs_key(job) else ""
