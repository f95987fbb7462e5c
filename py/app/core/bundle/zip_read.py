"""Parse a ZIP through byte-range reads and refuse anything damaged or hostile.

The browser can slice a multi-GB File without reading it, so the parser asks only for
the end records, the central directory and each local header, never for file contents.
Every entry is checked before any of it is used: a name that is safe to write, no
encryption, STORED or DEFLATE only, local header agreeing with the central directory,
data inside the archive and not overlapping another entry, and the :class:`Limits`
(count, sizes, compression ratio) that stop zip bombs. The first fault raises a
:class:`ZipError` naming the entry and what is wrong.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from app.core.bundle import zip_format as z
from app.core.bundle.errors import ZipError, ZipFault, corrupt
from app.core.bundle.limits import DEFAULT_LIMITS, Limits
from app.core.bundle.names import name_problem, same_name_key
from app.core.bundle.ranges import AsyncRangeRead, RangeRead, ReadRequest, Steps, run_async, run_sync
from app.core.bundle.zip_end import find_directory

_METHOD_NAMES = {1: "Shrink", 6: "Implode", 9: "Deflate64", 12: "bzip2", 14: "LZMA", 93: "Zstandard", 98: "PPMd"}


@dataclass(frozen=True)
class ZipEntry:
    """One checked entry; its (possibly compressed) bytes are ``[data_offset, data_end)``."""

    name: str
    method: int
    flags: int
    crc32: int
    compressed_size: int
    uncompressed_size: int
    header_offset: int
    data_offset: int

    @property
    def data_end(self) -> int:
        return self.data_offset + self.compressed_size

    @property
    def is_directory(self) -> bool:
        return self.name.endswith("/")


@dataclass(frozen=True)
class _Central:
    name: str
    raw_name: bytes
    extra_size: int
    flags: int
    method: int
    crc32: int
    compressed_size: int
    uncompressed_size: int
    header_offset: int


def read_zip(total_size: int, read: RangeRead, limits: Limits = DEFAULT_LIMITS) -> tuple[ZipEntry, ...]:
    """Every entry of the ZIP, checked; ``read(offset, length)`` returns those bytes."""
    return run_sync(zip_steps(total_size, limits), read)


async def read_zip_async(
    total_size: int, read: AsyncRangeRead, limits: Limits = DEFAULT_LIMITS
) -> tuple[ZipEntry, ...]:
    """:func:`read_zip` over an asynchronous range reader (a File on the page)."""
    return await run_async(zip_steps(total_size, limits), read)


def zip_steps(total_size: int, limits: Limits = DEFAULT_LIMITS) -> Steps[tuple[ZipEntry, ...]]:
    """The parser as read steps (see :mod:`app.core.bundle.ranges`)."""
    directory = yield from find_directory(total_size, limits)
    data = yield ReadRequest(directory.offset, directory.size)
    centrals = _parse_directory(data, directory.count, limits)
    located: dict[int, ZipEntry] = {}
    for index in sorted(range(len(centrals)), key=lambda i: centrals[i].header_offset):
        located[index] = yield from _check_local(centrals[index], directory.offset)
    entries = tuple(located[i] for i in range(len(centrals)))
    _check_layout(entries)
    _check_totals(entries, limits)
    return entries


def _zip64_values(extra: bytes, wanted: int, entry: str) -> list[int]:
    """The first ``wanted`` 64-bit values of the ZIP64 extra field."""
    position = 0
    while position + z.EXTRA_HEADER.size <= len(extra):
        kind, size = z.EXTRA_HEADER.unpack_from(extra, position)
        body = extra[position + z.EXTRA_HEADER.size : position + z.EXTRA_HEADER.size + size]
        if len(body) != size:
            raise corrupt("an extra field runs past its header", entry)
        if kind == z.ZIP64_EXTRA_ID:
            if size < 8 * wanted:
                raise corrupt("its ZIP64 extra field is too short", entry)
            return list(struct.unpack_from(f"<{wanted}Q", body))
        position += z.EXTRA_HEADER.size + size
    raise corrupt("its sizes are marked as ZIP64 but it has no ZIP64 extra field", entry)


def _decode_name(raw: bytes, flags: int, index: int) -> str:
    if not flags & z.FLAG_UTF8:
        return raw.decode("cp437")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ZipError(ZipFault.UNSAFE_NAME, f"the name of entry #{index + 1} is not valid UTF-8") from None


def _parse_directory(data: bytes, count: int, limits: Limits) -> list[_Central]:
    centrals: list[_Central] = []
    names: dict[str, str] = {}
    position = 0
    for index in range(count):
        if position + z.CENTRAL.size > len(data):
            raise corrupt(f"entry #{index + 1} runs past the end of the central directory")
        fields = z.CENTRAL.unpack_from(data, position)
        signature, _, _, flags, method, _, _, crc, csize, usize, name_size, extra_size, comment_size = fields[:13]
        disk, header_offset = fields[13], fields[16]
        if signature != z.CENTRAL_SIGNATURE:
            raise corrupt(f"no central directory header where entry #{index + 1} should start")
        start = position + z.CENTRAL.size
        position = start + name_size + extra_size + comment_size
        if position > len(data):
            raise corrupt(f"entry #{index + 1} runs past the end of the central directory")
        raw_name = data[start : start + name_size]
        name = _decode_name(raw_name, flags, index)
        problem = name_problem(name, max_bytes=limits.max_name_bytes)
        if problem:
            raise ZipError(ZipFault.UNSAFE_NAME, problem, entry=name)
        extra = data[start + name_size : start + name_size + extra_size]
        wide = (usize == z.MAX_U32, csize == z.MAX_U32, header_offset == z.MAX_U32)
        if any(wide):  # the ZIP64 extra holds exactly the overflowed values, in this order
            values = iter(_zip64_values(extra, sum(wide), name))
            usize = next(values) if wide[0] else usize
            csize = next(values) if wide[1] else csize
            header_offset = next(values) if wide[2] else header_offset
        if disk != 0:
            raise ZipError(ZipFault.SPANNED, "it starts on another disk of a multi-disk ZIP", entry=name)
        key = same_name_key(name)
        if key in names:
            raise ZipError(
                ZipFault.DUPLICATE_NAME, f"the name is used twice (ignoring case): also {names[key]!r}", entry=name
            )
        names[key] = name
        central = _Central(name, raw_name, extra_size, flags, method, crc, csize, usize, header_offset)
        _check_entry(central, limits)
        centrals.append(central)
    if position != len(data):
        raise corrupt(f"the central directory has {len(data) - position} bytes after its last entry")
    return centrals


def _check_entry(entry: _Central, limits: Limits) -> None:
    name = entry.name
    if entry.flags & (z.FLAG_ENCRYPTED | z.FLAG_STRONG_ENCRYPTION):
        raise ZipError(ZipFault.ENCRYPTED, "the entry is encrypted; bundle entries never are", entry=name)
    if entry.method not in (z.STORED, z.DEFLATED):
        known = _METHOD_NAMES.get(entry.method, "unknown")
        raise ZipError(
            ZipFault.METHOD,
            f"compression method {entry.method} ({known}) is not supported; only STORED and DEFLATE are read",
            entry=name,
        )
    if entry.method == z.STORED and entry.compressed_size != entry.uncompressed_size:
        raise corrupt(
            f"a STORED entry declares {entry.compressed_size} stored bytes but {entry.uncompressed_size} "
            "uncompressed bytes",
            name,
        )
    if entry.name.endswith("/") and entry.uncompressed_size:
        raise corrupt("a folder entry holds data", name)
    if entry.uncompressed_size > limits.max_entry_bytes:
        raise ZipError(
            ZipFault.ENTRY_TOO_LARGE,
            f"the entry is {entry.uncompressed_size} bytes; at most {limits.max_entry_bytes} are allowed per file",
            entry=name,
        )
    ratio = entry.uncompressed_size / max(entry.compressed_size, 1)
    if entry.uncompressed_size > limits.ratio_floor_bytes and ratio > limits.max_entry_ratio:
        raise ZipError(
            ZipFault.RATIO,
            f"{entry.compressed_size} bytes would inflate to {entry.uncompressed_size} ({ratio:.0f}×; at most "
            f"{limits.max_entry_ratio:.0f}× is allowed): a likely zip bomb",
            entry=name,
        )


def _local_sizes(local: tuple[int, ...], extra: bytes, name: str) -> tuple[int, int]:
    """The (compressed, uncompressed) sizes a local header declares, ZIP64 included."""
    csize, usize = local[7], local[8]
    if z.MAX_U32 in (csize, usize):
        wide_usize, wide_csize = _zip64_values(extra, 2, name)
        csize = wide_csize if csize == z.MAX_U32 else csize
        usize = wide_usize if usize == z.MAX_U32 else usize
    return csize, usize


def _mismatch(name: str, what: str, local: object, central: object) -> ZipError:
    return ZipError(
        ZipFault.HEADER_MISMATCH,
        f"its local header says {what} {local}, the central directory says {central}",
        entry=name,
    )


def _check_local(entry: _Central, data_area_end: int) -> Steps[ZipEntry]:
    """Read and compare the entry's local header; returns the entry with its data offset."""
    name, start = entry.name, entry.header_offset
    if start + z.LOCAL.size > data_area_end:
        raise ZipError(
            ZipFault.DATA_OUTSIDE,
            f"its local header (offset {start}) lies outside the data area, which ends at {data_area_end}",
            entry=name,
        )
    guess = min(z.LOCAL.size + len(entry.raw_name) + entry.extra_size, data_area_end - start)
    head = yield ReadRequest(start, guess)
    local = z.LOCAL.unpack_from(head)
    if local[0] != z.LOCAL_SIGNATURE:
        raise ZipError(ZipFault.HEADER_MISMATCH, f"there is no local header at offset {start}", entry=name)
    header_size = z.LOCAL.size + local[9] + local[10]
    if start + header_size > data_area_end:
        raise ZipError(ZipFault.DATA_OUTSIDE, "its local header runs past the data area", entry=name)
    if header_size > len(head):
        head += yield ReadRequest(start + len(head), header_size - len(head))
    raw_name = head[z.LOCAL.size : z.LOCAL.size + local[9]]
    if raw_name != entry.raw_name:
        shown = raw_name.decode("utf-8", "replace")
        raise ZipError(ZipFault.HEADER_MISMATCH, f"its local header names it {shown!r}", entry=name)
    flags, method = local[2], local[3]
    if flags & (z.FLAG_ENCRYPTED | z.FLAG_STRONG_ENCRYPTION):
        raise ZipError(ZipFault.ENCRYPTED, "its local header marks it encrypted", entry=name)
    if method != entry.method:
        raise _mismatch(name, "compression method", method, entry.method)
    if not flags & z.FLAG_DATA_DESCRIPTOR:  # else CRC and sizes follow the data and may be zero here
        csize, usize = _local_sizes(local, head[z.LOCAL.size + local[9] : header_size], name)
        if local[6] != entry.crc32:
            raise _mismatch(name, "CRC-32", f"{local[6]:08x}", f"{entry.crc32:08x}")
        if (csize, usize) != (entry.compressed_size, entry.uncompressed_size):
            raise _mismatch(name, "sizes", f"{csize}/{usize}", f"{entry.compressed_size}/{entry.uncompressed_size}")
    data_offset = start + header_size
    if data_offset + entry.compressed_size > data_area_end:
        raise ZipError(
            ZipFault.DATA_OUTSIDE,
            f"its data ({entry.compressed_size} bytes at offset {data_offset}) runs past the data area, "
            f"which ends at {data_area_end}",
            entry=name,
        )
    return ZipEntry(
        name, method, entry.flags, entry.crc32, entry.compressed_size, entry.uncompressed_size, start, data_offset
    )


