"""OpenRouter simulator over real HTTP: CORS and its absence, downloads with ranges, cut and resumed files."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest

from simulator.testing import LiveSim, Reply, SimClient, new_key

API = "/sim/openrouter/api/v1"
NOCORS = "/sim/openrouter-nocors/api/v1"
VEO = "google/veo-3.1-fast"
ORIGIN = {"Origin": "http://127.0.0.1:8000"}


@pytest.fixture
def client(live_sim: LiveSim) -> SimClient:
    return SimClient(live_sim.url, new_key())


def _done(client: SimClient, prompt: str, prefix: str = API, **fields: object) -> Any:
    """A job completed at once (720p 4 s: a small real MP4), as polled."""
    body = {"model": VEO, "prompt": f"{prompt} [sim:duration=0]", "duration": 4, **fields}
    created = client.post_json(f"{prefix}/videos", body)
    assert created.status == 202, created.body
    job = client.get(f"{prefix}/videos/{created.json()['id']}").json()
    assert job["status"] == "completed"
    return job


def _path(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


def _downloads(client: SimClient, job_id: str) -> Any:
    return SimClient(client.base_url).get(f"/sim/debug/downloads?provider=openrouter&job_id={job_id}").json()["data"]


def test_a_real_mp4_downloads_from_the_absolute_unsigned_url(client: SimClient, live_sim: LiveSim) -> None:
    job = _done(client, "a harbour")
    url = job["unsigned_urls"][0]
    assert url.startswith(live_sim.url + API + "/videos/")
    reply = client.get(_path(url))
    assert (reply.status, reply.headers["content-type"], reply.headers["accept-ranges"]) == (200, "video/mp4", "bytes")
    assert reply.body[4:8] == b"ftyp" and int(reply.headers["content-length"]) == len(reply.body)
    head = client.get(_path(url), headers={"Range": "bytes=0-99"})
    assert (head.status, head.headers["content-range"], head.body) == (
        206, f"bytes 0-99/{len(reply.body)}", reply.body[:100]
    )  # fmt: skip
    anonymous = SimClient(client.base_url).get(_path(url))
    assert anonymous.status == 401


def test_cut_downloads_resume_with_ranges_and_are_counted(client: SimClient) -> None:
    job = _done(client, "cut [sim:truncate=2] [sim:bytes=3000000]")
    path = _path(job["unsigned_urls"][0])
    first = client.get(path)
    assert first.incomplete and int(first.headers["content-length"]) == 3_000_000
    got = first.body
    second = client.get(path, headers={"Range": f"bytes={len(got)}-"})
    assert second.incomplete and second.status == 206
    got += second.body
    rest = client.get(path, headers={"Range": f"bytes={len(got)}-"})
    assert (rest.status, rest.incomplete) == (206, False)
    got += rest.body
    assert len(got) == 3_000_000 and got[4:8] == b"ftyp"
    [entry] = _downloads(client, job["id"])
    assert (entry["file"], entry["file_bytes"], entry["requests"], entry["statuses"]) == (
        "index=0", 3_000_000, 3, [200, 206, 206]
    )  # fmt: skip
    assert 3_000_000 <= entry["bytes_served"] <= 1.1 * 3_000_000


def test_noranges_always_sends_the_whole_file(client: SimClient) -> None:
    job = _done(client, "whole [sim:noranges]")
    reply = client.get(_path(job["unsigned_urls"][0]), headers={"Range": "bytes=0-9"})
    assert reply.status == 200 and "content-range" not in reply.headers and len(reply.body) > 10


def test_every_answer_carries_cors_errors_included(client: SimClient) -> None:
    answers = [
        client.post_json(f"{API}/videos", {"model": VEO, "prompt": "x"}),
        client.post_json(f"{API}/videos", {"model": "nope", "prompt": "x"}),
        client.get(f"{API}/videos/job-none"),
        SimClient(client.base_url).get(f"{API}/key"),
        SimClient(client.base_url).get(f"{API}/videos/models"),
        client.get(f"{API}/nowhere"),
    ]
    for reply in answers:
        assert reply.headers["access-control-allow-origin"] == "*"
        assert "retry-after" in reply.headers["access-control-expose-headers"]
        assert "content-range" in reply.headers["access-control-expose-headers"]


def _preflight(client: SimClient, prefix: str, headers: str) -> Reply:
    return SimClient(client.base_url).request(
        "OPTIONS",
        f"{prefix}/videos",
        headers={**ORIGIN, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": headers},
    )


def test_preflights_allow_the_attribution_headers_and_nothing_unknown(client: SimClient) -> None:
    wanted = "authorization,content-type,http-referer,x-openrouter-title,x-title,x-openrouter-categories,range"
    reply = _preflight(client, API, wanted)
    assert (reply.status, reply.headers["access-control-allow-origin"]) == (204, "*")
    assert reply.headers["access-control-allow-headers"].split(", ") == wanted.split(",")
    assert "POST" in reply.headers["access-control-allow-methods"]
    odd = _preflight(client, API, "authorization, x-custom-thing")
    assert odd.headers["access-control-allow-headers"] == "authorization"  # the browser refuses x-custom-thing


def test_the_nocors_variant_behaves_the_same_without_any_cors(client: SimClient) -> None:
    preflight = _preflight(client, NOCORS, "authorization, content-type")
    assert preflight.status == 405
    assert not [name for name in preflight.headers if name.startswith("access-control-")]
    job = _done(client, "no cors", prefix=NOCORS)
    assert urlsplit(job["unsigned_urls"][0]).path == f"{NOCORS}/videos/{job['id']}/content"
    for reply in (client.get(f"{NOCORS}/videos/{job['id']}"), client.get(_path(job["unsigned_urls"][0]))):
        assert reply.status == 200
        assert not [name for name in reply.headers if name.startswith("access-control-")]
    assert client.get(f"{API}/videos/{job['id']}").status == 200  # the same job on the CORS variant


def test_submits_are_counted_per_prompt(client: SimClient) -> None:
    prompt = f"count me {new_key()}"
    for _ in range(2):
        client.post_json(f"{API}/videos", {"model": VEO, "prompt": prompt})
    client.post_json(f"{API}/videos", {"model": VEO, "prompt": prompt, "duration": 5})
    query = urlencode({"provider": "openrouter", "prompt": prompt})
    data = SimClient(client.base_url).get(f"/sim/debug/creates?{query}").json()["data"]
    assert [(d["count"], d["accepted"], d["statuses"]) for d in data] == [(3, 2, [202, 202, 400])]
