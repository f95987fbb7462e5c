"""Multi-select: click, Ctrl/Cmd-click, shift ranges, select all, prune, and the selection keys."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from app.core import selection as sel
from app.core.selection import Selection

ORDER = ["a", "b", "c", "d", "e", "f"]


def test_click_selects_only_that_item() -> None:
    s = sel.click(sel.select_all(ORDER), "c")
    assert s.ids == {"c"} and s.anchor == "c"
    assert "c" in s and "a" not in s and len(s) == 1


def test_toggle_adds_and_removes_and_moves_the_anchor() -> None:
    s = sel.toggle(sel.click(sel.clear(), "a"), "c")
    assert s.ids == {"a", "c"} and s.anchor == "c"
    s = sel.toggle(s, "a")
    assert s.ids == {"c"} and s.anchor == "a"
    assert sel.toggle(s, "c").ids == frozenset()


def test_shift_click_selects_a_range_either_way() -> None:
    s = sel.click(sel.clear(), "b")
    assert sel.extend(s, "d", ORDER).ids == {"b", "c", "d"}
    assert sel.extend(sel.click(s, "e"), "b", ORDER).ids == {"b", "c", "d", "e"}
    assert sel.extend(s, "b", ORDER).ids == {"b"}
    assert sel.extend(s, "d", ORDER).anchor == "b"  # the anchor stays where the range started


def test_a_second_shift_click_replaces_the_range() -> None:
    s = sel.extend(sel.click(sel.clear(), "c"), "f", ORDER)
    assert s.ids == {"c", "d", "e", "f"}
    s = sel.extend(s, "a", ORDER)
    assert s.ids == {"a", "b", "c"}  # pivots on the anchor, d-f dropped
    s = sel.extend(s, "d", ORDER)
    assert s.ids == {"c", "d"}


def test_shift_click_keeps_what_was_selected_before_the_anchor() -> None:
    s = sel.toggle(sel.click(sel.clear(), "a"), "d")  # a, then Ctrl-click d
    s = sel.extend(s, "f", ORDER)
    assert s.ids == {"a", "d", "e", "f"}
    s = sel.extend(s, "c", ORDER)  # replaces d-f with c-d, a stays
    assert s.ids == {"a", "c", "d"}
    assert sel.ordered(s, ORDER) == ["a", "c", "d"]


def test_shift_click_from_a_toggled_off_anchor() -> None:
    s = sel.toggle(sel.click(sel.clear(), "b"), "b")  # nothing selected, anchor b
    assert s.ids == frozenset() and s.anchor == "b"
    assert sel.extend(s, "d", ORDER).ids == {"b", "c", "d"}


def test_shift_click_without_a_usable_anchor_is_a_plain_click() -> None:
    assert sel.extend(sel.clear(), "c", ORDER) == sel.click(sel.clear(), "c")
    gone = Selection(frozenset({"x"}), "x")  # the anchor was filtered away
    assert sel.extend(gone, "c", ORDER).ids == {"c"}


def test_shift_click_on_an_unknown_item_changes_nothing() -> None:
    s = sel.click(sel.clear(), "b")
    assert sel.extend(s, "zzz", ORDER) is s


def test_select_all_and_clear() -> None:
    s = sel.select_all(ORDER)
    assert s.ids == set(ORDER) and s.anchor == "a" and len(s) == 6
    assert sel.extend(s, "c", ORDER).ids == {"a", "b", "c"}  # shift-click after select-all narrows, as in Finder
    assert sel.select_all([]) == Selection()
    assert sel.clear() == Selection() and len(sel.clear()) == 0


def test_prune_drops_ids_that_are_gone() -> None:
    s = sel.extend(sel.toggle(sel.click(sel.clear(), "a"), "c"), "e", ORDER)
    pruned = sel.prune(s, ["a", "b", "d"])
    assert pruned.ids == {"a", "d"} and pruned.anchor is None and pruned.base == {"a"}
    kept = sel.prune(s, ORDER)
    assert kept == s
    assert sel.prune(s, []) == Selection()


def test_pruning_nothing_selected_reads_no_ids() -> None:
    class Unread:
        def __iter__(self) -> Iterator[str]:
            raise AssertionError("an empty selection needs no ids")

    empty = sel.clear()
    assert sel.prune(empty, Unread()) is empty
    anchored = sel.toggle(sel.toggle(empty, "a"), "a")  # nothing selected, but an anchor to drop
    assert anchored.ids == frozenset() and sel.prune(anchored, ["b"]) == Selection()


def test_ordered_follows_display_order_not_click_order() -> None:
    s = sel.toggle(sel.toggle(sel.click(sel.clear(), "f"), "a"), "c")
    assert sel.ordered(s, ORDER) == ["a", "c", "f"]
    assert sel.ordered(s, ["c", "b"]) == ["c"]


def test_selections_are_immutable_values() -> None:
    s = sel.click(sel.clear(), "a")
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.anchor = "b"  # type: ignore[misc]
    sel.toggle(s, "b")
    assert s.ids == {"a"}
    assert sel.click(sel.clear(), "a") == s and hash(s) == hash(sel.click(sel.clear(), "a"))


# -- keys ----------------------------------------------------------------------------------------


def test_space_toggles_the_focused_item() -> None:
    s = sel.click(sel.clear(), "a")
    s = sel.keyboard(s, " ", "c", ORDER)
    assert s.ids == {"a", "c"} and s.anchor == "c"
    assert sel.keyboard(s, "Spacebar", "c", ORDER).ids == {"a"}


def test_shift_space_extends_to_the_focused_item() -> None:
    s = sel.click(sel.clear(), "b")
    assert sel.keyboard(s, " ", "e", ORDER, shift=True).ids == {"b", "c", "d", "e"}


@pytest.mark.parametrize("key", ["a", "A"])
def test_ctrl_a_selects_all(key: str) -> None:
    assert sel.keyboard(sel.clear(), key, None, ORDER, ctrl=True).ids == set(ORDER)


def test_escape_clears() -> None:
    s = sel.select_all(ORDER)
    assert sel.keyboard(s, "Escape", "a", ORDER) == Selection()


@pytest.mark.parametrize(
    ("key", "focused", "shift", "ctrl"),
    [
        ("a", "a", False, False),  # plain "a" is typing, not select-all
        (" ", None, False, False),  # nothing focused
        (" ", "zzz", False, False),  # focus on something no longer listed
        ("Enter", "a", False, False),
        ("ArrowDown", "a", True, False),  # Shift+Arrow is the caller's (move focus, then extend)
        ("c", "a", False, True),
    ],
)
def test_other_keys_return_the_same_selection(key: str, focused: str | None, shift: bool, ctrl: bool) -> None:
    s = sel.click(sel.clear(), "b")
    assert sel.keyboard(s, key, focused, ORDER, shift=shift, ctrl=ctrl) is s


def test_escape_with_nothing_selected_is_left_to_others() -> None:
    empty = sel.clear()
    assert sel.keyboard(empty, "Escape", "a", ORDER) is empty  # e.g. to close a drawer
