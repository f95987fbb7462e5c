"""Over real HTTP with the real encoders: downloads, ranges, redirects, cut-off and padded files, delays."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from simulator.images import read_image_info, sniff_mime
from simulator.testing import LiveSim, Reply, SimClient, new_key


def _done(client: SimClient, markers: str = "") -> str:
    """A job that is completed at once (its content renders on first download)."""
    reply = client.post_json("/sim/v1/videos", {"prompt": f"a harbour at dawn [sim:duration=0] {markers}"})
    assert reply.status == 200, reply.body
    video_id: str = reply.json()["id"]
    return video_id


def _is_mp4(data: bytes) -> bool:
    return data[4:8] == b"ftyp"


@pytest.fixture(scope="module")
def finished(live_sim: LiveSim) -> tuple[SimClient, str]:
    """One completed job shared by the read-only download tests (rendered once)."""
    client = SimClient(live_sim.url, new_key())
    return client, _done(client)


@pytest.mark.parametrize(
    ("variant", "mime", "extension"),
    [
        ("video", "video/mp4", "mp4"),
        ("thumbnail", "image/webp", "webp"),
        ("spritesheet", "image/jpeg", "jpg"),
    ],
)
def test_every_variant_downloads_with_its_type(
    finished: tuple[SimClient, str], variant: str, mime: str, extension: str
) -> None:
    client, video_id = finished
    reply = client.get(f"/sim/v1/videos/{video_id}/content?variant={variant}")
    assert reply.status == 200
    assert reply.headers["content-type"] == mime
    assert int(reply.headers["content-length"]) == len(reply.body) > 1000
    assert reply.headers["content-disposition"].startswith("attachment; filename=")
    assert reply.headers["content-disposition"].endswith(f'.{extension}"')
    assert reply.headers["access-control-allow-origin"] == "*"
    if variant == "video":
        assert _is_mp4(reply.body)
    else:
        assert sniff_mime(reply.body) == mime
        assert read_image_info(reply.body) is not None


def test_video_is_the_default_variant_and_stable(finished: tuple[SimClient, str]) -> None:
    client, video_id = finished
    first = client.get(f"/sim/v1/videos/{video_id}/content")
    second = client.get(f"/sim/v1/videos/{video_id}/content?variant=video")
    assert first.headers["content-type"] == "video/mp4"
    assert first.body == second.body


def test_bad_variant_is_400_on_variant(finished: tuple[SimClient, str]) -> None:
    client, video_id = finished
    reply = client.get(f"/sim/v1/videos/{video_id}/content?variant=poster")
    assert reply.status == 400
    assert (reply.error()["param"], reply.error()["code"]) == ("variant", "invalid_value")
    assert "Supported values are: 'video', 'thumbnail', and 'spritesheet'." in reply.error()["message"]


def test_ranges_return_206_slices(finished: tuple[SimClient, str]) -> None:
    client, video_id = finished
    path = f"/sim/v1/videos/{video_id}/content"
    whole = client.get(path).body
    head = client.get(path, headers={"Range": "bytes=0-99"})
    assert (head.status, head.body) == (206, whole[:100])
    assert head.headers["content-range"] == f"bytes 0-99/{len(whole)}"
    assert head.headers["accept-ranges"] == "bytes"
    tail = client.get(path, headers={"Range": "bytes=-50"})
    assert (tail.status, tail.body) == (206, whole[-50:])
    rest = client.get(path, headers={"Range": f"bytes={len(whole) - 10}-"})
    assert rest.body == whole[-10:]
    beyond = client.get(path, headers={"Range": f"bytes={len(whole)}-"})
    assert beyond.status == 416
    assert beyond.headers["content-range"] == f"bytes */{len(whole)}"
    several = client.get(path, headers={"Range": "bytes=0-1,4-5"})
    assert (several.status, several.body) == (200, whole)


def test_head_on_content_sends_the_length_only(finished: tuple[SimClient, str]) -> None:
    client, video_id = finished
    whole = client.get(f"/sim/v1/videos/{video_id}/content?variant=thumbnail")
    head = client.request("HEAD", f"/sim/v1/videos/{video_id}/content?variant=thumbnail")
    assert (head.status, head.body) == (200, b"")
    assert head.headers["content-length"] == str(len(whole.body))


def test_content_of_a_running_job_is_404_not_ready(client: SimClient) -> None:
    video_id = client.post_json("/sim/v1/videos", {"prompt": "[sim:duration=60]"}).json()["id"]
    reply = client.get(f"/sim/v1/videos/{video_id}/content")
    assert (reply.status, reply.error()["code"]) == (404, "video_not_ready")
    assert reply.headers["access-control-allow-origin"] == "*"


def test_expired_content_is_404(client: SimClient) -> None:
    video_id = _done(client, "[sim:expired]")
    assert client.get(f"/sim/v1/videos/{video_id}").json()["status"] == "expired"
    reply = client.get(f"/sim/v1/videos/{video_id}/content")
    assert (reply.status, reply.error()["code"]) == (404, "video_expired")


def test_redirect_to_a_signed_file_url(client: SimClient, anon: SimClient) -> None:
    video_id = _done(client, "[sim:redirect]")
    redirect = client.get(f"/sim/v1/videos/{video_id}/content")
    assert redirect.status == 302
    assert redirect.headers["access-control-allow-origin"] == "*"
    location = redirect.headers["location"]
    assert location.startswith("/sim/files/")
    direct = anon.get(location)  # no key needed, like a signed URL
    assert (direct.status, direct.headers["content-type"]) == (200, "video/mp4")
    assert _is_mp4(direct.body)
    followed = client.get(f"/sim/v1/videos/{video_id}/content?variant=thumbnail", follow_redirects=True)
    assert (followed.status, followed.headers["content-type"]) == (200, "image/webp")
    assert anon.get(location[:-3] + "xyz").status == 404  # tampered token


def test_truncated_download_closes_early_then_recovers(client: SimClient) -> None:
    video_id = _done(client, "[sim:truncate=1]")
    cut = client.get(f"/sim/v1/videos/{video_id}/content")
    announced = int(cut.headers["content-length"])
    assert cut.incomplete
    assert 0 < len(cut.body) < announced
    assert len(cut.body) == announced // 2
    full = client.get(f"/sim/v1/videos/{video_id}/content")
    assert not full.incomplete
    assert len(full.body) == announced
    assert full.body[: len(cut.body)] == cut.body


def test_padded_video_has_exactly_the_requested_size(client: SimClient) -> None:
    video_id = _done(client, "[sim:bytes=3000000]")
    reply = client.get(f"/sim/v1/videos/{video_id}/content")
    assert reply.headers["content-length"] == "3000000"
    assert len(reply.body) == 3_000_000
    assert _is_mp4(reply.body)
    tail = client.get(f"/sim/v1/videos/{video_id}/content", headers={"Range": "bytes=2999000-"})
    assert (tail.status, tail.body) == (206, reply.body[2_999_000:])


def test_counted_server_errors_over_http(client: SimClient) -> None:
    video_id = _done(client, "[sim:500=1] [sim:429=1] [sim:content500=1]")
    statuses = [client.get(f"/sim/v1/videos/{video_id}").status for _ in range(3)]
    assert statuses == [500, 429, 200]
    limited_again = client.post_json("/sim/v1/videos", {"prompt": "[sim:429=1]"}).json()["id"]
    limited = client.get(f"/sim/v1/videos/{limited_again}")
    assert (limited.headers["retry-after"], limited.headers["retry-after-ms"]) == ("1", "1000")
    content = [client.get(f"/sim/v1/videos/{video_id}/content?variant=thumbnail").status for _ in range(2)]
    assert content == [500, 200]


def test_slow_create_is_stored_before_it_answers(client: SimClient) -> None:
    result: dict[str, Any] = {}

    def create() -> None:
        result["reply"] = client.post_json("/sim/v1/videos", {"prompt": "patience [sim:slow=600]"})

    started = time.monotonic()
    thread = threading.Thread(target=create)
    thread.start()
    try:
        deadline = time.monotonic() + 0.5
        listed: list[Any] = []
        while not listed and time.monotonic() < deadline:
            time.sleep(0.05)
            listed = client.get("/sim/v1/videos").json()["data"]
        assert [video["prompt"] for video in listed] == ["patience [sim:slow=600]"]
        assert "reply" not in result  # the POST is still waiting
    finally:
        thread.join(timeout=5)
    reply: Reply = result["reply"]
    assert reply.status == 200
    assert time.monotonic() - started >= 0.6
    assert reply.json()["id"] == listed[0]["id"]
    assert int(reply.headers["openai-processing-ms"]) >= 600
