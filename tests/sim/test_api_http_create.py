"""Over real HTTP: POST /videos in both encodings, every validation error, and the debug log."""

from __future__ import annotations

import base64
import http.client
import json
import re
from typing import Any

import pytest

from simulator.testing import LiveSim, Reply, SimClient, jpeg_image, png_image, webp_image

VIDEO_KEYS = {
    "id",
    "object",
    "model",
    "status",
    "progress",
    "created_at",
    "completed_at",
    "expires_at",
    "prompt",
    "size",
    "seconds",
    "quality",
    "remixed_from_video_id",
    "error",
}


def _data_url(data: bytes, mime: str = "image/png") -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode()}"


def _debug(client: SimClient, reply: Reply) -> Any:
    """The debug record of the request that produced ``reply`` (found by its request id)."""
    request_id = reply.headers["x-request-id"]
    records = SimClient(client.base_url).get(f"/sim/debug/requests?request_id={request_id}").json()["data"]
    assert len(records) == 1
    return records[0]


def test_multipart_create_returns_a_queued_video(client: SimClient) -> None:
    reply = client.post_form(
        "/sim/v1/videos",
        {"prompt": "a red kite", "model": "sora-2-pro", "seconds": "12", "size": "1792x1024"},
    )
    video = reply.json()
    assert reply.status == 200
    assert set(video) == VIDEO_KEYS
    assert re.fullmatch(r"video_[0-9a-f]{32}", video["id"])
    assert (video["object"], video["status"], video["progress"]) == ("video", "queued", 0)
    assert (video["model"], video["seconds"], video["size"], video["prompt"]) == (
        "sora-2-pro",
        "12",
        "1792x1024",
        "a red kite",
    )
    assert isinstance(video["created_at"], int)
    assert (video["completed_at"], video["expires_at"], video["error"], video["remixed_from_video_id"]) == (
        None,
        None,
        None,
        None,
    )
    assert reply.headers["openai-poll-after-ms"] == "250"


def test_json_create_uses_the_api_defaults(client: SimClient) -> None:
    video = client.post_json("/sim/v1/videos", {"prompt": "defaults"}).json()
    assert (video["model"], video["seconds"], video["size"], video["quality"]) == (
        "sora-2",
        "4",
        "720x1280",
        "standard",
    )


@pytest.mark.parametrize(
    ("image", "mime"), [(png_image, "image/png"), (jpeg_image, "image/jpeg"), (webp_image, "image/webp")]
)
def test_reference_images_are_sniffed_and_recorded(client: SimClient, image: Any, mime: str) -> None:
    data = image(1280, 720)
    reply = client.post_form(
        "/sim/v1/videos",
        {"prompt": "first frame", "size": "1280x720"},
        {"input_reference": ("frame.bin", "application/octet-stream", data)},  # the declared type is ignored
    )
    assert reply.status == 200, reply.body
    record = _debug(client, reply)
    assert record["image"] == {
        "source": "file",
        "mime": mime,
        "width": 1280,
        "height": 720,
        "bytes": len(data),
        "declared_mime": "application/octet-stream",
        "filename": "frame.bin",
    }
    assert record["fields"]["input_reference"] == {
        "filename": "frame.bin",
        "content_type": "application/octet-stream",
        "bytes": len(data),
    }
    assert record["video_id"] == reply.json()["id"]


def test_json_image_url_data_url_is_accepted(client: SimClient) -> None:
    data = png_image(720, 1280)
    reply = client.post_json("/sim/v1/videos", {"prompt": "p", "input_reference": {"image_url": _data_url(data)}})
    assert reply.status == 200, reply.body
    record = _debug(client, reply)
    assert record["image"]["source"] == "image_url"
    assert (record["image"]["mime"], record["image"]["bytes"]) == ("image/png", len(data))
    assert len(record["fields"]["input_reference"]["image_url"]) < 200  # shortened in the log


