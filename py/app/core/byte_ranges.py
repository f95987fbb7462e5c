"""Byte ranges of a download: how big a part is, which parts are missing, what a server said.

Spans are half-open ``(start, end)`` pairs (``end`` excluded), as Python slices; HTTP's
inclusive ``bytes=first-last`` appears only where a header is written or read.

A part is all or nothing: ``blob()`` hands it over whole, so a download cut short (a
crash, a closed tab) loses every part in flight, and the server has usually sent them in
full by then (measured: a 200 MB file in 4 MiB parts lost 3 whole parts, 12.5 MB, per
kill). So parts are small: about :data:`PARTS_PER_FILE` of a small file, never more than
:data:`MAX_PART_BYTES` (2 MiB), which caps a crash's loss at 6 MiB whatever the file's
size (a 200 MB file killed twice: ≤ 1.063 × its bytes fetched). Smaller parts would lose
less but cost a request each: 1 MiB parts made a 200 MB download 2.8 × slower (5.5 s
against 1.9 s with 4 MiB, 3.4 s with 2 MiB; ``bench/download.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

Span = tuple[int, int]

FIRST_PART_BYTES = 256 << 10
"""The first request of a new download, before the total is known (small files end there)."""
MIN_PART_BYTES = 256 << 10
MAX_PART_BYTES = 2 << 20
"""The most a part holds: the loss of a crash is at most this per part in flight."""
PART_ALIGN = 64 << 10
PARTS_PER_FILE = 48
PARALLEL_PARTS = 3
"""Parts fetched at once: enough to keep the connection busy between parts."""

_CONTENT_RANGE = re.compile(r"bytes\s+(\d+)-(\d+)/(\d+|\*)", re.IGNORECASE)


@dataclass(frozen=True)
class ContentRange:
    """What a 206 answer says it holds: ``start`` to ``end`` (excluded) of ``total`` bytes."""

    start: int
    end: int
    total: int | None  # None: the server would not say (``*``)


def part_bytes(total: int) -> int:
    """The size of one part of a ``total``-byte file (a multiple of 64 KiB, 256 KiB to 2 MiB)."""
    share = -(-max(total, 1) // PARTS_PER_FILE)
    aligned = -(-share // PART_ALIGN) * PART_ALIGN
    return min(MAX_PART_BYTES, max(MIN_PART_BYTES, aligned))


def merged(spans: Iterable[Span]) -> tuple[Span, ...]:
    """``spans`` sorted, with touching or overlapping ones joined."""
    result: list[Span] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if result and start <= result[-1][1]:
            result[-1] = (result[-1][0], max(result[-1][1], end))
        else:
            result.append((start, end))
    return tuple(result)


def missing(total: int, stored: Iterable[Span]) -> tuple[Span, ...]:
    """The spans of ``[0, total)`` not covered by ``stored``, first missing byte first."""
    gaps: list[Span] = []
    cursor = 0
    for start, end in merged(stored):
        if start > cursor:
            gaps.append((cursor, min(start, total)))
        cursor = max(cursor, end)
    if cursor < total:
        gaps.append((cursor, total))
    return tuple(gap for gap in gaps if gap[1] > gap[0])


def plan_parts(total: int, stored: Iterable[Span] = ()) -> tuple[Span, ...]:
    """The requests that fetch every missing byte once, in order, each at most one part long."""
    size = part_bytes(total)
    parts: list[Span] = []
    for gap_start, gap_end in missing(total, stored):
        parts.extend((start, min(start + size, gap_end)) for start in range(gap_start, gap_end, size))
    return tuple(parts)


def covered(spans: Iterable[Span]) -> int:
    """How many bytes ``spans`` cover (overlaps counted once)."""
    return sum(end - start for start, end in merged(spans))


def range_header(span: Span) -> str:
    """The ``Range`` header asking for ``span``."""
    return f"bytes={span[0]}-{span[1] - 1}"


def parse_content_range(value: str | None) -> ContentRange | None:
    """``Content-Range: bytes 0-99/1234`` read (``None`` when absent or not a byte range)."""
    match = _CONTENT_RANGE.fullmatch((value or "").strip())
    if match is None or int(match.group(2)) < int(match.group(1)):
        return None
    total = None if match.group(3) == "*" else int(match.group(3))
    return ContentRange(int(match.group(1)), int(match.group(2)) + 1, total)
