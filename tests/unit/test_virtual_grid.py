"""Virtual-grid range math: columns, the window of built tiles, scrolling into view, arrow keys."""

from __future__ import annotations

import pytest

from app.core.virtual_grid import (
    GridLayout,
    ahead_order,
    index_row_col,
    move_focus,
    reuse_plan,
    scroll_to_reveal,
    visible_range,
    window_rows,
)

LAYOUT = GridLayout(viewport_width=1000, tile_min_width=240, tile_height=250, gap=16)  # 3 columns, rows 266 apart
ROW = 266.0


@pytest.mark.parametrize(
    ("width", "columns"),
    [(-50, 1), (0, 1), (100, 1), (239, 1), (240, 1), (495, 1), (496, 2), (1000, 3), (1023, 4), (3000, 11)],
)
def test_columns(width: float, columns: int) -> None:
    assert GridLayout(width, 240, 250, 16).columns == columns


@pytest.mark.parametrize("width", [240, 496, 700, 1000, 1920])
def test_tiles_fill_the_row_exactly(width: float) -> None:
    layout = GridLayout(width, 240, 250, 16)
    assert layout.tile_width >= 240
    assert layout.columns * layout.tile_width + (layout.columns - 1) * 16 == pytest.approx(width)
    assert layout.row_height == 266


def test_degenerate_layouts_do_not_divide_by_zero() -> None:
    flat = GridLayout(viewport_width=500, tile_min_width=0, tile_height=0, gap=0)
    assert flat.columns == 500 and flat.tile_width == 1
    window = visible_range(flat, 10_000, scroll_top=50, viewport_height=100)
    assert 0 < len(window) <= window_rows(flat, 100) * 500
    assert GridLayout(viewport_width=0).tile_width == 0 and GridLayout(viewport_width=-10).columns == 1
    assert GridLayout(100, gap=-5).row_height == 250  # a negative gap counts as none


def test_total_height_has_no_trailing_gap() -> None:
    assert LAYOUT.total_height(0) == 0
    assert LAYOUT.total_height(1) == 250
    assert LAYOUT.total_height(3) == 250
    assert LAYOUT.total_height(4) == ROW + 250
    assert LAYOUT.total_height(-3) == 0


def test_empty_grid() -> None:
    window = visible_range(LAYOUT, 0, scroll_top=300, viewport_height=800)
    assert (window.first_index, window.last_index_exclusive, window.row_count, window.total_height) == (0, 0, 0, 0)
    assert list(window.indexes()) == [] and len(window) == 0


@pytest.mark.parametrize("scroll_top", [0, 1, 265, 266, 5000, 40_000, 80_000])
def test_window_size_does_not_depend_on_the_library_size(scroll_top: float) -> None:
    small = visible_range(LAYOUT, 1000, scroll_top, viewport_height=800)
    large = visible_range(LAYOUT, 50_000, scroll_top, viewport_height=800)
    assert len(small) == len(large) == window_rows(LAYOUT, 800) * 3 == 27
    assert small.row_count == large.row_count == 9


def test_window_is_capped_by_a_short_grid() -> None:
    window = visible_range(LAYOUT, 7, scroll_top=0, viewport_height=800)
    assert (window.first_index, window.last_index_exclusive, window.row_count) == (0, 7, 3)


