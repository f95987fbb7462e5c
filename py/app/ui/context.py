"""What every view receives: the store to read, the controller to send intents to."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.core.state import AppState
from app.core.store import Store

if TYPE_CHECKING:  # the controller pulls in pydantic, loaded after the first screen
    from app.services.controller import Controller


@dataclass
class UiContext:
    store: Store[AppState]
    controller: Controller | None  # None until the records are loaded (see app.page)
    run: Callable[[Awaitable[Any]], None]  # schedule an intent; failures become toasts
