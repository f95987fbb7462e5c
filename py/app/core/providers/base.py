"""The one interface every video provider implements, and the neutral data it speaks.

A provider is capability data (:mod:`app.core.capabilities`) plus one pure codec: it
builds :class:`~app.core.http.HttpRequest` values for each operation and parses
:class:`~app.core.http.HttpResponse` values into these neutral types. Transport,
retries, storage and polling live elsewhere, so services and views never special-case
a provider. Operations a provider lacks (``capabilities.operations``) are never asked
of its codec; if they are, it raises :class:`UnsupportedOperationError`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any, Protocol

from app.core.capabilities import ImageRole, ModelCapability, ProviderCapabilities
from app.core.errors import ApiError, AppError
from app.core.http import HttpRequest, HttpResponse


class RemoteStatus(StrEnum):
    """A remote job's status, mapped from whatever the provider calls it."""

    QUEUED = "queued"
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"
    BLOCKED = "blocked"  # a policy/moderation block
    CANCELED = "canceled"
    EXPIRED = "expired"
    UNKNOWN = "unknown"  # anything else: treated as terminal, never as "keep waiting"

    @property
    def terminal(self) -> bool:
        return self not in (RemoteStatus.QUEUED, RemoteStatus.RUNNING)


class Call(StrEnum):
    """Which request an error answered: the same status can mean different things."""

    CHECK = "check"  # key validation
    CATALOGUE = "catalogue"
    CREATE = "create"
    POLL = "poll"
    DOWNLOAD = "download"
    CANCEL = "cancel"
    DELETE = "delete"
    LIST = "list"


class UnsupportedOperationError(AppError):
    """The provider has no such operation (the UI never offers it)."""


@dataclass(frozen=True)
class Endpoint:
    """Where to send requests and with which key (the demo key in demo mode)."""

    base_url: str
    api_key: str


@dataclass(frozen=True)
class ImageInput:
    """An image sent with a render; ``blob`` is an opaque handle (bytes in tests).

    Providers that take images inside JSON need ``data_b64`` (raw base64, no ``data:`` prefix).
    """

    role: ImageRole
    name: str
    mime: str
    blob: Any
    data_b64: str = ""
    width: int = 0
    height: int = 0


@dataclass(frozen=True)
class RenderRequest:
    """What the user asked for, provider-neutral; the codec writes it in its API's words."""

    prompt: str
    model: str
    seconds: int
    size: str = ""  # WxH, for models framed by size
    aspect_ratio: str = ""  # for models framed by aspect ratio × resolution
    resolution: str = ""
    audio: bool | None = None  # None: the model's default
    seed: int | None = None
    negative_prompt: str = ""
    images: tuple[ImageInput, ...] = ()
    extend_of: str | None = None  # remote id of a finished video to continue (Operation.EXTEND)


@dataclass(frozen=True)
class RemoteOutput:
    """One result file of a finished job: a URL to fetch, or the bytes inline (base64)."""

    variant: str  # "video", "video-2" … or "thumbnail", "spritesheet"
    url: str = ""
    data_b64: str = ""
    mime: str = ""


@dataclass(frozen=True)
class RemoteJob:
    """A job as the provider reports it."""

    remote_id: str
    status: RemoteStatus
    raw_status: str
    progress: int | None = None
    model: str = ""
    size: str = ""
    seconds: int | None = None
    prompt: str | None = None
    created_at: float | None = None
    completed_at: float | None = None
    expires_at: float | None = None
    error_code: str | None = None
    error_message: str | None = None
    remixed_from: str | None = None
    poll_after_ms: int | None = None
    request_id: str | None = None
    poll_url: str | None = None  # where to poll it, when the API says (already checked safe)
    outputs: tuple[RemoteOutput, ...] = ()
    billed_usd: Decimal | None = None  # what the provider says it charged
    video_tokens: int | None = None  # output video tokens (providers that bill by token)


@dataclass(frozen=True)
class RemoteJobPage:
    jobs: tuple[RemoteJob, ...]
    has_more: bool
    last_id: str | None


@dataclass(frozen=True)
class ModelInfo:
    """A model the endpoint lists; ``shutdown_date`` set when it is retired or retiring."""

    id: str
    shutdown_date: str | None = None


@dataclass(frozen=True)
class KeyReport:
    """What a key check learned, besides "the key works" (any error answer says otherwise)."""

    model: ModelInfo | None  # the chosen model as the endpoint lists it; None: not listed
    checks_model: bool = True  # False when this check cannot tell (the model list is elsewhere)
    account: str = ""  # the provider's own words about the key ("limit $10, $3.20 left")


@dataclass(frozen=True)
class Download:
    """How to get one result file: a request, or bytes already in the answer.

    ``size`` and ``sha256`` (hex) are checked once the file is whole, where the API tells them.
    """

    variant: str
    request: HttpRequest | None = None
    data_b64: str = ""
    mime: str = ""
    size: int | None = None
    sha256: str = ""


class VideoProvider(Protocol):
    """Request builders and response parsers for one video API."""

    capabilities: ProviderCapabilities

    def key_check_request(self, endpoint: Endpoint, model_id: str) -> HttpRequest: ...

    def parse_key_check(self, response: HttpResponse, model_id: str) -> KeyReport: ...

    def catalogue_request(self, endpoint: Endpoint) -> HttpRequest | None:
        """The live model list (``None``: the models are the capability data)."""
        ...

    def parse_catalogue(self, response: HttpResponse, *, as_of: str) -> tuple[ModelCapability, ...]: ...

    def create_request(self, endpoint: Endpoint, request: RenderRequest) -> HttpRequest: ...

    def retrieve_request(self, endpoint: Endpoint, remote_id: str, poll_url: str | None = None) -> HttpRequest: ...

    def parse_job(self, response: HttpResponse) -> RemoteJob: ...

    def cancel_request(self, endpoint: Endpoint, remote_id: str) -> HttpRequest: ...

    def delete_request(self, endpoint: Endpoint, remote_id: str) -> HttpRequest: ...

    def list_jobs_request(self, endpoint: Endpoint, *, after: str | None, limit: int) -> HttpRequest: ...

    def parse_job_page(self, response: HttpResponse) -> RemoteJobPage: ...

    def remix_request(self, endpoint: Endpoint, remote_id: str, prompt: str) -> HttpRequest: ...

    def downloads(self, endpoint: Endpoint, job: RemoteJob) -> tuple[Download, ...]:
        """Every file of a completed job, the main video (``"video"``) first; the caller skips
        what it has stored already. Files other than videos are extras (skipped when missing)."""
        ...

    def parse_error(self, response: HttpResponse, call: Call) -> ApiError: ...

    # -- sign-in (``capabilities.sign_in``): OAuth PKCE gives the user a key ------------------
    def sign_in_url(self, base_url: str, callback_url: str, challenge: str) -> str:
        """The provider's consent page, which comes back to ``callback_url?code=…``."""
        ...

    def key_exchange_request(self, base_url: str, code: str, verifier: str) -> HttpRequest: ...

    def parse_key_exchange(self, response: HttpResponse) -> str:
        """The key the exchange answered with."""
        ...