@pytest.mark.parametrize("count", [1, 2, 3, 10, 100, 1001])
@pytest.mark.parametrize("viewport_height", [0, 100, 266, 800, 2000])
def test_every_tile_in_the_viewport_is_built(count: int, viewport_height: float) -> None:
    total = LAYOUT.total_height(count)
    for scroll_top in range(0, int(total) + 600, 97):
        window = visible_range(LAYOUT, count, scroll_top, viewport_height)
        top = min(scroll_top, max(total - viewport_height, 0))  # the browser clamps scrolling the same way
        near = range(max(int(top // ROW) - 3, 0) * 3, min((int((top + viewport_height) // ROW) + 3) * 3, count))
        seen = [i for i in near if _overlaps(i, top, viewport_height)]
        assert seen or viewport_height < ROW  # a viewport a row tall always shows a tile
        assert all(window.first_index <= i < window.last_index_exclusive for i in seen)
        assert window.first_index % 3 == 0 and window.first_row == window.first_index // 3
        assert 0 <= window.first_index <= window.last_index_exclusive <= count


def _overlaps(index: int, top: float, height: float) -> bool:
    y = (index // 3) * ROW
    return y < top + height and y + 250 > top


def test_negative_and_overshooting_scroll_are_clamped() -> None:
    above = visible_range(LAYOUT, 1000, scroll_top=-500, viewport_height=800)
    assert above.first_index == 0 and len(above) == 27
    below = visible_range(LAYOUT, 1000, scroll_top=10**9, viewport_height=800)
    assert below.last_index_exclusive == 1000 and len(below) == 1000 - below.first_index
    assert below.row_count == 9  # shifted back so the window keeps its size at the end
    assert below.total_height == LAYOUT.total_height(1000)


def test_overscan() -> None:
    mid = 100 * ROW
    tight = visible_range(LAYOUT, 10_000, mid, viewport_height=800, overscan_rows=0)
    assert tight.first_row == 100 and tight.row_count == 5
    loose = visible_range(LAYOUT, 10_000, mid, viewport_height=800, overscan_rows=3)
    assert loose.first_row == 97 and loose.row_count == 11
    assert visible_range(LAYOUT, 10_000, mid, 800, overscan_rows=-4) == tight


def test_window_offsets() -> None:
    window = visible_range(LAYOUT, 100, scroll_top=0, viewport_height=800)
    gap_step = LAYOUT.tile_width + 16
    assert [window.offset_x(i) for i in (0, 1, 2, 3)] == [0, gap_step, 2 * gap_step, 0]
    assert [window.offset_y(i) for i in (0, 2, 3, 7)] == [0, 0, ROW, 2 * ROW]
    assert LAYOUT.offset(7) == (window.offset_x(7), window.offset_y(7))
    assert (window.first, window.end) == (window.first_index, window.last_index_exclusive)


def test_index_row_col() -> None:
    assert [index_row_col(LAYOUT, i) for i in (0, 2, 3, 10)] == [(0, 0), (0, 2), (1, 0), (3, 1)]
    assert index_row_col(LAYOUT, -4) == (0, 0)
    assert index_row_col(GridLayout(0), 5) == (5, 0)


def test_scroll_to_reveal() -> None:
    assert scroll_to_reveal(LAYOUT, 0, 0, 800) is None
    assert scroll_to_reveal(LAYOUT, 8, 0, 800) is None  # row 2 ends at 782: visible
    assert scroll_to_reveal(LAYOUT, 9, 0, 800) == 3 * ROW + 250 - 800  # row 3 ends at 1048: scroll down
    assert scroll_to_reveal(LAYOUT, 30, 0, 800) == 10 * ROW + 250 - 800
    assert scroll_to_reveal(LAYOUT, 0, 500, 800) == 0  # above: align its top
    assert scroll_to_reveal(LAYOUT, 3, 100, 800) is None
    assert scroll_to_reveal(LAYOUT, 3, 300, 800) == ROW  # partly hidden at the top
    assert scroll_to_reveal(LAYOUT, -1, 10, 800) == 0


def test_scroll_to_reveal_a_tile_taller_than_the_viewport() -> None:
    assert scroll_to_reveal(LAYOUT, 3, 0, 100) == ROW  # its top, not its bottom
    assert scroll_to_reveal(LAYOUT, 3, ROW, 100) is None  # already as visible as it can be


@pytest.mark.parametrize(
    ("index", "key", "expected"),
    [
        (4, "ArrowRight", 5),
        (5, "ArrowRight", 6),  # runs on to the next row
        (9, "ArrowRight", 9),
        (4, "ArrowLeft", 3),
        (3, "ArrowLeft", 2),
        (0, "ArrowLeft", 0),
        (4, "ArrowUp", 1),
        (1, "ArrowUp", 0),
        (4, "ArrowDown", 7),
        (8, "ArrowDown", 9),  # the short last row
        (9, "ArrowDown", 9),
        (5, "Home", 0),
        (5, "End", 9),
        (9, "PageUp", 0),
        (0, "PageDown", 9),
        (4, "Tab", 4),
        (42, "Tab", 9),  # an index past the end (items just deleted) is clamped
        (-3, "ArrowRight", 0),
    ],
)
def test_move_focus(index: int, key: str, expected: int) -> None:
    assert move_focus(index, key, columns=3, count=10) == expected


def test_move_focus_pages_and_edge_cases() -> None:
    assert move_focus(0, "PageDown", 3, 100, page_rows=2) == 6
    assert move_focus(50, "PageUp", 3, 100, page_rows=4) == 38
    assert move_focus(50, "PageUp", 3, 100, page_rows=0) == 47  # at least a row
    assert move_focus(4, "ArrowDown", 0, 10) == 5  # no columns yet: one per row
    assert move_focus(3, "End", 3, 0) == 0 and move_focus(0, "ArrowRight", 3, 1) == 0


def test_tiles_are_prepared_ahead_from_below_the_window_then_from_the_top() -> None:
    assert list(ahead_order(6, 4)) == [4, 5, 0, 1, 2, 3]
    assert list(ahead_order(3, 0)) == [0, 1, 2]


@pytest.mark.parametrize(("count", "start"), [(0, 0), (0, 5), (4, 9), (4, -2), (1, 1)])
def test_every_tile_is_prepared_once_whatever_the_start(count: int, start: int) -> None:
    order = list(ahead_order(count, start))
    assert sorted(order) == list(range(count))


def test_a_tile_already_at_a_wanted_place_stays_there_whatever_the_order() -> None:
    # Free tiles at places a, b, c; the window wants c, x, a: c and a stay, x gets b.
    assert reuse_plan(["a", "b", "c"], ["c", "x", "a"]) == [2, 1, 0]


def test_tiles_not_at_a_wanted_place_fill_the_rest_and_none_is_used_twice() -> None:
    plan = reuse_plan(["a", "b", "c", "d"], ["x", "d", "y"])
    assert plan[1] == 3
    assert plan[0] is not None and plan[2] is not None
    assert len({*plan}) == 3


def test_wanting_more_places_than_there_are_free_tiles_asks_for_new_ones() -> None:
    assert reuse_plan(["a"], ["x", "a", "y"]) == [None, 0, None]
    assert reuse_plan([], ["x"]) == [None]
    assert reuse_plan(["a", "b"], []) == []


def test_two_free_tiles_at_one_place_are_each_used_once() -> None:
    plan = reuse_plan(["a", "a"], ["a", "x"])
    assert sorted(i for i in plan if i is not None) == [0, 1]
