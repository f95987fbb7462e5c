"""An import plan in words: the counts per kind of record, and why anything is merged or skipped.

The preview dialog shows these before anything is written; the toast after the import
repeats the headline.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.core.bundle.plan import Action, ImportPlan, PlanItem
from app.core.storage_report import format_bytes
from app.core.stores import ASSETS, JOBS, PRESETS, SETTINGS

KINDS: tuple[tuple[str, str, str], ...] = (  # store, one, many
    (JOBS, "render", "renders"),
    (ASSETS, "file", "files"),
    (PRESETS, "preset", "presets"),
    (SETTINGS, "settings record", "settings records"),
)
_LABELS = {JOBS: "Renders", ASSETS: "Files", PRESETS: "Presets", SETTINGS: "Settings"}
_VERBS: dict[Action, str] = {"add": "added", "merge": "merged", "skip": "skipped"}


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
        SummaryRow(_LABELS[store], *(_count(plan, store, a) for a in ("add", "merge", "skip")))
        for store, _, _ in KINDS
        if store in present
    ]


def _phrase(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def headline(plan: ImportPlan) -> str:
    """``Adds 3 renders and 5 files (120.0 MB); merges 1 render; skips 2 renders.``"""
    parts: list[str] = []
    for action, verb in (("add", "Adds"), ("merge", "merges"), ("skip", "skips")):
        phrases: list[str] = []
        for store, one, many in KINDS:
            items = [i for i in plan.items if i.store == store and i.action == action]
            if items:
                size = sum(i.bytes for i in items)
                extra = f" ({format_bytes(size)})" if store == ASSETS and size and action != "skip" else ""
                phrases.append(_phrase(len(items), one, many) + extra)
        if phrases:
            parts.append(f"{verb if parts or action == 'add' else verb.capitalize()} " + _joined(phrases))
    return ("; ".join(parts) + ".") if parts else "The bundle holds nothing to import."


def _joined(phrases: list[str]) -> str:
    return phrases[0] if len(phrases) == 1 else ", ".join(phrases[:-1]) + " and " + phrases[-1]


def detail_lines(plan: ImportPlan, titles: Mapping[str, str], *, limit: int = 50) -> tuple[list[str], int]:
    """``(lines, how many more)``: each merged or skipped item and why (added ones need no reason)."""
    notable = [i for i in plan.items if i.action != "add" or i.reason not in ("new", "new file")]
    lines = [_line(i, titles) for i in notable[:limit]]
    return lines, max(0, len(notable) - limit)


def _line(item: PlanItem, titles: Mapping[str, str]) -> str:
    one = next((o for s, o, _ in KINDS if s == item.store), item.store)
    name = titles.get(item.key) if item.store == JOBS else None
    shown = f"“{name}”" if name else item.key
    return f"{_VERBS[item.action].capitalize()}: {one} {shown} — {item.reason}"


def has_changes(plan: ImportPlan) -> bool:
    return bool(plan.writes or plan.blobs)
