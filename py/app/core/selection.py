"""Multi-select over an ordered list, the way file managers do it (immutable values).

Shift-click selects the range from the anchor (the last plain or Ctrl/Cmd-clicked item)
to the clicked item, on top of what was selected when the anchor was set; a second
shift-click replaces that range rather than adding to it, as Finder and Explorer do.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

SPACE_KEYS = (" ", "Spacebar")  # "Spacebar" is what older engines report


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
    return Selection(ids, item, ids - {item})


def extend(selection: Selection, item: str, order: Sequence[str]) -> Selection:
    """Shift-click: the range from the anchor to ``item``, replacing the previous range.

    Without a usable anchor it is a plain click; an ``item`` not in ``order`` changes nothing.
    """
    if item not in order:
        return selection
    if selection.anchor is None or selection.anchor not in order:
        return click(selection, item)
    start, end = sorted((order.index(selection.anchor), order.index(item)))
    return Selection(selection.base | frozenset(order[start : end + 1]), selection.anchor, selection.base)


def select_all(order: Sequence[str]) -> Selection:
    return Selection(frozenset(order), order[0] if order else None, frozenset())


def clear() -> Selection:
    return Selection()


def prune(selection: Selection, existing: Iterable[str]) -> Selection:
    """Drop items that are gone (deleted, or filtered out of view).

    An empty selection is returned as it is, without reading ``existing`` (a lazy iterable
    of thousands of ids then costs nothing: most queries run with nothing selected).
    """
    if not selection.ids and selection.anchor is None and not selection.base:
        return selection
    present = frozenset(existing)
    anchor = selection.anchor if selection.anchor in present else None
    return Selection(selection.ids & present, anchor, selection.base & present)


def ordered(selection: Selection, order: Sequence[str]) -> list[str]:
    """The selected ids in display order (for bulk actions and their counts)."""
    return [item for item in order if item in selection.ids]


def keyboard(
    selection: Selection,
    key: str,
    focused_id: str | None,
    order: Sequence[str],
    *,
    shift: bool = False,
    ctrl: bool = False,
) -> Selection:
    """Space toggles the focused item (Shift+Space extends to it), Ctrl/Cmd+A selects all, Escape clears.

    Any other key returns ``selection`` itself, so ``result is selection`` tells the caller
    the key was not a selection key (and its default should not be prevented).
    """
    if key in SPACE_KEYS and focused_id is not None and focused_id in order:
        return extend(selection, focused_id, order) if shift else toggle(selection, focused_id)
    if ctrl and key.lower() == "a":
        return select_all(order)
    if key == "Escape" and selection.ids:
        return clear()
    return selection
