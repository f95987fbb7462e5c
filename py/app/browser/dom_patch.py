"""Updating many fields of a few DOM nodes with one call into JS.

Every crossing between Python and JS costs microseconds in Pyodide, and a library tile
has a dozen fields: bound attribute by attribute, a new row of tiles cost several
milliseconds of a scroll frame. A :class:`Patch` names its slots once (node, kind,
name); a :class:`PatchBatch` sends the values of many patches as one JSON string, and a
few lines of JS write those that differ from what the page shows. User text stays text:
``textContent`` and ``setAttribute``, never HTML, and goes through
:func:`~app.core.safe_text.shown` like every string :mod:`app.browser.dom` writes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from pyodide.ffi import to_js

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


def _applier() -> Any:
    """``applyPatches`` of ``static/js/dom-patch.mjs`` (a PyScript ``js_modules`` entry)."""
    from pyscript.js_modules import dom_patch

    return dom_patch.applyPatches


class Patch:
    """A fixed list of slots on some nodes, written together through a :class:`PatchBatch`."""

    def __init__(self, slots: Sequence[tuple[Node, Slot, str]]) -> None:
        self.size = len(slots)
        self.text_slots = tuple(i for i, (_node, kind, _name) in enumerate(slots) if kind in _TEXT_KINDS)
        self.target = js_object(
            {
                "nodes": [node for node, _kind, _name in slots],
                "kinds": [str(kind) for _node, kind, _name in slots],
                "names": [name for _node, _kind, name in slots],
            }
        )


class PatchBatch:
    """Patches written by one call into JS: the values cross as one JSON string (a single
    copy, where converting them one by one cost more than writing them)."""

    def __init__(self) -> None:
        self._targets: list[Any] = []
        self._rows: list[Sequence[Value]] = []

    def add(self, patch: Patch, values: Sequence[Value]) -> None:
        if len(values) != patch.size:
            raise ValueError(f"a patch of {patch.size} slots got {len(values)} values")
        row = list(values)
        for i in patch.text_slots:
            if isinstance(value := row[i], str):
                row[i] = shown(value)
        self._targets.append(patch.target)
        self._rows.append(row)

    def flush(self) -> None:
        """Write everything added since the last flush."""
        if self._targets:
            _applier()(to_js(self._targets), json.dumps(self._rows))
            self._targets, self._rows = [], []
