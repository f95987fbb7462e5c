"""What the page and the polling worker say to each other, as plain dicts.

Messages cross a worker boundary (structured clone), so they are dicts of JSON values
plus, for a downloaded file, the Blob handle itself (cloned by reference, never
copied through Python). Typed on both sides by these dataclasses.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from app.core.errors import ApiError, AppError
from app.core.providers.base import RemoteJob, RemoteOutput, RemoteStatus


@dataclass(frozen=True)
class TrackSpec:
    """Page → worker: poll this job (and fetch its files) until it ends."""

    job_id: str
    remote_id: str
    provider_id: str
    base_url: str
    api_key: str
    fetch: bool = True  # fetch the files once the job completes (automatic downloads, or "Download now")
    have: tuple[str, ...] = ()  # files stored already (never fetched twice)
    extras: tuple[str, ...] = ()  # the files besides videos this job wants (thumbnail, spritesheet)
    downloading: bool = False  # completed already: one poll for the file list, then the files
    interval_s: float = 2.5
    poll_url: str | None = None
    deadline_at: float | None = None  # stop polling then (epoch seconds), unless the job has ended
    locale: str = ""  # the page's language when it asked: the worker writes its notes in it ("" = as it is)

    def to_message(self) -> dict[str, Any]:
        return {**dataclasses.asdict(self), "have": list(self.have), "extras": list(self.extras)}

    @classmethod
    def from_message(cls, data: dict[str, Any]) -> TrackSpec:
        return cls(**{**data, "have": tuple(data["have"]), "extras": tuple(data["extras"])})


@dataclass(frozen=True)
class RemoteUpdate:
    job_id: str
    remote: RemoteJob


@dataclass(frozen=True)
class Retrying:
    job_id: str
    note: str
    delay_s: float


@dataclass(frozen=True)
class Stopped:
    """The worker gave up on this job (a 4xx, or a download that kept failing)."""

    job_id: str
    code: str
    message: str
    status: int = 0
    request_id: str | None = None

    @classmethod
    def from_error(cls, job_id: str, error: AppError, code: str = "") -> Stopped:
        if isinstance(error, ApiError):
            code = error.code or code or f"http_{error.status}"
            return cls(job_id, code, error.message, error.status, error.request_id)
        return cls(job_id, code or "network", str(error))


@dataclass(frozen=True)
class Transfer:
    """Download progress: with ``resumable``, ``loaded`` bytes are stored (they survive a reload);
    without (the server ignores ``Range``), they are only in flight and a cut starts again."""

    job_id: str
    variant: str
    loaded: int
    total: int | None
    resumable: bool = True


@dataclass(frozen=True)
class FileReady:
    """A whole file; ``release`` names its stored parts, deleted in the transaction that stores it."""

    job_id: str
    variant: str
    blob: Any
    size: int
    mime: str
    release: tuple[str, ...] = ()


@dataclass(frozen=True)
class StorageFull:
    """A part could not be stored (the disk is full): the parts stored so far are kept, and the
    job waits for the user to free space and resume."""

    job_id: str
    variant: str
    stored: int
    total: int
    needed: int  # free space the rest of the download needs (see ``Ledger.space_needed``)
    reason: str = ""  # another storage failure than a full disk (then the sizes are 0)


@dataclass(frozen=True)
class DownloadPaused:
    """The finished render's file kept failing to download: the job stays finished with its file
    pending (a billed render is never marked failed for a download), waiting for Download now."""

    job_id: str
    variant: str
    reason: str


@dataclass(frozen=True)
class FileSkipped:
    """An optional file (thumbnail, spritesheet) the endpoint does not provide."""

    job_id: str
    variant: str
    reason: str


@dataclass(frozen=True)
class FilesDone:
    job_id: str


@dataclass(frozen=True)
class Expired:
    job_id: str


@dataclass(frozen=True)
class Overdue:
    """The job is still not finished at its deadline: the worker stopped polling it."""

    job_id: str


Event = (
    RemoteUpdate
    | Retrying
    | Stopped
    | Transfer
    | FileReady
    | FileSkipped
    | FilesDone
    | Expired
    | StorageFull
    | DownloadPaused
    | Overdue
)
EVENT_TYPES: dict[str, type[Any]] = {
    cls.__name__: cls
    for cls in (
        RemoteUpdate,
        Retrying,
        Stopped,
        Transfer,
        FileReady,
        FileSkipped,
        FilesDone,
        Expired,
        StorageFull,
        DownloadPaused,
        Overdue,
    )
}


def remote_to_message(remote: RemoteJob) -> dict[str, Any]:
    """A remote job as JSON values (inline file data stays in the worker: it is stored from there)."""
    data = dataclasses.asdict(remote)
    data["status"] = remote.status.value
    data["billed_usd"] = None if remote.billed_usd is None else str(remote.billed_usd)
    data["outputs"] = [{**dataclasses.asdict(o), "data_b64": ""} for o in remote.outputs]
    return data


def remote_from_message(data: dict[str, Any]) -> RemoteJob:
    billed = data.get("billed_usd")
    return RemoteJob(
        **{
            **data,
            "status": RemoteStatus(data["status"]),
            "billed_usd": None if billed is None else Decimal(str(billed)),
            "outputs": tuple(RemoteOutput(**o) for o in data.get("outputs") or ()),
        }
    )


def to_message(event: Event) -> dict[str, Any]:
    data = {f.name: getattr(event, f.name) for f in dataclasses.fields(event)}
    if isinstance(event, RemoteUpdate):
        data["remote"] = remote_to_message(event.remote)
    if isinstance(event, FileReady):
        data["release"] = list(event.release)
    return {"type": type(event).__name__, **data}


def from_message(data: dict[str, Any]) -> Event:
    """The typed event of a message; ``ValueError`` for anything unknown."""
    fields = dict(data)
    kind = EVENT_TYPES.get(str(fields.pop("type", "")))
    if kind is None:
        raise ValueError(f"unknown poller message {data.get('type')!r}")
    if kind is RemoteUpdate:
        fields["remote"] = remote_from_message(dict(fields["remote"]))
    if kind is FileReady:
        fields["release"] = tuple(fields.get("release") or ())
    event: Event = kind(**fields)
    return event
