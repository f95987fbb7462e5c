"""Loading the wheels the first screen does not need (pydantic and its closure).

The page paints and becomes interactive before pydantic is unpacked and imported;
this loads the vendored wheels right after, from this origin only.
"""

from __future__ import annotations

from typing import Any

import js
import pyodide_js

from app.browser.ffi import js_object

WHEEL_INDEX = "vendor/wheels/index.json"


def _quiet(_message: Any) -> None:
    """Drop Pyodide's per-package progress lines from the console."""


async def wheel_urls() -> list[str]:
    """The absolute URLs of the wheels ``vendor/wheels/index.json`` lists."""
    base = js.URL.new(WHEEL_INDEX, js.location.href).href
    response = await js.fetch(base)
    if not response.ok:
        raise RuntimeError(f"cannot load {WHEEL_INDEX}: HTTP {response.status}")
    index = (await response.json()).to_py()
    return [str(js.URL.new(name, base).href) for name in index["wheels"]]


async def load_deferred_wheels() -> list[str]:
    """Install every wheel of the index; returns their URLs (the polling worker installs the same)."""
    urls = await wheel_urls()
    await pyodide_js.loadPackage(js_object(urls), js_object({"messageCallback": _quiet}))
    return urls
