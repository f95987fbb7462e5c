"""Short-lived messages in the corner (errors, confirmations), read out politely.

The same news several times in a row is one toast with a count ("3 renders started ·
View queue"), never a stack of copies over the page.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.browser.dom import Node, by_id, h, replace_children
from app.core.errors import UserMessage
from app.services.tasks import spawn

TOAST_SECONDS = 8.0


@dataclass
class _Shown:
    node: Node
    count: int
    expiry: Any  # the task that removes it


_grouped: dict[str, _Shown] = {}


def _expire_later(node: Node, seconds: float, group: str = "") -> Any:
    async def expire() -> None:
        await asyncio.sleep(seconds)
        node.remove()
        if group and group in _grouped and _grouped[group].node is node:
            del _grouped[group]

    return spawn(expire())


def toast(text: str, *, kind: str = "info", seconds: float = TOAST_SECONDS) -> None:
    """Show ``text`` (plain text, never HTML) for a few seconds."""
    node = h("div", {"class_": f"toast {kind}", "role": "status"}, text)
    by_id("toasts").appendChild(node)
    _expire_later(node, seconds)


def counted_toast(group: str, text: Callable[[int], str], link: tuple[str, str] | None = None) -> None:
    """Show news of kind ``group``; while one is shown, count it up instead of adding another.
    ``text(n)`` says it for ``n`` times; ``link`` is ``(href, label)``."""
    shown = _grouped.get(group)
    if shown is None:
        node = h("div", {"class_": "toast info", "role": "status", "data_group": group})
        by_id("toasts").appendChild(node)
        shown = _grouped[group] = _Shown(node, 0, None)
    else:
        shown.expiry.cancel()
    shown.count += 1
    parts: list[Node | str] = [text(shown.count)]
    if link is not None:
        parts += [" · ", h("a", {"href": link[0]}, link[1])]
    replace_children(shown.node, parts)
    shown.expiry = _expire_later(shown.node, TOAST_SECONDS, group)


def error_toast(message: UserMessage) -> None:
    toast(message.as_text(), kind="error", seconds=TOAST_SECONDS * 1.5)
