"""Single byte ranges (``Range: bytes=…``), so players and resuming downloads work."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_RANGE = re.compile(r"bytes=(\d*)-(\d*)")


class RangeNotSatisfiableError(ValueError):
    """The range starts past the end of the content (answered with 416)."""


def parse_range(header: str, total: int) -> tuple[int, int] | None:
    """``(start, end)`` with ``end`` exclusive, or ``None`` to send the whole content.

    Malformed headers and multi-range requests are ignored, as RFC 9110 allows.
    """
    match = _RANGE.fullmatch(header.strip().replace(" ", ""))
    if match is None or (not match.group(1) and not match.group(2)):
        return None
    first, last = match.group(1), match.group(2)
    if not first:  # suffix: the last N bytes
        suffix = int(last)
        if suffix == 0 or total == 0:
            raise RangeNotSatisfiableError(header)
        return max(0, total - suffix), total
    start = int(first)
    end = total if not last else min(int(last) + 1, total)
    if start >= total or end <= start:
        if last and int(last) < start:
            return None  # invalid (last before first): ignore the header
        raise RangeNotSatisfiableError(header)
    return start, end


def slice_chunks(chunks: Iterable[bytes], start: int, end: int) -> Iterator[bytes]:
    """Bytes ``start:end`` of a stream of chunks, without holding the stream in memory."""
    offset = 0
    for chunk in chunks:
        chunk_end = offset + len(chunk)
        if chunk_end > start and offset < end:
            yield chunk[max(0, start - offset) : min(len(chunk), end - offset)]
        offset = chunk_end
        if offset >= end:
            break
