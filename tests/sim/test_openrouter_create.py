"""OpenRouter simulator: ``POST /videos`` validation against the catalogue (fake clock, no sockets)."""

from __future__ import annotations

import base64
from collections.abc import Mapping
from typing import Any

import pytest

from simulator.messages import SimRequest
from simulator.testing import Harness, jbody, jpeg_image, png_image, webp_image

VEO = "google/veo-3.1"


def data_uri(data: bytes, mime: str) -> str:
    return f"data:{mime};base64," + base64.b64encode(data).decode()


def frame(data: bytes, mime: str, frame_type: str = "first_frame") -> dict[str, object]:
    return {"type": "image_url", "image_url": {"url": data_uri(data, mime)}, "frame_type": frame_type}


def _media(harness: Harness) -> Any:
    """What the debug log says the last OpenRouter create brought in."""
    return harness.sim.log.recent(1, provider="openrouter")[0]["image"]


def _create(harness: Harness, body: Mapping[str, object]) -> tuple[int, Any]:
    response = harness.openrouter("POST", "/videos", json_body=body)
    return response.status, jbody(response)


def _error(harness: Harness, body: Mapping[str, object], status: int = 400) -> str:
    got, answer = _create(harness, body)
    assert got == status, answer
    assert set(answer) == {"error"}
    assert answer["error"]["code"] == status  # the HTTP status, as an integer
    message: str = answer["error"]["message"]
    return message


def test_a_valid_create_is_202_pending_with_a_relative_polling_url(harness: Harness) -> None:
    status, job = _create(harness, {"model": VEO, "prompt": "a fox", "duration": 8, "resolution": "1080p"})
    assert status == 202
    assert set(job) == {"id", "polling_url", "status"}
    assert job["status"] == "pending"
    assert job["polling_url"] == f"/sim/openrouter/api/v1/videos/{job['id']}"


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({"prompt": "x"}, "model is required"),
        ({"model": VEO, "prompt": "x", "colour": "red"}, "'colour'"),
        ({"model": 7, "prompt": "x"}, "model must be a string"),
        ({"model": VEO}, "prompt is required"),
        ({"model": VEO, "prompt": "  "}, "prompt must not be empty"),
        ({"model": VEO, "prompt": "x [sim:nosuch]"}, "unknown simulator marker"),
        ({"model": VEO, "prompt": "x [sim:redirect]"}, "unknown simulator marker"),
        ({"model": VEO, "prompt": "x", "duration": "8"}, "duration must be an integer"),
        ({"model": VEO, "prompt": "x", "duration": 8.0}, "duration must be an integer"),
        ({"model": VEO, "prompt": "x", "duration": True}, "duration must be an integer"),
        ({"model": VEO, "prompt": "x", "duration": 5}, "supported durations: 4, 6, 8"),
        ({"model": VEO, "prompt": "x", "resolution": "8K"}, "resolution must be one of"),
        ({"model": VEO, "prompt": "x", "resolution": "4k", "duration": 8}, "resolution must be one of"),
        ({"model": VEO, "prompt": "x", "resolution": "480p"}, "not supported by this model"),
        ({"model": VEO, "prompt": "x", "resolution": None}, "resolution must be a string"),
        ({"model": VEO, "prompt": "x", "aspect_ratio": "1:1"}, "aspect_ratio '1:1' is not supported"),
        ({"model": VEO, "prompt": "x", "size": "big"}, "WIDTHxHEIGHT"),
        ({"model": VEO, "prompt": "x", "size": "720x720"}, "size 720x720 is not supported"),
        ({"model": VEO, "prompt": "x", "size": "1280x720", "resolution": "1080p", "duration": 8}, "contradicts"),
        ({"model": VEO, "prompt": "x", "resolution": "1080p", "duration": 4}, "only at duration 8"),
        ({"model": VEO, "prompt": "x", "size": "3840x2160", "duration": 6}, "4K only at duration 8"),
        ({"model": VEO, "prompt": "x", "generate_audio": "yes"}, "generate_audio must be a boolean"),
        ({"model": "minimax/hailuo-2.3", "prompt": "x", "generate_audio": True}, "does not generate audio"),
        ({"model": "minimax/hailuo-2.3", "prompt": "x", "seed": 3}, "does not support seed"),
        ({"model": "kwaivgi/kling-v3.0-pro", "prompt": "x", "seed": 3}, "does not support seed"),
        ({"model": VEO, "prompt": "x", "seed": "3"}, "seed must be an integer"),
        ({"model": VEO, "prompt": "x", "upscale_factor": 2}, "upscaling models"),
        ({"model": VEO, "prompt": "x", "creativity": 1}, "upscaling models"),
        ({"model": VEO, "prompt": "x", "callback_url": "http://example.com/hook"}, "https"),
        ({"model": "bytedance/seedance-2.0", "prompt": "x", "resolution": "480p", "aspect_ratio": "9:21"}, "480x1120"),
    ],
)
def test_values_outside_the_catalogue_are_400(harness: Harness, body: dict[str, object], fragment: str) -> None:
    assert fragment in _error(harness, body)


