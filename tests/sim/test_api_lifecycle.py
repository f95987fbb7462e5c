"""Job timelines and prompt markers, driven through Simulator.handle with a fake clock (no sleeps)."""

from __future__ import annotations

import pytest

from simulator import SimConfig, Simulator
from simulator.messages import SimRequest
from simulator.testing import FakeClock, FakeMedia, Harness, jbody, new_key


def _status(harness: Harness, video_id: object) -> tuple[object, object]:
    video = harness.video(video_id)
    return video["status"], video["progress"]


def test_a_job_is_queued_then_in_progress_then_completed(harness: Harness) -> None:
    video = harness.create()
    assert (video["status"], video["progress"], video["completed_at"], video["expires_at"]) == (
        "queued",
        0,
        None,
        None,
    )
    harness.clock.advance(1.0)  # 10 % of a 10 s job: still queued
    assert _status(harness, video["id"]) == ("queued", 0)
    harness.clock.advance(1.0)  # 20 %
    status, progress = _status(harness, video["id"])
    assert status == "in_progress"
    assert isinstance(progress, int)
    assert 0 <= progress < 10
    harness.clock.advance(7.99)
    assert _status(harness, video["id"]) == ("in_progress", 99)
    harness.clock.advance(0.01)
    done = harness.video(video["id"])
    assert (done["status"], done["progress"]) == ("completed", 100)
    assert done["completed_at"] == int(harness.clock.now)
    assert done["expires_at"] == int(harness.clock.now) + 3600
    assert done["created_at"] == int(harness.clock.now) - 10


def test_progress_only_rises(harness: Harness) -> None:
    video_id = harness.create()["id"]
    seen: list[int] = []
    for _ in range(40):
        harness.clock.advance(0.25)
        progress = harness.video(video_id)["progress"]
        assert isinstance(progress, int)
        seen.append(progress)
    assert seen == sorted(seen)
    assert seen[-1] == 100


def test_poll_hint_is_sent_only_while_running(harness: Harness) -> None:
    created = harness.call("POST", "/sim/v1/videos", json_body={"prompt": "p"})
    assert created.header("openai-poll-after-ms") == "2000"
    video_id = jbody(created)["id"]
    assert harness.call("GET", f"/sim/v1/videos/{video_id}").header("openai-poll-after-ms") == "2000"
    harness.clock.advance(10)
    assert harness.call("GET", f"/sim/v1/videos/{video_id}").header("openai-poll-after-ms") is None


def test_completed_content_expires_after_the_configured_time(harness: Harness) -> None:
    video_id = harness.create("[sim:duration=1]")["id"]
    harness.clock.advance(1)
    assert harness.call("GET", f"/sim/v1/videos/{video_id}/content").status == 200
    harness.clock.advance(3599.9)
    assert harness.video(video_id)["status"] == "completed"
    harness.clock.advance(0.1)
    expired = harness.call("GET", f"/sim/v1/videos/{video_id}/content")
    assert harness.video(video_id)["status"] == "expired"
    assert (expired.status, jbody(expired)["error"]["code"]) == (404, "video_expired")


def test_content_before_completion_is_404_not_ready(harness: Harness) -> None:
    video_id = harness.create()["id"]
    response = harness.call("GET", f"/sim/v1/videos/{video_id}/content?variant=thumbnail")
    error = jbody(response)["error"]
    assert response.status == 404
    assert error["code"] == "video_not_ready"
    assert "not ready" in error["message"]
    assert harness.media.renders == []


