"""What every view receives: the state to read, the intents to send, the provider's data."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from app.browser.media_urls import MediaUrls
from app.core.capabilities import ProviderCapabilities
from app.core.state import AppState
from app.core.store import Store
from app.services.intents import Intents


@dataclass(frozen=True)
class UiContext:
    store: Store[AppState]
    intents: Intents  # waits while the records load (see Intents), never None
    media: MediaUrls  # blob: URLs of stored files
    capabilities: ProviderCapabilities  # the provider's models, sizes, prices (injected by the page)
    run: Callable[[Awaitable[Any]], None]  # schedule an intent; failures become messages
