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
from app.core.i18n import tr


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
            raise corrupt(tr("bchk.zip.extra_past"), entry)
        if kind == z.ZIP64_EXTRA_ID:
            if size < 8 * wanted:
                raise corrupt(tr("bchk.zip.zip64_short"), entry)
            return list(struct.unpack_from(f"<{wanted}Q", body))
        position += z.EXTRA_HEADER.size + size
    raise corrupt(tr("bchk.zip.zip64_absent"), entry)


def _decode_name(raw: bytes, flags: int, index: int) -> str:
    if not flags & z.FLAG_UTF8:
        return raw.decode("cp437")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ZipError(ZipFault.UNSAFE_NAME, tr("bchk.zip.name_utf8", number=str(index + 1))) from None


def _parse_directory(data: bytes, count: int, limits: Limits) -> list[_Central]:
    centrals: list[_Central] = []
    names: dict[str, str] = {}
    position = 0
    for index in range(count):
        if position + z.CENTRAL.size > len(data):
            raise corrupt(tr("bchk.zip.entry_past", number=str(index + 1)))
        fields = z.CENTRAL.unpack_from(data, position)
        signature, _, _, flags, method, _, _, crc, csize, usize, name_size, extra_size, comment_size = fields[:13]
        disk, header_offset = fields[13], fields[16]
        if signature != z.CENTRAL_SIGNATURE:
            raise corrupt(tr("bchk.zip.no_header", number=str(index + 1)))
        start = position + z.CENTRAL.size
        position = start + name_size + extra_size + comment_size
        if position > len(data):
            raise corrupt(tr("bchk.zip.entry_past", number=str(index + 1)))
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
            raise ZipError(ZipFault.SPANNED, tr("bchk.zip.other_disk"), entry=name)
        key = same_name_key(name)
        if key in names:
            raise ZipError(ZipFault.DUPLICATE_NAME, tr("bchk.zip.duplicate", other=repr(names[key])), entry=name)
        names[key] = name
        central = _Central(name, raw_name, extra_size, flags, method, crc, csize, usize, header_offset)
        _check_entry(central, limits)
        centrals.append(central)
    if position != len(data):
        raise corrupt(tr("bchk.zip.trailing", size=str(len(data) - position)))
    return centrals