def test_the_debug_log_never_holds_the_key(client: SimClient) -> None:
    reply = client.request(
        "POST",
        "/sim/v1/videos",
        json_body={"prompt": "secret-free"},
        headers={"OpenAI-Project": "proj_123", "X-Api-Key": str(client.api_key)},
    )
    record = _debug(client, reply)
    assert record["headers"]["openai-project"] == "proj_123"
    assert "authorization" not in record["headers"]
    assert "x-api-key" not in record["headers"]
    everything = SimClient(client.base_url).get("/sim/debug/requests?limit=200").body.decode()
    assert str(client.api_key) not in everything
    assert (record["kind"], record["method"], record["path"], record["status"]) == (
        "create",
        "POST",
        "/sim/v1/videos",
        200,
    )


def test_debug_log_limit_filters_and_records_failures(client: SimClient, anon: SimClient) -> None:
    bad = client.post_json("/sim/v1/videos", {"prompt": "x", "seconds": 8})
    record = _debug(client, bad)
    assert record["status"] == 400
    assert record["error"]["code"] == "invalid_type"
    assert record["fields"] == {"prompt": "x", "seconds": 8}
    assert len(anon.get("/sim/debug/requests?limit=1").json()["data"]) == 1
    assert anon.get("/sim/debug/requests?limit=0").json()["data"] == []
    assert anon.get("/sim/debug/requests?limit=9999").status == 400
    assert anon.get("/sim/debug/nothing").status == 404


def _image_form(client: SimClient, data: bytes, *, size: str = "720x1280", as_text: bool = False) -> Reply:
    if as_text:
        return client.post_form("/sim/v1/videos", {"prompt": "p", "size": size, "input_reference": "frame.png"})
    return client.post_form(
        "/sim/v1/videos", {"prompt": "p", "size": size}, {"input_reference": ("f.png", "image/png", data)}
    )