@pytest.mark.parametrize(
    ("marker", "code", "message"),
    [
        ("[sim:moderation]", "moderation_blocked", "Your request was blocked by our moderation system."),
        ("[sim:fail]", "video_generation_failed", "Video generation failed. Please try again."),
    ],
)
def test_failing_markers_fail_mid_way(harness: Harness, marker: str, code: str, message: str) -> None:
    video_id = harness.create(f"a cat {marker}")["id"]
    harness.clock.advance(4.9)
    assert harness.video(video_id)["status"] == "in_progress"
    harness.clock.advance(0.1)
    failed = harness.video(video_id)
    assert failed["status"] == "failed"
    assert failed["error"] == {"code": code, "message": message}
    assert failed["prompt"] == f"a cat {marker}"  # markers stay in the prompt
    assert failed["expires_at"] is None
    assert 0 < failed["progress"] < 100
    content = harness.call("GET", f"/sim/v1/videos/{video_id}/content")
    assert (content.status, jbody(content)["error"]["code"]) == (404, "video_not_ready")


def test_expired_marker_defaults_to_expiring_at_completion(harness: Harness) -> None:
    video_id = harness.create("[sim:expired]")["id"]
    harness.clock.advance(10)
    video = harness.video(video_id)
    assert video["status"] == "expired"
    assert video["expires_at"] == video["completed_at"]
    assert harness.call("GET", f"/sim/v1/videos/{video_id}/content").status == 404


def test_expired_marker_with_seconds(harness: Harness) -> None:
    video_id = harness.create("[sim:expired=30]")["id"]
    harness.clock.advance(10)
    video = harness.video(video_id)
    assert (video["status"], video["expires_at"]) == ("completed", video["completed_at"] + 30)
    harness.clock.advance(30)
    assert harness.video(video_id)["status"] == "expired"


@pytest.mark.parametrize(("marker", "status"), [("[sim:canceled]", "canceled"), ("[sim:status=archived]", "archived")])
def test_other_terminal_statuses(harness: Harness, marker: str, status: str) -> None:
    response = harness.call("POST", "/sim/v1/videos", json_body={"prompt": marker})
    video_id = jbody(response)["id"]
    harness.clock.advance(10)
    end = harness.call("GET", f"/sim/v1/videos/{video_id}")
    assert jbody(end)["status"] == status
    assert end.header("openai-poll-after-ms") is None  # unknown statuses are terminal
    assert harness.call("GET", f"/sim/v1/videos/{video_id}/content").status == 404


def test_duration_marker_overrides_the_configured_job_time(harness: Harness) -> None:
    video_id = harness.create("[sim:duration=0.5]")["id"]
    harness.clock.advance(0.5)
    assert harness.video(video_id)["status"] == "completed"
    instant = harness.create("[sim:duration=0]")
    assert instant["status"] == "completed"


def test_500_and_429_markers_fail_the_next_retrieves_then_recover(harness: Harness) -> None:
    video_id = harness.create("[sim:500=2] [sim:429=1]")["id"]
    path = f"/sim/v1/videos/{video_id}"
    head = harness.call("HEAD", path)  # HEAD looks but uses nothing up
    assert head.status == 200
    first, second, third = (harness.call("GET", path) for _ in range(3))
    assert [first.status, second.status] == [500, 500]
    assert jbody(first)["error"]["type"] == "server_error"
    assert third.status == 429
    assert jbody(third)["error"]["code"] == "rate_limit_exceeded"
    assert (third.header("retry-after"), third.header("retry-after-ms")) == ("1", "1000")
    assert harness.call("GET", path).status == 200
    assert harness.call("GET", "/sim/v1/videos").status == 200  # the list is never affected


def test_content500_marker_fails_downloads_then_recovers(harness: Harness) -> None:
    video_id = harness.create("[sim:content500=2] [sim:duration=0]")["id"]
    path = f"/sim/v1/videos/{video_id}/content"
    assert [harness.call("GET", path).status for _ in range(3)] == [500, 500, 200]
    assert harness.video(video_id)["status"] == "completed"


