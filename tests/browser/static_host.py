"""A plain static file server for the built site, as GitHub Pages would be: no serve.py.

Python's own ``SimpleHTTPRequestHandler`` over the folder that holds the site, so the
site lives under a sub-path (``/repo/``) and gets no custom headers (no COOP/COEP, no
CSP header, no referrer rule). It can be stopped and started again on the same port
(the same origin, so the same service worker and IndexedDB): the network "off" for a
visitor who installed the site is a server that no longer answers.
"""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """No access log on the test output."""


class StaticHost:
    """Serves ``root`` on 127.0.0.1; ``url(sub_path)`` is where a folder of it is seen."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.port = 0
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.start()

    def url(self, sub_path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{sub_path.strip('/')}/"

    def start(self) -> None:
        handler = functools.partial(_QuietHandler, directory=str(self.root))
        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        self.port = int(self._server.server_address[1])
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = self._thread = None
