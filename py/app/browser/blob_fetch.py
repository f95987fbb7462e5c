"""Fetching one request of a file into a ``Blob``, the bytes never entering Python.

The services decide which byte ranges to ask for and store each part as it arrives
(:mod:`app.services.resumable_fetch`); this sends one request as built. A 206 part is
read whole by the browser's own ``response.blob()`` (full speed). A 200 answer (a
server that ignores ``Range``, or a request without one) is read through a counting
stream so the card can show progress: piping every body through a stream, or an
``XMLHttpRequest`` for its progress events, made a 200 MB download two to three times
slower, which is why parts are read by ``blob()``.
"""

from __future__ import annotations

import asyncio
from typing import Any

import js
from pyodide.ffi import JsException

from app.browser.ffi import is_null, js_object
from app.core.errors import ContentError
from app.core.http import HttpRequest, HttpResponse, Progress
from app.core.i18n import tr

PROGRESS_EVERY_S = 0.25
PARTIAL_CONTENT = 206


def response_headers(response: Any) -> dict[str, str]:
    """A fetch ``Response``'s headers with lower-case names."""
    return {str(pair[0]).lower(): str(pair[1]) for pair in response.headers.entries()}


async def fetch_file(request: HttpRequest, signal: Any, progress: Progress | None) -> HttpResponse:
    """The answer's body as a Blob (any 2xx); a non-2xx answer keeps its body as bytes.

    ``ContentError`` when the body is cut off or shorter than ``Content-Length``; the
    ``JsException`` of a request that never got an answer (or of ``signal`` aborting)
    is left to the caller.
    """
    init = js_object({"method": request.method, "headers": dict(request.headers), "signal": signal})
    response = await js.fetch(request.url, init)
    headers = response_headers(response)
    status = int(response.status)
    if not 200 <= status < 300:
        return HttpResponse(status, headers, body=(await response.arrayBuffer()).to_bytes(), url=str(response.url))
    mime = headers.get("content-type", "")
    expected = _length(headers)
    try:
        if status == PARTIAL_CONTENT or progress is None:
            blob = await response.blob()
        else:
            blob = await _counted(response, mime, expected, progress)
    except JsException as exc:
        if signal.aborted:
            raise
        raise ContentError(tr("plat.fetch.cut_off")) from exc
    size = int(blob.size)
    if expected is not None and size != expected:
        raise ContentError(tr("plat.fetch.incomplete", size=str(size), expected=str(expected)))
    return HttpResponse(status, headers, blob=blob, blob_size=size, blob_type=str(blob.type), url=str(response.url))


def _length(headers: dict[str, str]) -> int | None:
    length = headers.get("content-length", "")
    return int(length) if length.isdigit() and "content-encoding" not in headers else None


async def _counted(response: Any, mime: str, total: int | None, report: Progress) -> Any:
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
