"""Helpers for the bundle tests: sample records, assembled archives, hand-crafted ZIPs.

``craft`` writes ZIPs with ``struct`` directly, independent of the writer under test, so
hostile archives (wrong sizes, odd flags, lying headers) can be built field by field.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.core.bundle.digest import Digest, digest_of
from app.core.bundle.export import ExportPlan, build_export, select_export
from app.core.bundle.ranges import RangeRead
from app.core.bundle.validate import Record, RecordValidator, model_record
from app.core.bundle.zip_write import ContentRef, Part, ZipEntrySpec, plan_zip
from app.core.job_record import AssetRecord, JobRecord
from app.core.settings import Settings
from app.core.stores import ASSETS, JOBS, PRESETS, SETTINGS

NOW = 1_767_225_600.0  # 2026-01-01 00:00:00 UTC


def job(job_id: str, *, updated_at: float = NOW, assets: Mapping[str, str] | None = None) -> Record:
    record = JobRecord(
        id=job_id,
        provider_id="openai-videos",
        endpoint="https://api.openai.com/v1",
        model="sora-2",
        size="1280x720",
        seconds=4,
        prompt=f"a calm sea at dawn ({job_id})",
        created_at=NOW - 100,
        updated_at=updated_at,
        assets=dict(assets or {}),
    )
    return record.model_dump(mode="json")


def asset(asset_id: str, job_id: str, data: bytes, *, mime: str = "video/mp4", kind: str = "video") -> Record:
    return AssetRecord.model_validate(
        {"id": asset_id, "job_id": job_id, "kind": kind, "mime": mime, "bytes": len(data), "created_at": NOW}
    ).model_dump(mode="json")


def preset(preset_id: str, name: str) -> Record:
    return {"id": preset_id, "name": name, "prompt": "in the style of a watercolour"}


def _preset(record: Record) -> Record:
    if set(record) != {"id", "name", "prompt"} or not all(isinstance(v, str) for v in record.values()):
        raise ValueError("a preset has exactly a string id, name and prompt")
    return dict(record)


VALIDATORS: dict[str, RecordValidator] = {
    SETTINGS: model_record(Settings),
    JOBS: model_record(JobRecord),
    ASSETS: model_record(AssetRecord),
    PRESETS: _preset,
}


@dataclass
class Library:
    """A small stored library: records by store and the Blob bytes by asset id."""

    records: dict[str, list[Record]] = field(default_factory=dict)
    blobs: dict[str, bytes] = field(default_factory=dict)


def library() -> Library:
    """Two jobs (one with a video and a thumbnail, one with a video), settings and a preset."""
    video_a, thumb_a, video_b = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 40, b"RIFF-webp" * 30, b"mp4b" * 500
    return Library(
        records={
            SETTINGS: [Settings(theme="light", welcome_done=True).model_dump(mode="json")],
            JOBS: [job("job-a", assets={"video": "va", "thumbnail": "ta"}), job("job-b", assets={"video": "vb"})],
            ASSETS: [
                asset("va", "job-a", video_a),
                asset("ta", "job-a", thumb_a, mime="image/webp", kind="thumbnail"),
                asset("vb", "job-b", video_b),
            ],
            PRESETS: [preset("p1", "Watercolour")],
        },
        blobs={"va": video_a, "ta": thumb_a, "vb": video_b},
    )


def export_plan(lib: Library, *, job_ids: Sequence[str] | None = None, **options: Any) -> ExportPlan:
    selection = select_export(lib.records, job_ids=job_ids)
    digests: dict[str, Digest] = {f.asset_id: digest_of(lib.blobs[f.asset_id]) for f in selection.files}
    return build_export(selection, digests, created_at=NOW, app_version="0.1.0", **options)


def assemble_export(plan: ExportPlan, blobs: Mapping[str, bytes]) -> bytes:
    """What ``new Blob(plan.parts)`` would hold."""
    return b"".join(part if isinstance(part, bytes) else blobs[part.asset_id] for part in plan.parts)


def bundle_bytes(lib: Library | None = None, **options: Any) -> bytes:
    lib = lib or library()
    return assemble_export(export_plan(lib, **options), lib.blobs)


def assemble(parts: Sequence[Part], contents: Sequence[bytes]) -> bytes:
    return b"".join(contents[p.index] if isinstance(p, ContentRef) else p for p in parts)


def stored_zip(files: Sequence[tuple[str, bytes]]) -> bytes:
    """A ZIP made by the writer under test."""
    specs = [ZipEntrySpec(name, len(data), zlib.crc32(data), NOW) for name, data in files]
    return assemble(plan_zip(specs), [data for _, data in files])


def reader(data: bytes) -> RangeRead:
    def read(offset: int, length: int) -> bytes:
        return data[offset : offset + length]

    return read


@dataclass
class RawEntry:
    """Every field of one hand-crafted entry; ``local_*`` override its local header only."""

    name: bytes
    data: bytes  # as stored (compressed when method is 8)
    method: int = 0
    flags: int = 0x0800
    crc32: int | None = None  # default: CRC of ``plain``
    usize: int | None = None  # default: len(plain)
    csize: int | None = None  # default: len(data)
    plain: bytes | None = None  # the uncompressed bytes (default: ``data``)
    local_name: bytes | None = None
    local_method: int | None = None
    local_flags: int | None = None
    local_crc32: int | None = None
    local_csize: int | None = None
    header_offset: int | None = None  # where the central directory says the local header is
    write_local: bool = True  # False: only a central header (its local header lies elsewhere)


def deflated(name: str, plain: bytes, **fields: Any) -> RawEntry:
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    return RawEntry(name.encode(), packer.compress(plain) + packer.flush(), method=8, plain=plain, **fields)


def local_record(e: RawEntry, crc: int, csize: int, usize: int) -> bytes:
    """The entry's local header followed by its data."""
    name = e.name if e.local_name is None else e.local_name
    flags = e.flags if e.local_flags is None else e.local_flags
    method = e.method if e.local_method is None else e.local_method
    crc = crc if e.local_crc32 is None else e.local_crc32
    csize = csize if e.local_csize is None else e.local_csize
    header = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, method, 0, 0x21, crc, csize, usize, len(name), 0)
    return header + name + e.data


def craft(entries: Sequence[RawEntry], *, count: int | None = None, comment: bytes = b"") -> bytes:
    """A ZIP written field by field (no ZIP64), faithful to what each RawEntry says."""
    out = io.BytesIO()
    central = b""
    for e in entries:
        plain = e.data if e.plain is None else e.plain
        crc = zlib.crc32(plain) if e.crc32 is None else e.crc32
        usize = len(plain) if e.usize is None else e.usize
        csize = len(e.data) if e.csize is None else e.csize
        offset = out.tell()
        if e.write_local:
            out.write(local_record(e, crc, csize, usize))
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, e.flags, e.method, 0, 0x21, crc, csize, usize,
            len(e.name), 0, 0, 0, 0, 0, offset if e.header_offset is None else e.header_offset,
        ) + e.name  # fmt: skip
    start = out.tell()
    n = len(entries) if count is None else count
    out.write(central + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, n, n, len(central), start, len(comment)) + comment)
    return out.getvalue()
