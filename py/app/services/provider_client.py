"""Runs a provider's requests over the transport and turns error answers into errors.

One client per (provider codec, endpoint): the services and the poller speak only to
this, so every provider is reached the same way.
"""

from __future__ import annotations

from collections.abc import Callable

from app.core import errors as e
from app.core.capabilities import ModelCapability, ProviderCapabilities
from app.core.http import HttpRequest, HttpResponse, Progress
from app.core.providers.base import (
    Call,
    Download,
    Endpoint,
    KeyReport,
    RemoteJob,
    RemoteJobPage,
    RenderRequest,
    VideoProvider,
)
from app.services.ports import Transport


class ProviderClient:
    def __init__(self, provider: VideoProvider, transport: Transport, endpoint: Callable[[], Endpoint]) -> None:
        self.provider = provider
        self._transport = transport
        self._endpoint = endpoint

    @property
    def endpoint(self) -> Endpoint:
        """Where requests go now (raises ``VaultError`` when the key is missing or locked)."""
        return self._endpoint()

    @property
    def capabilities(self) -> ProviderCapabilities:
        return self.provider.capabilities

    async def send(self, request: HttpRequest, call: Call, *, progress: Progress | None = None) -> HttpResponse:
        """Send; a non-2xx answer raises the provider's :class:`~app.core.errors.ApiError`."""
        try:
            response = await self._transport.send(request, progress=progress)
        except e.CorsError as exc:
            raise e.CorsError(str(exc), provider=self.capabilities.label) from exc
        if not response.ok:
            raise self.provider.parse_error(response, call)
        return response

    async def check_key(self, model_id: str) -> KeyReport:
        request = self.provider.key_check_request(self.endpoint, model_id)
        return self.provider.parse_key_check(await self.send(request, Call.CHECK), model_id)

    async def catalogue(self, *, as_of: str) -> tuple[ModelCapability, ...] | None:
        """The live model list (``None`` when the provider's models are its capability data)."""
        request = self.provider.catalogue_request(self.endpoint)
        if request is None:
            return None
        return self.provider.parse_catalogue(await self.send(request, Call.CATALOGUE), as_of=as_of)

    async def create(self, request: RenderRequest) -> RemoteJob:
        return await self.send_create(self.provider.create_request(self.endpoint, request))

    async def remix(self, remote_id: str, prompt: str) -> RemoteJob:
        return await self.send_create(self.provider.remix_request(self.endpoint, remote_id, prompt))

    async def send_create(self, http: HttpRequest) -> RemoteJob:
        """Send a request that creates a job (built beforehand, so it can be stored as sent)."""
        return self.provider.parse_job(await self.send(http, Call.CREATE))

    async def retrieve(self, remote_id: str, poll_url: str | None = None) -> RemoteJob:
        http = self.provider.retrieve_request(self.endpoint, remote_id, poll_url)
        return self.provider.parse_job(await self.send(http, Call.POLL))

    async def cancel(self, remote_id: str) -> RemoteJob:
        http = self.provider.cancel_request(self.endpoint, remote_id)
        return self.provider.parse_job(await self.send(http, Call.CANCEL))

    async def list_jobs(self, *, after: str | None = None, limit: int = 50) -> RemoteJobPage:
        http = self.provider.list_jobs_request(self.endpoint, after=after, limit=limit)
        return self.provider.parse_job_page(await self.send(http, Call.LIST))

    async def delete(self, remote_id: str) -> None:
        await self.send(self.provider.delete_request(self.endpoint, remote_id), Call.DELETE)

    def downloads(self, job: RemoteJob) -> tuple[Download, ...]:
        return self.provider.downloads(self.endpoint, job)

    async def fetch(self, download: Download, *, progress: Progress | None = None) -> HttpResponse:
        """One result file as a Blob answer (files sent inline need no request: see the engine)."""
        if download.request is None:
            raise ValueError(f"{download.variant} came inline; there is nothing to fetch")
        return await self.send(download.request, Call.DOWNLOAD, progress=progress)