def _check_entry(entry: _Central, limits: Limits) -> None:
    name = entry.name
    if entry.flags & (z.FLAG_ENCRYPTED | z.FLAG_STRONG_ENCRYPTION):
        raise ZipError(ZipFault.ENCRYPTED, tr("bchk.zip.encrypted"), entry=name)
    if entry.method not in (z.STORED, z.DEFLATED):
        known = z.METHOD_NAMES.get(entry.method) or tr("bchk.zip.method_unknown")
        raise ZipError(ZipFault.METHOD, tr("bchk.zip.method", method=str(entry.method), name=known), entry=name)
    if entry.method == z.STORED and entry.compressed_size != entry.uncompressed_size:
        sizes = {"stored": str(entry.compressed_size), "size": str(entry.uncompressed_size)}
        raise corrupt(tr("bchk.zip.stored_sizes", **sizes), name)
    if entry.name.endswith("/") and entry.uncompressed_size:
        raise corrupt(tr("bchk.zip.folder_data"), name)
    if entry.uncompressed_size > limits.max_entry_bytes:
        raise ZipError(
            ZipFault.ENTRY_TOO_LARGE,
            tr("bchk.zip.entry_large", size=str(entry.uncompressed_size), limit=str(limits.max_entry_bytes)),
            entry=name,
        )
    ratio = entry.uncompressed_size / max(entry.compressed_size, 1)
    if entry.uncompressed_size > limits.ratio_floor_bytes and ratio > limits.max_entry_ratio:
        raise ZipError(
            ZipFault.RATIO,
            tr(
                "bchk.zip.ratio",
                stored=str(entry.compressed_size),
                size=str(entry.uncompressed_size),
                ratio=f"{ratio:.0f}",
                limit=f"{limits.max_entry_ratio:.0f}",
            ),
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


def _mismatch(name: str, what_id: str, local: object, central: object) -> ZipError:
    return ZipError(
        ZipFault.HEADER_MISMATCH,
        tr("bchk.zip.mismatch", what=tr(what_id), local=str(local), central=str(central)),
        entry=name,
    )


def _check_local(entry: _Central, data_area_end: int) -> Steps[ZipEntry]:
    """Read and compare the entry's local header; returns the entry with its data offset."""
    name, start = entry.name, entry.header_offset
    if start + z.LOCAL.size > data_area_end:
        raise ZipError(
            ZipFault.DATA_OUTSIDE,
            tr("bchk.zip.local_outside", offset=str(start), end=str(data_area_end)),
            entry=name,
        )
    guess = min(z.LOCAL.size + len(entry.raw_name) + entry.extra_size, data_area_end - start)
    head = yield ReadRequest(start, guess)
    local = z.LOCAL.unpack_from(head)
    if local[0] != z.LOCAL_SIGNATURE:
        raise ZipError(ZipFault.HEADER_MISMATCH, tr("bchk.zip.no_local", offset=str(start)), entry=name)
    header_size = z.LOCAL.size + local[9] + local[10]
    if start + header_size > data_area_end:
        raise ZipError(ZipFault.DATA_OUTSIDE, tr("bchk.zip.local_past"), entry=name)
    if header_size > len(head):
        head += yield ReadRequest(start + len(head), header_size - len(head))
    raw_name = head[z.LOCAL.size : z.LOCAL.size + local[9]]
    if raw_name != entry.raw_name:
        shown = raw_name.decode("utf-8", "replace")
        raise ZipError(ZipFault.HEADER_MISMATCH, tr("bchk.zip.local_name", name=repr(shown)), entry=name)
    flags, method = local[2], local[3]
    if flags & (z.FLAG_ENCRYPTED | z.FLAG_STRONG_ENCRYPTION):
        raise ZipError(ZipFault.ENCRYPTED, tr("bchk.zip.local_encrypted"), entry=name)
    if method != entry.method:
        raise _mismatch(name, "bchk.zip.field.method", method, entry.method)
    if not flags & z.FLAG_DATA_DESCRIPTOR:  # else CRC and sizes follow the data and may be zero here
        csize, usize = _local_sizes(local, head[z.LOCAL.size + local[9] : header_size], name)
        if local[6] != entry.crc32:
            raise _mismatch(name, "bchk.zip.field.crc", f"{local[6]:08x}", f"{entry.crc32:08x}")
        if (csize, usize) != (entry.compressed_size, entry.uncompressed_size):
            raise _mismatch(
                name, "bchk.zip.field.sizes", f"{csize}/{usize}", f"{entry.compressed_size}/{entry.uncompressed_size}"
            )
    data_offset = start + header_size
    if data_offset + entry.compressed_size > data_area_end:
        raise ZipError(
            ZipFault.DATA_OUTSIDE,
            tr("bchk.zip.data_past", size=str(entry.compressed_size), offset=str(data_offset), end=str(data_area_end)),
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
                tr(
                    "bchk.zip.overlap",
                    offset=str(after.header_offset),
                    other=repr(before.name),
                    start=str(before.header_offset),
                    end=str(before.data_end),
                ),
                entry=after.name,
            )


def _check_totals(entries: Sequence[ZipEntry], limits: Limits) -> None:
    total = sum(e.uncompressed_size for e in entries)
    stored = sum(e.compressed_size for e in entries)
    if total > limits.max_total_bytes:
        raise ZipError(
            ZipFault.TOTAL_TOO_LARGE,
            tr("bchk.zip.total_large", size=str(total), limit=str(limits.max_total_bytes)),
        )
    ratio = total / max(stored, 1)
    if total > limits.ratio_floor_bytes and ratio > limits.max_total_ratio:
        raise ZipError(
            ZipFault.RATIO,
            tr(
                "bchk.zip.total_ratio",
                stored=str(stored),
                size=str(total),
                ratio=f"{ratio:.0f}",
                limit=f"{limits.max_total_ratio:.0f}",
            ),
        )
