"""The whole bundle checked before anything is written: every problem found, or a Bundle.

The ZIP's entries and the manifest must describe the same files; every record must pass
the app's own validator for its store; asset records and files must pair up one to one.
Only the file contents are left to check, which :mod:`app.core.bundle.file_check` does
while the browser reads each file once.

The core reads a few fields of the app's records to pair them up: ``id`` (every record),
``job_id``, ``bytes`` and ``mime`` (assets). Everything else is the validators' business.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from pydantic import BaseModel, ValidationError

from app.core.bundle.errors import ManifestError, Problem, Refusal, ZipError
from app.core.bundle.inflate import entry_steps
from app.core.bundle.limits import DEFAULT_LIMITS, Limits
from app.core.bundle.manifest import (
    MANIFEST_NAME,
    EncryptedKeys,
    FileEntry,
    Manifest,
    parse_manifest,
    validation_problems,
)
from app.core.bundle.ranges import AsyncRangeRead, RangeRead, Steps, run_async, run_sync
from app.core.bundle.zip_read import ZipEntry, zip_steps
from app.core.i18n import tr
from app.core.stores import ASSETS, JOBS

Record = dict[str, Any]
RecordValidator = Callable[[Record], Record]  # raises ValueError / ValidationError; returns what to store


def model_record(model: type[BaseModel]) -> RecordValidator:
    """A validator that checks a record with ``model`` and returns it as stored JSON."""

    def validate(record: Record) -> Record:
        return model.model_validate(record).model_dump(mode="json")

    return validate


@dataclass(frozen=True)
class BundleFile:
    """A file the manifest lists, with the ZIP entry that holds its bytes."""

    entry: FileEntry
    zip: ZipEntry


@dataclass(frozen=True)
class Bundle:
    """A bundle whose structure, manifest and records are valid (contents still to hash)."""

    manifest: Manifest
    records: Mapping[str, tuple[Record, ...]]  # by store, as the validators returned them
    files: tuple[BundleFile, ...]

    @property
    def keys(self) -> EncryptedKeys | None:
        return self.manifest.keys

    @cached_property
    def _files_by_asset(self) -> dict[str, BundleFile]:
        return {f.entry.asset_id: f for f in self.files}

    def file_of(self, asset_id: str) -> BundleFile | None:
        return self._files_by_asset.get(asset_id)


def _record_where(store: str, record: Any, index: int) -> str:
    key = record.get("id") if isinstance(record, dict) else None
    return f"{store}/{key}" if isinstance(key, str) and key else f"{store}[{index}]"


def _check_records(
    manifest: Manifest, validators: Mapping[str, RecordValidator], problems: list[Problem]
) -> dict[str, tuple[Record, ...]]:
    checked: dict[str, tuple[Record, ...]] = {}
    for store, records in manifest.stores.items():
        validate = validators.get(store)
        if validate is None:
            problems.append(Problem(tr("bchk.where.store", name=repr(store)), tr("bchk.check.unknown_store")))
            continue
        good: list[Record] = []
        seen: set[str] = set()
        for index, record in enumerate(records):
            where = _record_where(store, record, index)
            try:
                value = validate(record)
            except ValidationError as exc:
                problems.extend(validation_problems(exc, where))
                continue
            except (ValueError, TypeError) as exc:
                problems.append(Problem(where, str(exc) or type(exc).__name__))
                continue
            key = value.get("id")
            if not isinstance(key, str) or not key:
                problems.append(Problem(where, tr("bchk.check.no_id")))
            elif key in seen:
                problems.append(Problem(where, tr("bchk.check.same_id")))
            else:
                seen.add(key)
                good.append(value)
        checked[store] = tuple(good)
    return checked


def _check_files(manifest: Manifest, entries: Sequence[ZipEntry], problems: list[Problem]) -> tuple[BundleFile, ...]:
    by_name = {e.name: e for e in entries}
    listed: set[str] = set()
    asset_ids: set[str] = set()
    files: list[BundleFile] = []
    for entry in manifest.files:
        if entry.path in listed or entry.asset_id in asset_ids:
            problems.append(Problem(entry.path, tr("bchk.check.listed_twice")))
            continue
        listed.add(entry.path)
        asset_ids.add(entry.asset_id)
        found = by_name.get(entry.path)
        if found is None:
            problems.append(Problem(entry.path, tr("bchk.check.missing")))
        elif found.uncompressed_size != entry.bytes:
            sizes = {"listed": str(entry.bytes), "size": str(found.uncompressed_size)}
            problems.append(Problem(entry.path, tr("bchk.check.size", **sizes)))
        else:
            files.append(BundleFile(entry, found))
    for extra in entries:
        if extra.name != MANIFEST_NAME and extra.name not in listed and not extra.is_directory:
            problems.append(Problem(extra.name, tr("bchk.check.unlisted")))
    return tuple(files)


def _check_pairs(records: Mapping[str, tuple[Record, ...]], manifest: Manifest, problems: list[Problem]) -> None:
    """Each asset record has exactly its file (same size and type), each file its record.

    A record that failed its validator still counts as present, so one bad record is
    reported once, not again through every record and file that refers to it.
    """
    files = {f.asset_id: f for f in manifest.files}
    jobs = {r.get("id") for r in manifest.stores.get(JOBS, ())}
    listed_assets = {r.get("id") for r in manifest.stores.get(ASSETS, ())}
    assets = {r["id"]: r for r in records.get(ASSETS, ())}
    for asset_id, asset in assets.items():
        where = f"{ASSETS}/{asset_id}"
        file = files.get(asset_id)
        if file is None:
            problems.append(Problem(where, tr("bchk.check.no_file")))
        elif asset.get("bytes") != file.bytes or asset.get("mime") != file.mime:
            said = {"bytes": str(asset.get("bytes")), "mime": str(asset.get("mime"))}
            found = {"path": file.path, "file_bytes": str(file.bytes), "file_mime": file.mime}
            problems.append(Problem(where, tr("bchk.check.pair", **said, **found)))
        if asset.get("job_id") not in jobs:
            problems.append(Problem(where, tr("bchk.check.no_job", job=repr(asset.get("job_id")))))
    for asset_id, file in files.items():
        if asset_id not in listed_assets:
            problems.append(Problem(file.path, tr("bchk.check.no_record")))


def validate_bundle(
    entries: Sequence[ZipEntry],
    manifest_bytes: bytes | None,
    validators: Mapping[str, RecordValidator],
    *,
    limits: Limits = DEFAULT_LIMITS,
) -> Bundle | Refusal:
    """Check everything but the file contents; ``manifest_bytes`` is ``None`` when absent."""
    if manifest_bytes is None:
        return Refusal((Problem(MANIFEST_NAME, tr("bchk.check.no_manifest")),))
    if len(manifest_bytes) > limits.max_manifest_bytes:
        return Refusal((Problem(MANIFEST_NAME, tr("bchk.check.manifest_large", limit=str(limits.max_manifest_bytes))),))
    try:
        manifest = parse_manifest(manifest_bytes)
    except ManifestError as exc:
        return Refusal(exc.problems)
    problems: list[Problem] = []
    records = _check_records(manifest, validators, problems)
    files = _check_files(manifest, entries, problems)
    _check_pairs(records, manifest, problems)
    if problems:
        return Refusal(tuple(problems))
    return Bundle(manifest, records, files)


def open_steps(
    total_size: int, validators: Mapping[str, RecordValidator], limits: Limits = DEFAULT_LIMITS
) -> Steps[Bundle | Refusal]:
    """Read the ZIP's structure and its manifest, then validate (file contents excluded)."""
    try:
        entries = yield from zip_steps(total_size, limits)
        manifest_entry = next((e for e in entries if e.name == MANIFEST_NAME), None)
        manifest_bytes = None
        if manifest_entry is not None:
            manifest_bytes = yield from entry_steps(manifest_entry, limits.max_manifest_bytes)
    except ZipError as exc:
        return Refusal((Problem(exc.where, exc.message),))
    return validate_bundle(entries, manifest_bytes, validators, limits=limits)


def open_bundle(
    total_size: int, read: RangeRead, validators: Mapping[str, RecordValidator], limits: Limits = DEFAULT_LIMITS
) -> Bundle | Refusal:
    """:func:`open_steps` over a synchronous range reader."""
    return run_sync(open_steps(total_size, validators, limits), read)


async def open_bundle_async(
    total_size: int, read: AsyncRangeRead, validators: Mapping[str, RecordValidator], limits: Limits = DEFAULT_LIMITS
) -> Bundle | Refusal:
    """:func:`open_steps` over an asynchronous range reader (a File on the page)."""
    return await run_async(open_steps(total_size, validators, limits), read)
