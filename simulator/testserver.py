"""A real HTTP server that serves only the simulator, for tests and benchmarks.

Anything that is not a simulator path gets a plain 404, as ``serve.py`` would fall
through to its static files.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from simulator.api import Simulator
from simulator.http import SimRequestHandlerMixin
from simulator.testing import LiveSim


class SimOnlyHandler(SimRequestHandlerMixin, BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _sim_or_404(self) -> None:
        if not self.handle_sim():
            self.send_error(404)

    def do_GET(self) -> None:
        self._sim_or_404()

    def do_HEAD(self) -> None:
        self._sim_or_404()

    def do_POST(self) -> None:
        self._sim_or_404()

    def do_DELETE(self) -> None:
        self._sim_or_404()

    def do_OPTIONS(self) -> None:
        self._sim_or_404()

    def do_PUT(self) -> None:
        self._sim_or_404()

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""


@contextmanager
def serve(simulator: Simulator, host: str = "127.0.0.1") -> Iterator[LiveSim]:
    """``simulator`` on a free port of ``host`` until the block ends."""
    server = ThreadingHTTPServer((host, 0), SimOnlyHandler)
    server.daemon_threads = True
    server.simulator = simulator  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, name="sim-server", daemon=True)
    thread.start()
    try:
        yield LiveSim(f"http://{host}:{server.server_address[1]}", simulator)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