def test_truncate_marker_cuts_the_first_video_downloads(harness: Harness) -> None:
    video_id = harness.create("[sim:truncate=2] [sim:duration=0]")["id"]
    path = f"/sim/v1/videos/{video_id}/content"
    assert harness.call("GET", path + "?variant=thumbnail").truncate_at is None  # images are spared
    first = harness.call("GET", path)
    assert first.truncate_at == FakeMedia.VIDEO_BYTES // 2
    assert first.content_length == FakeMedia.VIDEO_BYTES  # the full length is still announced
    ranged = harness.call("GET", path, headers={"Range": "bytes=0-99"})
    assert (ranged.status, ranged.content_length, ranged.truncate_at) == (206, 100, 50)  # parts are cut too
    assert harness.call("GET", path).truncate_at is None
    assert harness.call("GET", path, headers={"Range": "bytes=0-99"}).truncate_at is None


def test_noranges_marker_answers_the_whole_file(harness: Harness) -> None:
    video_id = harness.create("[sim:noranges] [sim:duration=0]")["id"]
    answer = harness.call("GET", f"/sim/v1/videos/{video_id}/content", headers={"Range": "bytes=0-99"})
    assert (answer.status, answer.content_length) == (200, FakeMedia.VIDEO_BYTES)


def test_slow_marker_delays_every_answer_about_the_job(harness: Harness) -> None:
    created = harness.call("POST", "/sim/v1/videos", json_body={"prompt": "[sim:slow=300] [sim:duration=0]"})
    assert created.delay_s == pytest.approx(0.3)
    video_id = jbody(created)["id"]
    listed = harness.call("GET", "/sim/v1/videos")
    assert listed.delay_s == 0  # the job was stored before the delay, and lists are not slowed
    assert jbody(listed)["data"][0]["id"] == video_id
    for method, suffix in [("GET", ""), ("GET", "/content"), ("DELETE", "")]:
        assert harness.call(method, f"/sim/v1/videos/{video_id}{suffix}").delay_s == pytest.approx(0.3)
    assert int(created.header("openai-processing-ms") or 0) >= 300


def test_redirect_marker_points_to_a_signed_file_that_needs_no_key(harness: Harness) -> None:
    video_id = harness.create("[sim:redirect] [sim:duration=0]")["id"]
    redirect = harness.call("GET", f"/sim/v1/videos/{video_id}/content?variant=spritesheet")
    location = redirect.header("location") or ""
    assert redirect.status == 302
    assert location.startswith("/sim/files/")
    assert video_id not in location
    assert harness.key not in location
    served = harness.sim.handle(SimRequest.build("GET", location))  # no Authorization header
    assert (served.status, served.header("content-type")) == (200, "image/jpeg")
    assert served.header("access-control-allow-origin") == "*"
    harness.clock.advance(3600)  # the signed URL expires with the video
    assert harness.call("GET", location).status == 404


def test_signed_files_vanish_with_the_video(harness: Harness) -> None:
    video_id = harness.create("[sim:redirect] [sim:duration=0]")["id"]
    location = harness.call("GET", f"/sim/v1/videos/{video_id}/content").header("location") or ""
    assert harness.call("GET", location).status == 200
    assert harness.call("DELETE", f"/sim/v1/videos/{video_id}").status == 200
    gone = harness.call("GET", location)
    assert (gone.status, jbody(gone)["error"]["code"]) == (404, "file_not_found")
    assert harness.call("GET", "/sim/files/forged.token").status == 404


def test_bytes_marker_streams_exactly_n_bytes(harness: Harness) -> None:
    video_id = harness.create("[sim:bytes=3000000] [sim:duration=0]")["id"]
    response = harness.call("GET", f"/sim/v1/videos/{video_id}/content")
    assert response.content_length == 3_000_000
    assert not isinstance(response.body, bytes)  # streamed, not held in memory
    assert sum(len(chunk) for chunk in response.body) == 3_000_000
    ranged = harness.call("GET", f"/sim/v1/videos/{video_id}/content", headers={"Range": "bytes=-10"})
    assert ranged.status == 206
    assert ranged.header("content-range") == "bytes 2999990-2999999/3000000"
    assert not isinstance(ranged.body, bytes)
    assert b"".join(ranged.body) == b"\x00" * 10


