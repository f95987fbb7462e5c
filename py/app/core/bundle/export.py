"""What an export writes: the records, the files, the manifest and the ZIP's parts.

Two steps, so the browser reads each Blob only once:

1. :func:`select_export` picks the records and the files (everything, or the selected
   jobs with their files only) and lists the files to hash;
2. the browser feeds each Blob to a ``FileDigest``; :func:`build_export` turns the digests
   into the manifest and the parts of ``new Blob(parts)``.

``manifest.json`` is the first entry: a listing shows what the bundle is at once, and a
partial copy still holds its table of contents. Files follow in the order of the asset
records given (stable across exports of the same library).
"""

from __future__ import annotations

import json
import time
import zlib
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import ValidationError

from app.core.bundle.digest import Digest
from app.core.bundle.errors import ExportError
from app.core.bundle.limits import DEFAULT_LIMITS, Limits
from app.core.bundle.manifest import (
    CURRENT_VERSION,
    FILES_FOLDER,
    FORMAT,
    MANIFEST_NAME,
    EncryptedKeys,
    FileEntry,
    Manifest,
    validation_problems,
)
from app.core.bundle.zip_write import ContentRef, ZipEntrySpec, parts_size, plan_zip
from app.core.i18n import tr
from app.core.stores import ASSETS, JOBS

Record = dict[str, Any]
NEVER_EXPORTED = frozenset({"blobs", "keys", "vault", "meta"})  # binary, device-bound or browser handles
FILE_EXTENSIONS = {  # the file types the app stores, and only those are imported
    "video/mp4": "mp4",
    "video/webm": "webm",
    "video/quicktime": "mov",
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/webp": "webp",
    "image/gif": "gif",
}


def file_path(asset_id: str, mime: str) -> str:
    """Where an asset's Blob goes in the bundle: ``files/<asset_id>.<ext>``."""
    return f"{FILES_FOLDER}{asset_id}.{FILE_EXTENSIONS.get(mime.split(';')[0].strip().lower(), 'bin')}"


@dataclass(frozen=True)
class PendingFile:
    """A Blob to hash and include; ``asset_id`` names it in the blobs store."""

    asset_id: str
    path: str
    bytes: int
    mime: str
    mtime: float


@dataclass(frozen=True)
class ExportSelection:
    scope: Literal["everything", "selection"]
    stores: Mapping[str, tuple[Record, ...]]
    files: tuple[PendingFile, ...]  # in bundle order
    missing: tuple[str, ...]  # asset ids the exported jobs refer to that have no stored file


@dataclass(frozen=True)
class BlobPart:
    """Where the Blob of ``asset_id`` goes in the assembled archive."""

    asset_id: str
    offset: int
    size: int


ExportPart = bytes | BlobPart


@dataclass(frozen=True)
class ExportPlan:
    manifest: Manifest
    manifest_bytes: bytes
    entries: tuple[ZipEntrySpec, ...]  # manifest.json first, then the files
    parts: tuple[ExportPart, ...]  # what ``new Blob(parts)`` is made of, in order
    size: int  # of the whole archive, in bytes


def _referenced_assets(job: Record) -> set[str]:
    assets = job.get("assets")
    referenced = {v for v in assets.values() if isinstance(v, str)} if isinstance(assets, dict) else set()
    image = job.get("image_asset_id")
    return referenced | ({image} if isinstance(image, str) else set())


def _pending(asset: Record) -> PendingFile:
    asset_id, size, mime, created_at = (asset.get(k) for k in ("id", "bytes", "mime", "created_at"))
    if not (isinstance(asset_id, str) and isinstance(size, int) and isinstance(mime, str)):
        raise ExportError(f"{ASSETS}/{asset_id}", tr("bchk.export.asset_fields"))
    mtime = float(created_at) if isinstance(created_at, int | float) else 0.0
    return PendingFile(asset_id, file_path(asset_id, mime), size, mime, mtime)


