"""Gemini simulator: ``POST /interactions`` validation for Omni Flash (fake clock, no sockets)."""

from __future__ import annotations

import base64
from collections.abc import Mapping
from typing import Any

import pytest

from simulator.messages import SimRequest
from simulator.testing import Harness, jbody, jpeg_image, png_image, webp_image

OMNI = "gemini-omni-1.2-flash"
FORMAT = {"type": "video", "aspect_ratio": "16:9", "resolution": "720p", "duration": "8s", "delivery": "uri"}


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def image(data: bytes = b"", mime: str = "image/png") -> dict[str, object]:
    return {"type": "image", "data": b64(data or png_image(16, 9)), "mime_type": mime}


def body(**changes: object) -> dict[str, object]:
    return {"model": OMNI, "input": "a lighthouse", "background": True, "response_format": dict(FORMAT), **changes}


def _images(harness: Harness) -> Any:
    """The images of the last Gemini create, as the debug log describes them."""
    return harness.sim.log.recent(1, provider="gemini")[0]["image"]


def _create(harness: Harness, payload: Mapping[str, object]) -> tuple[int, Any]:
    response = harness.gemini("POST", "/interactions", json_body=payload)
    return response.status, jbody(response)


def _error(harness: Harness, payload: Mapping[str, object], status: int = 400) -> Any:
    got, answer = _create(harness, payload)
    assert got == status, answer
    error = answer["error"]
    assert error["code"] == status and error["status"] == {400: "INVALID_ARGUMENT", 404: "NOT_FOUND"}[status]
    return error


def test_a_valid_create_returns_the_interaction_queued(harness: Harness) -> None:
    status, interaction = _create(harness, body())
    assert status == 200
    assert set(interaction) == {"id", "object", "model", "status", "created", "updated"}
    assert (interaction["object"], interaction["model"], interaction["status"]) == ("interaction", OMNI, "queued")
    assert interaction["created"].endswith("Z") and interaction["id"].startswith("v1_")


def test_skipqueue_answers_in_progress_at_once(harness: Harness) -> None:
    assert _create(harness, body(input="x [sim:skipqueue]"))[1]["status"] == "in_progress"


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"colour": "red"}, 'Unknown name "colour" at root: Cannot find field.'),
        ({"model": None}, "model is required"),
        ({"input": None}, "input must be a string"),
        ({"input": ""}, "input must contain a text prompt"),
        ({"input": []}, "input must be a string"),
        ({"input": "x [sim:nosuch]"}, "unknown simulator marker"),
        ({"input": "x [sim:absolute_poll]"}, "unknown simulator marker"),
        ({"background": "yes"}, "Invalid value at 'background' (TYPE_BOOL)"),
        ({"store": 1}, "Invalid value at 'store' (TYPE_BOOL)"),
        ({"stream": True}, "Streaming is not supported"),
        ({"tools": [{"type": "google_search"}]}, "Tools are not supported"),
        ({"agent": "deep-research"}, "'agent' cannot be used"),
        ({"response_modalities": ["VIDEO"]}, "Invalid value at 'response_modalities[0]'"),
        ({"response_modalities": ["text"]}, 'must be ["video"]'),
        ({"response_mime_type": "text/plain"}, "response_mime_type"),
        ({"response_format": {**FORMAT, "resolution": "4K"}}, '"4K"'),
        ({"response_format": {**FORMAT, "resolution": "1440p"}}, 'Resolution), "1440p"'),
        ({"response_format": {**FORMAT, "aspect_ratio": "1:1"}}, 'AspectRatio), "1:1"'),
        ({"response_format": {**FORMAT, "duration": 8}}, "(type.googleapis.com/google.protobuf.Duration), 8"),
        ({"response_format": {**FORMAT, "duration": "8"}}, 'Duration), "8"'),
        ({"response_format": {**FORMAT, "duration": "2s"}}, "minimum allowed 3s, maximum allowed 15s"),
        ({"response_format": {**FORMAT, "duration": "16s"}}, "out of range"),
        ({"model": "gemini-omni-1.1-flash", "response_format": {**FORMAT, "duration": "12s"}}, "maximum allowed 10s"),
        ({"response_format": {**FORMAT, "delivery": "gcs"}}, 'Delivery), "gcs"'),
        ({"response_format": {**FORMAT, "gcs_uri": "gs://b/o"}}, "only supported on Vertex AI"),
        ({"response_format": {**FORMAT, "fps": 30}}, "Unknown name \"fps\" at 'response_format'"),
        ({"response_format": {"type": "text"}}, "type 'text' is not supported"),
        ({"response_format": [FORMAT, FORMAT]}, "more than one video format"),
        ({"response_format": "video"}, "must be an object or a list"),
        ({"generation_config": {"temperature": 1}}, 'Unknown name "temperature"'),
        ({"generation_config": {"seed": 1.5}}, "Invalid value at 'generation_config.seed' (TYPE_INT32)"),
        ({"generation_config": {"seed": 2**40}}, "TYPE_INT32"),
        ({"generation_config": {"thinking_level": "max"}}, "ThinkingLevel"),
        ({"generation_config": {"video_config": {"task": "dance"}}}, 'Task), "dance"'),
        ({"generation_config": {"video_config": {"task": "extend"}}}, "needs previous_interaction_id"),
        ({"generation_config": {"video_config": {"task": "image_to_video"}}}, "needs an image tagged <FIRST_FRAME>"),
        ({"generation_config": {"video_config": {"task": "reference_to_video"}}}, "<IMAGE_REF_n>"),
        ({"previous_interaction_id": 7}, "previous_interaction_id"),
    ],
)
def test_bad_fields_are_400_invalid_argument(harness: Harness, changes: dict[str, object], fragment: str) -> None:
    assert fragment in _error(harness, body(**changes))["message"]


