"""Browser notifications for finished renders, only while the tab is hidden."""

from __future__ import annotations

from typing import Any

import js

from app.browser.ffi import is_null, js_object
from app.core.safe_text import shown


def supported() -> bool:
    return hasattr(js, "Notification") and not is_null(js.Notification)


async def request_permission() -> str:
    """Ask once (from a click/change handler); returns ``granted``, ``denied`` or ``default``."""
    if not supported():
        return "unsupported"
    if str(js.Notification.permission) != "default":
        return str(js.Notification.permission)
    return str(await js.Notification.requestPermission())


def notify_if_hidden(title: str, body: str, tag: str) -> Any:
    """Show a notification when the page is in the background and the user allowed it."""
    if not supported() or str(js.Notification.permission) != "granted" or not js.document.hidden:
        return None
    options = {"body": shown(body), "tag": tag, "icon": "static/icons/icon.svg"}
    return js.Notification.new(shown(title), js_object(options))
