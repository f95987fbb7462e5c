"""Answer a file download like a CDN would: whole or one byte range, counted, maybe cut short.

Shared by every simulated API's download route so ranges, ``[sim:noranges]``,
``[sim:truncate]`` and the byte counters of ``/sim/debug/downloads`` behave the same
everywhere. The caller decides *whether* a download is allowed; this decides *how*.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from simulator import errors
from simulator.content import Content
from simulator.counters import Counters
from simulator.messages import SimResponse
from simulator.ranges import RangeNotSatisfiableError, parse_range, slice_chunks


@dataclass(frozen=True)
class DownloadTag:
    """Which file a download is, for the debug counters."""

    provider: str
    job_id: str
    file: str


def file_response(
    content: Content,
    *,
    range_header: str | None,
    truncate: bool,
    headers: Sequence[tuple[str, str]],
    counters: Counters,
    tag: DownloadTag,
) -> SimResponse:
    """200 with the whole file or 206 with the asked-for range (416 past the end).

    ``range_header`` is ``None`` for a server without range support; ``truncate`` sends
    half the body after a full Content-Length, then the connection is dropped.
    """
    answer = [*headers, ("accept-ranges", "bytes")]
    try:
        span = parse_range(range_header, content.length) if range_header else None
    except RangeNotSatisfiableError:
        raise errors.range_not_satisfiable(content.length) from None
    if span is None:
        start, end, status = 0, content.length, 200
        chunks = content.chunks()
    else:
        start, end, status = span[0], span[1], 206
        answer.append(("content-range", f"bytes {start}-{end - 1}/{content.length}"))
        chunks = (
            iter([content.data[start:end]]) if content.data is not None else slice_chunks(content.chunks(), start, end)
        )
    length = end - start
    cut = length // 2 if truncate else None
    entry = counters.download(tag.provider, tag.job_id, tag.file, content.length, status)
    body = counters.counted(entry, chunks, cut)
    return SimResponse(status, answer, body, length=length, truncate_at=cut)
