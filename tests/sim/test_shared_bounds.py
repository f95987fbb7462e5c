"""Over real HTTP: request bodies bounded in size and in how many are read at once, per provider envelope."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from contextlib import ExitStack

import pytest

from simulator import SimConfig, Simulator
from simulator.testing import LiveSim, Reply, SimClient, new_key
from simulator.testserver import serve

READERS = 2


@pytest.fixture(scope="module")
def small_sim() -> Iterator[LiveSim]:
    config = SimConfig(job_seconds=1.0, max_body_bytes=4096, max_body_readers=READERS)
    with serve(Simulator(config)) as live:
        yield live


ROUTES = [
    ("/sim/v1/videos", {"Authorization": "Bearer k"}),
    ("/sim/openrouter/api/v1/videos", {"Authorization": "Bearer k"}),
    ("/sim/gemini/v1beta/interactions", {"x-goog-api-key": "k"}),
]


def _post(live: LiveSim, path: str, headers: dict[str, str], size: int) -> Reply:
    body = b'{"prompt": "' + b"x" * size + b'"}'
    return SimClient(live.url).request("POST", path, body=body, headers={**headers, "Content-Type": "application/json"})


def _assert_envelope(path: str, reply: Reply, status: int) -> None:
    error = reply.json()["error"]
    if path.startswith("/sim/openrouter"):
        assert error["code"] == status and set(error) == {"code", "message"}
    elif path.startswith("/sim/gemini"):
        assert error["code"] == status and error["status"] in ("INVALID_ARGUMENT", "UNAVAILABLE")
    else:
        assert set(error) == {"message", "type", "param", "code"}


@pytest.mark.parametrize(("path", "headers"), ROUTES)
def test_oversized_bodies_are_413_in_each_providers_envelope(
    small_sim: LiveSim, path: str, headers: dict[str, str]
) -> None:
    reply = _post(small_sim, path, headers, 5000)
    assert reply.status == 413
    _assert_envelope(path, reply, 413)
    assert reply.headers.get("connection") == "close"


def _stalled_uploads(live: LiveSim, count: int, stack: ExitStack) -> None:
    """``count`` connections that send headers and part of a body, then stall."""
    port = int(live.url.rsplit(":", 1)[1])
    for _ in range(count):
        sock = stack.enter_context(socket.create_connection(("127.0.0.1", port), timeout=5))
        sock.sendall(
            b"POST /sim/openrouter/api/v1/videos HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer k\r\n"
            b'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"mod'
        )


def _wait_until_busy(live: LiveSim, path: str, headers: dict[str, str]) -> Reply:
    deadline = time.monotonic() + 5
    while True:
        reply = _post(live, path, headers, 10)
        if reply.status == 503 or time.monotonic() > deadline:
            return reply
        time.sleep(0.02)


@pytest.mark.parametrize(("path", "headers"), ROUTES)
def test_too_many_bodies_at_once_are_503_with_retry_after(
    small_sim: LiveSim, path: str, headers: dict[str, str]
) -> None:
    with ExitStack() as stack:
        _stalled_uploads(small_sim, READERS, stack)
        busy = _wait_until_busy(small_sim, path, headers)
        assert (busy.status, busy.headers["retry-after"]) == (503, "1")
        _assert_envelope(path, busy, 503)
        assert SimClient(small_sim.url, "k").get("/sim/openrouter/api/v1/key").status == 200  # bodiless calls go on
    deadline = time.monotonic() + 5
    while _post(small_sim, path, headers, 10).status == 503 and time.monotonic() < deadline:
        time.sleep(0.02)  # the stalled readers give their slots back once their clients hang up
    assert _post(small_sim, path, headers, 10).status != 503


def test_debug_counters_filter_by_provider_and_refuse_unknown_ones(live_sim: LiveSim) -> None:
    anon = SimClient(live_sim.url)
    prompt = f"debug counters {new_key()}"
    SimClient(live_sim.url, new_key()).post_json("/sim/v1/videos", {"prompt": prompt})
    assert [d["provider"] for d in anon.get("/sim/debug/creates?provider=openai").json()["data"]][:1] == ["openai"]
    mine = [d for d in anon.get("/sim/debug/creates").json()["data"] if d["prompt"] == prompt]
    assert [(d["provider"], d["count"], d["accepted"]) for d in mine] == [("openai", 1, 1)]
    assert anon.get("/sim/debug/creates?provider=sora").status == 400
    assert anon.get("/sim/debug/downloads?provider=nobody").status == 400
    assert anon.get("/sim/debug/downloads?job_id=none").json()["data"] == []
    assert anon.get("/sim/debug/requests?provider=gemini&limit=1").status == 200