# (body sent, status, param, code, fragment of the message)
JSON_CASES: list[tuple[dict[str, object], str | None, str | None, str]] = [
    ({"prompt": "x", "colour": "red"}, "colour", "unknown_parameter", "Unknown parameter: 'colour'."),
    ({"model": "sora-2"}, "prompt", "missing_required_parameter", "Missing required parameter: 'prompt'."),
    (
        {"prompt": 7},
        "prompt",
        "invalid_type",
        "Invalid type for 'prompt': expected a string, but got an integer",
    ),
    ({"prompt": None}, "prompt", "invalid_type", "but got null instead"),
    ({"prompt": ""}, "prompt", "string_below_min_length", "string too short"),
    ({"prompt": "x" * 32001}, "prompt", "string_above_max_length", "maximum length 32000, but got a string"),
    ({"prompt": "x [sim:nope]"}, "prompt", "invalid_value", "unknown simulator marker [sim:nope]"),
    ({"prompt": "x [sim:500=lots]"}, "prompt", "invalid_value", "needs a whole number"),
    (
        {"prompt": "x", "model": "sora-3"},
        "model",
        "invalid_value",
        "Invalid value: 'sora-3'. Supported values are:",
    ),
    ({"prompt": "x", "model": 2}, "model", "invalid_type", "Invalid type for 'model': expected a string"),
    (
        {"prompt": "x", "seconds": 4},
        "seconds",
        "invalid_type",
        "Invalid type for 'seconds': expected a string, but got an integer instead.",
    ),
    ({"prompt": "x", "seconds": 4.0}, "seconds", "invalid_type", "but got a decimal instead"),
    (
        {"prompt": "x", "seconds": "10"},
        "seconds",
        "invalid_value",
        "Invalid value: '10'. Supported values are: '4', '8', '12', '16', and '20'.",
    ),
    (
        {"prompt": "x", "size": "1920x1080"},
        "size",
        "invalid_value",
        "Supported values are: '1280x720' and '720x1280'.",
    ),
    ({"prompt": "x", "size": "big"}, "size", "invalid_value", "Invalid value: 'big'."),
    (
        {"prompt": "x", "input_reference": "https://x/y.png"},
        "input_reference",
        "invalid_type",
        "expected an object",
    ),
    (
        {"prompt": "x", "input_reference": {"file_id": "file_1", "image_url": "data:,"}},
        "input_reference",
        "invalid_value",
        "exactly one of 'file_id' or 'image_url'",
    ),
    ({"prompt": "x", "input_reference": {}}, "input_reference", "invalid_value", "exactly one of"),
    (
        {"prompt": "x", "input_reference": {"url": "x"}},
        "input_reference.url",
        "unknown_parameter",
        "Unknown parameter: 'input_reference.url'.",
    ),
    (
        {"prompt": "x", "input_reference": {"file_id": "file_1"}},
        "input_reference",
        "unsupported_parameter",
        "'file_id' references are not supported",
    ),
    (
        {"prompt": "x", "input_reference": {"image_url": 5}},
        "input_reference.image_url",
        "invalid_type",
        "expected a string",
    ),
    (
        {"prompt": "x", "input_reference": {"image_url": "https://example.com/a.png"}},
        "input_reference",
        "invalid_value",
        "does not fetch remote image URLs",
    ),
    (
        {"prompt": "x", "input_reference": {"image_url": "data:image/png,rawbytes"}},
        "input_reference",
        "invalid_value",
        "expected a base64-encoded data URL",
    ),
    (
        {"prompt": "x", "input_reference": {"image_url": "data:image/png;base64,!!notbase64!!"}},
        "input_reference",
        "invalid_value",
        "not valid base64",
    ),
    (
        {"prompt": "x", "input_reference": {"image_url": _data_url(png_image(1280, 720))}},
        "input_reference",
        None,
        "Inpaint image must match the requested width and height",
    ),
    (
        {"prompt": "x", "input_reference": {"image_url": _data_url(b"GIF89a......", "image/gif")}},
        "input_reference",
        "unsupported_file_mimetype",
        "unsupported mimetype ('image/gif'). Supported file formats are 'image/jpeg', 'image/png', and 'image/webp'.",
    ),
]


@pytest.mark.parametrize(("body", "param", "code", "fragment"), JSON_CASES)
def test_json_validation_errors(
    client: SimClient, body: dict[str, object], param: str | None, code: str | None, fragment: str
) -> None:
    reply = client.post_json("/sim/v1/videos", body)
    error = reply.error()
    assert reply.status == 400
    assert (error["type"], error["param"], error["code"]) == ("invalid_request_error", param, code)
    assert fragment in error["message"]
    assert reply.headers["access-control-allow-origin"] == "*"


def test_sizes_follow_the_model(client: SimClient) -> None:
    assert client.post_json("/sim/v1/videos", {"prompt": "x", "model": "sora-2-pro", "size": "1080x1920"}).status == 200
    assert client.post_json("/sim/v1/videos", {"prompt": "x", "model": "sora-2", "size": "1024x1792"}).status == 400
    for seconds in ("4", "8", "12", "16", "20"):
        assert client.post_json("/sim/v1/videos", {"prompt": "x", "seconds": seconds}).status == 200


@pytest.mark.parametrize(
    ("data", "options", "code", "fragment"),
    [
        (png_image(1280, 720), {}, None, "Inpaint image must match the requested width and height"),
        (b"GIF89a\x01\x00\x01\x00", {}, "unsupported_file_mimetype", "unsupported mimetype ('image/gif')"),
        (b"plain text, not an image", {}, "unsupported_file_mimetype", "unsupported mimetype ('image/png')"),
        (b"\x89PNG\r\n\x1a\n\x00", {}, "invalid_image", "could not be read"),
        (
            b"",
            {"as_text": True},
            "invalid_type",
            "Invalid type for 'input_reference': expected a file, but got a string",
        ),
    ],
)
def test_multipart_image_errors(
    client: SimClient, data: bytes, options: dict[str, bool], code: str | None, fragment: str
) -> None:
    reply = _image_form(client, data, as_text=options.get("as_text", False))
    error = reply.error()
    assert reply.status == 400
    assert (error["param"], error["code"]) == ("input_reference", code)
    assert fragment in error["message"]