def test_field_violations_name_the_field(harness: Harness) -> None:
    error = _error(harness, body(response_format={**FORMAT, "duration": 8}))
    [violation] = error["details"][0]["fieldViolations"]
    assert error["details"][0]["@type"] == "type.googleapis.com/google.rpc.BadRequest"
    assert violation["field"] == "response_format.duration"


@pytest.mark.parametrize(
    ("model", "fragment"),
    [
        ("veo-3.1-generate-preview", "is no longer available"),
        ("gemini-omni-flash-preview", "is no longer available"),
        ("gemini-2.5-flash", "is not found for API version v1beta"),
        ("models/gemini-omni-1.2-flash", "is not found"),
    ],
)
def test_retired_and_unknown_models_are_404(harness: Harness, model: str, fragment: str) -> None:
    assert fragment in _error(harness, body(model=model), 404)["message"]


@pytest.mark.parametrize(
    "value",
    [
        "a lighthouse",
        {"type": "text", "text": "a lighthouse"},
        [{"type": "text", "text": "a lighthouse"}],
        [{"type": "user_input", "content": [{"type": "text", "text": "a lighthouse"}]}],
    ],
)
def test_every_input_form_is_accepted(harness: Harness, value: object) -> None:
    assert _create(harness, body(input=value))[0] == 200
    assert harness.sim.log.recent(1, provider="gemini")[0]["prompt"] == "a lighthouse"


@pytest.mark.parametrize(
    ("data", "mime"),
    [(png_image(16, 9), "image/png"), (jpeg_image(16, 9), "image/jpeg"), (webp_image(16, 9), "image/webp")],
)
def test_first_frame_images_bind_by_tag(harness: Harness, data: bytes, mime: str) -> None:
    payload = body(input=[image(data, mime), {"type": "text", "text": "<FIRST_FRAME> the cat wakes"}])
    assert _create(harness, payload)[0] == 200
    [described] = _images(harness)
    assert described == {"image": "Image1", "mime": mime, "bytes": len(data), "width": 16, "height": 9,
                         "roles": ["first_frame"]}  # fmt: skip


def test_tags_with_image_numbers_bind_and_untagged_images_get_no_role(harness: Harness) -> None:
    text = "[# Sources <FIRST_FRAME>@Image2 <LAST_FRAME>@Image1] sunrise to sunset"
    payload = body(input=[image(), image(), image(), {"type": "text", "text": text}])
    assert _create(harness, payload)[0] == 200
    roles = [i["roles"] for i in _images(harness)]
    assert roles == [["last_frame"], ["first_frame"], None]


def test_reference_images_bind_in_order(harness: Harness) -> None:
    text = "<IMAGE_REF_0> and <IMAGE_REF_1> walk on a beach"
    task = {"video_config": {"task": "reference_to_video"}}
    payload = body(input=[image(), image(), {"type": "text", "text": text}], generation_config=task)
    assert _create(harness, payload)[0] == 200
    roles = [i["roles"] for i in _images(harness)]
    assert roles == [["image_ref_0"], ["image_ref_1"]]


