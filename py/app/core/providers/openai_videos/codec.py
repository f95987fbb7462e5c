"""The OpenAI Videos API contract (``docs/providers/openai-videos.md``) as a pure codec.

Builds requests exactly as the official SDK sends them (multipart create, ``seconds``
as a string) and validates every answer with pydantic before the app trusts it.
"""

from __future__ import annotations

import time
from urllib.parse import quote, urlencode

from pydantic import ValidationError

from app.core.capabilities import ImageRole, ModelCapability, ProviderCapabilities
from app.core.errors import ApiError, BlockedError, api_error_for
from app.core.http import Expect, FileField, FormValue, HttpRequest, HttpResponse
from app.core.providers.base import (
    Call,
    Download,
    Endpoint,
    KeyReport,
    ModelInfo,
    RemoteJob,
    RemoteJobPage,
    RemoteStatus,
    RenderRequest,
)
from app.core.providers.codec_kit import (
    Lenient,
    NoSignIn,
    body_text,
    int_or_none,
    iso_date,
    join,
    key_headers,
    unsupported,
)
from app.core.providers.codec_kit import validated as _validated
from app.core.providers.openai_videos.capabilities import CAPABILITIES
from app.core.retry import parse_retry_after, retry_hint

# API status → neutral status. Anything else is UNKNOWN, which is terminal.
STATUS_MAP: dict[str, RemoteStatus] = {
    "queued": RemoteStatus.QUEUED,
    "in_progress": RemoteStatus.RUNNING,
    "completed": RemoteStatus.COMPLETED,
    "failed": RemoteStatus.FAILED,
    "canceled": RemoteStatus.CANCELED,
    "cancelled": RemoteStatus.CANCELED,
    "expired": RemoteStatus.EXPIRED,
}
BLOCK_CODES = frozenset({"moderation_blocked", "content_policy_violation"})
VARIANTS = ("video", "thumbnail", "spritesheet")


class VideoError(Lenient):
    code: str | None = None
    message: str | None = None


class Video(Lenient):
    """The Video object (fields the app uses; extras ignored)."""

    id: str
    object: str = "video"
    status: str
    model: str = ""
    progress: float | None = None
    created_at: float | None = None
    completed_at: float | None = None
    expires_at: float | None = None
    prompt: str | None = None
    size: str = ""
    seconds: str | int | None = None
    remixed_from_video_id: str | None = None
    error: VideoError | None = None


class VideoList(Lenient):
    data: list[Video]
    has_more: bool = False
    last_id: str | None = None


class Model(Lenient):
    id: str
    shutdown_date: str | int | None = None


class ErrorBody(Lenient):
    message: str = ""
    type: str | None = None
    param: str | None = None
    code: str | int | None = None


class ErrorEnvelope(Lenient):
    error: ErrorBody


def _video_url(endpoint: Endpoint, remote_id: str, tail: str = "") -> str:
    return join(endpoint.base_url, f"/videos/{quote(remote_id, safe='')}{tail}")


