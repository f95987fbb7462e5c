"""Short-lived messages in the corner (errors, confirmations), read out politely."""

from __future__ import annotations

import asyncio

from app.browser.dom import by_id, h
from app.core.errors import UserMessage
from app.services.tasks import spawn

TOAST_SECONDS = 8.0


def toast(text: str, *, kind: str = "info", seconds: float = TOAST_SECONDS) -> None:
    """Show ``text`` (plain text, never HTML) for a few seconds."""
    node = h("div", {"class_": f"toast {kind}", "role": "status"}, text)
    by_id("toasts").appendChild(node)

    async def expire() -> None:
        await asyncio.sleep(seconds)
        node.remove()

    spawn(expire())


def error_toast(message: UserMessage) -> None:
    toast(message.as_text(), kind="error", seconds=TOAST_SECONDS * 1.5)
