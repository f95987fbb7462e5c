"""Runs a provider's requests over the transport and turns error answers into errors."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.core.http import FileField, HttpRequest, HttpResponse, Progress
from app.core.providers.base import ModelInfo, RemoteJob, RemoteJobPage, RenderParams, VideoProvider
from app.services.ports import Transport


@dataclass(frozen=True)
class Endpoint:
    """Where to send requests and with which key (the demo key in demo mode)."""

    base_url: str
    api_key: str


class ProviderClient:
    def __init__(self, provider: VideoProvider, transport: Transport, endpoint: Callable[[], Endpoint]) -> None:
        self.provider = provider
        self._transport = transport
        self._endpoint = endpoint

    @property
    def endpoint(self) -> Endpoint:
        return self._endpoint()

    async def send(self, request: HttpRequest, *, progress: Progress | None = None) -> HttpResponse:
        """Send; a non-2xx answer raises the provider's :class:`~app.core.errors.ApiError`."""
        response = await self._transport.send(request, progress=progress)
        if not response.ok:
            raise self.provider.parse_error(response)
        return response

    async def list_models(self) -> list[ModelInfo]:
        e = self.endpoint
        return self.provider.parse_models(await self.send(self.provider.list_models_request(e.base_url, e.api_key)))

    async def get_model(self, model_id: str) -> ModelInfo:
        e = self.endpoint
        return self.provider.parse_model(await self.send(self.provider.model_request(e.base_url, e.api_key, model_id)))

    async def create(self, params: RenderParams, image: FileField | None) -> RemoteJob:
        e = self.endpoint
        request = self.provider.create_request(e.base_url, e.api_key, params, image)
        return self.provider.parse_job(await self.send(request))

    async def remix(self, remote_id: str, prompt: str) -> RemoteJob:
        e = self.endpoint
        return self.provider.parse_job(
            await self.send(self.provider.remix_request(e.base_url, e.api_key, remote_id, prompt))
        )

    async def retrieve(self, remote_id: str) -> RemoteJob:
        e = self.endpoint
        return self.provider.parse_job(
            await self.send(self.provider.retrieve_request(e.base_url, e.api_key, remote_id))
        )

    async def list_jobs(self, *, after: str | None = None, limit: int = 50) -> RemoteJobPage:
        e = self.endpoint
        request = self.provider.list_jobs_request(e.base_url, e.api_key, after=after, limit=limit)
        return self.provider.parse_job_page(await self.send(request))

    async def delete(self, remote_id: str) -> None:
        e = self.endpoint
        await self.send(self.provider.delete_request(e.base_url, e.api_key, remote_id))

    async def download(self, remote_id: str, variant: str, *, progress: Progress | None = None) -> HttpResponse:
        e = self.endpoint
        request = self.provider.download_request(e.base_url, e.api_key, remote_id, variant)
        return await self.send(request, progress=progress)
