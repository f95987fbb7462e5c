"""Which provider is in use, where each one's requests go and with which key, and the
live model lists: the one place that turns settings, the vault and the codecs into clients.

It is the queue's :class:`~app.services.ports.JobClients`: a job is always polled,
downloaded and cancelled at the provider and endpoint it was sent to, with the key
bound to that endpoint (or the demo key for a simulated job).
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from app.core import errors as e
from app.core.capabilities import ModelCapability, ProviderCapabilities
from app.core.endpoint import endpoint_origin
from app.core.http import HttpResponse
from app.core.job_record import JobRecord
from app.core.keys import DEMO_KEY
from app.core.provider_directory import Catalogue, ProviderDirectory, day_of
from app.core.providers.base import Call, Endpoint, VideoProvider
from app.core.settings import Settings
from app.core.state import AppState
from app.core.store import Store
from app.core.stores import META
from app.services.ports import Clock, Put, RecordStore, Transport
from app.services.provider_client import ProviderClient
from app.services.render_service import Target
from app.services.vault_service import VaultService

CATALOGUE_MAX_AGE_S = 24 * 3600.0


def catalogue_key(provider_id: str) -> str:
    return f"catalogue:{provider_id}"


class ProviderHub:
    def __init__(
        self,
        store: Store[AppState],
        directory: ProviderDirectory,
        codecs: Mapping[str, VideoProvider],
        transport: Transport,
        vault: VaultService,
        records: RecordStore,
        clock: Clock,
    ) -> None:
        self.store = store
        self.directory = directory
        self._codecs = codecs
        self._transport = transport
        self._vault = vault
        self._records = records
        self._clock = clock

    # -- settings → provider and endpoint ------------------------------------------------------
    @property
    def settings(self) -> Settings:
        current = self.store.state.settings
        if current is None:
            raise RuntimeError("settings are not loaded yet")
        return current

    @property
    def active_id(self) -> str:
        chosen = self.settings.provider_id
        return chosen if self.directory.knows(chosen) else self.directory.default_id

    def provider_of(self, provider_id: str) -> ProviderCapabilities:
        return self.directory.current(provider_id, self.store.state.catalogues)

    def active(self) -> ProviderCapabilities:
        return self.provider_of(self.active_id)

    def base_url(self, provider_id: str) -> str:
        """Where ``provider_id``'s requests go now (the simulator in demo mode, the relay if chosen)."""
        return self.settings.effective_base_url(self.store.state.page_origin, self.directory.get(provider_id))

    def key_origin(self, provider_id: str, base_url: str) -> str:
        """The origin a key is bound to for ``base_url`` (the relay stands for its provider)."""
        provider = self.directory.get(provider_id)
        return endpoint_origin(base_url, self.store.state.page_origin, provider.default_base_url)

    def endpoint(self, provider_id: str) -> Endpoint:
        """Where requests go now, with the key for it (``VaultError`` when there is none, or locked)."""
        base = self.base_url(provider_id)
        if self.settings.demo_mode:
            return Endpoint(base, DEMO_KEY)
        return Endpoint(base, self._vault.api_key(provider_id, self.key_origin(provider_id, base)))

    def codec(self, provider_id: str) -> VideoProvider:
        return self._codecs.get(provider_id) or self._codecs[self.directory.default_id]

    def live_client(self, provider_id: str) -> ProviderClient:
        """A client that follows the settings (the endpoint and key are read at each request)."""
        return ProviderClient(self.codec(provider_id), self._transport, lambda: self.endpoint(provider_id))

    def target(self) -> Target:
        provider = self.active_id
        return Target(
            provider=self.active(),
            client=self.live_client(provider),
            base_url=self.base_url(provider),
            demo=self.settings.demo_mode,
            today=day_of(self._clock.now()),
        )

    # -- the queue's JobClients ---------------------------------------------------------------
    def key_for(self, job: JobRecord) -> str:
        if job.demo:
            return DEMO_KEY
        return self._vault.api_key(job.provider_id, self.key_origin(job.provider_id, job.endpoint))

    def client(self, provider_id: str, base_url: str, api_key: str) -> ProviderClient:
        endpoint = Endpoint(base_url, api_key)
        return ProviderClient(self.codec(provider_id), self._transport, lambda: endpoint)

    # -- live model lists ----------------------------------------------------------------------
    async def load_catalogues(self) -> None:
        """The model lists read earlier (usable offline), without asking the API."""
        catalogues = dict(self.store.state.catalogues)
        for provider in self.directory.providers:
            if not provider.live_catalogue:
                continue
            cached = await self._records.get(META, catalogue_key(provider.provider_id))
            if isinstance(cached, dict) and isinstance(cached.get("body"), str):
                models = self._parse(provider.provider_id, cached["body"], float(cached.get("fetched_at") or 0))
                if models is not None:
                    catalogues[provider.provider_id] = Catalogue(models, float(cached.get("fetched_at") or 0))
        self.store.update(catalogues=catalogues)

    async def refresh_catalogue(self, provider_id: str, *, force: bool = False) -> Catalogue | None:
        """Read a live provider's models from its API (at most once a day unless ``force``)."""
        provider = self.directory.get(provider_id)
        if not provider.live_catalogue:
            return None
        known = self.store.state.catalogues.get(provider_id)
        now = self._clock.now()
        if not force and known is not None and known.fetched_at and now - known.fetched_at < CATALOGUE_MAX_AGE_S:
            return known
        codec = self.codec(provider_id)
        base = self.base_url(provider_id)
        try:
            key = self.endpoint(provider_id).api_key
        except e.VaultError:
            key = ""  # the list needs no key
        request = codec.catalogue_request(Endpoint(base, key))
        if request is None:
            return None
        try:
            response = await self._transport.send(request)
            if not response.ok:
                raise codec.parse_error(response, Call.CATALOGUE)
            models = codec.parse_catalogue(response, as_of=day_of(now).isoformat())
        except e.AppError as exc:
            failed = Catalogue(known.models if known else (), known.fetched_at if known else None, str(exc))
            self._set_catalogue(provider_id, failed)
            return failed
        fresh = Catalogue(models, now)
        body = response.body.decode("utf-8", "replace")
        await self._records.write([Put(META, {"body": body, "fetched_at": now}, catalogue_key(provider_id))])
        self._set_catalogue(provider_id, fresh)
        return fresh

    def _set_catalogue(self, provider_id: str, catalogue: Catalogue) -> None:
        self.store.update(catalogues={**self.store.state.catalogues, provider_id: catalogue})

    def _parse(self, provider_id: str, body: str, fetched_at: float) -> tuple[ModelCapability, ...] | None:
        try:
            json.loads(body)
            response = HttpResponse(200, {}, body.encode("utf-8"))
            return self.codec(provider_id).parse_catalogue(response, as_of=day_of(fetched_at).isoformat())
        except (ValueError, e.AppError):
            return None
