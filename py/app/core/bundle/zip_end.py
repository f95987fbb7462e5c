"""Find the central directory from the end of a ZIP: the end record, and ZIP64 records when present.

The end record is searched from the end backwards, and must be followed by exactly its
comment, so a cut-off file is told apart from a complete one. Multi-disk archives are
refused; the directory must lie inside the file, and its size and entry count within the
limits, before any of it is read.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from app.core.bundle import zip_format as z
from app.core.bundle.errors import ZipError, ZipFault, corrupt
from app.core.bundle.limits import Limits
from app.core.bundle.ranges import ReadRequest, Steps
from app.core.i18n import tr

_END_SIGNATURE = struct.pack("<I", z.END_SIGNATURE)


@dataclass(frozen=True)
class Directory:
    """Where the central directory is and how many entries it holds."""

    count: int
    offset: int
    size: int


def _find_end(tail: bytes) -> int:
    """Position in ``tail`` of the end record whose comment reaches exactly to the end."""
    position = tail.rfind(_END_SIGNATURE)
    while position >= 0:
        if position + z.END.size <= len(tail):
            comment_size = z.END.unpack_from(tail, position)[7]
            if position + z.END.size + comment_size == len(tail):
                return position
        position = tail.rfind(_END_SIGNATURE, 0, position)
    raise ZipError(ZipFault.TRUNCATED, tr("bchk.zip.no_end"))


def find_directory(total_size: int, limits: Limits) -> Steps[Directory]:
    """Read the end records (ZIP64 ones when a locator precedes the end record) and check them."""
    if total_size < z.END.size:
        raise ZipError(ZipFault.TRUNCATED, tr("bchk.zip.too_short", size=str(total_size)))
    tail_size = min(total_size, z.END.size + z.MAX_COMMENT)
    tail_start = total_size - tail_size
    tail = yield ReadRequest(tail_start, tail_size)
    position = _find_end(tail)
    end_offset = tail_start + position
    _, disk, directory_disk, count_here, count, size, offset, _ = z.END.unpack_from(tail, position)
    end_start = end_offset
    locator_offset = end_offset - z.ZIP64_LOCATOR.size
    locator = b""
    if locator_offset >= 0:
        locator = (
            tail[position - z.ZIP64_LOCATOR.size : position]
            if position >= z.ZIP64_LOCATOR.size
            else (yield ReadRequest(locator_offset, z.ZIP64_LOCATOR.size))
        )
    if locator and z.ZIP64_LOCATOR.unpack(locator)[0] == z.ZIP64_LOCATOR_SIGNATURE:
        _, locator_disk, end64_offset, disks = z.ZIP64_LOCATOR.unpack(locator)
        if locator_disk != 0 or disks != 1:
            raise ZipError(ZipFault.SPANNED, tr("bchk.zip.spanned"))
        if end64_offset + z.ZIP64_END.size > locator_offset:
            raise ZipError(ZipFault.DIRECTORY_OUTSIDE, tr("bchk.zip.end64_outside"))
        record = yield ReadRequest(end64_offset, z.ZIP64_END.size)
        signature, _, _, _, disk, directory_disk, count_here, count, size, offset = z.ZIP64_END.unpack(record)
        if signature != z.ZIP64_END_SIGNATURE:
            raise corrupt(tr("bchk.zip.end64_absent"))
        end_start = end64_offset
    elif count == z.MAX_U16 or z.MAX_U32 in (size, offset):
        raise corrupt(tr("bchk.zip.zip64_missing"))
    if disk != 0 or directory_disk != 0 or count_here != count:
        raise ZipError(ZipFault.SPANNED, tr("bchk.zip.spanned"))
    if count > limits.max_entries:
        raise ZipError(
            ZipFault.TOO_MANY_ENTRIES, tr("bchk.zip.too_many", entries=str(count), limit=str(limits.max_entries))
        )
    if offset + size > end_start:
        raise ZipError(
            ZipFault.DIRECTORY_OUTSIDE,
            tr("bchk.zip.directory_outside", size=str(size), offset=str(offset), end=str(end_start)),
        )
    if size > limits.max_central_directory_bytes:
        raise ZipError(
            ZipFault.TOO_MANY_ENTRIES,
            tr("bchk.zip.directory_large", size=str(size), limit=str(limits.max_central_directory_bytes)),
        )
    if size < count * z.CENTRAL.size:
        raise corrupt(tr("bchk.zip.directory_small", entries=str(count), size=str(size)))
    return Directory(count, offset, size)
