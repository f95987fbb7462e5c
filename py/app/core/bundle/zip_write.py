"""ZIP structure for a bundle whose file contents stay in the browser as Blob handles.

The browser assembles ``new Blob(parts)``: header bytes from here, contents as opaque
Blob references, so the archive is never in memory. Every entry is STORED (videos do not
compress) with its CRC-32 and size known before its header is written, so no data
descriptors are needed. ZIP64 records appear only where a value does not fit 32 bits
(or there are 65,535+ entries), which is what ``zipfile`` and Info-ZIP do as well.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from app.core.bundle import zip_format as z
from app.core.bundle.limits import DEFAULT_LIMITS
from app.core.bundle.names import name_problem, same_name_key


@dataclass(frozen=True)
class ZipEntrySpec:
    """One file of the archive: its name, and the size and CRC-32 of its bytes."""

    name: str
    size: int
    crc32: int
    mtime: float = 0.0  # seconds since the epoch; written as a DOS time in UTC

    def __post_init__(self) -> None:
        problem = name_problem(self.name, max_bytes=DEFAULT_LIMITS.max_name_bytes)
        if problem:
            raise ValueError(f"entry {self.name!r}: {problem}")
        if self.name.endswith("/"):
            raise ValueError(f"entry {self.name!r}: bundles hold files only, not folder entries")
        if self.size < 0 or not 0 <= self.crc32 <= z.MAX_U32:
            raise ValueError(f"entry {self.name!r}: size must be >= 0 and the CRC-32 an unsigned 32-bit value")

    @cached_property
    def encoded_name(self) -> bytes:
        return self.name.encode("utf-8")

    @cached_property
    def dos_time(self) -> tuple[int, int]:
        return z.dos_time(self.mtime)


@dataclass(frozen=True)
class ContentRef:
    """Where the bytes of entry ``index`` go: the browser puts that entry's Blob here."""

    index: int
    offset: int
    size: int


Part = bytes | ContentRef


def _zip64_extra(values: Sequence[int]) -> bytes:
    if not values:
        return b""
    return z.EXTRA_HEADER.pack(z.ZIP64_EXTRA_ID, 8 * len(values)) + struct.pack(f"<{len(values)}Q", *values)


def _needs_zip64(value: int) -> bool:
    return value >= z.MAX_U32


def local_header(spec: ZipEntrySpec) -> bytes:
    """The local file header that precedes the entry's bytes (ZIP64 sizes when needed)."""
    big = _needs_zip64(spec.size)
    size_field = z.MAX_U32 if big else spec.size
    extra = _zip64_extra((spec.size, spec.size) if big else ())  # a local ZIP64 extra carries both sizes
    name = spec.encoded_name
    mtime, mdate = spec.dos_time
    version = z.VERSION_ZIP64 if big else z.VERSION_DEFAULT
    fixed = z.LOCAL.pack(
        z.LOCAL_SIGNATURE, version, z.FLAG_UTF8, z.STORED, mtime, mdate, spec.crc32, size_field, size_field,
        len(name), len(extra),
    )  # fmt: skip
    return fixed + name + extra


def _central_header(spec: ZipEntrySpec, offset: int) -> bytes:
    big_size, big_offset = _needs_zip64(spec.size), _needs_zip64(offset)
    # The ZIP64 extra lists only the values whose 32-bit fields overflowed, in this order.
    values = [spec.size, spec.size] if big_size else []
    if big_offset:
        values.append(offset)
    extra = _zip64_extra(values)
    size_field = z.MAX_U32 if big_size else spec.size
    name = spec.encoded_name
    mtime, mdate = spec.dos_time
    version = z.VERSION_ZIP64 if values else z.VERSION_DEFAULT
    fixed = z.CENTRAL.pack(
        z.CENTRAL_SIGNATURE, z.MADE_BY_UNIX | z.VERSION_ZIP64, version, z.FLAG_UTF8, z.STORED, mtime, mdate,
        spec.crc32, size_field, size_field, len(name), len(extra), 0, 0, 0, z.UNIX_FILE_ATTRIBUTES,
        z.MAX_U32 if big_offset else offset,
    )  # fmt: skip
    return fixed + name + extra


def central_directory(entries_with_offsets: Sequence[tuple[ZipEntrySpec, int]]) -> bytes:
    """The central directory: one header per entry, each with its local header's offset."""
    return b"".join(_central_header(spec, offset) for spec, offset in entries_with_offsets)


def end_records(entry_count: int, directory_offset: int, directory_size: int) -> bytes:
    """ZIP64 end record and locator (only when needed), then the end-of-central-directory record."""
    big = entry_count >= z.MAX_U16 or _needs_zip64(directory_offset) or _needs_zip64(directory_size)
    records = b""
    if big:
        zip64_end_offset = directory_offset + directory_size
        records = z.ZIP64_END.pack(
            z.ZIP64_END_SIGNATURE, z.ZIP64_END.size - 12, z.MADE_BY_UNIX | z.VERSION_ZIP64, z.VERSION_ZIP64, 0, 0,
            entry_count, entry_count, directory_size, directory_offset,
        ) + z.ZIP64_LOCATOR.pack(z.ZIP64_LOCATOR_SIGNATURE, 0, zip64_end_offset, 1)  # fmt: skip
    count = min(entry_count, z.MAX_U16)
    return records + z.END.pack(
        z.END_SIGNATURE, 0, 0, count, count, min(directory_size, z.MAX_U32), min(directory_offset, z.MAX_U32), 0
    )


def plan_zip(entries: Sequence[ZipEntrySpec]) -> list[Part]:
    """The whole archive as parts in order; adjacent header bytes are joined into one part."""
    seen: dict[str, str] = {}
    for spec in entries:
        key = same_name_key(spec.name)
        if key in seen:
            raise ValueError(f"entry {spec.name!r}: another entry has the same name ({seen[key]!r}, ignoring case)")
        seen[key] = spec.name
    parts: list[Part] = []
    pending = bytearray()
    located: list[tuple[ZipEntrySpec, int]] = []
    offset = 0
    for index, spec in enumerate(entries):
        header = local_header(spec)
        located.append((spec, offset))
        pending += header
        offset += len(header)
        if spec.size:
            parts.append(bytes(pending))
            pending.clear()
            parts.append(ContentRef(index, offset, spec.size))
            offset += spec.size
    directory = central_directory(located)
    pending += directory + end_records(len(entries), offset, len(directory))
    parts.append(bytes(pending))
    return parts


def parts_size(parts: Sequence[Part]) -> int:
    """The archive's total size in bytes."""
    return sum(part.size if isinstance(part, ContentRef) else len(part) for part in parts)
