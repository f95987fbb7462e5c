"""The virtualized grid: only the tiles near the viewport exist in the DOM.

The page scrolls as usual; the grid is one tall box whose tiles are placed with
transforms at the positions :mod:`app.core.virtual_grid` computes, re-laid out once
per animation frame while scrolling. Tiles are pooled: scrolling re-binds the same
few dozen elements, so the DOM size does not grow with the library.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from app.browser import viewport
from app.browser.dom import Node, Pending, Scope, h, query_closest
from app.browser.dom import focus as focus_element
from app.browser.dom_patch import PatchBatch, PatchSet
from app.core.selection import Selection
from app.core.virtual_grid import GridLayout, ahead_order, move_focus, reuse_plan, scroll_to_reveal, visible_range
from app.ui.library.tile import Tile, TileFace

if TYPE_CHECKING:
    from app.core.job_record import JobRecord

TILE_MIN_WIDTH = 232.0
TILE_HEIGHT = 236.0
GAP = 16.0
HEADER_ROOM = 88.0  # the sticky top bar covers the top of the page
IDLE_SLICE_S = 0.004  # faces worked out ahead per idle callback: well inside an idle period


class VirtualGrid:
    def __init__(
        self,
        scope: Scope,
        *,
        on_action: Callable[[str, str, Any], None],
        on_key: Callable[[Any, int], bool],
        poster: Callable[[Tile, JobRecord], None],
        release: Callable[[Tile], None],
    ) -> None:
        self._scope = scope
        self._on_action = on_action
        self._on_key = on_key
        self._poster = poster
        self._release = release
        self.items: Sequence[JobRecord] = ()
        self.selection = Selection()
        self.focus_index = 0
        self._bound: dict[str, Tile] = {}
        self._spare: list[Tile] = []
        self._faces: dict[str, tuple[JobRecord, TileFace]] = {}
        self._ahead: Iterator[int] = iter(())  # the indexes whose faces are still to work out
        self._idle: Pending | None = None
        self._patches = PatchSet()  # the tiles' slots, kept by the page
        self._shown: tuple[object, ...] = ()
        self._shown_items: Sequence[JobRecord] | None = None
        self._window = (0, 0)  # the first and end index of the tiles shown
        self._frame_pending = False
        self.element: Node = h("div", {"class_": "lib-grid", "id": "library-grid"})
        self._width = 0.0
        self._top = 0.0  # the grid's offset from the top of the document
        self._height = -1.0
        self._viewport_height = 0.0
        self._layout: GridLayout | None = None
        self._armed = (0.0, 0.0)  # the grid top and row stride the row watch was given
        # Browsers fire scroll events once per frame, right before rendering: lay out at once,
        # and only when a row enters (the watch compares rows in JS, without calling Python).
        self._rows = viewport.RowWatch(scope, self.render)
        viewport.on_resize(scope, self._resized)
        scope.on_resize(self.element, self._resized)  # laid out for the first time, or narrower
        scope.on(self.element, "keydown", self._keydown)
        scope.on(self.element, "focusin", self._focusin)

    # -- layout -------------------------------------------------------------------------------
    def layout(self) -> GridLayout:
        width = self._width or self._measure()
        if self._layout is None or self._layout.viewport_width != width:
            self._layout = GridLayout(width, TILE_MIN_WIDTH, TILE_HEIGHT, GAP)
        return self._layout

    def _measure(self) -> float:
        """Read the grid's width and position: layout reads, so cached between scroll frames
        (and not cached while the grid is not in the page yet)."""
        shown = float(self.element.clientWidth)  # 0 while detached or hidden
        width = shown or viewport.inner_width() - 64
        self._top = float(self.element.getBoundingClientRect().top) + viewport.scroll_y()
        self._viewport_height = viewport.inner_height()
        self._width = width if shown > 0 else 0.0
        return width

    def _resized(self, _event: Any) -> None:
        self._width = 0.0
        self._schedule()

    def _viewport(self) -> tuple[float, float]:
        return max(viewport.scroll_y() - self._top, 0.0), self._viewport_height

    def set_items(self, items: Sequence[JobRecord], selection: Selection, *, library_size: int) -> None:
        """Show ``items`` (the query's results, out of ``library_size`` jobs) with ``selection``."""
        self._width = 0.0  # the toolbar or the filters above may have moved the grid
        self.items = items
        if len(self._faces) > 2 * library_size + 100:
            self._faces.clear()  # mostly jobs deleted (not filtered away: a search keeps them)
        self.selection = selection
        self.focus_index = min(self.focus_index, max(len(items) - 1, 0))
        self.render()
        self._ahead = ahead_order(len(items), self._window[1])
        if self._idle is None:
            self._idle = self._scope.when_idle(self._face_ahead)

    def set_selection(self, selection: Selection) -> None:
        self.selection = selection
        self.render()

    def _schedule(self, _event: Any = None) -> None:
        if not self._frame_pending:
            self._frame_pending = True
            self._scope.next_frame(self._on_frame)

    def _on_frame(self) -> None:
        self._frame_pending = False
        self.render()

    def render(self, scroll_y: float | None = None) -> None:
        """Lay the window out at ``scroll_y`` (the row watch's reading; read here when None)."""
        layout = self.layout()
        y = viewport.scroll_y() if scroll_y is None else scroll_y
        scroll_top = max(y - self._top, 0.0)
        window = visible_range(layout, len(self.items), scroll_top, self._viewport_height)
        stride = layout.row_height
        if scroll_y is None or (self._top, stride) != self._armed:  # the watch compares with this row
            self._armed = (self._top, stride)
            self._rows.arm(self._top, stride, int(scroll_top // stride))
        shown = (self.selection, self.focus_index, layout.viewport_width, window.first, window.end)
        if self.items is self._shown_items and shown == self._shown:
            return  # the same tiles at the same places
        scrolled = self.items is self._shown_items and shown[:3] == self._shown[:3]
        old_first, old_end = self._window if scrolled else (0, 0)
        self._shown, self._shown_items = shown, self.items
        self._window = (window.first, window.end)
        if window.total_height != self._height:
            self._height = window.total_height
            self.element.style.height = f"{window.total_height:.0f}px"
        if scrolled:
            # Only the window moved: the tiles of the rows that left are re-bound to those
            # that entered; the others stay as they are.
            items = self.items
            first, end = window.first, window.end
            free = [self._bound.pop(items[i].id) for i in range(old_first, old_end) if not first <= i < end]
            entering = [i for i in range(first, end) if not old_first <= i < old_end]
            wanted = {items[i].id: i for i in entering}
        else:
            wanted = {self.items[i].id: i for i in window.indexes()}
            # Tiles that leave are re-bound to those that enter, without leaving the DOM (nor
            # letting go of their poster: the next job's may be the same one).
            free = [self._bound.pop(job_id) for job_id in [k for k in self._bound if k not in wanted]]
        self._bind(layout, wanted, free)
        for tile in free:  # the window shrank (fewer results): park what is left over
            self._release(tile)
            tile.job_id, tile.signature = "", ()
            tile.element.remove()
            self._spare.append(tile)

    def _bind(self, layout: GridLayout, wanted: dict[str, int], free: list[Tile]) -> None:
        """Bind the jobs of ``wanted`` (id -> index) to their tiles, re-using ``free`` ones
        (what is left of them stays in ``free``), all written by one call into the page."""
        batch = PatchBatch(self._patches)
        columns, tile_width, row_height = layout.columns, layout.tile_width, layout.row_height
        column_stride = tile_width + GAP
        selection, focus_index = self.selection, self.focus_index
        places = {
            job_id: (index % columns * column_stride, index // columns * row_height) for job_id, index in wanted.items()
        }
        fresh = self._assign(places, free)
        for job_id, index in wanted.items():
            job, tile = self.items[index], self._bound[job_id]
            x, y = places[job_id]
            selected, focused = job_id in selection, index == focus_index
            signature = (job, x, y, tile_width, selected, focused)
            if job_id not in fresh and tile.signature == signature:
                continue  # unchanged: scrolling touches only tiles that enter the window
            tile.signature = signature
            tile.bind(self._face(job), batch, selected=selected, focused=focused, x=x, y=y, width=tile_width)
            if job_id in fresh or tile.poster_wanted != job.assets.get("thumbnail"):
                self._poster(tile, job)
        batch.flush()

    def _assign(self, places: dict[str, tuple[float, float]], free: list[Tile]) -> set[str]:
        """Give each job of ``places`` without a tile one of ``free`` (one already at its place
        first: see :func:`reuse_plan`) or a new one; the ids of those jobs."""
        fresh = [job_id for job_id in places if job_id not in self._bound]
        plan = reuse_plan([tile.signature[1:3] for tile in free], [places[job_id] for job_id in fresh])
        for job_id, pick in zip(fresh, plan, strict=True):
            self._bound[job_id] = self._new_tile() if pick is None else free[pick]
        used = set(plan)
        free[:] = [tile for index, tile in enumerate(free) if index not in used]
        return set(fresh)

    def _new_tile(self) -> Tile:
        tile = self._spare.pop() if self._spare else Tile(self._scope, self._patches, self._on_action)
        self.element.appendChild(tile.element)
        return tile

    def _face(self, job: JobRecord) -> TileFace:
        """What the tile shows of ``job``, worked out again only when the job changed."""
        known = self._faces.get(job.id)
        if known is not None and known[0] is job:
            return known[1]
        face = TileFace.of(job)
        self._faces[job.id] = (job, face)
        return face

    def _face_ahead(self) -> None:
        """Work out faces of the jobs not shown yet while the page is idle, a slice at a time
        (those below the window first), so a row that scrolls in is only bound."""
        self._idle = None
        items, stop = self.items, time.perf_counter() + IDLE_SLICE_S
        for index in self._ahead:
            self._face(items[index])
            if time.perf_counter() > stop:
                self._idle = self._scope.when_idle(self._face_ahead)
                return

    def tile_of(self, job_id: str) -> Tile | None:
        return self._bound.get(job_id)

    # -- keyboard ------------------------------------------------------------------------------
    def _focusin(self, event: Any) -> None:
        tile = query_closest(event.target, ".tile")
        job_id = str(tile.getAttribute("data-job") or "") if tile is not None else ""
        for index, job in enumerate(self.items):
            if job.id == job_id:
                self.focus_index = index
                break

    def focus(self, index: int) -> None:
        """Move the roving focus to tile ``index``, scrolling it into view first."""
        if not self.items:
            return
        self.focus_index = min(max(index, 0), len(self.items) - 1)
        layout = self.layout()
        scroll_top, height = self._viewport()
        target = scroll_to_reveal(layout, self.focus_index, scroll_top, height)
        if target is not None:
            grid_top = float(self.element.getBoundingClientRect().top) + viewport.scroll_y()
            margin = -HEADER_ROOM if target < scroll_top else GAP
            viewport.scroll_to(grid_top + target + margin)
        self.render()
        tile = self._bound.get(self.items[self.focus_index].id)
        if tile is not None:
            focus_element(tile.element, scroll=False)

    def _keydown(self, event: Any) -> None:
        if not event.target.classList.contains("tile"):
            return  # a key on a tile's own button is that button's (Enter, Space activate it)
        key = str(event.key)
        if self._on_key(event, self.focus_index):
            event.preventDefault()
            return
        if key in ("ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown"):
            event.preventDefault()
            layout = self.layout()
            page_rows = max(int(viewport.inner_height() // layout.row_height), 1)
            self.focus(move_focus(self.focus_index, key, layout.columns, len(self.items), page_rows))
