"""Fixtures for the simulator tests: a real HTTP server, per-test keys, a fake-clock harness."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from simulator import SimConfig, Simulator
from simulator.http import SimRequestHandlerMixin
from simulator.testing import FakeClock, FakeMedia, Harness, LiveSim, SimClient, new_key


class _H(SimRequestHandlerMixin, BaseHTTPRequestHandler):
    """Only the simulator: anything else is a plain 404, as serve.py would fall through."""

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


@pytest.fixture(scope="session")
def live_sim() -> Iterator[LiveSim]:
    """One real ThreadingHTTPServer with the simulator, on a free port, for the whole run."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _H)
    simulator = Simulator(SimConfig(job_seconds=1.0, poll_after_ms=250))
    server.simulator = simulator  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, name="sim-server", daemon=True)
    thread.start()
    try:
        yield LiveSim(f"http://127.0.0.1:{server.server_address[1]}", simulator)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def client(live_sim: LiveSim) -> SimClient:
    """A client with a key of its own, so each test sees only its own jobs."""
    return SimClient(live_sim.url, new_key())


@pytest.fixture
def anon(live_sim: LiveSim) -> SimClient:
    """A client that sends no API key."""
    return SimClient(live_sim.url)


@pytest.fixture
def harness() -> Harness:
    """The simulator without HTTP: 10 s jobs, a clock that moves only when told, instant media."""
    clock = FakeClock()
    media = FakeMedia()
    sim = Simulator(SimConfig(job_seconds=10.0, poll_after_ms=2000, expires_after_s=3600), clock=clock, media=media)
    return Harness(sim, clock, media, new_key())