@pytest.mark.parametrize(
    ("blocks", "fragment"),
    [
        ([image(), {"type": "text", "text": "<FIRST_FRAME>@Image3 x"}], "names Image3, but the input has 1"),
        ([{"type": "text", "text": "<LAST_FRAME> x"}], "refers to no image"),
        ([image(), {"type": "text", "text": "<LAST_FRAME> x"}], "needs an image tagged <FIRST_FRAME>"),
        ([image(png_image(8, 8), "image/jpeg"), {"type": "text", "text": "x"}], "not a readable image/jpeg"),
        ([image(b"GIF89a....", "image/gif"), {"type": "text", "text": "x"}], "Unsupported MIME type: image/gif"),
        ([{"type": "image", "data": "data:image/png;base64," + b64(png_image(8, 8)), "mime_type": "image/png"},
          {"type": "text", "text": "x"}], "Base64 decoding failed"),
        ([{"type": "image", "data": b64(png_image(8, 8))}, {"type": "text", "text": "x"}], "mime_type is required"),
        ([{"type": "image", "uri": "files/abc", "mime_type": "image/png"}, {"type": "text", "text": "x"}],
         "does not exist"),
        ([{"type": "video", "uri": "files/v"}, {"type": "text", "text": "x"}], "'video' is not supported"),
        ([{"type": "text", "text": "x", "bold": True}], 'Unknown name "bold"'),
        ([image()] * 11 + [{"type": "text", "text": "x"}], "At most 10 images"),
        ([{"type": "user_input", "content": []}], "no content"),
        ([{"type": "user_input", "content": [{"type": "text", "text": "x"}]}, {"type": "text", "text": "y"}],
         "must all be user_input"),
    ],
)  # fmt: skip
def test_bad_inputs_are_400(harness: Harness, blocks: list[dict[str, object]], fragment: str) -> None:
    assert fragment in _error(harness, body(input=blocks))["message"]


def test_too_many_reference_images_for_the_model(harness: Harness) -> None:
    tags = " ".join(f"<IMAGE_REF_{i}>" for i in range(4))
    payload = body(model="gemini-omni-1.1-flash", input=[image()] * 4 + [{"type": "text", "text": tags}],
                   response_format={**FORMAT, "duration": "5s"})  # fmt: skip
    assert "at most 3 reference images" in _error(harness, payload)["message"]


def test_first_and_last_frame_videos_are_at_most_ten_seconds(harness: Harness) -> None:
    blocks = [image(), image(), {"type": "text", "text": "<FIRST_FRAME> <LAST_FRAME> x"}]
    assert (
        "at most 10s" in _error(harness, body(input=blocks, response_format={**FORMAT, "duration": "12s"}))["message"]
    )
    assert _create(harness, body(input=blocks, response_format={**FORMAT, "duration": "10s"}))[0] == 200


def test_fractional_durations_and_defaults_are_accepted(harness: Harness) -> None:
    assert _create(harness, body(response_format={**FORMAT, "duration": "7.5s"}))[0] == 200
    assert _create(harness, body(response_format={"type": "video"}))[0] == 200
    assert _create(harness, body(response_format=[{"type": "video", "resolution": "4k"}]))[0] == 200
    assert _create(harness, {"model": OMNI, "input": "no format at all", "background": True})[0] == 200


def test_without_background_the_call_blocks_until_the_video_is_done(harness: Harness) -> None:
    response = harness.gemini("POST", "/interactions", json_body=body(background=False))
    assert response.status == 200 and response.delay_s == 10.0  # the whole job time
    assert jbody(response)["status"] == "completed"
    omitted = dict(body())
    del omitted["background"]
    assert harness.gemini("POST", "/interactions", json_body=omitted).delay_s == 10.0


def test_unparsable_json_is_400(harness: Harness) -> None:
    request = SimRequest.build(
        "POST", "/sim/gemini/v1beta/interactions", headers={"x-goog-api-key": harness.key}, body=b"{nope"
    )
    response = harness.sim.handle(request)
    assert (response.status, jbody(response)["error"]["status"]) == (400, "INVALID_ARGUMENT")
    assert "Invalid JSON payload received" in jbody(response)["error"]["message"]
