"""The simulator as the static site's service worker reaches it (simulator.pagehost): a site
under a sub-path, answers the worker can rebuild, and a state that outlives the host
(reloads, several tabs), driven the way static/js/sim-host.mjs drives it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest

from simulator import snapshot
from simulator.pagehost import PageAnswer, PageHost
from simulator.testing import FakeClock, FakeMedia, new_key

SITE = "https://user.github.io/repo/"
SIM = "https://user.github.io/repo/sim"


@dataclass
class SavedState:
    """What IndexedDB holds for the site: one record (revision, tag, bytes), shared by every tab."""

    record: tuple[int, str, bytes] | None = None


class Tab:
    """One page's host, loading and saving the shared state around each request like sim-host.mjs."""

    def __init__(self, saved: SavedState, clock: FakeClock, *, tag: str = "t1") -> None:
        options = json.dumps({"job_seconds": 10, "tag": tag})
        self.host = PageHost(SITE, options, clock=clock, media=FakeMedia())
        self.saved = saved

    def send(self, method: str, url: str, headers: dict[str, str] | None = None, body: bytes = b"") -> PageAnswer:
        record = self.saved.record
        if record is not None and record[0] != self.host.revision:
            self.host.restore(record[2], record[0], record[1])
        answer = self.host.answer(method, url, json.dumps(list((headers or {}).items())), body)
        changed = self.host.changes()
        if changed is not None:
            revision = (record[0] if record else 0) + 1
            self.saved.record = (revision, self.host.tag, changed)
            self.host.committed(revision)
        return answer

    def json(self, method: str, url: str, key: str, payload: object = None, **headers: str) -> tuple[int, Any]:
        body = b"" if payload is None else json.dumps(payload).encode()
        sent = {"authorization": f"Bearer {key}", "content-type": "application/json", **headers}
        answer = self.send(method, url, sent, body)
        return answer.status, json.loads(answer.body)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def saved() -> SavedState:
    return SavedState()


def test_a_render_on_a_sub_path_completes_and_downloads(saved: SavedState, clock: FakeClock) -> None:
    tab, key = Tab(saved, clock), new_key()
    status, video = tab.json("POST", f"{SIM}/v1/videos", key, {"prompt": "a lighthouse"})
    assert status == 200 and video["status"] == "queued"
    clock.advance(11)
    assert tab.json("GET", f"{SIM}/v1/videos/{video['id']}", key)[1]["status"] == "completed"
    answer = tab.send("GET", f"{SIM}/v1/videos/{video['id']}/content", {"authorization": f"Bearer {key}"})
    headers = dict(answer.headers)
    assert answer.status == 200 and headers["content-type"] == "video/mp4"
    assert int(headers["content-length"]) == len(answer.body) == FakeMedia.VIDEO_BYTES
    assert answer.body.startswith(b"\x00\x00\x00\x18ftyp")


def test_ranges_are_answered_as_the_simulator_does(saved: SavedState, clock: FakeClock) -> None:
    tab, key = Tab(saved, clock), new_key()
    video_id = tab.json("POST", f"{SIM}/v1/videos", key, {"prompt": "a lighthouse [sim:duration=0]"})[1]["id"]
    ranged = {"authorization": f"Bearer {key}", "range": "bytes=0-99"}
    answer = tab.send("GET", f"{SIM}/v1/videos/{video_id}/content", ranged)
    assert answer.status == 206 and len(answer.body) == 100
    assert dict(answer.headers)["content-range"] == f"bytes 0-99/{FakeMedia.VIDEO_BYTES}"


def test_a_render_started_before_a_reload_finishes_after_it(saved: SavedState, clock: FakeClock) -> None:
    key = new_key()
    video_id = Tab(saved, clock).json("POST", f"{SIM}/v1/videos", key, {"prompt": "a lighthouse"})[1]["id"]
    clock.advance(11)
    after_reload = Tab(saved, clock)  # a new page: a new worker, the saved state
    assert after_reload.json("GET", f"{SIM}/v1/videos/{video_id}", key)[1]["status"] == "completed"
    listed = after_reload.json("GET", f"{SIM}/v1/videos", key)[1]
    assert [v["id"] for v in listed["data"]] == [video_id]


