"""The browser ``fetch`` as the app's :class:`~app.core.http.Transport`.

Downloads go straight into a ``Blob`` (browser-managed storage) through a counting
stream, so a 200 MB video never passes through Python or a JS array; only the byte
count crosses the FFI, for progress.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import js
from pyodide.ffi import JsException, create_once_callable

from app.browser.ffi import is_null, js_bytes, js_object
from app.core.errors import ContentError, NetworkError
from app.core.http import Expect, FileField, HttpRequest, HttpResponse, Progress


def _form_data(fields: tuple[tuple[str, str | FileField], ...]) -> Any:
    form = js.FormData.new()
    for name, value in fields:
        if isinstance(value, FileField):
            blob = value.blob
            if isinstance(blob, bytes):
                blob = js.Blob.new(js_object([js_bytes(blob)]), js_object({"type": value.content_type}))
            form.append(name, blob, value.filename)
        else:
            form.append(name, value)
    return form


def _headers(response: Any) -> dict[str, str]:
    headers: dict[str, str] = {}
    for pair in response.headers.entries():
        name, value = pair[0], pair[1]
        headers[str(name).lower()] = str(value)
    return headers


PROGRESS_EVERY_S = 0.25


class FetchTransport:
    """Sends :class:`HttpRequest` values with ``fetch``; maps failures to app errors."""

    async def send(self, request: HttpRequest, *, progress: Progress | None = None) -> HttpResponse:
        headers = dict(request.headers)
        body: Any = None
        if request.json_body is not None:
            headers["Content-Type"] = "application/json"
            body = json.dumps(request.json_body)
        elif request.form is not None:
            body = _form_data(request.form)  # the browser sets the multipart boundary
        controller = js.AbortController.new()
        timed_out = False

        def on_timeout() -> None:
            nonlocal timed_out
            timed_out = True
            controller.abort()

        timer = js.setTimeout(create_once_callable(on_timeout), int(request.timeout_s * 1000))
        init: dict[str, Any] = {"method": request.method, "headers": headers, "signal": controller.signal}
        if body is not None:
            init["body"] = body
        try:
            response = await js.fetch(request.url, js_object(init))
            response_headers = _headers(response)
            if request.expect is Expect.BLOB and response.ok:
                blob = await self._read_blob(response, response_headers, progress)
                return HttpResponse(
                    status=int(response.status),
                    headers=response_headers,
                    blob=blob,
                    blob_size=int(blob.size),
                    blob_type=str(blob.type),
                    url=str(response.url),
                )
            data = (await response.arrayBuffer()).to_bytes()
            return HttpResponse(int(response.status), response_headers, body=data, url=str(response.url))
        except JsException as exc:
            if timed_out:
                raise NetworkError(f"no answer within {request.timeout_s:g} s", timed_out=True) from exc
            if request.expect is Expect.BLOB and "response" in locals():
                raise ContentError("the download was cut off before the end") from exc
            raise NetworkError(str(exc)) from exc
        finally:
            js.clearTimeout(timer)

    async def _read_blob(self, response: Any, headers: dict[str, str], progress: Progress | None) -> Any:
        total = int(headers["content-length"]) if headers.get("content-length", "").isdigit() else None
        if progress is None or is_null(response.body):
            blob = await response.blob()
        else:
            blob = await self._counted_blob(response, headers, total, progress)
        if total is not None and int(blob.size) != total:
            raise ContentError(f"the download is incomplete: {int(blob.size)} of {total} bytes arrived")
        return blob

    async def _counted_blob(self, response: Any, headers: dict[str, str], total: int | None, progress: Progress) -> Any:
        """Stream the body into a Blob through a counting TransformStream; report every 250 ms.

        The count runs in a one-line native function: calling into Python for each of the
        thousands of chunks of a large video cost more than the download itself.
        """
        counter = js_object({"loaded": 0})
        counter.transform = _count_chunk()
        # A Response built from a stream has no type: carry the original one over.
        kind = js_object({"headers": {"content-type": headers.get("content-type", "")}})
        pending = asyncio.ensure_future(
            js.Response.new(response.body.pipeThrough(js.TransformStream.new(counter)), kind).blob()
        )
        while not pending.done():
            await asyncio.wait([pending], timeout=PROGRESS_EVERY_S)
            progress(int(counter.loaded), total)
        return pending.result()


def _count_chunk() -> Any:
    """``transform(chunk, controller)`` that adds the chunk's size to ``this.loaded`` (made once)."""
    global _COUNT_CHUNK
    if _COUNT_CHUNK is None:
        _COUNT_CHUNK = js.Function.new(
            "chunk", "controller", "this.loaded += chunk.byteLength; controller.enqueue(chunk);"
        )
    return _COUNT_CHUNK


_COUNT_CHUNK: Any = None
