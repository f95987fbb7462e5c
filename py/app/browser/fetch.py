"""The browser ``fetch`` as the app's :class:`~app.core.http.Transport`.

File downloads (``Expect.BLOB``) go through :mod:`app.browser.blob_fetch`, which
writes the body straight into a ``Blob`` in parallel byte ranges and reports progress;
a 200 MB video never passes through Python or a JS array.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any
from urllib.parse import urlsplit

import js
from pyodide.ffi import JsException, create_once_callable

from app.browser.blob_fetch import fetch_file, response_headers
from app.browser.ffi import js_bytes, js_object
from app.browser.route_log import load_routes, save_routes
from app.core.errors import CorsError, NetworkError
from app.core.http import Expect, FileField, HttpRequest, HttpResponse, Progress
from app.core.i18n import tr


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


CORS_PROBE_S = 10.0


class Deadline:
    """An ``AbortController`` that fires after ``timeout_s``, remembering whether it did."""

    def __init__(self, timeout_s: float) -> None:
        self.timeout_s = timeout_s
        self.timed_out = False
        self._controller = js.AbortController.new()
        self._timer = js.setTimeout(create_once_callable(self._expire), int(timeout_s * 1000))

    @property
    def signal(self) -> Any:
        return self._controller.signal

    def _expire(self) -> None:
        self.timed_out = True
        self._controller.abort()

    def abort(self) -> None:
        """Stop whatever is still in flight (parts of a failed or abandoned download)."""
        self._controller.abort()

    def close(self) -> None:
        js.clearTimeout(self._timer)


async def _answers_without_cors(url: str) -> bool:
    """Whether the server answers at all when CORS is not asked for (an opaque ``no-cors`` GET,
    no key, no cookies): then a failed call was refused by CORS, not lost on the network."""
    if not bool(js.navigator.onLine):
        return False
    probe = js_object({"mode": "no-cors", "method": "GET", "credentials": "omit", "cache": "no-store"})
    try:
        await asyncio.wait_for(js.fetch(url, probe), CORS_PROBE_S)
    except (JsException, TimeoutError):
        return False
    return True


class FetchTransport:
    """Sends :class:`HttpRequest` values with ``fetch``; maps failures to app errors.

    A status-less failure is a CORS refusal only on a route that never answered this
    browser (:mod:`app.core.route_memory`); elsewhere it is a lost connection.
    """

    def __init__(self) -> None:
        self._routes = load_routes()

    async def send(self, request: HttpRequest, *, progress: Progress | None = None) -> HttpResponse:
        deadline = Deadline(request.timeout_s)
        try:
            if request.expect is Expect.BLOB:
                return await fetch_file(request, deadline.signal, progress)
            response = await js.fetch(request.url, self._init(request, deadline.signal))
            if self._routes.answered(request.method, request.url):
                save_routes(self._routes)
            data = (await response.arrayBuffer()).to_bytes()
            return HttpResponse(int(response.status), response_headers(response), body=data, url=str(response.url))
        except JsException as exc:
            deadline.abort()
            if deadline.timed_out:
                raise NetworkError(tr("plat.fetch.timeout", seconds=f"{request.timeout_s:g}"), timed_out=True) from exc
            reachable = await _answers_without_cors(request.url)
            if self._routes.failure_kind(request.method, request.url, server_reachable=reachable) == "cors":
                raise CorsError(tr("plat.fetch.cors", host=urlsplit(request.url).netloc)) from exc
            if reachable:
                raise NetworkError(tr("plat.fetch.lost", host=urlsplit(request.url).netloc)) from exc
            raise NetworkError(str(exc)) from exc
        except (asyncio.CancelledError, Exception):
            deadline.abort()
            raise
        finally:
            deadline.close()

    @staticmethod
    def _init(request: HttpRequest, signal: Any) -> Any:
        headers = dict(request.headers)
        init: dict[str, Any] = {"method": request.method, "headers": headers, "signal": signal}
        if request.json_body is not None:
            headers["Content-Type"] = "application/json"
            init["body"] = json.dumps(request.json_body)
        elif request.form is not None:
            init["body"] = _form_data(request.form)  # the browser sets the multipart boundary
        return js_object(init)
