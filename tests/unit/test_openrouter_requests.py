"""OpenRouter codec requests: the create body for every kind of render, the key check and
the catalogue, where polls and downloads go (the key only to the API's origin), and the
operations OpenRouter does not have."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from app.core.capabilities import ImageRole
from app.core.errors import InputError
from app.core.http import Expect, HttpRequest, HttpResponse
from app.core.providers.base import (
    Endpoint,
    ImageInput,
    RemoteJob,
    RemoteOutput,
    RemoteStatus,
    RenderRequest,
    UnsupportedOperationError,
    VideoProvider,
)
from app.core.providers.codec_kit import on_origin
from app.core.providers.openrouter.capabilities import CAPABILITIES
from app.core.providers.openrouter.codec import OpenRouterProvider

BASE = "https://openrouter.ai/api/v1"
KEY = "sk-or-v1-test"
ENDPOINT = Endpoint(BASE, KEY)
PROVIDER: VideoProvider = OpenRouterProvider()
VEO = RenderRequest(
    prompt="a lighthouse at dusk", model="google/veo-3.1", seconds=8, aspect_ratio="16:9", resolution="720p"
)
BEARER = {"Authorization": f"Bearer {KEY}"}


def image(role: ImageRole, data: str = "QUJD", mime: str = "image/png") -> ImageInput:
    return ImageInput(role=role, name=f"{role.value}.png", mime=mime, blob=b"", data_b64=data)


def body(request: RenderRequest, provider: VideoProvider = PROVIDER) -> dict[str, Any]:
    sent = provider.create_request(ENDPOINT, request)
    assert (sent.method, sent.url, dict(sent.headers)) == ("POST", f"{BASE}/videos", BEARER)
    assert sent.form is None and sent.timeout_s >= 60
    assert isinstance(sent.json_body, dict)
    return sent.json_body


# -- create -------------------------------------------------------------------------------------
def test_text_only_veo_with_audio_by_default() -> None:
    assert body(VEO) == {
        "model": "google/veo-3.1",
        "prompt": "a lighthouse at dusk",
        "duration": 8,
        "aspect_ratio": "16:9",
        "resolution": "720p",
        "generate_audio": True,  # optional on Veo, on unless switched off
    }


def test_audio_off_is_sent_where_it_is_optional_and_never_where_it_is_not() -> None:
    assert body(dataclasses.replace(VEO, audio=False))["generate_audio"] is False
    wan = RenderRequest("waves", "alibaba/wan-2.6", 5, aspect_ratio="16:9", resolution="720p", audio=False)
    assert "generate_audio" not in body(wan)  # always has sound
    hailuo = RenderRequest("waves", "minimax/hailuo-2.3", 6, aspect_ratio="16:9", resolution="1080p", audio=True)
    assert "generate_audio" not in body(hailuo)  # never has sound
    unlisted = RenderRequest("waves", "acme/new-model", 5, audio=False)
    assert body(unlisted)["generate_audio"] is False  # unknown model: as the request chose
    assert "generate_audio" not in body(dataclasses.replace(unlisted, audio=None))


def test_the_live_catalogue_decides_the_audio_rule() -> None:
    live = (dataclasses.replace(CAPABILITIES.models[0], id="acme/new-model"),)
    provider = OpenRouterProvider(dataclasses.replace(CAPABILITIES, models=live))
    assert body(RenderRequest("waves", "acme/new-model", 5), provider)["generate_audio"] is True


def test_seed_and_duration_are_integers() -> None:
    sent = body(dataclasses.replace(VEO, seed=0, seconds=4))
    assert sent["seed"] == 0 and sent["duration"] == 4 and isinstance(sent["duration"], int)
    assert "seed" not in body(VEO)


def test_first_and_last_frame_as_data_urls_first_frame_first() -> None:
    request = dataclasses.replace(
        VEO, images=(image(ImageRole.LAST_FRAME, "TEFTVA=="), image(ImageRole.FIRST_FRAME, "RklSU1Q=", "image/jpeg"))
    )
    sent = body(request)
    assert sent["frame_images"] == [
        {"type": "image_url", "image_url": {"url": "data:image/jpeg;base64,RklSU1Q="}, "frame_type": "first_frame"},
        {"type": "image_url", "image_url": {"url": "data:image/png;base64,TEFTVA=="}, "frame_type": "last_frame"},
    ]
    assert "input_references" not in sent


def test_reference_images_go_in_input_references() -> None:
    request = dataclasses.replace(VEO, images=(image(ImageRole.REFERENCE, "UjE="), image(ImageRole.REFERENCE, "UjI=")))
    sent = body(request)
    assert sent["input_references"] == [
        {"type": "image_url", "image_url": {"url": "data:image/png;base64,UjE="}},
        {"type": "image_url", "image_url": {"url": "data:image/png;base64,UjI="}},
    ]
    assert "frame_images" not in sent


def test_an_image_without_its_data_is_an_input_error() -> None:
    with pytest.raises(InputError) as caught:
        body(dataclasses.replace(VEO, images=(image(ImageRole.FIRST_FRAME, ""),)))
    assert caught.value.field == "image_first_frame"


def test_negative_prompt_through_the_provider_passthrough() -> None:
    veo = body(dataclasses.replace(VEO, negative_prompt="  text, watermarks "))
    assert veo["provider"] == {"options": {"google-vertex": {"parameters": {"negativePrompt": "text, watermarks"}}}}
    kling = RenderRequest(
        "a cat", "kwaivgi/kling-v3.0-pro", 5, aspect_ratio="1:1", resolution="720p", negative_prompt="blur"
    )
    assert body(kling)["provider"] == {"options": {"kwaivgi": {"negative_prompt": "blur"}}}
    assert "provider" not in body(dataclasses.replace(VEO, negative_prompt="   "))


def test_size_instead_of_aspect_and_resolution() -> None:
    sized = RenderRequest("a cat", "acme/sized", 5, size="1280x720")
    sent = body(sized)
    assert sent["size"] == "1280x720" and "aspect_ratio" not in sent and "resolution" not in sent
    assert "size" not in body(dataclasses.replace(VEO, size="1280x720"))  # aspect × resolution wins


def test_image_only_render_sends_no_prompt() -> None:
    sent = body(dataclasses.replace(VEO, prompt="", images=(image(ImageRole.FIRST_FRAME),)))
    assert "prompt" not in sent and len(sent["frame_images"]) == 1


def test_no_attribution_headers() -> None:
    for request in (
        PROVIDER.create_request(ENDPOINT, VEO),
        PROVIDER.key_check_request(ENDPOINT, "google/veo-3.1"),
        PROVIDER.retrieve_request(ENDPOINT, "job-1"),
    ):
        assert set(request.headers) == {"Authorization"}


# -- key check and catalogue --------------------------------------------------------------------
def test_key_check_asks_for_the_key_itself() -> None:
    request = PROVIDER.key_check_request(ENDPOINT, "google/veo-3.1")
    assert (request.method, request.url, dict(request.headers)) == ("GET", f"{BASE}/key", BEARER)


def test_catalogue_sends_the_key_only_when_there_is_one() -> None:
    with_key = PROVIDER.catalogue_request(ENDPOINT)
    keyless = PROVIDER.catalogue_request(Endpoint(BASE + "/", ""))
    assert with_key is not None and keyless is not None
    assert (with_key.url, dict(with_key.headers)) == (f"{BASE}/videos/models", BEARER)
    assert (keyless.url, dict(keyless.headers)) == (f"{BASE}/videos/models", {})


# -- where polls go -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("polling_url", "polled"),
    [
        (None, f"{BASE}/videos/job%2F1"),
        ("/api/v1/videos/job-9", "https://openrouter.ai/api/v1/videos/job-9"),  # relative: on the base's origin
        ("https://openrouter.ai/api/v1/videos/job-9?x=1", "https://openrouter.ai/api/v1/videos/job-9?x=1"),
        ("HTTPS://OpenRouter.ai/api/v1/videos/job-9", "HTTPS://OpenRouter.ai/api/v1/videos/job-9"),
        ("https://openrouter-mirror.invalid/api/v1/videos/job-9", f"{BASE}/videos/job%2F1"),  # foreign
        ("https://openrouter.ai.evil.example/api/v1/videos/job-9", f"{BASE}/videos/job%2F1"),
        ("https://openrouter.ai:8443/api/v1/videos/job-9", f"{BASE}/videos/job%2F1"),  # another port
        ("http://openrouter.ai/api/v1/videos/job-9", f"{BASE}/videos/job%2F1"),  # another scheme
        ("https://user@openrouter.ai/api/v1/videos/job-9", f"{BASE}/videos/job%2F1"),
        ("//evil.example/api/v1/videos/job-9", f"{BASE}/videos/job%2F1"),  # scheme-relative
        ("/api/v1/../../admin", f"{BASE}/videos/job%2F1"),
        ("/api/v1/%2e%2e/admin", f"{BASE}/videos/job%2F1"),
        ("/other/videos/job-9", f"{BASE}/videos/job%2F1"),  # outside the base path
        ("videos/job-9", f"{BASE}/videos/job%2F1"),
        ("javascript:alert(1)", f"{BASE}/videos/job%2F1"),
        ("/api/v1/videos/job 9", f"{BASE}/videos/job%2F1"),
        ("\\\\evil.example\\x", f"{BASE}/videos/job%2F1"),
        ("", f"{BASE}/videos/job%2F1"),
    ],
)
def test_polling_url_is_followed_only_on_the_api_itself(polling_url: str | None, polled: str) -> None:
    request = PROVIDER.retrieve_request(ENDPOINT, "job/1", polling_url)
    assert (request.method, request.url, dict(request.headers)) == ("GET", polled, BEARER)


def test_a_proxy_base_is_polled_at_its_own_path() -> None:
    proxy = Endpoint("https://proxy.example/openrouter/api/v1", KEY)
    assert (
        PROVIDER.retrieve_request(proxy, "j", "/api/v1/videos/j").url
        == "https://proxy.example/openrouter/api/v1/videos/j"
    )
    assert (
        PROVIDER.retrieve_request(proxy, "j", "/openrouter/api/v1/videos/j?fresh=1").url
        == "https://proxy.example/openrouter/api/v1/videos/j?fresh=1"
    )


def test_on_origin_is_the_shared_rule() -> None:
    assert on_origin(BASE, "/x") == "https://openrouter.ai/x"
    assert on_origin(BASE, "https://openrouter.ai/y") == "https://openrouter.ai/y"
    assert on_origin(BASE, "https://elsewhere.example/y") is None
    assert on_origin(BASE, "ftp://openrouter.ai/y") is None


# -- downloads ----------------------------------------------------------------------------------
def completed(*urls: str) -> RemoteJob:
    outputs = tuple(RemoteOutput("video" if i == 0 else f"video-{i + 1}", url=url) for i, url in enumerate(urls))
    return RemoteJob("job-1", RemoteStatus.COMPLETED, "completed", outputs=outputs)


def requests_of(job: RemoteJob, endpoint: Endpoint = ENDPOINT) -> list[tuple[str, HttpRequest]]:
    found = []
    for download in PROVIDER.downloads(endpoint, job):
        assert download.request is not None and download.request.expect is Expect.BLOB
        assert download.request.timeout_s >= 300
        found.append((download.variant, download.request))
    return found


def test_each_unsigned_url_is_one_download_with_the_key_on_the_api_origin() -> None:
    job = completed(f"{BASE}/videos/job-1/content?index=0", f"{BASE}/videos/job-1/content?index=1")
    got = [(variant, r.url, dict(r.headers)) for variant, r in requests_of(job)]
    assert got == [
        ("video", f"{BASE}/videos/job-1/content?index=0", BEARER),
        ("video-2", f"{BASE}/videos/job-1/content?index=1", BEARER),
    ]


def test_a_file_host_url_is_fetched_without_any_key() -> None:
    ((_variant, request),) = requests_of(completed("https://cdn.example.com/v/abc.mp4?sig=1"))
    assert request.url == "https://cdn.example.com/v/abc.mp4?sig=1" and dict(request.headers) == {}


def test_openrouters_content_route_behind_a_proxy_is_fetched_from_the_proxy() -> None:
    proxy = Endpoint("https://proxy.example/or/api/v1", KEY)
    ((_variant, request),) = requests_of(completed(f"{BASE}/videos/job-1/content?index=0"), proxy)
    assert request.url == "https://proxy.example/or/api/v1/videos/job-1/content?index=0"
    assert dict(request.headers) == BEARER  # the key goes only to the configured base


@pytest.mark.parametrize(
    "url", ["", "not a url", "javascript:alert(1)", "https://user@evil.example/videos/job-1/content"]
)
def test_no_usable_url_means_the_content_route(url: str) -> None:
    ((variant, request),) = requests_of(completed(url))
    assert (variant, request.url, dict(request.headers)) == ("video", f"{BASE}/videos/job-1/content?index=0", BEARER)


def test_a_job_without_urls_downloads_output_0() -> None:
    ((variant, request),) = requests_of(RemoteJob("job 1", RemoteStatus.COMPLETED, "completed"))
    assert (variant, request.url) == ("video", f"{BASE}/videos/job%201/content?index=0")


# -- what OpenRouter does not have --------------------------------------------------------------
def test_cancel_delete_list_and_remix_are_unsupported() -> None:
    calls = (
        lambda: PROVIDER.cancel_request(ENDPOINT, "j"),
        lambda: PROVIDER.delete_request(ENDPOINT, "j"),
        lambda: PROVIDER.list_jobs_request(ENDPOINT, after=None, limit=10),
        lambda: PROVIDER.remix_request(ENDPOINT, "j", "again"),
        lambda: PROVIDER.parse_job_page(HttpResponse(200, {}, b'{"data": []}')),
    )
    for call in calls:
        with pytest.raises(UnsupportedOperationError, match="OpenRouter has no way to"):
            call()
    assert CAPABILITIES.operations == frozenset()


def test_a_relative_content_path_behind_a_proxy_is_fetched_under_the_proxy_base() -> None:
    # OpenRouter names its own /api/v1 path; behind a proxy (or the relay) that path is not the API.
    proxy = Endpoint("https://proxy.example/openrouter/api/v1", KEY)
    ((_variant, request),) = requests_of(completed("/api/v1/videos/job-1/content?index=0"), proxy)
    assert request.url == "https://proxy.example/openrouter/api/v1/videos/job-1/content?index=0"
    assert dict(request.headers) == BEARER
    ((_variant, direct),) = requests_of(completed("/api/v1/videos/job-1/content?index=0"))
    assert direct.url == f"{BASE}/videos/job-1/content?index=0"  # at OpenRouter itself: as named
