"""One library tile: poster, length, model, size, date, a status dot, quick actions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.browser.dom import Node, Scope, h
from app.browser.dom_patch import Encoded, PatchBatch, PatchSet, Slot, encode
from app.browser.local_time import local_date
from app.core.i18n import tr
from app.ui.icons import icon

if TYPE_CHECKING:
    from app.core.job_record import JobRecord

QUICK_ACTIONS = ("play", "open", "download", "rename", "delete")  # labelled by "tile.action.<name>"
ICONS = {"play": "play", "open": "spark", "download": "download", "rename": "edit", "delete": "trash"}
# The kinds of a tile's slots that show the job (after those that show its place and state):
# data-job, aria-label, the name and its title, meta, length, the dot (hidden, tone, title,
# label, role) and the checkbox's label. Encoded once per face, sent as they are.
FACE_SLOTS = (Slot.ATTR, Slot.ATTR, Slot.TEXT, Slot.ATTR, Slot.TEXT, Slot.TEXT) + (Slot.PROP,) + (Slot.ATTR,) * 5
PLACE_SLOTS = (Slot.STYLE, Slot.STYLE)  # transform and width: numbers only, encoded as they are written
# The slots of the tile's state (the roving tab stop of the tile and its actions, then the
# selection's class and checkbox), encoded once for each of the four states.
STOPS = 1 + len(QUICK_ACTIONS)
STATE_SLOTS = (Slot.ATTR,) * STOPS + (Slot.CLASS, Slot.PROP)
STATES = {
    (focused, selected): encode(STATE_SLOTS, (*["0" if focused else "-1"] * STOPS, selected, selected))
    for focused in (False, True)
    for selected in (False, True)
}


def unusual(job: JobRecord) -> tuple[str, str] | None:
    """(tone, reason) for a tile that needs a second look, else None."""
    if "video" not in job.assets:
        return "warn", tr("tile.missing")
    if job.remixed_from:
        return "info", tr("tile.remix")
    if job.estimate_usd is None:
        return "info", tr("tile.no_price")
    return None


@dataclass(frozen=True)
class TileFace:
    """What a tile shows of one job: worked out once per version of the job, not per frame."""

    job_id: str
    title: str
    prompt: str
    meta: str
    length: str
    label: str
    check_label: str
    flag: tuple[str, str] | None
    slots: Encoded  # the values of the FACE_SLOTS, ready to send

    @classmethod
    def of(cls, job: JobRecord) -> TileFace:
        title = job.display_title
        meta = f"{job.model} · {job.size.replace('x', '×')} · {local_date(job.created_at)}"
        length = tr("units.seconds_short", seconds=job.seconds)
        label = tr("tile.label", title=title, count=job.seconds)
        check_label = tr("tile.select", title=title)
        flag = unusual(job)
        tone, reason = flag or (None, None)
        values = (job.id, label, title, job.prompt, meta, length, flag is None, tone, reason, reason)
        return cls(
            job_id=job.id,
            title=title,
            prompt=job.prompt,
            meta=meta,
            length=length,
            label=label,
            check_label=check_label,
            flag=flag,
            slots=encode(FACE_SLOTS, (*values, "img" if reason else None, check_label)),
        )


class Tile:
    """A pooled tile element, re-bound to whichever job it shows."""

    def __init__(self, scope: Scope, patches: PatchSet, on_action: Callable[[str, str, Any], None]) -> None:
        self.job_id = ""
        self._on_action = on_action
        self.poster_asset: str | None = None  # the thumbnail whose blob: URL this tile holds
        self.poster_wanted: str | None = None  # the thumbnail it should show (may be loading)
        self.signature: tuple[object, ...] = ()  # what it was last bound to (skips needless re-binds)
        self._poster_src = ""  # the img's src, once set
        self._showing_poster: bool | None = None  # the img (True), the film icon (False), nothing yet (None)
        self.check = h("input", {"type": "checkbox", "class_": "tile-check", "tabindex": "-1"})
        scope.on(self.check, "click", lambda event: self._act("select", event))
        self.media = h("div", {"class_": "tile-media"})
        self.length = h("span", {"class_": "tile-length"})
        self.dot = h("span", {"class_": "tile-dot", "hidden": True})
        self.title = h("p", {"class_": "tile-name"})
        self.meta = h("p", {"class_": "tile-meta"})
        buttons = []
        for action in QUICK_ACTIONS:
            label = tr(f"tile.action.{action}")
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
        # The roving tab stop: only the focused tile is in the tab order, and with it its actions.
        stops = [(self.element, Slot.ATTR, "tabindex"), *[(b, Slot.ATTR, "tabindex") for b in buttons]]
        self.poster = h("img", {"alt": "", "decoding": "async"})
        self.placeholder = icon("film", size=28)
        self._patch = patches.patch(
            (
                (self.element, Slot.STYLE, "transform"),
                (self.element, Slot.STYLE, "width"),
                *stops,
                (self.element, Slot.CLASS, "selected"),
                (self.check, Slot.PROP, "checked"),
                # the FACE_SLOTS:
                (self.element, Slot.ATTR, "data-job"),
                (self.element, Slot.ATTR, "aria-label"),
                (self.title, Slot.TEXT, ""),
                (self.title, Slot.ATTR, "title"),
                (self.meta, Slot.TEXT, ""),
                (self.length, Slot.TEXT, ""),
                (self.dot, Slot.PROP, "hidden"),
                (self.dot, Slot.ATTR, "data-tone"),
                (self.dot, Slot.ATTR, "title"),
                (self.dot, Slot.ATTR, "aria-label"),
                (self.dot, Slot.ATTR, "role"),
                (self.check, Slot.ATTR, "aria-label"),
            )
        )
        scope.on(self.element, "click", lambda event: self._act("click", event))

    def _act(self, action: str, event: Any) -> None:
        if self.job_id:
            self._on_action(action, self.job_id, event)

    def _quick(self, action: str) -> Callable[[Any], None]:
        def handler(event: Any) -> None:
            event.stopPropagation()
            self._act(action, event)

        return handler

    def bind(
        self, face: TileFace, batch: PatchBatch, *, selected: bool, focused: bool, x: float, y: float, width: float
    ) -> None:
        """Show ``face`` at (x, y), written with the rest of ``batch`` (one call into the page)."""
        self.job_id = face.job_id
        place = Encoded(PLACE_SLOTS, f'"translate({x:.0f}px, {y:.0f}px)","{width:.0f}px"')
        batch.add(self._patch, place, STATES[focused, selected], face.slots)

    def show_poster(self, url: str | None) -> None:
        """The poster at ``url``, or a film icon while there is none (both nodes reused).

        What the tile shows is remembered here rather than read from the page: a ``src``
        assigned again, even the same one, makes the browser request the image again.
        """
        if url is not None and url != self._poster_src:
            self.poster.src = url
            self._poster_src = url
        showing_poster = url is not None
        if showing_poster is not self._showing_poster:
            self.media.replaceChildren(self.poster if showing_poster else self.placeholder)
            self._showing_poster = showing_poster
