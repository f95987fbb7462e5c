"""Take over what the user did on the early page, on top of the saved draft.

The early page (``static/early.js``) is live for the seconds Python needs to start; what
was typed or chosen there wins over the draft read from IndexedDB, the way the last edit
always wins. Choices the model does not allow (a stale snapshot) fall back to its
defaults through :func:`~app.core.compose.with_model`, as any model switch does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.core.early import EarlyInput

if TYPE_CHECKING:
    from app.services.controller import Controller


async def adopt_early_input(controller: Controller, early: EarlyInput) -> None:
    """Apply ``early`` (the prompt first: it is what must never be lost)."""
    if early.prompt is not None:
        await controller.compose.change(prompt=early.prompt)
    if early.choice == "demo":
        await controller.set_demo_mode(True)
    provider = early.provider
    if provider is not None and provider != controller.hub.active_id and controller.directory.knows(provider):
        await controller.choose_provider(provider)
    picks: dict[str, Any] = {}
    if early.seconds is not None:
        picks["seconds"] = early.seconds
    if early.frame is not None and early.frame_field:
        picks[early.frame_field] = early.frame
    model = early.model or controller.store.state.draft.model
    if picks:
        await controller.compose.change(**picks)
    if early.model is not None or picks:
        await controller.compose.set_model(model)  # keeps what the model allows, defaults the rest