def _check_layout(entries: Sequence[ZipEntry]) -> None:
    """No two entries may share bytes (the overlapping-entries zip bomb)."""
    ordered = sorted(entries, key=lambda e: e.header_offset)
    for before, after in pairwise(ordered):
        if after.header_offset < before.data_end:
            raise ZipError(
                ZipFault.OVERLAP,
                f"it starts at offset {after.header_offset}, inside entry {before.name!r} "
                f"({before.header_offset}–{before.data_end})",
                entry=after.name,
            )


def _check_totals(entries: Sequence[ZipEntry], limits: Limits) -> None:
    total = sum(e.uncompressed_size for e in entries)
    stored = sum(e.compressed_size for e in entries)
    if total > limits.max_total_bytes:
        raise ZipError(
            ZipFault.TOTAL_TOO_LARGE,
            f"the entries add up to {total} bytes; at most {limits.max_total_bytes} are allowed",
        )
    ratio = total / max(stored, 1)
    if total > limits.ratio_floor_bytes and ratio > limits.max_total_ratio:
        raise ZipError(
            ZipFault.RATIO,
            f"{stored} bytes would inflate to {total} ({ratio:.0f}×; at most {limits.max_total_ratio:.0f}× is "
            "allowed overall): a likely zip bomb",
        )
