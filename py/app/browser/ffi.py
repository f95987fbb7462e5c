"""The few FFI conversions the adapters share (Pyodide ↔ JS).

Pitfalls found on Pyodide 314 (see docs/runtime.md): Python ``bytes`` must go
through ``to_js`` before ``Blob``/WebCrypto; dicts must become plain JS objects
(``Object.fromEntries``), never Maps; and a JS event that already fired cannot be
awaited, so handlers are attached before anything can complete.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from typing import Any

import js
from pyodide.ffi import JsProxy, create_proxy, jsnull, to_js


def js_object(value: Any) -> Any:
    """A Python dict/list (JSON-like, nested) as plain JS objects and arrays."""
    return to_js(value, dict_converter=js.Object.fromEntries)


def js_bytes(data: bytes) -> Any:
    """Python bytes as a JS ``Uint8Array`` (a copy), for Blob parts and WebCrypto."""
    return to_js(data)


def py_value(value: Any) -> Any:
    """A JS value as Python: plain objects/arrays become dicts/lists; handles stay proxies.

    JS ``null`` inside becomes ``None`` (``to_py`` leaves ``jsnull`` there, which
    pydantic refuses), so records written as JSON elsewhere read back like our own.
    """
    if isinstance(value, JsProxy) and hasattr(value, "to_py"):
        return _denull(value.to_py())
    return None if value is jsnull else value


def _denull(value: Any) -> Any:
    if value is jsnull:
        return None
    if isinstance(value, dict):
        return {k: _denull(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_denull(v) for v in value]
    return value


def is_null(value: Any) -> bool:
    """True for ``None``, JS ``undefined`` and JS ``null`` (Pyodide 314 gives ``jsnull``, not ``None``)."""
    return value is None or value is jsnull


def await_events(
    target: Any,
    success: Sequence[str],
    failure: Sequence[str],
    result: Callable[[Any], Any],
    error: Callable[[Any], BaseException],
) -> asyncio.Future[Any]:
    """A future settled by the first of ``success``/``failure`` events on ``target``.

    All listeners are attached before returning (so nothing can fire unobserved) and all
    proxies are destroyed once the future settles.
    """
    loop = asyncio.get_event_loop()
    future: asyncio.Future[Any] = loop.create_future()
    proxies: list[tuple[str, Any]] = []

    def cleanup() -> None:
        for name, proxy in proxies:
            target.removeEventListener(name, proxy)
            proxy.destroy()
        proxies.clear()

    def on_success(event: Any) -> None:
        if not future.done():
            try:
                future.set_result(result(event))
            except BaseException as exc:
                future.set_exception(exc)
        loop.call_soon(cleanup)

    def on_failure(event: Any) -> None:
        if not future.done():
            future.set_exception(error(event))
        loop.call_soon(cleanup)

    for name in success:
        proxy = create_proxy(on_success)
        target.addEventListener(name, proxy)
        proxies.append((name, proxy))
    for name in failure:
        proxy = create_proxy(on_failure)
        target.addEventListener(name, proxy)
        proxies.append((name, proxy))
    return future
