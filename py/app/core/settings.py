"""The app's settings record (pydantic), as stored in IndexedDB and edited in Settings.

One record for the whole app, with a part per provider (its endpoint, whether it goes
through the local relay). Version 1 records (one OpenAI endpoint) are read as version 2.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import ConfigDict, Field, field_validator, model_validator

from app.core.capabilities import ProviderCapabilities
from app.core.endpoint import check_base_url, demo_base_url, relay_base_url
from app.core.model_base import Model
from app.core.preferences import POLL_DEFAULT_MS, POLL_MAX_MS, POLL_MIN_MS

Theme = Literal["dark", "light", "system"]
Motion = Literal["system", "reduce", "full"]
AfterRender = Literal["keep", "clear"]
Language = Literal["", "en", "de"]  # the codes of app.core.i18n.LOCALE_NAMES
LEGACY_PROVIDER = "openai-videos"  # the only provider of version 1 records


class ProviderSettings(Model):
    """What the user set for one provider."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    base_url: str = ""  # "" = the provider's own base URL
    via_relay: bool = False  # through serve.py's local relay (same origin), for providers that refuse browsers
    model: str = ""  # the model last chosen for this provider

    @field_validator("base_url")
    @classmethod
    def _valid_url(cls, value: str) -> str:
        if not value:
            return value
        check = check_base_url(value)
        if not check.ok:
            raise ValueError(check.error)
        return check.url


class Settings(Model):
    """Everything the user can set, with safe defaults; one record, id ``"app"``."""

    model_config = ConfigDict(extra="ignore", frozen=True, validate_assignment=True)

    id: Literal["app"] = "app"
    schema_version: int = 2
    provider_id: str = ""  # the active provider ("" = the app's default)
    providers: dict[str, ProviderSettings] = Field(default_factory=dict)
    demo_mode: bool = False
    poll_interval_ms: int = Field(default=POLL_DEFAULT_MS, ge=POLL_MIN_MS, le=POLL_MAX_MS)
    auto_download: bool = True
    theme: Theme = "dark"
    reduced_motion: Motion = "system"
    show_advanced: bool = False
    notify_on_finish: bool = False
    safety_acknowledged: bool = False
    welcome_done: bool = False
    after_render: AfterRender = "keep"  # after Render: keep the prompt for a variation, or clear the form
    locale: Language = ""  # "" = the browser's language when the app speaks it, else English
    lock_after_minutes: int = Field(default=0, ge=0, le=24 * 60)  # passphrase vault: 0 = only when asked

    @model_validator(mode="before")
    @classmethod
    def _from_version_1(cls, data: Any) -> Any:
        """Version 1 kept one OpenAI endpoint in ``base_url`` (and the model in ``default_model``)."""
        if not isinstance(data, dict) or int(data.get("schema_version") or 1) >= 2:
            return data
        upgraded = {k: v for k, v in data.items() if k not in ("base_url", "default_model")}
        legacy = {"base_url": data.get("base_url") or "", "model": data.get("default_model") or ""}
        providers = dict(data.get("providers") or {})
        providers.setdefault(LEGACY_PROVIDER, legacy)
        return {**upgraded, "providers": providers, "schema_version": 2}

    @field_validator("locale", mode="before")
    @classmethod
    def _known_locale(cls, value: Any) -> Any:
        """A locale this version does not speak (a record from a newer one) follows the browser."""
        return value if value in ("", "en", "de") else ""

    def provider(self, provider_id: str) -> ProviderSettings:
        return self.providers.get(provider_id) or ProviderSettings()

    def with_provider(self, provider_id: str, **changes: Any) -> dict[str, ProviderSettings]:
        """The ``providers`` map with one provider's settings changed (validated)."""
        current = self.provider(provider_id)
        updated = ProviderSettings.model_validate({**current.model_dump(), **changes})
        return {**self.providers, provider_id: updated}

    def chosen_base_url(self, provider: ProviderCapabilities) -> str:
        """The user's endpoint for ``provider`` (its own base URL unless one was set)."""
        return self.provider(provider.provider_id).base_url or provider.default_base_url

    def effective_base_url(self, page_origin: str, provider: ProviderCapabilities) -> str:
        """Where API calls go: the simulator in demo mode, the local relay when chosen, else the endpoint."""
        if self.demo_mode:
            return demo_base_url(page_origin, provider.demo_path)
        mine = self.provider(provider.provider_id)
        if mine.via_relay:
            return relay_base_url(page_origin, provider.relay_name or provider.provider_id)
        return self.chosen_base_url(provider)
