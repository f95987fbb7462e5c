"""Over real HTTP: retrieve, list with cursors, delete, remix, per-key scoping, routing."""

from __future__ import annotations

import time
from typing import Any

import pytest

from simulator.testing import LiveSim, SimClient, new_key


def _create(client: SimClient, prompt: str = "[sim:duration=0]") -> Any:
    reply = client.post_json("/sim/v1/videos", {"prompt": prompt})
    assert reply.status == 200, reply.body
    return reply.json()


def test_retrieve_returns_the_same_video(client: SimClient) -> None:
    created = _create(client, "a fox")
    reply = client.get(f"/sim/v1/videos/{created['id']}")
    assert reply.status == 200
    assert reply.json()["id"] == created["id"]
    assert reply.json()["prompt"] == "a fox"
    assert reply.headers["content-type"] == "application/json"


def test_unknown_video_is_404_video_not_found(client: SimClient) -> None:
    reply = client.get("/sim/v1/videos/video_missing")
    error = reply.error()
    assert reply.status == 404
    assert error == {
        "message": "Video with id 'video_missing' not found.",
        "type": "invalid_request_error",
        "param": None,
        "code": "video_not_found",
    }


def test_a_real_job_completes_over_time(client: SimClient) -> None:
    video_id = _create(client, "[sim:duration=0.6]")["id"]
    statuses = []
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        reply = client.get(f"/sim/v1/videos/{video_id}")
        statuses.append(reply.json()["status"])
        if statuses[-1] == "completed":
            assert "openai-poll-after-ms" not in reply.headers
            break
        assert reply.headers["openai-poll-after-ms"] == "250"
        time.sleep(0.1)
    assert statuses[0] in ("queued", "in_progress")
    assert statuses[-1] == "completed"
    assert "in_progress" in statuses


def test_list_is_newest_first_with_cursors(client: SimClient) -> None:
    ids = [_create(client, f"job {n} [sim:duration=0]")["id"] for n in range(5)]
    first = client.get("/sim/v1/videos?limit=2").json()
    assert first["object"] == "list"
    assert [v["id"] for v in first["data"]] == ids[::-1][:2]
    assert (first["first_id"], first["last_id"], first["has_more"]) == (ids[4], ids[3], True)
    second = client.get(f"/sim/v1/videos?limit=2&after={first['last_id']}").json()
    assert [v["id"] for v in second["data"]] == [ids[2], ids[1]]
    third = client.get(f"/sim/v1/videos?limit=2&after={second['last_id']}").json()
    assert ([v["id"] for v in third["data"]], third["has_more"]) == ([ids[0]], False)


def test_list_ascending_default_limit_and_empty_pages(client: SimClient) -> None:
    assert client.get("/sim/v1/videos").json() == {
        "object": "list",
        "data": [],
        "first_id": None,
        "last_id": None,
        "has_more": False,
    }
    ids = [_create(client)["id"] for _ in range(22)]
    default = client.get("/sim/v1/videos").json()
    assert (len(default["data"]), default["has_more"]) == (20, True)
    ascending = client.get("/sim/v1/videos?order=asc&limit=100").json()
    assert [v["id"] for v in ascending["data"]] == ids
    assert ascending["has_more"] is False
    zero = client.get("/sim/v1/videos?limit=0").json()
    assert (zero["data"], zero["has_more"]) == ([], True)
    after_last = client.get(f"/sim/v1/videos?order=asc&after={ids[-1]}").json()
    assert (after_last["data"], after_last["has_more"]) == ([], False)


@pytest.mark.parametrize(
    ("query", "param", "code", "fragment"),
    [
        ("limit=-1", "limit", "integer_below_min_value", "Expected a value >= 0, but got -1 instead."),
        ("limit=101", "limit", "integer_above_max_value", "Expected a value <= 100, but got 101 instead."),
        (
            "limit=ten",
            "limit",
            "invalid_type",
            "Invalid type for 'limit': expected an integer, but got a string",
        ),
        (
            "order=newest",
            "order",
            "invalid_value",
            "Invalid value: 'newest'. Supported values are: 'asc' and 'desc'.",
        ),
        ("after=video_unknown", "after", "invalid_value", "no video with id 'video_unknown'"),
    ],
)
def test_list_parameter_errors(client: SimClient, query: str, param: str, code: str, fragment: str) -> None:
    reply = client.get(f"/sim/v1/videos?{query}")
    error = reply.error()
    assert reply.status == 400
    assert (error["param"], error["code"]) == (param, code)
    assert fragment in error["message"]