def test_two_tabs_share_one_service(saved: SavedState, clock: FakeClock) -> None:
    first, second, key = Tab(saved, clock), Tab(saved, clock), new_key()
    video_id = first.json("POST", f"{SIM}/v1/videos", key, {"prompt": "a fox"})[1]["id"]
    assert second.json("DELETE", f"{SIM}/v1/videos/{video_id}", key)[0] == 200
    assert first.json("GET", f"{SIM}/v1/videos/{video_id}", key)[0] == 404


def test_injected_faults_are_used_up_once_across_tabs(saved: SavedState, clock: FakeClock) -> None:
    first, second, key = Tab(saved, clock), Tab(saved, clock), new_key()
    video_id = first.json("POST", f"{SIM}/v1/videos", key, {"prompt": "a fox [sim:500=1]"})[1]["id"]
    assert second.json("GET", f"{SIM}/v1/videos/{video_id}", key)[0] == 500
    assert first.json("GET", f"{SIM}/v1/videos/{video_id}", key)[0] == 200


def test_slow_and_truncated_answers_are_left_to_the_service_worker(saved: SavedState, clock: FakeClock) -> None:
    tab, key = Tab(saved, clock), new_key()
    prompt = "a fox [sim:duration=0] [sim:slow=700] [sim:truncate=1]"
    video_id = tab.json("POST", f"{SIM}/v1/videos", key, {"prompt": prompt})[1]["id"]
    url = f"{SIM}/v1/videos/{video_id}/content"
    cut = tab.send("GET", url, {"authorization": f"Bearer {key}"})
    assert cut.truncated and cut.delay_ms == 700
    assert len(cut.body) < int(dict(cut.headers)["content-length"])
    whole = tab.send("GET", url, {"authorization": f"Bearer {key}"})
    assert not whole.truncated and len(whole.body) == FakeMedia.VIDEO_BYTES


def test_a_redirect_stays_under_the_sub_path(saved: SavedState, clock: FakeClock) -> None:
    tab, key = Tab(saved, clock), new_key()
    video_id = tab.json("POST", f"{SIM}/v1/videos", key, {"prompt": "a fox [sim:duration=0] [sim:redirect]"})[1]["id"]
    moved = tab.send("GET", f"{SIM}/v1/videos/{video_id}/content", {"authorization": f"Bearer {key}"})
    location = dict(moved.headers)["location"]
    assert moved.status == 302 and location.startswith(f"{SIM}/files/")
    assert tab.send("GET", location).body.startswith(b"\x00\x00\x00\x18ftyp")


def test_absolute_urls_in_answers_name_the_site(saved: SavedState, clock: FakeClock) -> None:
    tab, key = Tab(saved, clock), new_key()
    body = {"model": "google/veo-3.1", "prompt": "a fox [sim:duration=0]", "duration": 8}
    job = tab.json("POST", f"{SIM}/openrouter/api/v1/videos", key, body)[1]
    done = tab.json("GET", f"{SIM}/openrouter/api/v1/videos/{job['id']}", key)[1]
    assert done["unsigned_urls"] == [f"{SIM}/openrouter/api/v1/videos/{job['id']}/content?index=0"]


