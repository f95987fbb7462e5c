"""Page entry point (wiring only): put the app on the path, then hand the page over to it.

The app wheel is imported straight from its zip (``zipimport``; it holds bytecode only)
instead of being installed by PyScript's ``packages``: installing unpacks some 700 files
into the virtual file system first (about 0.4 s of CPU per start; imports from the zip
cost a little more, so the net saving is about 0.17 s, see ``bench/wheel_import.py``).
``index.html`` preloads the wheel, so it is in memory when this runs.
"""

import asyncio
import sys

import js

APP_WHEEL = "build/sora_renderer_app-0.1.0-py3-none-any.whl"  # as tools/appwheel.py names it
APP_ZIP = "/home/pyodide/sora_renderer_app.zip"


def _write_zip(data: bytes) -> None:
    with open(APP_ZIP, "wb") as wheel:  # the in-memory file system: no disk to wait for
        wheel.write(data)


async def _app_on_path() -> None:
    response = await js.fetch(js.URL.new(APP_WHEEL, js.document.baseURI).href)
    if not response.ok:
        raise OSError(f"HTTP {response.status} for {APP_WHEEL}")
    _write_zip((await response.arrayBuffer()).to_bytes())
    sys.path.insert(0, APP_ZIP)
    js.performance.mark("sora:app-on-path")


async def _boot() -> None:
    try:
        await _app_on_path()
        from app.page import start
        from app.services.tasks import spawn
    except Exception as exc:  # the app wheel is missing or broken: say so instead of hanging
        js.soraBootFailed(f"the app's code could not be loaded ({type(exc).__name__}: {exc})")
        raise
    spawn(start())


js.performance.mark("sora:main-started")
BOOT = asyncio.ensure_future(_boot())  # noqa: RUF006 (held by this module for the page's lifetime)