class OpenAIVideosProvider(NoSignIn):
    """The OpenAI Videos API (and every OpenAI-compatible gateway)."""

    capabilities: ProviderCapabilities = CAPABILITIES

    def _auth(self, endpoint: Endpoint) -> dict[str, str]:
        return key_headers(self.capabilities.auth, endpoint.api_key)

    # -- key check and models -------------------------------------------------------------
    def key_check_request(self, endpoint: Endpoint, model_id: str) -> HttpRequest:
        """``GET /models/{model}``: free, proves the key (401 first) and the model (404)."""
        url = join(endpoint.base_url, f"/models/{quote(model_id, safe='')}")
        return HttpRequest("GET", url, self._auth(endpoint), timeout_s=20.0)

    def parse_key_check(self, response: HttpResponse, model_id: str) -> KeyReport:
        model = _validated(Model, response)
        return KeyReport(ModelInfo(model.id or model_id, iso_date(model.shutdown_date)))

    def catalogue_request(self, endpoint: Endpoint) -> HttpRequest | None:
        del endpoint
        return None  # the models are the capability data

    def parse_catalogue(self, response: HttpResponse, *, as_of: str) -> tuple[ModelCapability, ...]:
        del response, as_of
        return self.capabilities.models

    # -- jobs ----------------------------------------------------------------------------
    def create_request(self, endpoint: Endpoint, request: RenderRequest) -> HttpRequest:
        form: list[tuple[str, FormValue]] = [
            ("prompt", request.prompt),
            ("model", request.model),
            ("size", request.size),
            ("seconds", str(request.seconds)),
        ]
        first = next((i for i in request.images if i.role is ImageRole.FIRST_FRAME), None)
        if first is not None:
            form.append(("input_reference", FileField(first.name, first.mime, first.blob)))
        url = join(endpoint.base_url, "/videos")
        return HttpRequest("POST", url, self._auth(endpoint), form=tuple(form), timeout_s=120.0)

    def remix_request(self, endpoint: Endpoint, remote_id: str, prompt: str) -> HttpRequest:
        url = _video_url(endpoint, remote_id, "/remix")
        return HttpRequest("POST", url, self._auth(endpoint), json_body={"prompt": prompt}, timeout_s=120.0)

    def retrieve_request(self, endpoint: Endpoint, remote_id: str, poll_url: str | None = None) -> HttpRequest:
        del poll_url  # the Videos API names no other place to poll
        return HttpRequest("GET", _video_url(endpoint, remote_id), self._auth(endpoint))

    def list_jobs_request(self, endpoint: Endpoint, *, after: str | None, limit: int) -> HttpRequest:
        query: dict[str, str] = {"limit": str(limit), "order": "desc"}
        if after:
            query["after"] = after
        return HttpRequest("GET", join(endpoint.base_url, f"/videos?{urlencode(query)}"), self._auth(endpoint))

    def delete_request(self, endpoint: Endpoint, remote_id: str) -> HttpRequest:
        return HttpRequest("DELETE", _video_url(endpoint, remote_id), self._auth(endpoint))

    def cancel_request(self, endpoint: Endpoint, remote_id: str) -> HttpRequest:
        del endpoint, remote_id
        raise unsupported(self.capabilities.label, "cancel")  # deleting a running job stops it

    def downloads(self, endpoint: Endpoint, job: RemoteJob) -> tuple[Download, ...]:
        return tuple(
            Download(
                variant,
                HttpRequest(
                    "GET",
                    _video_url(endpoint, job.remote_id, "/content?" + urlencode({"variant": variant})),
                    self._auth(endpoint),
                    expect=Expect.BLOB,
                    timeout_s=600.0,
                ),
            )
            for variant in VARIANTS
        )

    def parse_job(self, response: HttpResponse) -> RemoteJob:
        video = _validated(Video, response)
        poll_after = int_or_none(response.header("openai-poll-after-ms"))
        return _remote_job(video, poll_after_ms=poll_after, request_id=response.header("x-request-id"))

    def parse_job_page(self, response: HttpResponse) -> RemoteJobPage:
        listing = _validated(VideoList, response)
        return RemoteJobPage(tuple(_remote_job(v) for v in listing.data), listing.has_more, listing.last_id)

    # -- errors ----------------------------------------------------------------------------
    def parse_error(self, response: HttpResponse, call: Call) -> ApiError:
        request_id = response.header("x-request-id")
        retry_after = parse_retry_after(response.headers, now=time.time())
        hint = retry_hint(response.headers)
        try:
            body = ErrorEnvelope.model_validate(response.json()).error
        except (ValueError, ValidationError):
            return api_error_for(
                response.status,
                body_text(response) or f"HTTP {response.status}",
                request_id=request_id,
                retry_after_s=retry_after,
                should_retry=hint,
            )
        code = str(body.code) if body.code is not None else None
        blocked = call is Call.CREATE and code in BLOCK_CODES
        return api_error_for(
            response.status,
            body.message or f"HTTP {response.status}",
            type_=body.type,
            code=code,
            param=body.param,
            request_id=request_id,
            retry_after_s=retry_after,
            should_retry=hint,
            kind=BlockedError if blocked else None,
        )


def map_status(raw: str, error_code: str | None) -> RemoteStatus:
    """API status to neutral status; a failure with a policy code is a block."""
    status = STATUS_MAP.get(raw, RemoteStatus.UNKNOWN)
    if status is RemoteStatus.FAILED and error_code in BLOCK_CODES:
        return RemoteStatus.BLOCKED
    return status


def _remote_job(video: Video, *, poll_after_ms: int | None = None, request_id: str | None = None) -> RemoteJob:
    code = video.error.code if video.error else None
    return RemoteJob(
        remote_id=video.id,
        status=map_status(video.status, code),
        raw_status=video.status,
        progress=round(video.progress) if video.progress is not None else None,
        model=video.model,
        size=video.size,
        seconds=int_or_none(video.seconds),
        prompt=video.prompt,
        created_at=video.created_at,
        completed_at=video.completed_at,
        expires_at=video.expires_at,
        error_code=code,
        error_message=video.error.message if video.error else None,
        remixed_from=video.remixed_from_video_id,
        poll_after_ms=poll_after_ms,
        request_id=request_id,
    )
