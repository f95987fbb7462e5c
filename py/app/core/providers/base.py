"""The one interface every video provider implements, and the neutral data it speaks.

A provider is a pure codec: it builds :class:`~app.core.http.HttpRequest` values for
each operation and parses :class:`~app.core.http.HttpResponse` values into these
neutral types. Transport, retries, storage and polling live elsewhere, so adding a
provider (OpenRouter, Gemini Veo) means adding capability data plus one codec.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from app.core.capabilities import ProviderCapabilities
from app.core.errors import ApiError
from app.core.http import FileField, HttpRequest, HttpResponse


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


@dataclass(frozen=True)
class RenderParams:
    """What the user asked for, provider-neutral."""

    prompt: str
    model: str
    size: str
    seconds: int


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


class VideoProvider(Protocol):
    """Request builders and response parsers for one video API."""

    capabilities: ProviderCapabilities

    def list_models_request(self, base_url: str, api_key: str) -> HttpRequest: ...

    def model_request(self, base_url: str, api_key: str, model_id: str) -> HttpRequest: ...

    def parse_models(self, response: HttpResponse) -> list[ModelInfo]: ...

    def parse_model(self, response: HttpResponse) -> ModelInfo: ...

    def create_request(
        self, base_url: str, api_key: str, params: RenderParams, image: FileField | None
    ) -> HttpRequest: ...

    def remix_request(self, base_url: str, api_key: str, remote_id: str, prompt: str) -> HttpRequest: ...

    def retrieve_request(self, base_url: str, api_key: str, remote_id: str) -> HttpRequest: ...

    def list_jobs_request(self, base_url: str, api_key: str, *, after: str | None, limit: int) -> HttpRequest: ...

    def delete_request(self, base_url: str, api_key: str, remote_id: str) -> HttpRequest: ...

    def download_request(self, base_url: str, api_key: str, remote_id: str, variant: str) -> HttpRequest: ...

    def parse_job(self, response: HttpResponse) -> RemoteJob: ...

    def parse_job_page(self, response: HttpResponse) -> RemoteJobPage: ...

    def parse_error(self, response: HttpResponse) -> ApiError: ...