def test_multipart_fields_are_checked_like_json(client: SimClient) -> None:
    unknown = client.post_form("/sim/v1/videos", {"prompt": "x", "n": "2"})
    assert (unknown.status, unknown.error()["code"]) == (400, "unknown_parameter")
    seconds = client.post_form("/sim/v1/videos", {"prompt": "x", "seconds": "5"})
    assert (seconds.error()["param"], seconds.error()["code"]) == ("seconds", "invalid_value")
    prompt_file = client.post_form("/sim/v1/videos", {}, {"prompt": ("p.txt", "text/plain", b"x")})
    assert prompt_file.error()["message"] == "Invalid type for 'prompt': expected a string, but got a file instead."


@pytest.mark.parametrize(
    ("content_type", "body", "fragment"),
    [
        ("application/json", b"{not json", "could not parse the JSON body"),
        ("application/json", b'["prompt"]', "Invalid type for 'body'"),
        ("text/plain", b"prompt", "Unsupported content type: 'text/plain'"),
        ("application/x-www-form-urlencoded", b"prompt=x", "Unsupported content type"),
        ("multipart/form-data", b"--x--", "multipart/form-data body"),
    ],
)
def test_unreadable_bodies(client: SimClient, content_type: str, body: bytes, fragment: str) -> None:
    reply = client.request("POST", "/sim/v1/videos", body=body, headers={"Content-Type": content_type})
    assert reply.status == 400
    assert fragment in reply.error()["message"]


def test_an_empty_body_misses_the_prompt(client: SimClient) -> None:
    reply = client.request("POST", "/sim/v1/videos", body=b"")
    assert (reply.status, reply.error()["code"]) == (400, "missing_required_parameter")


def _raw_connection(live_sim: LiveSim) -> http.client.HTTPConnection:
    host, port = live_sim.url.removeprefix("http://").split(":")
    return http.client.HTTPConnection(host, int(port), timeout=10)


def test_a_too_large_body_is_refused_unread(live_sim: LiveSim, client: SimClient) -> None:
    connection = _raw_connection(live_sim)
    try:
        connection.putrequest("POST", "/sim/v1/videos")
        connection.putheader("Authorization", f"Bearer {client.api_key}")
        connection.putheader("Content-Length", str(live_sim.simulator.config.max_body_bytes + 1))
        connection.endheaders()  # the body is never sent: the server must answer without it
        reply = connection.getresponse()
        assert reply.status == 413
        assert b"Request body too large" in reply.read()
        assert reply.getheader("access-control-allow-origin") == "*"
    finally:
        connection.close()


def test_a_chunked_body_is_read(live_sim: LiveSim, client: SimClient) -> None:
    connection = _raw_connection(live_sim)
    try:
        connection.request(
            "POST",
            "/sim/v1/videos",
            body=iter([b'{"prompt": ', b'"streamed"}']),
            headers={"Authorization": f"Bearer {client.api_key}", "Content-Type": "application/json"},
            encode_chunked=True,
        )
        reply = connection.getresponse()
        assert reply.status == 200
        assert json.loads(reply.read())["prompt"] == "streamed"
    finally:
        connection.close()


def test_an_empty_file_input_counts_as_no_image(client: SimClient) -> None:
    reply = client.post_form(
        "/sim/v1/videos", {"prompt": "p"}, {"input_reference": ("", "application/octet-stream", b"")}
    )
    assert reply.status == 200, reply.body
    assert _debug(client, reply)["image"] is None