def test_jobs_are_scoped_per_key(client: SimClient, live_sim: LiveSim) -> None:
    video_id = _create(client)["id"]
    other = SimClient(live_sim.url, new_key())
    assert other.get("/sim/v1/videos").json()["data"] == []
    for method, suffix in [("GET", ""), ("GET", "/content"), ("DELETE", "")]:
        assert other.request(method, f"/sim/v1/videos/{video_id}{suffix}").status == 404
    remix = other.post_json(f"/sim/v1/videos/{video_id}/remix", {"prompt": "mine now"})
    assert remix.status == 404
    assert other.get(f"/sim/v1/videos?after={video_id}").status == 400
    assert client.get(f"/sim/v1/videos/{video_id}").status == 200


def test_delete_then_the_video_is_gone(client: SimClient) -> None:
    video_id = _create(client, "to delete")["id"]
    reply = client.delete(f"/sim/v1/videos/{video_id}")
    assert reply.status == 200
    assert reply.json() == {"id": video_id, "object": "video.deleted", "deleted": True}
    assert client.get(f"/sim/v1/videos/{video_id}").status == 404
    assert client.delete(f"/sim/v1/videos/{video_id}").status == 404
    assert client.get("/sim/v1/videos").json()["data"] == []


def test_remix_over_http_with_json_and_multipart(client: SimClient) -> None:
    source = _create(client)["id"]
    by_json = client.post_json(f"/sim/v1/videos/{source}/remix", {"prompt": "in winter"}).json()
    by_form = client.post_form(f"/sim/v1/videos/{source}/remix", {"prompt": "in spring"}).json()
    assert (by_json["remixed_from_video_id"], by_form["remixed_from_video_id"]) == (source, source)
    assert (by_json["prompt"], by_form["prompt"]) == ("in winter", "in spring")
    record = SimClient(client.base_url).get(f"/sim/debug/requests?video_id={by_form['id']}").json()["data"][0]
    assert (record["kind"], record["fields"]) == ("remix", {"prompt": "in spring"})


def test_remix_of_a_running_job_is_400(client: SimClient) -> None:
    running = _create(client, "[sim:duration=60]")["id"]
    reply = client.post_json(f"/sim/v1/videos/{running}/remix", {"prompt": "x"})
    assert (reply.status, reply.error()["code"]) == (400, "video_not_completed")


@pytest.mark.parametrize(
    ("marker", "status", "code"),
    [("sim-retired", 410, "model_deprecated"), ("sim-nomodel", 404, "model_not_found")],
)
def test_retired_and_nomodel_keys_cannot_remix(live_sim: LiveSim, marker: str, status: int, code: str) -> None:
    client = SimClient(live_sim.url, new_key(marker))
    reply = client.post_json("/sim/v1/videos/video_any/remix", {"prompt": "x"})
    assert (reply.status, reply.error()["code"]) == (status, code)


@pytest.mark.parametrize(
    ("method", "path", "expected"),
    [
        ("GET", "/sim/v1/nothing", "Invalid URL (GET /v1/nothing)"),
        ("PUT", "/sim/v1/videos", "Invalid URL (PUT /v1/videos)"),
        ("POST", "/sim/v1/models", "Invalid URL (POST /v1/models)"),
        ("GET", "/sim/v1/videos/a/b/c", "Invalid URL (GET /v1/videos/a/b/c)"),
        ("GET", "/sim/v1", "Invalid URL (GET /v1)"),
    ],
)
def test_unknown_routes_are_openais_invalid_url(client: SimClient, method: str, path: str, expected: str) -> None:
    reply = client.request(method, path)
    assert reply.status == 404
    assert reply.error()["message"] == expected


def test_trailing_slashes_are_tolerated(client: SimClient) -> None:
    assert client.get("/sim/v1/models/").status == 200


def test_paths_outside_the_simulator_fall_through(client: SimClient) -> None:
    for path in ("/", "/index.html", "/sim", "/sim/v2/videos", "/simulator/v1/videos"):
        reply = client.get(path)
        assert reply.status == 404
        assert "x-request-id" not in reply.headers  # answered by the host server, not the simulator


def test_head_answers_headers_only(client: SimClient) -> None:
    video_id = _create(client)["id"]
    reply = client.request("HEAD", f"/sim/v1/videos/{video_id}")
    assert reply.status == 200
    assert reply.body == b""
    assert int(reply.headers["content-length"]) > 100
