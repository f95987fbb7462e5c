"""The drawer's scrub preview: a slider over the video's sprite sheet (every few seconds a
frame), moving the player along with it, so a user finds a moment without playing.

The slider's value is said as a time ("at 2.5 of 8 seconds"), not a frame number.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.browser.dom import Node, Scope, h
from app.core.i18n import fmt_number, tr
from app.core.scrub import SpriteLayout

SPRITES = SpriteLayout()


class ScrubPreview:
    def __init__(self, scope: Scope, seconds: int, *, video: Callable[[], Any | None]) -> None:
        self._seconds = seconds
        self._video = video  # the drawer's player, once it is loaded
        self.sprite = h("div", {"class_": "scrub-frame", "aria_hidden": "true"})
        self.sprite.style.backgroundSize = SPRITES.background_size()
        self.slider = h(
            "input",
            {
                "type": "range",
                "min": "0",
                "max": str(SPRITES.frames - 1),
                "value": "0",
                "id": "drawer-scrub",
                "aria_valuetext": self._frame_text(0),
            },
        )
        scope.on(self.slider, "input", self._on_input)
        label = h("label", {"for_": "drawer-scrub"}, tr("drawer.scrub"))
        self.node: Node = h(
            "div", {"class_": "scrub"}, self.sprite, h("div", {"class_": "scrub-control"}, label, self.slider)
        )

    def show_sheet(self, url: str) -> None:
        """The sprite sheet is loaded (an object URL of the stored file)."""
        self.sprite.style.backgroundImage = f'url("{url}")'

    def _frame_text(self, frame: int) -> str:
        at = fmt_number(frame * self._seconds / max(SPRITES.frames - 1, 1), 1)
        return tr("drawer.scrub.at", at=at, seconds=self._seconds)

    def _on_input(self, _event: Any) -> None:
        frame = int(self.slider.value)
        self.slider.setAttribute("aria-valuetext", self._frame_text(frame))
        self.sprite.style.backgroundPosition = SPRITES.background_position(frame)
        video = self._video()
        if video is not None and float(video.duration or 0) > 0:
            video.currentTime = float(video.duration) * frame / max(SPRITES.frames - 1, 1)
