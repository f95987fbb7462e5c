"""Google's Gemini API for video (Gemini Omni Flash, Interactions API) as a pure codec.

``docs/providers/gemini-omni.md`` is the contract. Every call carries the key in
``x-goog-api-key`` (never a Bearer token, never in a URL) and nothing else but
``Content-Type`` on a body: no ``Api-Revision``, one header less to preflight. Creates
are ``background`` and ``store``d, so they answer at once and can be extended later.
There is no list route, so an interrupted create cannot be reconciled by listing.
"""

from __future__ import annotations

from urllib.parse import quote

from app.core.capabilities import ModelCapability, ProviderCapabilities
from app.core.errors import ApiError
from app.core.http import Expect, HttpRequest, HttpResponse
from app.core.providers.base import (
    Call,
    Download,
    Endpoint,
    KeyReport,
    ModelInfo,
    RemoteJob,
    RemoteJobPage,
    RenderRequest,
)
from app.core.providers.codec_kit import NoSignIn, join, key_headers, unsupported, validated
from app.core.providers.gemini_omni.capabilities import CAPABILITIES, Delivery
from app.core.providers.gemini_omni.errors import error_for
from app.core.providers.gemini_omni.files import download_url, trusted
from app.core.providers.gemini_omni.inputs import create_body
from app.core.providers.gemini_omni.interaction import remote_job
from app.core.providers.gemini_omni.objects import Interaction, ModelList

MODELS_PAGE_SIZE = 1000  # the most Google gives on one page: the check needs one request
JSON = {"Content-Type": "application/json"}


def _interaction_url(endpoint: Endpoint, remote_id: str, tail: str = "") -> str:
    return join(endpoint.base_url, f"/interactions/{quote(remote_id, safe='')}{tail}")


class GeminiOmniProvider(NoSignIn):
    """Gemini Omni Flash over the Interactions API; ``delivery`` is the per-provider setting
    for how finished videos come back (a file URI by default, or inline base64)."""

    capabilities: ProviderCapabilities = CAPABILITIES

    def __init__(self, *, delivery: Delivery = Delivery.URI) -> None:
        self.delivery = delivery

    def _auth(self, endpoint: Endpoint) -> dict[str, str]:
        return key_headers(self.capabilities.auth, endpoint.api_key)

    # -- key check and models -------------------------------------------------------------
    def key_check_request(self, endpoint: Endpoint, model_id: str) -> HttpRequest:
        """``GET /models``: free; a bad key answers 400 ``API_KEY_INVALID`` (or 403 with none)."""
        del model_id  # listed models are looked up in the answer
        url = join(endpoint.base_url, f"/models?pageSize={MODELS_PAGE_SIZE}")
        return HttpRequest("GET", url, self._auth(endpoint), timeout_s=20.0)

    def parse_key_check(self, response: HttpResponse, model_id: str) -> KeyReport:
        """The model as listed (by id only: Omni's ``supportedGenerationMethods`` omit interactions)."""
        listing = validated(ModelList, response)
        if any(listed.model_id == model_id for listed in listing.models):
            known = self.capabilities.model(model_id)
            return KeyReport(ModelInfo(model_id, known.life.shutdown if known else None))
        return KeyReport(None, checks_model=not listing.next_page_token)

    def catalogue_request(self, endpoint: Endpoint) -> HttpRequest | None:
        del endpoint
        return None  # the models are the capability data

    def parse_catalogue(self, response: HttpResponse, *, as_of: str) -> tuple[ModelCapability, ...]:
        del response, as_of
        return self.capabilities.models

    # -- jobs ----------------------------------------------------------------------------
    def create_request(self, endpoint: Endpoint, request: RenderRequest) -> HttpRequest:
        """``POST /interactions``; an extend (``request.extend_of``) continues a finished one."""
        url = join(endpoint.base_url, "/interactions")
        headers = {**self._auth(endpoint), **JSON}
        return HttpRequest("POST", url, headers, json_body=create_body(request, self.delivery), timeout_s=120.0)

    def retrieve_request(self, endpoint: Endpoint, remote_id: str, poll_url: str | None = None) -> HttpRequest:
        del poll_url  # Gemini names no other place to poll
        return HttpRequest("GET", _interaction_url(endpoint, remote_id), self._auth(endpoint))

    def parse_job(self, response: HttpResponse) -> RemoteJob:
        return remote_job(validated(Interaction, response), request_id=response.header("x-request-id"))

    def cancel_request(self, endpoint: Endpoint, remote_id: str) -> HttpRequest:
        """Best effort: a finished interaction refuses (4xx); work done may still be billed."""
        return HttpRequest("POST", _interaction_url(endpoint, remote_id, "/cancel"), self._auth(endpoint))

    def delete_request(self, endpoint: Endpoint, remote_id: str) -> HttpRequest:
        """Removes the stored interaction: it can no longer be extended (its file may stay a while)."""
        return HttpRequest("DELETE", _interaction_url(endpoint, remote_id), self._auth(endpoint))

    def list_jobs_request(self, endpoint: Endpoint, *, after: str | None, limit: int) -> HttpRequest:
        del endpoint, after, limit
        raise unsupported(self.capabilities.label, "list")

    def parse_job_page(self, response: HttpResponse) -> RemoteJobPage:
        del response
        raise unsupported(self.capabilities.label, "list")

    def remix_request(self, endpoint: Endpoint, remote_id: str, prompt: str) -> HttpRequest:
        del endpoint, remote_id, prompt
        raise unsupported(self.capabilities.label, "remix")

    def downloads(self, endpoint: Endpoint, job: RemoteJob) -> tuple[Download, ...]:
        """A URL output is fetched (with the key only on a trusted origin); inline data needs no request."""
        found: list[Download] = []
        for output in job.outputs:
            if output.data_b64:
                found.append(Download(output.variant, data_b64=output.data_b64, mime=output.mime))
            elif output.url:
                url = download_url(output.url, endpoint.base_url)
                headers = self._auth(endpoint) if trusted(url, endpoint.base_url) else {}
                request = HttpRequest("GET", url, headers, expect=Expect.BLOB, timeout_s=600.0)
                found.append(Download(output.variant, request, mime=output.mime))
        return tuple(found)

    # -- errors ----------------------------------------------------------------------------
    def parse_error(self, response: HttpResponse, call: Call) -> ApiError:
        return error_for(response, call)
