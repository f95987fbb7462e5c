"""The one object views send what the user asked for to.

It exists from the first screen on, before the records are loaded and before pydantic
is imported. Until the app is ready (``ready`` is False; the store's phase says
``booting``) an intent waits for the controller instead of being dropped, so a click or
a keystroke made during start-up is carried out once the app can do it. If start-up
fails, every waiting and later intent raises the start-up error (shown as a message).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # the controller pulls in pydantic, loaded after the first screen
    from app.services.controller import Controller

T = TypeVar("T")


class Intents:
    """A typed handle on the :class:`~app.services.controller.Controller` that may not exist yet."""

    def __init__(self) -> None:
        self._controller: asyncio.Future[Controller] | None = None

    def _future(self) -> asyncio.Future[Controller]:
        if self._controller is None:
            self._controller = asyncio.get_event_loop().create_future()
        return self._controller

    @property
    def ready(self) -> bool:
        """True once the records are loaded and intents run at once."""
        future = self._controller
        return future is not None and future.done() and future.exception() is None

    def attach(self, controller: Controller) -> None:
        """Start-up finished: run the waiting intents, and every later one at once."""
        future = self._future()
        if future.done():
            raise RuntimeError("the app's controller is attached once")
        future.set_result(controller)

    def fail(self, error: BaseException) -> None:
        """Start-up failed: every intent raises ``error`` (the page shows why)."""
        future = self._future()
        if not future.done():
            future.set_exception(error)
            future.exception()  # marked as seen: the page reports it, asyncio need not

    async def do(self, action: Callable[[Controller], Awaitable[T]]) -> T:
        """``action(controller)``, once the controller is there."""
        controller = await asyncio.shield(self._future())
        return await action(controller)
