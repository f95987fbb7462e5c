"""OpenRouter's video API (``docs/providers/openrouter.md``) as a pure codec.

JSON in and out, the key as a Bearer header on every call and never to another origin
(:mod:`.urls`), no attribution headers (each would widen the browser's CORS preflight).
OpenRouter has no cancel, delete, list, remix or extend route: those raise
:class:`~app.core.providers.base.UnsupportedOperationError`.

The codec reads the model's entry from its capabilities where a request depends on it
(whether sound is optional): build it with the live catalogue,
``OpenRouterProvider(replace(CAPABILITIES, models=live))``, or use the built-in list.
"""

from __future__ import annotations

from app.core.capabilities import ModelCapability, ProviderCapabilities
from app.core.errors import ApiError
from app.core.http import Expect, HttpRequest, HttpResponse
from app.core.providers.base import (
    Call,
    Download,
    Endpoint,
    KeyReport,
    RemoteJob,
    RemoteJobPage,
    RenderRequest,
)
from app.core.providers.codec_kit import join, key_headers, unsupported
from app.core.providers.openrouter import account, catalogue, errors, jobs, sign_in, urls
from app.core.providers.openrouter.capabilities import CAPABILITIES
from app.core.providers.openrouter.create_body import create_body

CREATE_TIMEOUT_S = 120.0
DOWNLOAD_TIMEOUT_S = 600.0


class OpenRouterProvider:
    """OpenRouter's ``/videos`` API (and a user's proxy in front of it, as the base URL)."""

    def __init__(self, capabilities: ProviderCapabilities = CAPABILITIES) -> None:
        self.capabilities = capabilities

    def _auth(self, endpoint: Endpoint) -> dict[str, str]:
        return key_headers(self.capabilities.auth, endpoint.api_key)

    # -- key check and models -------------------------------------------------------------
    def key_check_request(self, endpoint: Endpoint, model_id: str) -> HttpRequest:
        """``GET /key``: free; proves the key (401 otherwise) but not the model."""
        del model_id  # checked against the catalogue
        return HttpRequest("GET", join(endpoint.base_url, "/key"), self._auth(endpoint), timeout_s=20.0)

    def parse_key_check(self, response: HttpResponse, model_id: str) -> KeyReport:
        del model_id
        return account.parse_key_info(response)

    def catalogue_request(self, endpoint: Endpoint) -> HttpRequest | None:
        """``GET /videos/models``: works without a key; sends it when there is one."""
        headers = self._auth(endpoint) if endpoint.api_key else {}
        return HttpRequest("GET", join(endpoint.base_url, "/videos/models"), headers, timeout_s=30.0)

    def parse_catalogue(self, response: HttpResponse, *, as_of: str) -> tuple[ModelCapability, ...]:
        return catalogue.parse_catalogue(response, as_of=as_of)

    # -- sign-in (OAuth PKCE) ----------------------------------------------------------------
    def sign_in_url(self, base_url: str, callback_url: str, challenge: str) -> str:
        return sign_in.consent_url(base_url, callback_url, challenge)

    def key_exchange_request(self, base_url: str, code: str, verifier: str) -> HttpRequest:
        return sign_in.exchange_request(base_url, code, verifier)

    def parse_key_exchange(self, response: HttpResponse) -> str:
        return sign_in.parse_exchange(response)

    # -- jobs ----------------------------------------------------------------------------
    def create_request(self, endpoint: Endpoint, request: RenderRequest) -> HttpRequest:
        body = create_body(request, self.capabilities.model(request.model))
        url = join(endpoint.base_url, "/videos")
        return HttpRequest("POST", url, self._auth(endpoint), json_body=body, timeout_s=CREATE_TIMEOUT_S)

    def retrieve_request(self, endpoint: Endpoint, remote_id: str, poll_url: str | None = None) -> HttpRequest:
        """The job's ``polling_url`` when it is safe to send the key there, else ``{base}/videos/{id}``."""
        url = urls.poll_url(endpoint.base_url, remote_id, poll_url)
        return HttpRequest("GET", url, self._auth(endpoint))

    def parse_job(self, response: HttpResponse) -> RemoteJob:
        return jobs.parse_job(response)

    def downloads(self, endpoint: Endpoint, job: RemoteJob) -> tuple[Download, ...]:
        """One download per ``unsigned_urls`` entry (``video``, ``video-2`` …), or output 0."""
        listed = [output.url for output in job.outputs if output.variant.startswith("video")] or [""]
        return tuple(self._download(endpoint, job.remote_id, i, url) for i, url in enumerate(listed))

    def _download(self, endpoint: Endpoint, remote_id: str, index: int, url: str) -> Download:
        target, with_key = urls.download_target(endpoint.base_url, remote_id, index, url)
        headers = self._auth(endpoint) if with_key else {}
        request = HttpRequest("GET", target, headers, expect=Expect.BLOB, timeout_s=DOWNLOAD_TIMEOUT_S)
        return Download(jobs.variant_name(index), request)

    # -- operations OpenRouter does not have -------------------------------------------------
    def cancel_request(self, endpoint: Endpoint, remote_id: str) -> HttpRequest:
        raise unsupported(self.capabilities.label, "cancel")

    def delete_request(self, endpoint: Endpoint, remote_id: str) -> HttpRequest:
        raise unsupported(self.capabilities.label, "delete")

    def list_jobs_request(self, endpoint: Endpoint, *, after: str | None, limit: int) -> HttpRequest:
        raise unsupported(self.capabilities.label, "list")

    def parse_job_page(self, response: HttpResponse) -> RemoteJobPage:
        raise unsupported(self.capabilities.label, "list")

    def remix_request(self, endpoint: Endpoint, remote_id: str, prompt: str) -> HttpRequest:
        raise unsupported(self.capabilities.label, "remix")

    # -- errors ----------------------------------------------------------------------------
    def parse_error(self, response: HttpResponse, call: Call) -> ApiError:
        return errors.parse_error(response, call)