def test_every_api_state_survives_a_snapshot(saved: SavedState, clock: FakeClock) -> None:
    """OpenAI, OpenRouter (jobs, sign-in codes) and Gemini state, the debug log and counters
    all go through a save and a restore (an attribute that cannot be saved fails here)."""
    tab, key = Tab(saved, clock), new_key()
    tab.json("POST", f"{SIM}/v1/videos", key, {"prompt": "one [sim:duration=0]"})
    router_job = tab.json("POST", f"{SIM}/openrouter/api/v1/videos", key, {"model": "google/veo-3.1", "prompt": "two"})[
        1
    ]
    gemini = {
        "model": "gemini-omni-1.2-flash",
        "input": "three [sim:duration=0]",
        "background": True,
        "response_format": {"type": "video", "aspect_ratio": "16:9", "resolution": "720p", "duration": "8s"},
    }
    interaction = tab.send(
        "POST", f"{SIM}/gemini/v1beta/interactions", {"x-goog-api-key": key}, json.dumps(gemini).encode()
    )
    assert interaction.status == 200, interaction.body
    second = Tab(saved, clock)
    assert saved.record is not None
    assert second.host.restore(saved.record[2], saved.record[0], saved.record[1])
    assert len(second.host.sim.log.recent(10)) == 3
    router = second.json("GET", f"{SIM}/openrouter/api/v1/videos/{router_job['id']}", key)
    assert router[0] == 200 and router[1]["status"] == "pending"
    interaction_id = json.loads(interaction.body)["id"]
    again = second.send("GET", f"{SIM}/gemini/v1beta/interactions/{interaction_id}", {"x-goog-api-key": key})
    assert json.loads(again.body)["status"] == "completed"


def test_debug_endpoints_answer_from_the_shared_state(saved: SavedState, clock: FakeClock) -> None:
    key = new_key()
    Tab(saved, clock).json("POST", f"{SIM}/v1/videos", key, {"prompt": "counted once"})
    answer = Tab(saved, clock).send("GET", f"{SIM}/debug/creates?prompt=counted+once")
    assert [entry["prompt"] for entry in json.loads(answer.body)["data"]] == ["counted once"]


def test_a_snapshot_of_another_build_or_a_broken_one_starts_afresh(saved: SavedState, clock: FakeClock) -> None:
    key = new_key()
    video_id = Tab(saved, clock, tag="old").json("POST", f"{SIM}/v1/videos", key, {"prompt": "a fox"})[1]["id"]
    assert Tab(saved, clock, tag="new").json("GET", f"{SIM}/v1/videos/{video_id}", key)[0] == 404
    host = PageHost(SITE, '{"tag": "t"}', media=FakeMedia())
    assert not host.restore(b"not a snapshot", 7, "t")
    assert host.revision == 7 and host.sim.store.in_scope("any") == []
    with pytest.raises(snapshot.SnapshotError):
        snapshot.load(host.sim, b"\x80\x05K\x01.")  # a valid pickle of the wrong shape


def test_paths_outside_the_simulator_are_not_found(saved: SavedState, clock: FakeClock) -> None:
    tab = Tab(saved, clock)
    assert tab.send("GET", "https://user.github.io/repo/index.html").status == 404
    assert tab.send("GET", "https://user.github.io/sim/v1/models").status == 404  # not under the site
    assert tab.send("GET", "https://elsewhere.example/repo/sim/v1/models").status == 404


def test_head_and_oversized_bodies(saved: SavedState, clock: FakeClock) -> None:
    tab, key = Tab(saved, clock), new_key()
    head = tab.send("HEAD", f"{SIM}/v1/models", {"authorization": f"Bearer {key}"})
    assert head.status == 200 and head.body == b"" and int(dict(head.headers)["content-length"]) > 0
    limit = tab.host.sim.config.max_body_bytes
    too_big = tab.send("POST", f"{SIM}/v1/videos", {"authorization": f"Bearer {key}"}, b"x" * (limit + 1))
    assert too_big.status == 413


def test_the_build_options_reach_the_simulator() -> None:
    host = PageHost(SITE, json.dumps({"job_seconds": 3, "poll_after_ms": 500, "unknown": 1}))
    config = host.sim.config
    assert (config.job_seconds, config.poll_after_ms, config.public_origin) == (3, 500, "https://user.github.io/repo")


def test_the_message_is_plain_values() -> None:
    answer = PageAnswer(206, [("a", "b")], b"xy", delay_ms=5, truncated=True)
    assert answer.to_message() == {
        "status": 206,
        "headers": [["a", "b"]],
        "body": b"xy",
        "delay_ms": 5,
        "truncated": True,
    }
