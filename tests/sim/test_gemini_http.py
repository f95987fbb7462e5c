"""Gemini simulator over real HTTP (and its file expiry with a fake clock): files, ranges, keys, CORS."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from simulator.testing import Harness, LiveSim, Reply, SimClient, jbody, new_key

API = "/sim/gemini/v1beta"
NOCORS = "/sim/gemini-nocors/v1beta"
PAGE = "http://127.0.0.1:8000"
FORMAT = {"type": "video", "aspect_ratio": "9:16", "resolution": "360p", "duration": "3s", "delivery": "uri"}


class Gemini:
    """A client that sends the key as ``x-goog-api-key``."""

    def __init__(self, live_sim: LiveSim, key: str | None = None) -> None:
        self.http = SimClient(live_sim.url)
        self.key = key if key is not None else new_key()

    def request(self, method: str, path: str, payload: object = None, **headers: str) -> Reply:
        all_headers = {"x-goog-api-key": self.key, **headers} if self.key else dict(headers)
        return self.http.request(method, path, json_body=payload, headers=all_headers)

    def done(self, prompt: str, prefix: str = API, **fields: object) -> Any:
        payload = {"model": "gemini-omni-1.2-flash", "input": f"{prompt} [sim:duration=0]", "background": True,
                   "response_format": dict(FORMAT), **fields}  # fmt: skip
        created = self.request("POST", f"{prefix}/interactions", payload)
        assert created.status == 200, created.body
        interaction = self.request("GET", f"{prefix}/interactions/{created.json()['id']}").json()
        assert interaction["status"] == "completed"
        return interaction


def _uri(interaction: Any) -> str:
    uri: str = interaction["steps"][-1]["content"][-1]["uri"]
    return uri


def _path(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


@pytest.fixture
def gemini(live_sim: LiveSim) -> Gemini:
    return Gemini(live_sim)


def test_the_video_downloads_with_the_key_in_a_header_or_the_query(gemini: Gemini, live_sim: LiveSim) -> None:
    interaction = gemini.done("a harbour")
    uri = _uri(interaction)
    assert uri.startswith(f"{live_sim.url}{API}/files/") and uri.endswith(":download?alt=media")
    reply = gemini.request("GET", _path(uri))
    assert (reply.status, reply.headers["content-type"]) == (200, "video/mp4")
    assert reply.body[4:8] == b"ftyp"
    by_query = SimClient(live_sim.url).get(f"{_path(uri)}&key={gemini.key}")
    assert by_query.body == reply.body
    part = gemini.request("GET", _path(uri), Range="bytes=10-19")
    assert (part.status, part.body, part.headers["content-range"]) == (
        206,
        reply.body[10:20],
        f"bytes 10-19/{len(reply.body)}",
    )
    assert SimClient(live_sim.url).get(_path(uri)).status == 403  # no key
    assert Gemini(live_sim).request("GET", _path(uri)).status == 403  # another key's file


def test_without_alt_media_the_answer_is_the_files_metadata(gemini: Gemini) -> None:
    interaction = gemini.done("metadata")
    base = _path(_uri(interaction)).removesuffix("?alt=media")
    for path in (base, base.removesuffix(":download")):
        meta = gemini.request("GET", path)
        assert meta.headers["content-type"] == "application/json"
        body = meta.json()
        assert (body["state"], body["mimeType"], body["source"]) == ("ACTIVE", "video/mp4", "GENERATED")
        assert int(body["sizeBytes"]) > 1000 and body["expirationTime"].endswith("Z")
        assert body["downloadUri"] == _uri(interaction)


def test_unknown_files_are_403_and_expired_ones_404(gemini: Gemini) -> None:
    assert gemini.request("GET", f"{API}/files/nosuchfile:download?alt=media").status == 403
    expired = gemini.done("gone [sim:expired]")
    reply = gemini.request("GET", _path(_uri(expired)))
    assert (reply.status, reply.json()["error"]["status"]) == (404, "NOT_FOUND")


def test_files_expire_after_48_hours(harness: Harness) -> None:
    payload = {"model": "gemini-omni-1.2-flash", "input": "x", "background": True, "response_format": FORMAT}
    created = jbody(harness.gemini("POST", "/interactions", json_body=payload))
    harness.clock.advance(10)
    done = jbody(harness.gemini("GET", f"/interactions/{created['id']}"))
    path = _path(_uri(done)).removeprefix(API)
    harness.clock.advance(48 * 3600 - 1)
    assert harness.gemini("GET", path).status == 200
    harness.clock.advance(1)
    assert harness.gemini("GET", path).status == 404
    assert jbody(harness.gemini("GET", f"/interactions/{created['id']}"))["status"] == "completed"


def test_cut_downloads_resume_and_the_bytes_are_counted(gemini: Gemini, live_sim: LiveSim) -> None:
    interaction = gemini.done("cut [sim:truncate=1] [sim:bytes=2000000] [sim:content500=1]")
    path = _path(_uri(interaction))
    assert gemini.request("GET", path).status == 500
    first = gemini.request("GET", path)
    assert first.incomplete and len(first.body) == 1_000_000
    rest = gemini.request("GET", path, Range=f"bytes={len(first.body)}-")
    assert (rest.status, rest.incomplete, len(first.body + rest.body)) == (206, False, 2_000_000)
    data = (
        SimClient(live_sim.url).get(f"/sim/debug/downloads?provider=gemini&job_id={interaction['id']}").json()["data"]
    )
    [entry] = data
    assert (entry["file_bytes"], entry["bytes_served"], entry["statuses"]) == (2_000_000, 2_000_000, [200, 206])


def _preflight(gemini: Gemini, prefix: str, headers: str) -> Reply:
    return gemini.http.request(
        "OPTIONS",
        f"{prefix}/interactions",
        headers={"Origin": PAGE, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": headers},
    )


def test_cors_echoes_the_origin_and_allows_the_browser_clients_headers(gemini: Gemini) -> None:
    preflight = _preflight(gemini, API, "x-goog-api-key,content-type,range,x-unknown")
    assert (preflight.status, preflight.headers["access-control-allow-origin"]) == (204, PAGE)
    assert preflight.headers["access-control-allow-headers"] == "x-goog-api-key, content-type, range"
    interaction = gemini.done("cors")
    for reply in (gemini.request("GET", f"{API}/interactions/{interaction['id']}", Origin=PAGE),
                  gemini.request("GET", _path(_uri(interaction)), Origin=PAGE),
                  gemini.request("GET", f"{API}/interactions/nope", Origin=PAGE)):  # fmt: skip
        assert reply.headers["access-control-allow-origin"] == PAGE
        assert "content-range" in reply.headers["access-control-expose-headers"]
    assert gemini.request("GET", f"{API}/models").headers["access-control-allow-origin"] == "*"


def test_the_nocors_variant_sends_no_cors_at_all(gemini: Gemini) -> None:
    preflight = _preflight(gemini, NOCORS, "x-goog-api-key")
    assert preflight.status == 405
    assert not [name for name in preflight.headers if name.startswith("access-control-")]
    interaction = gemini.done("plain", prefix=NOCORS)
    assert urlsplit(_uri(interaction)).path.startswith(f"{NOCORS}/files/")
    download = gemini.request("GET", _path(_uri(interaction)), Origin=PAGE)
    assert download.status == 200
    assert not [name for name in download.headers if name.startswith("access-control-")]
