"""One library tile: poster, length, model, size, date, a status dot, quick actions."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.browser.dom import Node, Scope, h, replace_children, set_attrs, set_text
from app.browser.local_time import local_date
from app.ui.icons import icon

if TYPE_CHECKING:
    from app.core.job_record import JobRecord

QUICK_ACTIONS = (
    ("play", "Play"),
    ("open", "Open details"),
    ("download", "Download"),
    ("rename", "Rename"),
    ("delete", "Delete"),
)
ICONS = {"play": "play", "open": "spark", "download": "download", "rename": "edit", "delete": "trash"}


def unusual(job: JobRecord) -> tuple[str, str] | None:
    """(tone, reason) for a tile that needs a second look, else None."""
    if "video" not in job.assets:
        return "warn", "The video file is missing from this browser"
    if job.remixed_from:
        return "info", "A remix of another video"
    if job.estimate_usd is None:
        return "info", "No published price for this size"
    return None


class Tile:
    """A pooled tile element, re-bound to whichever job it shows."""

    def __init__(self, scope: Scope, on_action: Callable[[str, str, Any], None]) -> None:
        self.job_id = ""
        self._on_action = on_action
        self.poster_asset: str | None = None  # the thumbnail whose blob: URL this tile holds
        self.poster_wanted: str | None = None  # the thumbnail it should show (may be loading)
        self.signature: tuple[object, ...] = ()  # what it was last bound to (skips needless re-binds)
        self.check = h("input", {"type": "checkbox", "class_": "tile-check", "tabindex": "-1"})
        scope.on(self.check, "click", lambda event: self._act("select", event))
        self.media = h("div", {"class_": "tile-media"})
        self.length = h("span", {"class_": "tile-length"})
        self.dot = h("span", {"class_": "tile-dot", "hidden": True})
        self.title = h("p", {"class_": "tile-name"})
        self.meta = h("p", {"class_": "tile-meta"})
        buttons = []
        for action, label in QUICK_ACTIONS:
            button = h(
                "button",
                {"type": "button", "class_": "tile-action", "tabindex": "-1", "data_action": action, "title": label},
                icon(ICONS[action], size=16),
                h("span", {"class_": "sr-only"}, label),
            )
            scope.on(button, "click", self._quick(action))
            buttons.append(button)
        self.actions = h("div", {"class_": "tile-actions"}, buttons)
        self.element: Node = h(
            "div",
            {"class_": "tile", "role": "group", "tabindex": "-1"},
            h("div", {"class_": "tile-frame"}, self.media, self.length, self.dot, self.check, self.actions),
            self.title,
            self.meta,
        )
        scope.on(self.element, "click", lambda event: self._act("click", event))
        scope.on(self.element, "dblclick", lambda event: self._act("open", event))

    def _act(self, action: str, event: Any) -> None:
        if self.job_id:
            self._on_action(action, self.job_id, event)

    def _quick(self, action: str) -> Callable[[Any], None]:
        def handler(event: Any) -> None:
            event.stopPropagation()
            self._act(action, event)

        return handler

    def bind(self, job: JobRecord, *, selected: bool, focused: bool, x: float, y: float, width: float) -> None:
        style = self.element.style
        style.transform = f"translate({x:.0f}px, {y:.0f}px)"
        style.width = f"{width:.0f}px"
        if self.job_id != job.id:
            self.job_id = job.id
            set_attrs(self.element, data_job=job.id, aria_label=f"{job.display_title}, {job.seconds} seconds")
        set_text(self.title, job.display_title)
        set_attrs(self.title, title=job.prompt)
        set_text(self.meta, f"{job.model} · {job.size.replace('x', '×')} · {local_date(job.created_at)}")
        set_text(self.length, f"{job.seconds} s")
        flag = unusual(job)
        self.dot.hidden = flag is None
        if flag is not None:
            set_attrs(self.dot, data_tone=flag[0], title=flag[1], aria_label=flag[1], role="img")
        self.check.checked = selected
        set_attrs(self.check, aria_label=f"Select {job.display_title}")
        set_attrs(self.element, tabindex="0" if focused else "-1")
        self.element.classList.toggle("selected", selected)

    def show_poster(self, url: str | None) -> None:
        if url is None:
            replace_children(self.media, icon("film", size=28))
        else:
            replace_children(self.media, h("img", {"src": url, "alt": "", "decoding": "async"}))