def test_an_unknown_model_is_404(harness: Harness) -> None:
    assert "not a video generation model" in _error(harness, {"model": "openai/gpt-4o", "prompt": "x"}, 404)


@pytest.mark.parametrize(
    "body",
    [
        {"model": VEO, "prompt": "x", "size": "2160x3840", "duration": 8},
        {"model": VEO, "prompt": "x", "resolution": "720p", "aspect_ratio": "9:16", "duration": 4},
        {"model": "bytedance/seedance-2.0", "prompt": "x", "resolution": "4K", "aspect_ratio": "21:9"},
        {"model": "bytedance/seedance-2.0", "prompt": "x", "size": "854x480", "resolution": "480p"},
        {"model": "runway/aleph-2", "prompt": "x", "duration": 37, "resolution": "2K", "aspect_ratio": "3:2"},
        {"model": "minimax/hailuo-3", "prompt": "x", "aspect_ratio": "21:9"},
        {"model": "black-forest-labs/flux-3-video", "prompt": "x", "size": "1680x720"},
        {"model": VEO, "prompt": "x", "generate_audio": False, "seed": 42, "callback_url": "https://example.com/h"},
    ],
)
def test_values_inside_the_catalogue_are_accepted(harness: Harness, body: dict[str, object]) -> None:
    status, answer = _create(harness, body)
    assert status == 202, answer


@pytest.mark.parametrize(
    ("content_type", "body", "fragment"),
    [
        ("application/json", b"{not json", "Invalid JSON"),
        ("application/json", b"[1, 2]", "JSON object"),
        ("multipart/form-data; boundary=x", b"--x--", "application/json"),
    ],
)
def test_bodies_must_be_json_objects(harness: Harness, content_type: str, body: bytes, fragment: str) -> None:
    request = SimRequest.build(
        "POST", "/sim/openrouter/api/v1/videos", api_key=harness.key, headers={"content-type": content_type}, body=body
    )
    response = harness.sim.handle(request)
    assert response.status == 400
    assert fragment in jbody(response)["error"]["message"]


# ---- frame images and references ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "mime"),
    [(png_image(64, 36), "image/png"), (jpeg_image(64, 36), "image/jpeg"), (webp_image(64, 36), "image/webp")],
)
def test_frame_images_take_jpeg_png_and_webp_data_uris(harness: Harness, data: bytes, mime: str) -> None:
    body = {"model": VEO, "prompt": "x", "frame_images": [frame(data, mime)]}
    status, answer = _create(harness, body)
    assert status == 202, answer
    assert _media(harness) == [
        {"field": "frame_images[0]", "role": "first_frame", "mime": mime, "bytes": len(data), "width": 64,
         "height": 36, "honoured": True}
    ]  # fmt: skip


def test_a_frame_image_alone_needs_no_prompt(harness: Harness) -> None:
    status, _ = _create(harness, {"model": VEO, "frame_images": [frame(png_image(8, 8), "image/png")]})
    assert status == 202


