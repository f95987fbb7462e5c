"""The browser ``fetch`` as the app's :class:`~app.core.http.Transport`.

Downloads go straight into a ``Blob`` (browser-managed storage) through a counting
stream, so a 200 MB video never passes through Python or a JS array; only the byte
count crosses the FFI, for progress.
"""

from __future__ import annotations

import json
from typing import Any

import js
from pyodide.ffi import JsException, create_once_callable, create_proxy

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
            loaded = 0

            def count(chunk: Any, stream_controller: Any) -> None:
                nonlocal loaded
                loaded += int(chunk.byteLength)
                progress(loaded, total)
                stream_controller.enqueue(chunk)

            transform = create_proxy(count)
            try:
                counter = js.TransformStream.new(js_object({"transform": transform}))
                # A Response built from a stream has no type: carry the original one over.
                kind = js_object({"headers": {"content-type": headers.get("content-type", "")}})
                blob = await js.Response.new(response.body.pipeThrough(counter), kind).blob()
            finally:
                transform.destroy()
        if total is not None and int(blob.size) != total:
            raise ContentError(f"the download is incomplete: {int(blob.size)} of {total} bytes arrived")
        return blob
