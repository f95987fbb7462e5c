"""What every view receives: the state to read, the intents to send, the providers' data."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from app.browser.media_urls import MediaUrls
from app.core.capabilities import ProviderCapabilities
from app.core.provider_directory import ProviderDirectory
from app.core.state import AppState
from app.core.store import Store
from app.services.intents import Intents


@dataclass(frozen=True)
class UiContext:
    store: Store[AppState]
    intents: Intents  # waits while the records load (see Intents), never None
    media: MediaUrls  # blob: URLs of stored files
    providers: ProviderDirectory  # every provider's models, frames, prices (injected by the page)
    run: Callable[[Awaitable[Any]], None]  # schedule an intent; failures become messages

    def provider_id(self, state: AppState | None = None) -> str:
        """The provider New Render sends to."""
        settings = (state or self.store.state).settings
        chosen = settings.provider_id if settings is not None else ""
        return chosen if self.providers.knows(chosen) else self.providers.default_id

    def provider(self, state: AppState | None = None) -> ProviderCapabilities:
        """The provider in use, with its live models when they were read."""
        current = state or self.store.state
        return self.providers.current(self.provider_id(current), current.catalogues)

    def provider_of(self, provider_id: str) -> ProviderCapabilities:
        """A job's provider (with live models)."""
        return self.providers.current(provider_id, self.store.state.catalogues)
