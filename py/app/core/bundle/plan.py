"""What importing a validated bundle will do, shown before anything is written.

Rules, by store:

- ``jobs``: a new id is added; the same id is merged when the bundle's ``updated_at`` is
  newer (its record replaces the local one), skipped when equal (identical) or older.
- ``assets`` (and their Blobs): added with their job when the job is added or merged, and
  when the job is identical (the file repairs a lost one); skipped when an asset with
  that id is already stored (the local file is kept) or the local job is newer.
- ``presets``: the same id is skipped; the same name under another id is added renamed.
- ``settings``: replace the local record only when the user chose so.
- any other store: added when its key is new, else skipped.

Nothing is ever deleted. The writes are meant for one all-or-nothing transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass, field
from typing import Any, Literal

from app.core.bundle.manifest import EncryptedKeys
from app.core.bundle.names import same_name_key
from app.core.bundle.validate import Bundle, BundleFile, Record
from app.core.i18n import tr
from app.core.stores import ASSETS, JOBS, PRESETS, SETTINGS

SENSITIVE_SETTINGS = ("providers", "provider_id", "demo_mode")  # where the API keys would be sent

Action = Literal["add", "merge", "skip"]
# The reasons of plain additions are codes, never shown (the summary lists only the other items);
# every other reason is written in the active language when the plan is made.
NEW = "new"
NEW_FILE = "new file"


@dataclass(frozen=True)
class LocalState:
    """What is already stored, as far as the plan needs to know."""

    job_updated_at: Mapping[str, float] = field(default_factory=dict)
    asset_ids: Set[str] = frozenset()
    preset_ids: Set[str] = frozenset()
    preset_names: Set[str] = frozenset()
    settings: Mapping[str, Any] | None = None
    other_keys: Mapping[str, Set[str]] = field(default_factory=dict)  # by store, for stores not named above


@dataclass(frozen=True)
class PlanItem:
    store: str
    key: str
    action: Action
    reason: str
    bytes: int = 0  # of the file that comes with it (assets)


@dataclass(frozen=True)
class Write:
    """Put ``record`` into ``store`` (its key is ``record["id"]``)."""

    store: str
    key: str
    record: Record


@dataclass(frozen=True)
class BlobWrite:
    """Put the bytes of ``file`` into the blobs store under ``asset_id``."""

    asset_id: str
    file: BundleFile


@dataclass(frozen=True)
class Tally:
    records: int  # other than assets
    files: int
    bytes: int


@dataclass(frozen=True)
class ImportPlan:
    items: tuple[PlanItem, ...]
    writes: tuple[Write, ...]
    blobs: tuple[BlobWrite, ...]
    warnings: tuple[str, ...]
    keys: EncryptedKeys | None  # offered separately: decrypting needs the bundle's passphrase

    def tally(self, action: Action, store: str | None = None) -> Tally:
        """How many records (assets apart), files and file bytes get ``action``."""
        chosen = [i for i in self.items if i.action == action and store in (None, i.store)]
        files = sum(1 for i in chosen if i.store == ASSETS)
        return Tally(len(chosen) - files, files, sum(i.bytes for i in chosen))


class _Planner:
    def __init__(self, bundle: Bundle, local: LocalState) -> None:
        self.bundle = bundle
        self.local = local
        self.items: list[PlanItem] = []
        self.writes: list[Write] = []
        self.blobs: list[BlobWrite] = []
        self.warnings: list[str] = []

    def decide(self, store: str, record: Record, action: Action, reason: str, size: int = 0) -> None:
        self.items.append(PlanItem(store, record["id"], action, reason, size))
        if action != "skip":
            self.writes.append(Write(store, record["id"], record))

    def jobs(self) -> set[str]:
        """Plan the jobs; returns the ids whose local version is newer (their files stay out)."""
        newer_here: set[str] = set()
        for job in self.bundle.records.get(JOBS, ()):
            local = self.local.job_updated_at.get(job["id"])
            theirs = _updated_at(job)
            if local is None:
                self.decide(JOBS, job, "add", NEW)
            elif theirs > local:
                self.decide(JOBS, job, "merge", tr("bchk.plan.newer"))
            elif theirs == local:
                self.decide(JOBS, job, "skip", tr("bchk.plan.identical"))
            else:
                self.decide(JOBS, job, "skip", tr("bchk.plan.yours_newer"))
                newer_here.add(job["id"])
        return newer_here

    def assets(self, newer_here: Set[str]) -> None:
        for asset in self.bundle.records.get(ASSETS, ()):
            file = self.bundle.file_of(asset["id"])
            size = file.entry.bytes if file else 0
            if asset["id"] in self.local.asset_ids:
                self.items.append(PlanItem(ASSETS, asset["id"], "skip", tr("bchk.plan.file_stored"), size))
            elif asset.get("job_id") in newer_here:
                self.items.append(PlanItem(ASSETS, asset["id"], "skip", tr("bchk.plan.job_newer"), size))
            else:
                self.decide(ASSETS, asset, "add", NEW_FILE, size)
                if file is not None:
                    self.blobs.append(BlobWrite(asset["id"], file))

    def presets(self) -> None:
        taken = {same_name_key(n) for n in self.local.preset_names}
        for preset in self.bundle.records.get(PRESETS, ()):
            name = preset.get("name")
            if preset["id"] in self.local.preset_ids:
                self.decide(PRESETS, preset, "skip", tr("bchk.plan.stored"))
                continue
            if isinstance(name, str) and same_name_key(name) in taken:
                renamed = _free_name(name, taken)
                preset = {**preset, "name": renamed}
                self.decide(PRESETS, preset, "add", tr("bchk.plan.renamed", new=repr(renamed), old=repr(name)))
            else:
                self.decide(PRESETS, preset, "add", NEW)
            if isinstance(preset.get("name"), str):
                taken.add(same_name_key(preset["name"]))

    def settings(self, replace: bool) -> None:
        for record in self.bundle.records.get(SETTINGS, ()):
            mine = self.local.settings
            if not replace:
                self.decide(SETTINGS, record, "skip", tr("bchk.plan.settings_kept"))
            elif mine is None:
                self.decide(SETTINGS, record, "add", tr("bchk.plan.no_settings"))
            elif dict(mine) == record:
                self.decide(SETTINGS, record, "skip", tr("bchk.plan.identical"))
            else:
                changed = sorted(k for k in set(mine) | set(record) if mine.get(k) != record.get(k))
                self.decide(SETTINGS, record, "merge", tr("bchk.plan.settings_changes", fields=", ".join(changed)))
            if replace and (mine is None or any(mine.get(k) != record.get(k) for k in SENSITIVE_SETTINGS)):
                demo = tr("bchk.plan.demo_on" if record.get("demo_mode") else "bchk.plan.demo_off")
                where = {"addresses": _addresses(record), "provider": str(record.get("provider_id"))}
                self.warnings.append(tr("bchk.plan.settings_warning", demo=demo, **where))

    def others(self) -> None:
        for store, records in self.bundle.records.items():
            if store in (JOBS, ASSETS, PRESETS, SETTINGS):
                continue
            known = self.local.other_keys.get(store, frozenset())
            for record in records:
                if record["id"] in known:
                    self.decide(store, record, "skip", tr("bchk.plan.stored"))
                else:
                    self.decide(store, record, "add", NEW)


def _updated_at(record: Record) -> float:
    value = record.get("updated_at")
    return float(value) if isinstance(value, int | float) else 0.0


def _free_name(name: str, taken: Set[str]) -> str:
    candidate, number = tr("bchk.plan.imported", name=name), 2
    while same_name_key(candidate) in taken:
        candidate, number = tr("bchk.plan.imported_n", name=name, number=str(number)), number + 1
    return candidate


def plan_import(bundle: Bundle, local: LocalState, *, replace_settings: bool = False) -> ImportPlan:
    """What the import adds, merges and skips, and the writes that do it."""
    planner = _Planner(bundle, local)
    planner.settings(replace_settings)
    planner.presets()
    planner.assets(planner.jobs())
    planner.others()
    if bundle.keys is not None:
        planner.warnings.append(tr("bchk.plan.keys"))
    return ImportPlan(
        tuple(planner.items), tuple(planner.writes), tuple(planner.blobs), tuple(planner.warnings), bundle.keys
    )


def _addresses(record: Record) -> str:
    """The base URLs a settings record names, per provider ("each provider's own" when none)."""
    providers = record.get("providers")
    found = [
        f"{name}: {entry['base_url']!r}"
        for name, entry in sorted(providers.items() if isinstance(providers, dict) else ())
        if isinstance(entry, dict) and entry.get("base_url")
    ]
    return ", ".join(found) if found else tr("bchk.plan.own_address")
