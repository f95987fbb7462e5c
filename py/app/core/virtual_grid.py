"""Range math for a virtualized grid of equal tiles: which tiles exist in the DOM.

Only the rows near the viewport are built, so the DOM size depends on the window,
never on the library size. Every input is clamped: a layout pass can run before the
element has a width, and scroll positions overshoot during elastic scrolling.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass

MIN_STRIDE = 1.0  # guards the divisions when a tile or gap is sized 0 before CSS applies


@dataclass(frozen=True)
class GridLayout:
    viewport_width: float
    tile_min_width: float = 240.0
    tile_height: float = 250.0
    gap: float = 16.0

    @property
    def _width(self) -> float:
        return max(self.viewport_width, 0.0)

    @property
    def _gap(self) -> float:
        return max(self.gap, 0.0)

    @property
    def columns(self) -> int:
        """As many tiles of at least ``tile_min_width`` as fit, and never fewer than one."""
        stride = max(self.tile_min_width + self._gap, MIN_STRIDE)
        return max(1, int((self._width + self._gap) // stride))

    @property
    def tile_width(self) -> float:
        """Tiles stretch to fill the row exactly."""
        return max((self._width - self._gap * (self.columns - 1)) / self.columns, 0.0)

    @property
    def row_height(self) -> float:
        return max(self.tile_height, 0.0) + self._gap

    @property
    def _stride(self) -> float:
        return max(self.row_height, MIN_STRIDE)

    def rows(self, count: int) -> int:
        return math.ceil(max(count, 0) / self.columns)

    def total_height(self, count: int) -> float:
        """The grid's full height (no gap after the last row), so the page scrolls as if every tile existed."""
        return max(self.rows(count) * self.row_height - self._gap, 0.0)

    def offset(self, index: int) -> tuple[float, float]:
        """(x, y) of tile ``index`` inside the grid."""
        row, column = index_row_col(self, index)
        return column * (self.tile_width + self._gap), row * self.row_height


def index_row_col(layout: GridLayout, index: int) -> tuple[int, int]:
    """(row, column) of tile ``index``; a negative index counts as 0."""
    return divmod(max(index, 0), layout.columns)


def ahead_order(count: int, start: int) -> Iterator[int]:
    """Every index of ``count`` tiles once, from ``start`` to the end and then from the top:
    the order to prepare tiles in ahead of time (those scrolled to next come first)."""
    start = min(max(start, 0), count)
    yield from range(start, count)
    yield from range(start)


def reuse_plan(free: Sequence[Hashable], wanted: Sequence[Hashable]) -> list[int | None]:
    """For each place in ``wanted``, the index in ``free`` (the places of the tiles free to
    re-use) of the tile to bind there, or None for a new one. A tile already at a wanted place
    stays there, whatever the order, and the others fill the rest: re-binding a window in
    place (a filter changes every job in it) then moves no tile, and a moved tile costs the
    page a restyle and a new layer position each."""
    at: dict[Hashable, int] = {}
    for index, place in enumerate(free):
        at.setdefault(place, index)
    plan = [at.pop(place, None) for place in wanted]
    taken = {index for index in plan if index is not None}
    rest = iter([index for index in range(len(free) - 1, -1, -1) if index not in taken])
    return [next(rest, None) if index is None else index for index in plan]


@dataclass(frozen=True)
class GridWindow:
    """The tiles to build: ``first_index`` up to (not including) ``last_index_exclusive``."""

    layout: GridLayout
    first_index: int
    last_index_exclusive: int
    first_row: int
    row_count: int  # rows in the window, not in the grid
    total_height: float

    @property
    def first(self) -> int:
        return self.first_index

    @property
    def end(self) -> int:
        return self.last_index_exclusive

    def __len__(self) -> int:
        return self.last_index_exclusive - self.first_index

    def indexes(self) -> range:
        return range(self.first_index, self.last_index_exclusive)

    def offset_x(self, index: int) -> float:
        return self.layout.offset(index)[0]

    def offset_y(self, index: int) -> float:
        return self.layout.offset(index)[1]


def window_rows(layout: GridLayout, viewport_height: float, overscan_rows: int = 2) -> int:
    """Rows a window holds: every row a viewport can touch, plus overscan above and below."""
    return math.ceil(max(viewport_height, 0.0) / layout._stride) + 1 + 2 * max(overscan_rows, 0)


def visible_range(
    layout: GridLayout, count: int, scroll_top: float, viewport_height: float, overscan_rows: int = 2
) -> GridWindow:
    """The tiles to build for a viewport at ``scroll_top`` (grid coordinates), plus overscan.

    The window always spans the same number of rows (fewer only when the grid is shorter),
    shifted back at either end, so pooled tiles are reused rather than created.
    """
    count = max(count, 0)
    total = layout.total_height(count)
    rows = layout.rows(count)
    span = min(window_rows(layout, viewport_height, overscan_rows), rows)
    top = min(max(scroll_top, 0.0), max(total - max(viewport_height, 0.0), 0.0))
    wanted = int(top // layout._stride) - max(overscan_rows, 0)
    first_row = min(max(wanted, 0), rows - span)
    first = first_row * layout.columns
    end = min((first_row + span) * layout.columns, count)
    return GridWindow(layout, first, end, first_row, span, total)


def scroll_to_reveal(layout: GridLayout, index: int, scroll_top: float, viewport_height: float) -> float | None:
    """The scroll position that shows tile ``index`` whole, or ``None`` when it already is.

    A tile taller than the viewport is aligned to its top, which is where its title is.
    """
    y = layout.offset(index)[1]
    bottom = y + max(layout.tile_height, 0.0)
    if y < scroll_top:
        return y
    if bottom <= scroll_top + max(viewport_height, 0.0):
        return None
    target = min(y, bottom - max(viewport_height, 0.0))
    return None if target == scroll_top else target


def _step(key: str, columns: int, page_rows: int) -> int:
    return {
        "ArrowLeft": -1,
        "ArrowRight": 1,
        "ArrowUp": -columns,
        "ArrowDown": columns,
        "PageUp": -columns * page_rows,
        "PageDown": columns * page_rows,
    }.get(key, 0)


def move_focus(index: int, key: str, columns: int, count: int, page_rows: int = 3) -> int:
    """The tile the arrow/Home/End/Page keys move to from ``index``, clamped to the grid.

    Left/Right run on through row ends (reading order); Up/Down past the first or last row stop at the
    first or last tile, so the key always lands somewhere visible.
    """
    if count <= 0:
        return 0
    if key == "Home":
        return 0
    if key == "End":
        return count - 1
    step = _step(key, max(columns, 1), max(page_rows, 1))
    return min(max(index + step, 0), count - 1)
