"""The drawer's continuation parts: "Continue this clip", and the chain a clip belongs to.

Which continuation is offered comes from the model's data (``core.continuation``): a
model that extends its own videos keeps the drawer's Extend section and gets nothing
here, so the two are never offered side by side.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.browser.dom import Node, h, set_text
from app.core.capabilities import ProviderCapabilities
from app.core.continuation import ContinueWay, chain_of, continue_way, playable, why_not
from app.core.i18n import tr
from app.ui.context import UiContext
from app.ui.forms import button

if TYPE_CHECKING:
    from app.browser.dom import Scope
    from app.core.job_record import JobRecord


def continue_section(
    job: JobRecord, provider: ProviderCapabilities, scope: Scope, on_continue: Callable[[Any], None]
) -> Node | None:
    """The button that opens New Render from this clip's last frame, or why it cannot."""
    way = continue_way(job, provider)
    reason = why_not(job, provider)
    if way is not ContinueWay.FIRST_FRAME and not reason:
        return None
    body: list[Node | None] = (
        [
            h(
                "p",
                {"class_": "field-hint", "id": "drawer-continue-hint"},
                tr("chain.continue.hint"),
            ),
            button(
                tr("chain.continue"),
                on_continue,
                scope,
                kind="small",
                id="drawer-continue",
                aria_describedby="drawer-continue-hint",
            ),
        ]
        if way is ContinueWay.FIRST_FRAME
        else [h("p", {"class_": "field-hint", "id": "drawer-continue-hint"}, reason)]
    )
    return h(
        "section",
        {"class_": "drawer-section", "aria_labelledby": "drawer-continue-title"},
        h("h3", {"id": "drawer-continue-title"}, tr("chain.continue")),
        body,
    )


class ChainPlayer:
    """The clips continued from one another, in order, and a player that runs them back to back."""

    def __init__(self, ctx: UiContext, job: JobRecord, scope: Scope, keep: Callable[[str], None]) -> None:
        self.ctx = ctx
        self.scope = scope
        self.chain = chain_of(ctx.store.state.jobs, job.id)
        self.current = job.id
        self._keep = keep  # the drawer releases every URL it was given when it closes
        self._queue: list[JobRecord] = []
        self._listening = False
        self.status = h("p", {"class_": "field-hint", "id": "drawer-chain-status", "aria_live": "polite"})

    def section(self, play: Callable[[Any], None]) -> Node | None:
        if len(self.chain) < 2:
            return None
        items = [
            h(
                "li",
                {"aria_current": "true" if clip.id == self.current else None},
                tr(
                    "chain.clip.current" if clip.id == self.current else "chain.clip",
                    title=clip.display_title,
                    seconds=clip.seconds,
                ),
            )
            for clip in self.chain
        ]
        can_play = len(playable(self.chain)) >= 2
        return h(
            "section",
            {"class_": "drawer-section", "aria_labelledby": "drawer-chain-title"},
            h("h3", {"id": "drawer-chain-title"}, tr("chain.title", count=len(self.chain))),
            h("ol", {"class_": "chain-list", "id": "drawer-chain"}, items),
            button(tr("chain.play"), play, self.scope, kind="small", id="drawer-play-chain") if can_play else None,
            self.status,
        )

    async def play(self, video: Any) -> None:
        """Play every stored clip of the chain in ``video``, one after the other."""
        self._queue = playable(self.chain)
        if not self._listening:
            self._listening = True
            self.scope.on(video, "ended", lambda _e: self.ctx.run(self._next(video)))
        await self._next(video)

    async def _next(self, video: Any) -> None:
        if not self._queue:
            set_text(self.status, tr("chain.played", count=len(playable(self.chain))))
            return
        clip = self._queue.pop(0)
        url = await self.ctx.media.acquire(clip.assets["video"])
        self._keep(clip.assets["video"])
        total = len(playable(self.chain))
        set_text(
            self.status, tr("chain.playing", number=total - len(self._queue), total=total, title=clip.display_title)
        )
        video.src = url
        video.play()
