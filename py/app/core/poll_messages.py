"""What the page and the polling worker say to each other, as plain dicts.

Messages cross a worker boundary (structured clone), so they are dicts of JSON values
plus, for a downloaded file, the Blob handle itself (cloned by reference, never
copied through Python). Typed on both sides by these dataclasses.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from app.core.errors import ApiError, AppError
from app.core.providers.base import RemoteJob, RemoteStatus


@dataclass(frozen=True)
class TrackSpec:
    """Page → worker: poll this job (and fetch its files) until it ends."""

    job_id: str
    remote_id: str
    base_url: str
    api_key: str
    variants: tuple[str, ...]  # files still to fetch once the job completes
    downloading: bool = False  # completed already: go straight to the files
    interval_s: float = 2.5

    def to_message(self) -> dict[str, Any]:
        return {**dataclasses.asdict(self), "variants": list(self.variants)}

    @classmethod
    def from_message(cls, data: dict[str, Any]) -> TrackSpec:
        return cls(**{**data, "variants": tuple(data["variants"])})


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
    job_id: str
    variant: str
    loaded: int
    total: int | None


@dataclass(frozen=True)
class FileReady:
    job_id: str
    variant: str
    blob: Any
    size: int
    mime: str


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


Event = RemoteUpdate | Retrying | Stopped | Transfer | FileReady | FileSkipped | FilesDone | Expired
EVENT_TYPES: dict[str, type[Any]] = {
    cls.__name__: cls for cls in (RemoteUpdate, Retrying, Stopped, Transfer, FileReady, FileSkipped, FilesDone, Expired)
}


def to_message(event: Event) -> dict[str, Any]:
    data = {f.name: getattr(event, f.name) for f in dataclasses.fields(event)}
    if isinstance(event, RemoteUpdate):
        data["remote"] = {**dataclasses.asdict(event.remote), "status": event.remote.status.value}
    return {"type": type(event).__name__, **data}


def from_message(data: dict[str, Any]) -> Event:
    """The typed event of a message; ``ValueError`` for anything unknown."""
    fields = dict(data)
    kind = EVENT_TYPES.get(str(fields.pop("type", "")))
    if kind is None:
        raise ValueError(f"unknown poller message {data.get('type')!r}")
    if kind is RemoteUpdate:
        remote = dict(fields["remote"])
        fields["remote"] = RemoteJob(**{**remote, "status": RemoteStatus(remote["status"])})
    event: Event = kind(**fields)
    return event
