"""The app's settings record (pydantic), as stored in IndexedDB and edited in Settings."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.core.capabilities import ProviderCapabilities
from app.core.endpoint import check_base_url, demo_base_url
from app.core.preferences import POLL_DEFAULT_MS, POLL_MAX_MS, POLL_MIN_MS

Theme = Literal["dark", "light", "system"]
Motion = Literal["system", "reduce", "full"]


class Settings(BaseModel):
    """Everything the user can set, with safe defaults; one record, id ``"app"``."""

    model_config = ConfigDict(extra="ignore", frozen=True, validate_assignment=True)

    id: Literal["app"] = "app"
    schema_version: int = 1
    provider_id: str = ""  # "" = the app's default provider
    base_url: str = ""  # "" = the provider's own base URL
    demo_mode: bool = False
    poll_interval_ms: int = Field(default=POLL_DEFAULT_MS, ge=POLL_MIN_MS, le=POLL_MAX_MS)
    auto_download: bool = True
    theme: Theme = "dark"
    reduced_motion: Motion = "system"
    show_advanced: bool = False
    notify_on_finish: bool = False
    default_model: str = "sora-2"
    safety_acknowledged: bool = False
    welcome_done: bool = False

    @field_validator("base_url")
    @classmethod
    def _valid_url(cls, value: str) -> str:
        if not value:
            return value
        check = check_base_url(value)
        if not check.ok:
            raise ValueError(check.error)
        return check.url

    def chosen_base_url(self, provider: ProviderCapabilities) -> str:
        """The user's endpoint for ``provider`` (its own base URL unless one was set)."""
        return self.base_url or provider.default_base_url

    def effective_base_url(self, page_origin: str, provider: ProviderCapabilities) -> str:
        """Where API calls go: the simulator in demo mode, else the user's endpoint."""
        return demo_base_url(page_origin, provider.demo_path) if self.demo_mode else self.chosen_base_url(provider)
