"""Fetching a file into a ``Blob``: in parallel byte ranges, with progress, at full speed.

``fetch`` has no progress events. Counting the bytes by piping the body through a
stream, or using an ``XMLHttpRequest`` for its progress events, made a 200 MB download
two to three times slower than the browser's own ``response.blob()``. So a file is
asked for in parts (``Range``), a few at once, each read whole by ``blob()``; progress
moves as parts arrive, and the parts are joined into one Blob without copying. A
server that ignores ``Range`` answers 200 with the whole file, which is then read
through a counting stream (slower, but with progress). The bytes never enter Python.
"""

from __future__ import annotations

import asyncio
from typing import Any

import js
from pyodide.ffi import JsException

from app.browser.ffi import is_null, js_object
from app.core.downloads import (
    PARALLEL_PARTS,
    PART_BYTES,
    first_part_range,
    range_header,
    range_total,
    remaining_parts,
)
from app.core.errors import ContentError
from app.core.http import HttpRequest, HttpResponse, Progress

PROGRESS_EVERY_S = 0.25
PARTIAL_CONTENT = 206


def response_headers(response: Any) -> dict[str, str]:
    """A fetch ``Response``'s headers with lower-case names."""
    return {str(pair[0]).lower(): str(pair[1]) for pair in response.headers.entries()}


async def get(request: HttpRequest, signal: Any, byte_range: str | None = None) -> Any:
    """``fetch`` of ``request`` (a GET without body), optionally for one byte range."""
    headers = dict(request.headers)
    if byte_range is not None:
        headers["Range"] = byte_range
    return await js.fetch(request.url, js_object({"method": request.method, "headers": headers, "signal": signal}))


async def fetch_file(request: HttpRequest, signal: Any, progress: Progress | None) -> HttpResponse:
    """The file as a Blob (status 200); a non-2xx answer keeps its body as bytes.

    ``ContentError`` when the body is cut off or incomplete; the ``JsException`` of a
    request that never got an answer (or of ``signal`` aborting) is left to the caller.
    """
    report = progress or (lambda _loaded, _total: None)
    response = await get(request, signal, first_part_range())
    headers = response_headers(response)
    total = range_total(headers.get("content-range"))
    if int(response.status) == PARTIAL_CONTENT and total is None:
        # The server would not say the full length (not exposed to this origin): ask for it whole.
        await response.body.cancel()
        response = await get(request, signal)
        headers = response_headers(response)
    status = int(response.status)
    if not 200 <= status < 300:
        return HttpResponse(status, headers, body=(await response.arrayBuffer()).to_bytes(), url=str(response.url))
    mime = headers.get("content-type", "")
    try:
        if status == PARTIAL_CONTENT and total is not None:
            blob = await _in_parts(request, signal, response, total, mime, report)
        else:
            total = _length(headers)
            blob = await _whole(response, mime, total, report)
    except JsException as exc:
        if signal.aborted:
            raise
        raise ContentError("the download was cut off before the end") from exc
    size = int(blob.size)
    if total is not None and size != total:
        raise ContentError(f"the download is incomplete: {size} of {total} bytes arrived")
    headers = {k: v for k, v in headers.items() if k != "content-range"} | {"content-length": str(size)}
    return HttpResponse(200, headers, blob=blob, blob_size=size, blob_type=str(blob.type), url=str(response.url))


def _length(headers: dict[str, str]) -> int | None:
    length = headers.get("content-length", "")
    return int(length) if length.isdigit() and "content-encoding" not in headers else None


async def _part_blob(response: Any, first: int, last: int) -> Any:
    if int(response.status) != PARTIAL_CONTENT:
        raise ContentError(f"the server answered {int(response.status)} to a part of the file")
    blob = await response.blob()
    if int(blob.size) != last - first + 1:
        raise ContentError(f"a part of the download is incomplete: {int(blob.size)} of {last - first + 1} bytes")
    return blob


async def _in_parts(request: HttpRequest, signal: Any, first: Any, total: int, mime: str, report: Progress) -> Any:
    """Read the first part while the rest come a few ranges at a time; join them in order.

    The total is known from the first answer's headers, so the other ranges start at
    once instead of after the first part's body.
    """
    head_size = min(PART_BYTES, total)
    parts = [(0, head_size - 1), *remaining_parts(total, head_size)]
    blobs: list[Any] = [None] * len(parts)
    loaded = 0

    def done(index: int, blob: Any) -> None:
        nonlocal loaded
        blobs[index] = blob
        loaded += int(blob.size)
        report(loaded, total)

    async def head() -> None:
        done(0, await _part_blob(first, *parts[0]))

    queue = iter(range(1, len(parts)))

    async def lane() -> None:
        for index in queue:
            done(index, await _part_blob(await get(request, signal, range_header(parts[index])), *parts[index]))

    tasks = [asyncio.ensure_future(head())]
    tasks += [asyncio.ensure_future(lane()) for _ in range(min(PARALLEL_PARTS, len(parts) - 1))]
    try:
        await asyncio.gather(*tasks)
    except BaseException:
        for task in tasks:
            task.cancel()
        raise
    return js.Blob.new(js_object(blobs), js_object({"type": mime}))


async def _whole(response: Any, mime: str, total: int | None, report: Progress) -> Any:
    """The whole body, counted on its way into a Blob by a native one-line transform.

    Progress is read every 250 ms (a Python call per chunk would cost more than the
    download itself); the counter is ``static/js/byte-counter.mjs``.
    """
    if is_null(response.body):
        return await response.blob()
    from pyscript.js_modules import byte_counter

    counter = byte_counter.byteCounter()
    # A Response built from a stream has no type: carry the original one over.
    counted = js.Response.new(
        response.body.pipeThrough(js.TransformStream.new(counter)), js_object({"headers": {"content-type": mime}})
    )
    pending = asyncio.ensure_future(counted.blob())
    while not pending.done():
        await asyncio.wait([pending], timeout=PROGRESS_EVERY_S)
        report(int(counter.loaded), total)
    return pending.result()
