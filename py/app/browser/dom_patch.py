"""Updating many fields of a few DOM nodes with one call into JS.

Every crossing between Python and JS costs microseconds in Pyodide, and a library tile
has a dozen fields: bound attribute by attribute, a new row of tiles cost several
milliseconds of a scroll frame. A :class:`Patch` names its slots once (node, kind,
name), and its :class:`PatchSet` keeps them in the page under a number; a
:class:`PatchBatch` sends the values of many patches as one JSON string (nothing else
crosses, nothing is converted), and a few lines of JS write those that differ from what
the page shows. Values that never change for a job (its title, its date) can be encoded
once (:func:`encode`) and sent again as they are. User text stays text:
``textContent`` and ``setAttribute``, never HTML, and goes through
:func:`~app.core.safe_text.shown` like every string :mod:`app.browser.dom` writes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from app.browser.dom import Node
from app.browser.ffi import js_object
from app.core.safe_text import shown

Value = str | bool | None


class Slot(StrEnum):
    TEXT = "text"  # node.textContent
    ATTR = "attr"  # node.setAttribute(name, value); None removes it
    PROP = "prop"  # node[name] = value (checked, hidden, ...)
    STYLE = "style"  # node.style[name] = value
    CLASS = "class"  # node.classList.toggle(name, value)


_TEXT_KINDS = frozenset({Slot.TEXT, Slot.ATTR})  # what a reader sees as words (styles and flags are ours)


@dataclass(frozen=True)
class Encoded:
    """Values for slots of these ``kinds``, made safe and encoded as JSON (no brackets)."""

    kinds: tuple[Slot, ...]
    json: str


def encode(kinds: Sequence[Slot], values: Sequence[Value]) -> Encoded:
    """``values`` for slots of ``kinds``: text through :func:`shown`, then JSON, once."""
    if len(values) != len(kinds):
        raise ValueError(f"{len(kinds)} slots got {len(values)} values")
    row = [shown(v) if isinstance(v, str) and kind in _TEXT_KINDS else v for kind, v in zip(kinds, values, strict=True)]
    return Encoded(tuple(kinds), json.dumps(row)[1:-1])


class PatchSet:
    """The patches of one group of nodes (a grid's tiles), kept by the page under numbers."""

    def __init__(self) -> None:
        from pyscript.js_modules import dom_patch  # static/js/dom-patch.mjs (a js_modules entry)

        self.js: Any = dom_patch.patchSet()

    def patch(self, slots: Sequence[tuple[Node, Slot, str]]) -> Patch:
        return Patch(self, slots)


class Patch:
    """A fixed list of slots on some nodes, written together through a :class:`PatchBatch`."""

    def __init__(self, patch_set: PatchSet, slots: Sequence[tuple[Node, Slot, str]]) -> None:
        self.size = len(slots)
        self.kinds = tuple(kind for _node, kind, _name in slots)
        self.checked: tuple[tuple[Slot, ...], ...] = ()  # the kinds of the parts last added, once checked
        target = {
            "nodes": [node for node, _kind, _name in slots],
            "kinds": [str(kind) for kind in self.kinds],
            "names": [name for _node, _kind, name in slots],
        }
        self.number = int(patch_set.js.add(js_object(target)))


class PatchBatch:
    """Patches of one :class:`PatchSet` written by one call into JS, their values as one
    JSON string (a single copy, where converting them one by one cost more than writing them)."""

    def __init__(self, patch_set: PatchSet) -> None:
        self._set = patch_set
        self._rows: list[str] = []

    def add(self, patch: Patch, *parts: Encoded) -> None:
        """The values of all of ``patch``'s slots, in ``parts`` (each encoded once: :func:`encode`)."""
        layout = tuple(part.kinds for part in parts)
        if layout != patch.checked:  # the same kinds objects as last time: compared by identity
            if tuple(kind for kinds in layout for kind in kinds) != patch.kinds:
                raise ValueError(f"a patch of {patch.size} slots got {parts}")
            patch.checked = layout
        self._rows.append("[" + ",".join([str(patch.number), *(part.json for part in parts if part.json)]) + "]")

    def flush(self) -> None:
        """Write everything added since the last flush."""
        if self._rows:
            self._set.js.apply("[" + ",".join(self._rows) + "]")
            self._rows = []
