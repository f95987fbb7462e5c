"""Gemini Omni request building: every create mode as the contract writes it, extend,
the key in x-goog-api-key only, and the other calls' methods and URLs."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest

from app.core.capabilities import ImageRole
from app.core.http import HttpResponse
from app.core.providers.base import Endpoint, ImageInput, RenderRequest, UnsupportedOperationError, VideoProvider
from app.core.providers.gemini_omni.capabilities import Delivery
from app.core.providers.gemini_omni.codec import GeminiOmniProvider

BASE = "https://generativelanguage.googleapis.com/v1beta"
ENDPOINT = Endpoint(BASE + "/", "AIza-test-key")
PROVIDER = GeminiOmniProvider()
TEXT = RenderRequest(prompt="A lighthouse at dusk.", model="gemini-omni-1.2-flash", seconds=8,
                     aspect_ratio="16:9", resolution="720p")  # fmt: skip


def image(role: ImageRole, data: str = "iVBORw0KGgo=", mime: str = "image/png") -> ImageInput:
    return ImageInput(role=role, name=f"{role.value}.png", mime=mime, blob=b"", data_b64=data)


def body_for(request: RenderRequest, provider: GeminiOmniProvider = PROVIDER) -> Any:
    return provider.create_request(ENDPOINT, request).json_body


def with_images(*images: ImageInput, **changes: Any) -> RenderRequest:
    return replace(TEXT, images=images, **changes)


def test_the_codec_is_a_video_provider() -> None:
    provider: VideoProvider = PROVIDER
    assert provider.capabilities.provider_id == "gemini"


def test_text_to_video_sends_the_prompt_as_a_string() -> None:
    request = PROVIDER.create_request(ENDPOINT, TEXT)
    assert (request.method, request.url) == ("POST", BASE + "/interactions")
    assert dict(request.headers) == {"x-goog-api-key": "AIza-test-key", "Content-Type": "application/json"}
    assert request.json_body == {
        "model": "gemini-omni-1.2-flash",
        "background": True,
        "store": True,
        "input": "A lighthouse at dusk.",
        "generation_config": {"video_config": {"task": "text_to_video"}},
        "response_format": {
            "type": "video",
            "aspect_ratio": "16:9",
            "resolution": "720p",
            "duration": "8s",
            "delivery": "uri",
        },
    }
    assert "AIza-test-key" not in str(request.redacted_headers())


def test_first_frame_goes_first_and_the_text_opens_with_its_tag() -> None:
    body = body_for(with_images(image(ImageRole.FIRST_FRAME)))
    assert body["input"] == [
        {"type": "image", "data": "iVBORw0KGgo=", "mime_type": "image/png"},
        {"type": "text", "text": "<FIRST_FRAME> A lighthouse at dusk."},
    ]
    assert body["generation_config"]["video_config"]["task"] == "image_to_video"


def test_first_and_last_frame_name_their_images_in_a_sources_header() -> None:
    # given last first: the codec orders them, so Image1 is the first frame
    last, first = image(ImageRole.LAST_FRAME, "TEFTVA=="), image(ImageRole.FIRST_FRAME, "RklSU1Q=")
    body = body_for(with_images(last, first))
    assert [block.get("data") for block in body["input"]] == ["RklSU1Q=", "TEFTVA==", None]
    assert body["input"][-1]["text"] == "[# Sources <FIRST_FRAME>@Image1 <LAST_FRAME>@Image2] A lighthouse at dusk."
    assert body["generation_config"]["video_config"]["task"] == "image_to_video"


def test_reference_images_are_counted_from_zero() -> None:
    refs = [image(ImageRole.REFERENCE, data) for data in ("QQ==", "Qg==", "Qw==")]
    body = body_for(with_images(*refs))
    assert [block["type"] for block in body["input"]] == ["image", "image", "image", "text"]
    assert body["input"][-1]["text"] == (
        "<IMAGE_REF_0>@Image1 <IMAGE_REF_1>@Image2 <IMAGE_REF_2>@Image3 A lighthouse at dusk."
    )
    assert body["generation_config"]["video_config"]["task"] == "reference_to_video"


def test_a_first_frame_with_references_lists_every_role() -> None:
    body = body_for(with_images(image(ImageRole.REFERENCE, "Ug=="), image(ImageRole.FIRST_FRAME, "Rg==")))
    assert [block.get("data") for block in body["input"][:2]] == ["Rg==", "Ug=="]
    assert body["input"][-1]["text"].startswith("[# Sources <FIRST_FRAME>@Image1 <IMAGE_REF_0>@Image2] ")
    assert body["generation_config"]["video_config"]["task"] == "reference_to_video"


def test_image_data_is_bare_base64_with_a_canonical_type() -> None:
    block = body_for(with_images(image(ImageRole.FIRST_FRAME, "data:image/jpeg;base64,/9j/4A==", "image/JPG")))
    assert block["input"][0] == {"type": "image", "data": "/9j/4A==", "mime_type": "image/jpeg"}
    with pytest.raises(ValueError, match="no base64 data"):
        body_for(with_images(image(ImageRole.FIRST_FRAME, "")))


@pytest.mark.parametrize(("seed", "sent"), [(0, 0), (42, 42), (2**31 - 1, 2**31 - 1), (2**31, -(2**31)),
                                            (2**32 - 1, -1)])  # fmt: skip
def test_seed_goes_in_generation_config_as_an_int32(seed: int, sent: int) -> None:
    config = body_for(with_images(seed=seed))["generation_config"]
    assert config == {"video_config": {"task": "text_to_video"}, "seed": sent}


def test_resolution_is_lower_case_and_duration_a_string() -> None:
    fmt = body_for(with_images(resolution="4K", seconds=15, aspect_ratio="9:16"))["response_format"]
    assert (fmt["resolution"], fmt["duration"], fmt["aspect_ratio"]) == ("4k", "15s", "9:16")


def test_inline_delivery_is_a_setting() -> None:
    body = body_for(TEXT, GeminiOmniProvider(delivery=Delivery.INLINE))
    assert body["response_format"]["delivery"] == "inline"


def test_no_negative_prompt_and_no_audio_switch_are_sent() -> None:
    body = body_for(with_images(negative_prompt="rain", audio=False))
    assert "rain" not in str(body) and "audio" not in str(body)


def test_extend_continues_a_finished_interaction_with_the_seconds_to_add() -> None:
    extend = RenderRequest(prompt="The boat sails away.", model="gemini-omni-1.2-flash", seconds=5,
                           aspect_ratio="16:9", resolution="720p", seed=7, extend_of="v1_abc",
                           images=(image(ImageRole.FIRST_FRAME),))  # fmt: skip
    assert body_for(extend) == {
        "model": "gemini-omni-1.2-flash",
        "background": True,
        "store": True,
        "previous_interaction_id": "v1_abc",
        "input": "The boat sails away.",
        "response_format": {"type": "video", "duration": "5s", "delivery": "uri"},
    }


def test_poll_cancel_delete_address_the_interaction() -> None:
    poll = PROVIDER.retrieve_request(ENDPOINT, "v1_a/b", "https://elsewhere.example/poll")
    cancel = PROVIDER.cancel_request(ENDPOINT, "v1_a")
    delete = PROVIDER.delete_request(ENDPOINT, "v1_a")
    assert (poll.method, poll.url) == ("GET", BASE + "/interactions/v1_a%2Fb")
    assert (cancel.method, cancel.url, cancel.json_body) == ("POST", BASE + "/interactions/v1_a/cancel", None)
    assert (delete.method, delete.url) == ("DELETE", BASE + "/interactions/v1_a")
    for request in (poll, cancel, delete):
        assert dict(request.headers) == {"x-goog-api-key": "AIza-test-key"}


def test_key_check_lists_the_models() -> None:
    request = PROVIDER.key_check_request(ENDPOINT, "gemini-omni-1.2-flash")
    assert (request.method, request.url) == ("GET", BASE + "/models?pageSize=1000")
    assert dict(request.headers) == {"x-goog-api-key": "AIza-test-key"}


def _models(*names: str, next_token: str | None = None) -> HttpResponse:
    body: dict[str, object] = {"models": [{"name": f"models/{n}", "supportedGenerationMethods": []} for n in names]}
    if next_token:
        body["nextPageToken"] = next_token
    return HttpResponse(200, {}, json.dumps(body).encode())


def test_key_check_finds_the_model_by_id_whatever_its_methods() -> None:
    report = PROVIDER.parse_key_check(_models("gemini-2.5-flash", "gemini-omni-1.2-flash"), "gemini-omni-1.2-flash")
    assert report.model is not None and report.model.id == "gemini-omni-1.2-flash" and report.checks_model
    missing = PROVIDER.parse_key_check(_models("gemini-2.5-flash"), "gemini-omni-1.2-flash")
    assert missing.model is None and missing.checks_model
    unsure = PROVIDER.parse_key_check(_models("gemini-2.5-flash", next_token="p2"), "gemini-omni-1.2-flash")
    assert unsure.model is None and not unsure.checks_model  # it may be on the next page


def test_a_listed_retired_model_reports_its_shutdown() -> None:
    report = PROVIDER.parse_key_check(_models("veo-3.1-generate-preview"), "veo-3.1-generate-preview")
    assert report.model is not None and report.model.shutdown_date == "2026-10-22"


def test_models_are_data() -> None:
    assert PROVIDER.catalogue_request(ENDPOINT) is None
    assert PROVIDER.parse_catalogue(HttpResponse(200, {}), as_of="2026-12-01") == PROVIDER.capabilities.models


def test_list_and_remix_are_unsupported() -> None:
    with pytest.raises(UnsupportedOperationError):
        PROVIDER.list_jobs_request(ENDPOINT, after=None, limit=10)
    with pytest.raises(UnsupportedOperationError):
        PROVIDER.parse_job_page(HttpResponse(200, {}, b"{}"))
    with pytest.raises(UnsupportedOperationError, match="remix"):
        PROVIDER.remix_request(ENDPOINT, "v1_a", "make it night")
