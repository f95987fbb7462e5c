"""An import plan in words: the counts per kind of record, and why anything is merged or skipped.

The preview dialog shows these before anything is written; the toast after the import
repeats the headline.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.core.bundle.plan import NEW, NEW_FILE, Action, ImportPlan, PlanItem
from app.core.i18n import tr
from app.core.storage_report import format_bytes
from app.core.stores import ASSETS, JOBS, PRESETS, SETTINGS

KINDS: tuple[str, ...] = (JOBS, ASSETS, PRESETS, SETTINGS)  # in the order the summary lists them
# Message ids by store: a column label, a counted phrase ("3 renders"), the name of one record.
_LABELS = {JOBS: "bundle.label.jobs", ASSETS: "bundle.label.assets", PRESETS: "bundle.label.presets"}
_COUNTED = {JOBS: "export.renders", ASSETS: "export.files", PRESETS: "bundle.count.presets"}
_ONE = {JOBS: "bundle.one.jobs", ASSETS: "bundle.one.assets", PRESETS: "bundle.one.presets"}
_HEADS: dict[Action, str] = {"add": "bundle.head.add", "merge": "bundle.head.merge", "skip": "bundle.head.skip"}
_LINES: dict[Action, str] = {"add": "bundle.line.add", "merge": "bundle.line.merge", "skip": "bundle.line.skip"}


def _label(store: str) -> str:
    return tr(_LABELS.get(store, "bundle.label.settings"))


def _counted(store: str, count: int) -> str:
    return tr(_COUNTED.get(store, "bundle.count.settings"), count=count)


@dataclass(frozen=True)
class SummaryRow:
    label: str
    added: str
    merged: str
    skipped: str


def _count(plan: ImportPlan, store: str, action: Action) -> str:
    items = [i for i in plan.items if i.store == store and i.action == action]
    if not items:
        return "–"
    size = sum(i.bytes for i in items)
    return f"{len(items)} ({format_bytes(size)})" if store == ASSETS and size else str(len(items))


def summary_rows(plan: ImportPlan) -> list[SummaryRow]:
    """One row per kind of record the bundle holds: how many are added, merged, skipped."""
    present = {i.store for i in plan.items}
    return [
        SummaryRow(_label(store), *(_count(plan, store, a) for a in ("add", "merge", "skip")))
        for store in KINDS
        if store in present
    ]


def headline(plan: ImportPlan) -> str:
    """``Adds 3 renders and 5 files (120.0 MB); merges 1 render; skips 2 renders.``"""
    parts: list[str] = []
    for action in _HEADS:
        phrases: list[str] = []
        for store in KINDS:
            items = [i for i in plan.items if i.store == store and i.action == action]
            if items:
                size = sum(i.bytes for i in items)
                extra = f" ({format_bytes(size)})" if store == ASSETS and size and action != "skip" else ""
                phrases.append(_counted(store, len(items)) + extra)
        if phrases:
            parts.append(tr(_HEADS[action], what=_joined(phrases)))
    if not parts:
        return tr("bundle.nothing")
    text = tr("bundle.headline", parts="; ".join(parts))
    return text[:1].upper() + text[1:]


def _joined(phrases: list[str]) -> str:
    return phrases[0] if len(phrases) == 1 else tr("bundle.and", first=", ".join(phrases[:-1]), last=phrases[-1])


def detail_lines(plan: ImportPlan, titles: Mapping[str, str], *, limit: int = 50) -> tuple[list[str], int]:
    """``(lines, how many more)``: each merged or skipped item and why (added ones need no reason)."""
    notable = [i for i in plan.items if i.action != "add" or i.reason not in (NEW, NEW_FILE)]
    lines = [_line(i, titles) for i in notable[:limit]]
    return lines, max(0, len(notable) - limit)


def _line(item: PlanItem, titles: Mapping[str, str]) -> str:
    one = tr(_ONE.get(item.store, "bundle.one.settings"))
    name = titles.get(item.key) if item.store == JOBS else None
    shown = tr("bundle.quoted", name=name) if name else item.key
    return tr(_LINES[item.action], kind=one, name=shown, reason=item.reason)


def has_changes(plan: ImportPlan) -> bool:
    return bool(plan.writes or plan.blobs)
