"""Fixtures for the simulator tests: a real HTTP server, per-test keys, a fake-clock harness."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from simulator import SimConfig, Simulator
from simulator.testing import FakeClock, FakeMedia, Harness, LiveSim, SimClient, new_key
from simulator.testserver import serve


@pytest.fixture(scope="session")
def live_sim() -> Iterator[LiveSim]:
    """One real ThreadingHTTPServer with the simulator, on a free port, for the whole run."""
    with serve(Simulator(SimConfig(job_seconds=1.0, poll_after_ms=250))) as live:
        yield live


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