def test_content_is_rendered_once_per_variant(harness: Harness) -> None:
    video_id = harness.create("[sim:duration=0]")["id"]
    for _ in range(3):
        for variant in ("video", "thumbnail", "spritesheet"):
            assert harness.call("GET", f"/sim/v1/videos/{video_id}/content?variant={variant}").status == 200
    assert sorted(harness.media.renders) == sorted(
        [("video", video_id), ("thumbnail", video_id), ("spritesheet", video_id)]
    )


def test_remix_keeps_model_size_and_seconds(harness: Harness) -> None:
    source = harness.create("[sim:duration=0]", model="sora-2-pro", size="1792x1024", seconds="8")
    remix = harness.call("POST", f"/sim/v1/videos/{source['id']}/remix", json_body={"prompt": "now at night"})
    video = jbody(remix)
    assert remix.status == 200
    assert video["remixed_from_video_id"] == source["id"]
    assert (video["model"], video["size"], video["seconds"]) == ("sora-2-pro", "1792x1024", "8")
    assert (video["status"], video["prompt"]) == ("queued", "now at night")
    assert video["id"] != source["id"]


def test_remix_needs_a_completed_source(harness: Harness) -> None:
    running = harness.create()["id"]
    response = harness.call("POST", f"/sim/v1/videos/{running}/remix", json_body={"prompt": "x"})
    error = jbody(response)["error"]
    assert (response.status, error["code"], error["param"]) == (400, "video_not_completed", "video_id")
    missing = harness.call("POST", "/sim/v1/videos/video_nope/remix", json_body={"prompt": "x"})
    assert (missing.status, jbody(missing)["error"]["code"]) == (404, "video_not_found")
    failed = harness.create("[sim:fail] [sim:duration=0]")["id"]
    assert harness.call("POST", f"/sim/v1/videos/{failed}/remix", json_body={"prompt": "x"}).status == 400


def test_remix_validates_its_body(harness: Harness) -> None:
    source = harness.create("[sim:duration=0]")["id"]
    path = f"/sim/v1/videos/{source}/remix"
    unknown = harness.call("POST", path, json_body={"prompt": "x", "seconds": "8"})
    assert jbody(unknown)["error"]["code"] == "unknown_parameter"
    missing = harness.call("POST", path, json_body={})
    assert jbody(missing)["error"]["code"] == "missing_required_parameter"


def test_jobs_beyond_max_jobs_are_forgotten_oldest_first() -> None:
    clock = FakeClock()
    harness = Harness(Simulator(SimConfig(max_jobs=2), clock=clock, media=FakeMedia()), clock, FakeMedia(), new_key())
    first, second, third = (harness.create(f"job {i}")["id"] for i in range(3))
    assert harness.call("GET", f"/sim/v1/videos/{first}").status == 404
    assert [harness.video(v)["id"] for v in (second, third)] == [second, third]


class _BrokenMedia(FakeMedia):
    def render_video(self, width: int, height: int, seconds: float, seed: str, *, fps: int = 24) -> bytes:
        raise RuntimeError("encoder bug")


def test_an_internal_failure_is_a_500_envelope_with_cors(caplog: pytest.LogCaptureFixture) -> None:
    clock = FakeClock()
    sim = Simulator(SimConfig(job_seconds=0), clock=clock, media=_BrokenMedia())
    harness = Harness(sim, clock, FakeMedia(), new_key())
    video_id = harness.create()["id"]
    response = harness.call("GET", f"/sim/v1/videos/{video_id}/content")
    assert response.status == 500
    assert jbody(response)["error"]["type"] == "server_error"
    assert response.header("access-control-allow-origin") == "*"
    assert "simulator failed on GET" in caplog.text
    assert harness.key not in caplog.text
