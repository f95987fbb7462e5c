"""Multi-select over an ordered list, the way file managers do it (immutable values)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Selection:
    ids: frozenset[str] = frozenset()
    anchor: str | None = None  # where a shift-click range starts
    base: frozenset[str] = frozenset()  # what was selected when the anchor was set

    def __contains__(self, item: object) -> bool:
        return item in self.ids

    def __len__(self) -> int:
        return len(self.ids)


def click(_selection: Selection, item: str) -> Selection:
    """A plain click: only this item."""
    return Selection(frozenset({item}), item, frozenset())


def toggle(selection: Selection, item: str) -> Selection:
    """Ctrl/Cmd-click or Space: add or remove one item; it becomes the anchor."""
    ids = selection.ids ^ {item}
    return Selection(frozenset(ids), item, frozenset(ids - {item}))


def extend(selection: Selection, item: str, order: Sequence[str]) -> Selection:
    """Shift-click: the range from the anchor to ``item``, replacing the previous range."""
    if selection.anchor is None or selection.anchor not in order or item not in order:
        return click(selection, item)
    start, end = sorted((order.index(selection.anchor), order.index(item)))
    return Selection(selection.base | frozenset(order[start : end + 1]), selection.anchor, selection.base)


def select_all(order: Sequence[str]) -> Selection:
    return Selection(frozenset(order), order[0] if order else None, frozenset())


def clear() -> Selection:
    return Selection()


def prune(selection: Selection, existing: Iterable[str]) -> Selection:
    """Drop items that are gone (deleted, or filtered out of view)."""
    present = frozenset(existing)
    anchor = selection.anchor if selection.anchor in present else None
    return Selection(selection.ids & present, anchor, selection.base & present)


def ordered(selection: Selection, order: Sequence[str]) -> list[str]:
    """The selected ids in display order (for bulk actions and their counts)."""
    return [item for item in order if item in selection.ids]
