"""The offer of a new version of the static site: reload now, or later (never forced).

A reload in the middle of a render loses nothing (jobs are stored before their requests
leave, and resumed after), but the user decides when: the offer says how many renders
are running and stays until it is taken or dismissed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.browser.dom import Scope, by_id, document_node, h, query
from app.core.i18n import tr
from app.core.state import AppState

OFFER_ID = "update-offer"


def offer_text(state: AppState) -> str:
    running = sum(1 for job in state.jobs.values() if not job.status.terminal)
    text = tr("update.ready")
    return f"{text} {tr('update.running', count=running)}" if running else text


def show_update_offer(state: AppState, reload: Callable[[], None]) -> None:
    """Show the offer once (a second call while it is shown changes nothing)."""
    if query(document_node(), f"#{OFFER_ID}") is not None:
        return
    scope = Scope()

    def close(_event: Any = None) -> None:
        node.remove()
        scope.close()

    def accept(_event: Any) -> None:
        close()
        reload()

    node = h(
        "div",
        {"id": OFFER_ID, "class_": "toast update-offer", "role": "status"},
        h("p", {"class_": "update-offer-text"}, offer_text(state)),
        h(
            "div",
            {"class_": "update-offer-actions"},
            h(
                "button",
                {"type": "button", "class_": "btn small", "on_click": accept},
                tr("update.reload"),
                scope=scope,
            ),
            h(
                "button",
                {"type": "button", "class_": "btn small ghost", "on_click": close},
                tr("update.later"),
                scope=scope,
            ),
        ),
        scope=scope,
    )
    by_id("toasts").appendChild(node)