def select_export(
    records: Mapping[str, Sequence[Record]], *, job_ids: Collection[str] | None = None
) -> ExportSelection:
    """The records and files to export: every store given, or only the selected jobs and their files.

    ``records[ASSETS]`` must hold only asset records whose Blob is stored (the browser leaves
    out any whose Blob is gone; the jobs that refer to them are reported in ``missing``).
    """
    forbidden = sorted(NEVER_EXPORTED & set(records))
    if forbidden:
        raise ExportError(tr("bchk.where.store", name=repr(forbidden[0])), tr("bchk.export.never"))
    stores = {name: tuple(items) for name, items in records.items()}
    scope: Literal["everything", "selection"] = "everything"
    if job_ids is not None:
        scope = "selection"
        wanted = set(job_ids)
        jobs = tuple(j for j in stores.get(JOBS, ()) if j.get("id") in wanted)
        unknown = sorted(wanted - {j.get("id") for j in jobs})
        if unknown:
            raise ExportError(f"jobs/{unknown[0]}", tr("bchk.export.no_job"))
        assets = tuple(a for a in stores.get(ASSETS, ()) if a.get("job_id") in wanted)
        stores = {JOBS: jobs, ASSETS: assets}
    files = tuple(_pending(asset) for asset in stores.get(ASSETS, ()))
    available = {f.asset_id for f in files}
    referenced = set().union(*(_referenced_assets(j) for j in stores.get(JOBS, ())))
    return ExportSelection(scope, stores, files, tuple(sorted(referenced - available)))


def _file_entries(selection: ExportSelection, digests: Mapping[str, Digest]) -> list[FileEntry]:
    entries = []
    for file in selection.files:
        digest = digests.get(file.asset_id)
        if digest is None:
            raise ExportError(f"{ASSETS}/{file.asset_id}", tr("bchk.export.not_hashed"))
        if digest.size != file.bytes:
            sizes = {"size": str(digest.size), "listed": str(file.bytes)}
            raise ExportError(f"{ASSETS}/{file.asset_id}", tr("bchk.export.size", **sizes))
        try:
            entries.append(
                FileEntry(
                    path=file.path, asset_id=file.asset_id, bytes=file.bytes, sha256=digest.sha256, mime=file.mime
                )
            )
        except ValidationError as exc:
            raise ExportError(f"{ASSETS}/{file.asset_id}", str(validation_problems(exc, file.path)[0])) from None
    return entries


def build_export(
    selection: ExportSelection,
    digests: Mapping[str, Digest],
    *,
    created_at: float,
    app_version: str,
    keys: EncryptedKeys | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> ExportPlan:
    """The manifest and the archive's parts; ``digests`` are by asset id, from ``FileDigest``."""
    try:
        manifest = Manifest(
            format=FORMAT,
            version=CURRENT_VERSION,
            created_at=created_at,
            app_version=app_version,
            scope=selection.scope,
            stores={name: list(items) for name, items in selection.stores.items()},
            files=_file_entries(selection, digests),
            keys=keys,
        )
    except ValidationError as exc:
        raise ExportError(
            MANIFEST_NAME, "; ".join(p.message for p in validation_problems(exc, MANIFEST_NAME))
        ) from None
    body = manifest.model_dump(mode="json")
    manifest_bytes = json.dumps(body, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")
    if len(manifest_bytes) > limits.max_manifest_bytes:
        raise ExportError(MANIFEST_NAME, tr("bchk.export.manifest_large", size=str(len(manifest_bytes))))
    entries = [ZipEntrySpec(MANIFEST_NAME, len(manifest_bytes), zlib.crc32(manifest_bytes), created_at)]
    entries += [ZipEntrySpec(f.path, f.bytes, digests[f.asset_id].crc32, f.mtime) for f in selection.files]
    if len(entries) > limits.max_entries or sum(e.size for e in entries) > limits.max_total_bytes:
        raise ExportError(tr("bchk.where.bundle"), tr("bchk.export.too_large"))
    parts = plan_zip(entries)
    return ExportPlan(
        manifest, manifest_bytes, tuple(entries), tuple(_resolve(parts, selection, manifest_bytes)), parts_size(parts)
    )


def _resolve(
    parts: Sequence[bytes | ContentRef], selection: ExportSelection, manifest_bytes: bytes
) -> list[ExportPart]:
    """Entry 0 (the manifest) inline, the files as Blob references; adjacent bytes joined."""
    resolved: list[ExportPart] = []
    for part in parts:
        if isinstance(part, ContentRef) and part.index > 0:
            file = selection.files[part.index - 1]
            resolved.append(BlobPart(file.asset_id, part.offset, part.size))
            continue
        data = manifest_bytes if isinstance(part, ContentRef) else part
        if resolved and isinstance(resolved[-1], bytes):
            resolved[-1] += data
        else:
            resolved.append(data)
    return resolved


def bundle_name(now: float, *, utc_offset_s: int = 0, videos: int | None = None) -> str:
    """``sora-renderer-2026-11-18-1430.zip``, or ``sora-renderer-3-videos-….zip`` for a selection."""
    stamp = time.strftime("%Y-%m-%d-%H%M", time.gmtime(now + utc_offset_s))
    what = "" if videos is None else f"{videos}-video{'s' if videos != 1 else ''}-"
    return f"sora-renderer-{what}{stamp}.zip"
