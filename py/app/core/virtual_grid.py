"""Range math for a virtualized grid of equal tiles: which tiles exist in the DOM.

Only the rows near the viewport are built, so the DOM size depends on the window,
never on the library size.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class GridLayout:
    viewport_width: float
    tile_min_width: float = 240.0
    tile_height: float = 250.0
    gap: float = 16.0

    @property
    def columns(self) -> int:
        usable = max(self.viewport_width, 0.0) + self.gap
        return max(1, int(usable // (self.tile_min_width + self.gap)))

    @property
    def tile_width(self) -> float:
        return max((max(self.viewport_width, 0.0) - self.gap * (self.columns - 1)) / self.columns, 0.0)

    @property
    def row_height(self) -> float:
        return self.tile_height + self.gap

    def rows(self, count: int) -> int:
        return math.ceil(max(count, 0) / self.columns)

    def total_height(self, count: int) -> float:
        rows = self.rows(count)
        return max(rows * self.row_height - self.gap, 0.0)

    def offset(self, index: int) -> tuple[float, float]:
        """(x, y) of tile ``index`` inside the grid."""
        row, column = divmod(index, self.columns)
        return column * (self.tile_width + self.gap), row * self.row_height


@dataclass(frozen=True)
class GridWindow:
    first: int  # first tile index built
    end: int  # one past the last tile index built
    total_height: float

    def indexes(self) -> range:
        return range(self.first, self.end)


def visible_range(
    layout: GridLayout, count: int, scroll_top: float, viewport_height: float, overscan_rows: int = 2
) -> GridWindow:
    """The tiles to build for a viewport at ``scroll_top`` (grid coordinates), plus overscan."""
    total = layout.total_height(count)
    if count <= 0:
        return GridWindow(0, 0, total)
    rows = layout.rows(count)
    top = min(max(scroll_top, 0.0), max(total - viewport_height, 0.0))
    first_row = max(int(top // layout.row_height) - overscan_rows, 0)
    visible_rows = math.ceil(max(viewport_height, 0.0) / layout.row_height) + 1
    last_row = min(first_row + visible_rows + 2 * overscan_rows, rows)
    return GridWindow(first_row * layout.columns, min(last_row * layout.columns, count), total)


def scroll_to_reveal(layout: GridLayout, index: int, scroll_top: float, viewport_height: float) -> float | None:
    """The scroll position that shows tile ``index`` whole, or ``None`` when it already is."""
    _, y = layout.offset(index)
    bottom = y + layout.tile_height
    if y < scroll_top:
        return y
    if bottom > scroll_top + viewport_height:
        return bottom - viewport_height
    return None


def move_focus(index: int, key: str, columns: int, count: int, page_rows: int = 3) -> int:
    """The tile the arrow/Home/End/Page keys move to from ``index`` (clamped)."""
    if count <= 0:
        return 0
    steps = {
        "ArrowLeft": -1,
        "ArrowRight": 1,
        "ArrowUp": -columns,
        "ArrowDown": columns,
        "PageUp": -columns * max(page_rows, 1),
        "PageDown": columns * max(page_rows, 1),
    }
    if key == "Home":
        return 0
    if key == "End":
        return count - 1
    return min(max(index + steps.get(key, 0), 0), count - 1)
