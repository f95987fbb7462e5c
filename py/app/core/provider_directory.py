"""Every provider the app knows, the one in use, and its models as last read from the API.

The composition root builds the directory from the providers' capability data; a
provider with a live catalogue (OpenRouter) gets its models from the API, cached with
the date they were read, and falls back to its data until then.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from app.core.capabilities import ModelCapability, ProviderCapabilities


@dataclass(frozen=True)
class Catalogue:
    """A provider's models as its API listed them (``fetched_at``: when; ``error``: why not now)."""

    models: tuple[ModelCapability, ...] = ()
    fetched_at: float | None = None
    error: str = ""


@dataclass(frozen=True)
class ProviderDirectory:
    providers: tuple[ProviderCapabilities, ...]
    default_id: str

    def __post_init__(self) -> None:
        if not any(p.provider_id == self.default_id for p in self.providers):
            raise ValueError(f"the default provider {self.default_id!r} is not in the directory")

    def get(self, provider_id: str) -> ProviderCapabilities:
        """The provider's capabilities (the default provider for an unknown or empty id)."""
        for provider in self.providers:
            if provider.provider_id == provider_id:
                return provider
        return self.get(self.default_id)

    def knows(self, provider_id: str) -> bool:
        return any(p.provider_id == provider_id for p in self.providers)

    def current(self, provider_id: str, catalogues: Mapping[str, Catalogue]) -> ProviderCapabilities:
        """A provider with its live models, when they were read."""
        provider = self.get(provider_id)
        catalogue = catalogues.get(provider.provider_id)
        if catalogue is None or not catalogue.models:
            return provider
        return dataclasses.replace(provider, models=catalogue.models)


def day_of(timestamp: float) -> datetime.date:
    """The UTC day of a timestamp: model life cycles are dated in UTC."""
    return datetime.datetime.fromtimestamp(timestamp, tz=datetime.UTC).date()
