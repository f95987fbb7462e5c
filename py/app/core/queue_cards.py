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
from app.core.i18n import tr
from app.core.job_deadline import is_overdue
from app.core.job_status import JobPhase, JobStatus
from app.core.vault_status import VaultState, VaultStatus

if TYPE_CHECKING:
    from app.core.job_record import JobRecord

NO_RANGES_NOTE = (
    "This server does not resume downloads: if the download is cut off, it starts again from the beginning."
)

TONES = {
    JobStatus.QUEUED: "info",
    JobStatus.RUNNING: "info",
    JobStatus.SUCCEEDED: "ok",
    JobStatus.FAILED: "danger",
    JobStatus.BLOCKED: "warn",
    JobStatus.CANCELED: "muted",
}


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
    return f"{count / 1_000_000:.1f} MB"


def disk_full_note(stored: int, total: int, needed: int) -> str:
    """What to do when the browser's storage is full mid-download (the stored parts are kept)."""
    where = "Free some in Settings → Storage (delete videos you no longer need), then press Resume."
    if stored >= total:
        return (
            f"The browser's storage is full. All {megabytes(total)} are downloaded and kept, but joining them into "
            f"one file needs about {megabytes(needed)} of free space. {where}"
        )
    return (
        f"The browser's storage is full: {megabytes(stored)} of {megabytes(total)} are stored and kept. About "
        f"{megabytes(needed)} of free space is needed to finish (the rest of the file, and room to join it into "
        f"one). {where}"
    )


def _downloading(
    transfer: tuple[int, int | None] | None, partial: PartialDownload | None
) -> tuple[str, int | None, str]:
    if transfer is not None:
        loaded, total = transfer
        if total:
            return "Downloading", min(100, loaded * 100 // total), f"{megabytes(loaded)} of {megabytes(total)}"
        if loaded:
            return "Downloading", None, megabytes(loaded)
        return "Downloading", None, "Preparing download…"  # size not known yet: an indeterminate bar
    if partial is not None and partial.stored > 0:
        if partial.total:
            share = min(100, partial.stored * 100 // partial.total)
            return "Paused", share, f"{megabytes(partial.stored)} of {megabytes(partial.total)} stored"
        return "Paused", None, f"{megabytes(partial.stored)} stored"
    return "Rendered", 100, "Files not stored yet"


def _label(
    job: JobRecord, transfer: tuple[int, int | None] | None, partial: PartialDownload | None
) -> tuple[str, int | None, str]:
    if is_overdue(job):
        return "Overdue", job.progress, f"{job.progress} %" if job.progress is not None else ""
    if job.status is JobStatus.QUEUED:
        if job.batch_id and unsent(job):
            return tr("batch.turn"), None, ""  # stored; the batch sends it at the provider's pace
        if job.phase is JobPhase.SUBMITTING:
            return "Sending", None, ""
        if job.phase is JobPhase.RECONCILING:
            return "Checking the API", None, ""
        return "Queued", job.progress or 0, f"{job.progress or 0} %"
    if job.status is JobStatus.RUNNING and job.phase is JobPhase.DOWNLOADING:
        return _downloading(transfer, partial)
    if job.status is JobStatus.RUNNING:
        return "Rendering", job.progress or 0, f"{job.progress or 0} %"
    failed = {"expired": "Expired", "submission_unknown": "Unconfirmed"}.get(job.error_code or "", "Failed")
    labels = {
        JobStatus.SUCCEEDED: "Ready",
        JobStatus.FAILED: failed,
        JobStatus.BLOCKED: "Blocked",
        JobStatus.CANCELED: "Canceled",
    }
    return labels[job.status], None, ""


def _times(job: JobRecord, samples: tuple[Sample, ...], now: float) -> str:
    start = job.submitted_at or job.created_at
    end = job.finished_at if job.status.terminal else None
    if end is not None:
        took = f"Took {clock_text(end - start)}"
        return took if job.status is JobStatus.SUCCEEDED else f"Ended after {clock_text(end - start)}"
    parts = [f"Elapsed {clock_text(now - start)}"]
    if job.status is JobStatus.RUNNING and job.phase is JobPhase.WAITING:
        left = eta_seconds(samples, now, started_at=job.started_at, progress=job.progress)
        if left is not None:
            parts.append(f"about {format_duration(left)} left")
    return " · ".join(parts)


def _expiry(job: JobRecord, now: float) -> str:
    if job.phase is not JobPhase.DOWNLOADING or job.expires_at is None or job.status.terminal:
        return ""
    left = job.expires_at - now
    if left <= 0:
        return "The download links have expired."
    return f"Files expire on the API in {clock_text(left)}"


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
    note: str = "",
    can_cancel: bool = True,
    partial: PartialDownload | None = None,
    overdue_note: str = "",
) -> Card:
    label, progress, progress_text = _label(job, transfer, partial)
    downloading_now = transfer is not None or note.startswith("Downloading")
    resume = partial is not None and partial.resumable  # parts stored (or a download stopped): go on from there
    downloading = job.phase is JobPhase.DOWNLOADING and not job.status.terminal
    return Card(
        label=label,
        tone={"Expired": "danger", "Unconfirmed": "warn", "Overdue": "warn"}.get(label, TONES[job.status]),
        progress=progress,
        progress_text=progress_text,
        times=_times(job, samples, now),
        expiry=_expiry(job, now),
        actions=_actions(job, polling, downloading_now, can_cancel, resume),
        notice=overdue_note
        if is_overdue(job)
        else NO_RANGES_NOTE
        if downloading and partial and not partial.resumable
        else "",
    )


def _download_notice(downloading: bool, partial: PartialDownload | None) -> str:
    return NO_RANGES_NOTE if downloading and partial is not None and not partial.resumable else ""


def frame_text(job: JobRecord) -> str:
    """``1280x720``, or ``16:9 · 720p`` for a model chosen by aspect ratio and resolution."""
    return f"{job.aspect_ratio} · {job.resolution}" if job.aspect_ratio else job.size


def meta_line(job: JobRecord, provider: str = "") -> str:
    """``OpenRouter · google/veo-3.1 · 16:9 · 720p · 8 s · billed $1.60``."""
    head = f"{provider} · " if provider else ""
    return f"{head}{job.model} · {frame_text(job)} · {job.seconds} s · {cost_text(job)}"


def split_queue(jobs: Mapping[str, JobRecord], *, show_archived: bool) -> tuple[list[JobRecord], list[JobRecord]]:
    """Active jobs (oldest first, as they will finish) and finished ones (newest first)."""
    active = sorted((j for j in jobs.values() if not j.status.terminal), key=lambda j: j.created_at)
    done = sorted(
        (j for j in jobs.values() if j.status.terminal and (show_archived or j.archived_at is None)),
        key=lambda j: j.finished_at or j.updated_at,
        reverse=True,
    )
    return active, done


LOCKED_TEXT = "The key vault is locked: checking your renders is paused until you unlock it in Settings."
LOCKED_NOTE = "Paused: the key vault is locked. Unlock it in Settings to go on checking this render."


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
    return LOCKED_NOTE if _locked(vaults) and _needs_key(job) else ""