@pytest.mark.parametrize(
    ("frames", "fragment"),
    [
        ([{"type": "image_url", "image_url": {"url": "https://example.com/cat.png"}, "frame_type": "first_frame"}],
         "cannot download remote URLs"),
        ([frame(png_image(8, 8), "image/jpeg")], "says image/jpeg but the bytes are image/png"),
        ([frame(b"GIF89a......", "image/gif")], "unsupported image type image/gif"),
        ([frame(b"\x89PNG\r\n\x1a\n\x00", "image/png")], "could not be read"),
        ([{"type": "image_url", "image_url": {"url": "data:image/png;base64,@@@"}, "frame_type": "first_frame"}],
         "not valid base64"),
        ([{"type": "image_url", "image_url": {"url": "data:image/png,raw"}, "frame_type": "first_frame"}],
         "base64-encoded"),
        ([frame(png_image(8, 8), "image/png", "middle_frame")], "first_frame' or 'last_frame'"),
        ([frame(png_image(8, 8), "image/png", "last_frame")], "needs a first_frame"),
        ([frame(png_image(8, 8), "image/png"), frame(png_image(8, 8), "image/png")], "more than one first_frame"),
        ([{**frame(png_image(8, 8), "image/png"), "detail": "high"}], "unrecognized key 'detail'"),
        ([{**frame(png_image(8, 8), "image/png"), "type": "image"}], "type must be 'image_url'"),
        ("not a list", "must be an array of objects"),
    ],
)  # fmt: skip
def test_bad_frame_images_are_400(harness: Harness, frames: object, fragment: str) -> None:
    assert fragment in _error(harness, {"model": VEO, "prompt": "x", "frame_images": frames})


def test_frame_types_must_be_the_models(harness: Harness) -> None:
    last = [frame(png_image(8, 8), "image/png"), frame(png_image(8, 8), "image/png", "last_frame")]
    assert "does not support last_frame" in _error(
        harness, {"model": "alibaba/wan-2.6", "prompt": "x", "frame_images": last}
    )
    one = [frame(png_image(8, 8), "image/png")]
    assert "does not support first_frame" in _error(
        harness, {"model": "openai/sora-2-pro", "prompt": "x", "frame_images": one}
    )


def _reference(kind: str, data: bytes, mime: str) -> dict[str, object]:
    return {"type": kind, kind: {"url": data_uri(data, mime)}}


MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 16
WAV = b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 16


def test_audio_and_video_references_count_only_where_honoured(harness: Harness) -> None:
    refs = [_reference("image_url", png_image(8, 8), "image/png"), _reference("video_url", MP4, "video/mp4"),
            _reference("audio_url", WAV, "audio/wav")]  # fmt: skip
    for model, honoured in (("bytedance/seedance-2.0", [True, True, True]), (VEO, [True, False, False])):
        status, answer = _create(harness, {"model": model, "prompt": "x", "input_references": refs})
        assert status == 202, answer
        assert [media["honoured"] for media in _media(harness)] == honoured


def test_frame_images_win_over_references(harness: Harness) -> None:
    body = {
        "model": VEO,
        "prompt": "x",
        "frame_images": [frame(png_image(8, 8), "image/png")],
        "input_references": [_reference("image_url", png_image(8, 8), "image/png")],
    }
    assert _create(harness, body)[0] == 202
    assert [(m["role"], m["honoured"]) for m in _media(harness)] == [("first_frame", True), ("image_url", False)]


@pytest.mark.parametrize(
    ("refs", "fragment"),
    [
        ([{"type": "text", "text": "x"}], "type must be one of"),
        ([_reference("video_url", WAV, "video/mp4")], "expected video data"),
        ([_reference("audio_url", WAV, "video/mp4")], "expected audio data"),
        ([_reference("image_url", png_image(8, 8), "image/png")] * 4, "at most 3 references"),
    ],
)
def test_bad_references_are_400(harness: Harness, refs: list[dict[str, object]], fragment: str) -> None:
    assert fragment in _error(harness, {"model": VEO, "prompt": "x", "input_references": refs})


@pytest.mark.parametrize(
    ("provider", "fragment"),
    [
        ({"options": {"google-vertex": {"parameters": {"negativePrompt": "rain", "seed2": 1}}}}, "'seed2'"),
        ({"options": {"google-vertex": {"temperature": 1}}}, "'temperature' is not an allowed passthrough"),
        ({"order": ["google-vertex"]}, "only 'options'"),
        ({"options": {"google-vertex": 3}}, "map provider slugs to objects"),
        ("google", "only 'options'"),
    ],
)
def test_provider_options_allow_only_the_passthrough_parameters(
    harness: Harness, provider: object, fragment: str
) -> None:
    assert fragment in _error(harness, {"model": VEO, "prompt": "x", "provider": provider})


def test_allowed_or_foreign_provider_options_pass(harness: Harness) -> None:
    options = {
        "google-vertex": {"parameters": {"negativePrompt": "rain", "personGeneration": "allow_adult"}},
        "byteplus": {"anything": True},  # options for another provider are ignored
    }
    assert _create(harness, {"model": VEO, "prompt": "x", "provider": {"options": options}})[0] == 202
