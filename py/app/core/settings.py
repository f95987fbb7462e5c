"""The app's settings record (pydantic), as stored in IndexedDB and edited in Settings."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.core.endpoint import check_base_url, demo_base_url
from app.core.preferences import POLL_DEFAULT_MS, POLL_MAX_MS, POLL_MIN_MS
from app.core.providers.openai_videos.capabilities import DEFAULT_BASE_URL, PROVIDER_ID

Theme = Literal["dark", "light", "system"]
Motion = Literal["system", "reduce", "full"]


class Settings(BaseModel):
    """Everything the user can set, with safe defaults; one record, id ``"app"``."""

    model_config = ConfigDict(extra="ignore", frozen=True, validate_assignment=True)

    id: Literal["app"] = "app"
    schema_version: int = 1
    provider_id: str = PROVIDER_ID
    base_url: str = DEFAULT_BASE_URL
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
        check = check_base_url(value)
        if not check.ok:
            raise ValueError(check.error)
        return check.url

    def effective_base_url(self, page_origin: str) -> str:
        """Where API calls go: the simulator in demo mode, else the user's endpoint."""
        return demo_base_url(page_origin) if self.demo_mode else self.base_url
