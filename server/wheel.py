"""The app package as a wheel, built in memory and rebuilt when a source file changes.

The page installs the app from ``/build/…whl``; building it on request keeps a save in
the editor one reload away from the browser, with an ETag so unchanged code is not sent.
The wheel carries bytecode made by the page's Pyodide (``tools/bytecode.py``) unless
``SORA_BYTECODE=0`` (to measure the difference): the browser then skips compiling.
"""

from __future__ import annotations

import hashlib
import os
import threading

from tools import appwheel, bytecode


class AppWheel:
    """The app package as a wheel, rebuilt in memory whenever a source file changes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._mtime = -1.0
        self._data = b""
        self._etag = ""

    def current(self) -> tuple[bytes, str, float]:
        with self._lock:
            mtime = appwheel.latest_mtime()
            if mtime != self._mtime:
                self._data = appwheel.build_wheel()
                if os.environ.get("SORA_BYTECODE", "1") != "0":
                    self._data = bytecode.compiled_bytes(appwheel.WHEEL_NAME, self._data)
                self._etag = '"' + hashlib.sha256(self._data).hexdigest()[:32] + '"'
                self._mtime = mtime
            return self._data, self._etag, self._mtime

    def warm_up(self) -> None:
        """Build (and compile) now, in the background, so the first page load does not wait."""
        threading.Thread(target=self.current, name="app-wheel", daemon=True).start()
