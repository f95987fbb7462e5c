"""The OpenAI Videos API contract (``docs/providers/openai-videos.md``) as a pure codec.

Builds requests exactly as the official SDK sends them (multipart create, ``seconds``
as a string) and validates every answer with pydantic before the app trusts it.
"""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import quote, urlencode

from pydantic import BaseModel, ConfigDict, ValidationError

from app.core.capabilities import ProviderCapabilities
from app.core.errors import ApiError, api_error_for
from app.core.http import Expect, FileField, FormValue, HttpRequest, HttpResponse
from app.core.providers.base import ModelInfo, RemoteJob, RemoteJobPage, RemoteStatus, RenderParams
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


class _Lenient(BaseModel):
    model_config = ConfigDict(extra="ignore")


class VideoError(_Lenient):
    code: str | None = None
    message: str | None = None


class Video(_Lenient):
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


class VideoList(_Lenient):
    data: list[Video]
    has_more: bool = False
    last_id: str | None = None


class Model(_Lenient):
    id: str
    shutdown_date: str | int | None = None


class ModelList(_Lenient):
    data: list[Model]


class ErrorBody(_Lenient):
    message: str = ""
    type: str | None = None
    param: str | None = None
    code: str | int | None = None


class ErrorEnvelope(_Lenient):
    error: ErrorBody


def _join(base_url: str, path: str) -> str:
    return base_url.rstrip("/") + path


def _auth(api_key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {api_key}"}


def _seconds(value: str | int | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


class OpenAIVideosProvider:
    """The first :class:`~app.core.providers.base.VideoProvider`."""

    capabilities: ProviderCapabilities = CAPABILITIES

    # -- models (key validation) -----------------------------------------------------
    def list_models_request(self, base_url: str, api_key: str) -> HttpRequest:
        return HttpRequest("GET", _join(base_url, "/models"), _auth(api_key), timeout_s=20.0)

    def model_request(self, base_url: str, api_key: str, model_id: str) -> HttpRequest:
        return HttpRequest(
            "GET", _join(base_url, f"/models/{quote(model_id, safe='')}"), _auth(api_key), timeout_s=20.0
        )

    def parse_models(self, response: HttpResponse) -> list[ModelInfo]:
        listing = self._validate(ModelList, response)
        return [ModelInfo(m.id, _date(m.shutdown_date)) for m in listing.data]

    def parse_model(self, response: HttpResponse) -> ModelInfo:
        model = self._validate(Model, response)
        return ModelInfo(model.id, _date(model.shutdown_date))

    # -- jobs ----------------------------------------------------------------------------
    def create_request(self, base_url: str, api_key: str, params: RenderParams, image: FileField | None) -> HttpRequest:
        form: list[tuple[str, FormValue]] = [
            ("prompt", params.prompt),
            ("model", params.model),
            ("size", params.size),
            ("seconds", str(params.seconds)),
        ]
        if image is not None:
            form.append(("input_reference", image))
        return HttpRequest("POST", _join(base_url, "/videos"), _auth(api_key), form=tuple(form), timeout_s=120.0)

    def remix_request(self, base_url: str, api_key: str, remote_id: str, prompt: str) -> HttpRequest:
        url = _join(base_url, f"/videos/{quote(remote_id, safe='')}/remix")
        return HttpRequest("POST", url, _auth(api_key), json_body={"prompt": prompt}, timeout_s=120.0)

    def retrieve_request(self, base_url: str, api_key: str, remote_id: str) -> HttpRequest:
        return HttpRequest("GET", _join(base_url, f"/videos/{quote(remote_id, safe='')}"), _auth(api_key))

    def list_jobs_request(self, base_url: str, api_key: str, *, after: str | None, limit: int) -> HttpRequest:
        query: dict[str, str] = {"limit": str(limit), "order": "desc"}
        if after:
            query["after"] = after
        return HttpRequest("GET", _join(base_url, f"/videos?{urlencode(query)}"), _auth(api_key))

    def delete_request(self, base_url: str, api_key: str, remote_id: str) -> HttpRequest:
        return HttpRequest("DELETE", _join(base_url, f"/videos/{quote(remote_id, safe='')}"), _auth(api_key))

    def download_request(self, base_url: str, api_key: str, remote_id: str, variant: str) -> HttpRequest:
        if variant not in VARIANTS:
            raise ValueError(f"unknown variant {variant!r}")
        url = _join(base_url, f"/videos/{quote(remote_id, safe='')}/content?{urlencode({'variant': variant})}")
        return HttpRequest("GET", url, _auth(api_key), expect=Expect.BLOB, timeout_s=600.0)

    def parse_job(self, response: HttpResponse) -> RemoteJob:
        video = self._validate(Video, response)
        poll_after = response.header("openai-poll-after-ms")
        return _remote_job(video, poll_after_ms=_int_or_none(poll_after), request_id=response.header("x-request-id"))

    def parse_job_page(self, response: HttpResponse) -> RemoteJobPage:
        listing = self._validate(VideoList, response)
        jobs = tuple(_remote_job(v) for v in listing.data)
        return RemoteJobPage(jobs, listing.has_more, listing.last_id)

    # -- errors ----------------------------------------------------------------------------
    def parse_error(self, response: HttpResponse) -> ApiError:
        request_id = response.header("x-request-id")
        retry_after = parse_retry_after(response.headers, now=time.time())
        hint = retry_hint(response.headers)
        try:
            body = ErrorEnvelope.model_validate(response.json()).error
        except (ValueError, ValidationError):
            text = response.body[:300].decode("utf-8", "replace").strip()
            return api_error_for(
                response.status,
                text or f"HTTP {response.status}",
                request_id=request_id,
                retry_after_s=retry_after,
                should_retry=hint,
            )
        return api_error_for(
            response.status,
            body.message or f"HTTP {response.status}",
            type_=body.type,
            code=str(body.code) if body.code is not None else None,
            param=body.param,
            request_id=request_id,
            retry_after_s=retry_after,
            should_retry=hint,
        )

    def _validate(self, model: type[Any], response: HttpResponse) -> Any:
        try:
            return model.model_validate(response.json())
        except (ValueError, ValidationError) as exc:
            raise ApiError(
                f"The API answered with data this app does not understand ({model.__name__}).",
                status=response.status,
                request_id=response.header("x-request-id"),
            ) from exc


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def _date(value: str | int | None) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, int):
        return time.strftime("%Y-%m-%d", time.gmtime(value))
    return value


def map_status(raw: str, error_code: str | None) -> RemoteStatus:
    """API status to neutral status; a failure with a policy code is a block."""
    status = STATUS_MAP.get(raw, RemoteStatus.UNKNOWN)
    if status is RemoteStatus.FAILED and error_code in BLOCK_CODES:
        return RemoteStatus.BLOCKED
    return status


def _remote_job(video: Video, *, poll_after_ms: int | None = None, request_id: str | None = None) -> RemoteJob:
    code = video.error.code if video.error else None
    progress = round(video.progress) if video.progress is not None else None
    return RemoteJob(
        remote_id=video.id,
        status=map_status(video.status, code),
        raw_status=video.status,
        progress=progress,
        model=video.model,
        size=video.size,
        seconds=_seconds(video.seconds),
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
