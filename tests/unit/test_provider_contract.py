"""The OpenAI Videos codec against the simulator: requests as the contract wants them,
answers parsed and validated, errors mapped to the right types."""

from __future__ import annotations

import datetime

import pytest

from app.core import errors as e
from app.core.capabilities import ImageRole
from app.core.http import Expect
from app.core.key_check_result import KeyCheck
from app.core.providers.base import Endpoint, ImageInput, RemoteJob, RemoteStatus, RenderRequest
from app.core.providers.openai_videos.capabilities import CAPABILITIES
from app.core.providers.openai_videos.codec import OpenAIVideosProvider, map_status
from app.services.key_check import check_key
from app.services.provider_client import ProviderClient
from simulator import SimConfig, Simulator
from simulator.testing import FakeClock, FakeMedia, new_key, png_image
from tests.unit.aio import run
from tests.unit.simtransport import BASE_URL, SimTransport

TODAY = datetime.date(2026, 11, 25)


def client_for(key: str) -> tuple[ProviderClient, SimTransport, FakeClock]:
    clock = FakeClock()
    sim = Simulator(SimConfig(job_seconds=10), clock=clock, media=FakeMedia())
    transport = SimTransport(sim)
    return ProviderClient(OpenAIVideosProvider(), transport, lambda: Endpoint(BASE_URL, key)), transport, clock


PARAMS = RenderRequest(prompt="a lighthouse at dusk", model="sora-2", seconds=8, size="1280x720")
SORA = CAPABILITIES.model("sora-2")


def _first(data: bytes) -> ImageInput:
    return ImageInput(ImageRole.FIRST_FRAME, "first.png", "image/png", data)


def test_create_is_multipart_with_seconds_as_a_string() -> None:
    request = OpenAIVideosProvider().create_request(Endpoint("https://x/v1/", "sk-k"), PARAMS)
    assert request.method == "POST" and request.url == "https://x/v1/videos"
    assert request.headers["Authorization"] == "Bearer sk-k"
    assert request.form == (("prompt", PARAMS.prompt), ("model", "sora-2"), ("size", "1280x720"), ("seconds", "8"))
    assert "sk-k" not in str(request.redacted_headers())


def test_downloads_ask_for_blobs_of_every_variant_video_first() -> None:
    job = RemoteJob("video_1", RemoteStatus.COMPLETED, "completed")
    downloads = OpenAIVideosProvider().downloads(Endpoint("https://x/v1", "k"), job)
    assert [d.variant for d in downloads] == ["video", "thumbnail", "spritesheet"]
    thumbnail = downloads[1].request
    assert thumbnail is not None and thumbnail.url == "https://x/v1/videos/video_1/content?variant=thumbnail"
    assert thumbnail.expect is Expect.BLOB and thumbnail.headers["Authorization"] == "Bearer k"


@pytest.mark.parametrize(
    ("raw", "code", "status"),
    [
        ("queued", None, RemoteStatus.QUEUED),
        ("in_progress", None, RemoteStatus.RUNNING),
        ("completed", None, RemoteStatus.COMPLETED),
        ("failed", "moderation_blocked", RemoteStatus.BLOCKED),
        ("failed", "video_generation_failed", RemoteStatus.FAILED),
        ("canceled", None, RemoteStatus.CANCELED),
        ("expired", None, RemoteStatus.EXPIRED),
        ("paused_by_gremlins", None, RemoteStatus.UNKNOWN),
    ],
)
def test_status_mapping_treats_unknown_as_terminal(raw: str, code: str | None, status: RemoteStatus) -> None:
    assert map_status(raw, code) is status
    assert status.terminal is (status not in (RemoteStatus.QUEUED, RemoteStatus.RUNNING))


def test_job_lifecycle_through_the_simulator() -> None:
    client, _transport, clock = client_for(new_key())

    async def scenario() -> None:
        job = await client.create(RenderRequest(**{**PARAMS.__dict__, "images": (_first(png_image(1280, 720)),)}))
        assert job.status is RemoteStatus.QUEUED and job.seconds == 8 and job.poll_after_ms
        clock.advance(5)
        assert (await client.retrieve(job.remote_id)).status is RemoteStatus.RUNNING
        clock.advance(6)
        done = await client.retrieve(job.remote_id)
        assert done.status is RemoteStatus.COMPLETED and done.expires_at and done.completed_at
        video = await client.fetch(client.downloads(done)[0])
        assert video.blob_type == "video/mp4" and video.blob_size and video.blob_size > 0
        page = await client.list_jobs(limit=10)
        assert [j.remote_id for j in page.jobs] == [job.remote_id]
        await client.delete(job.remote_id)
        with pytest.raises(e.NotFoundError):
            await client.retrieve(job.remote_id)

    run(scenario())


def test_a_field_error_names_its_param() -> None:
    client, _transport, _clock = client_for(new_key())
    bad = RenderRequest(prompt="x", model="sora-2", seconds=8, size="1792x1024")
    with pytest.raises(e.BadRequestError) as caught:
        run(client.create(bad))
    assert caught.value.param == "size" and caught.value.request_id


def test_an_image_of_the_wrong_size_is_refused_at_input_reference() -> None:
    client, _transport, _clock = client_for(new_key())
    with pytest.raises(e.BadRequestError) as caught:
        run(client.create(RenderRequest(**{**PARAMS.__dict__, "images": (_first(png_image(640, 480)),)})))
    assert caught.value.param == "input_reference"


@pytest.mark.parametrize(
    ("marker", "error_type"),
    [
        ("sim-401", e.AuthenticationError),
        ("sim-403", e.AccessDeniedError),
        ("sim-quota", e.QuotaError),
        ("sim-ratelimit", e.RateLimitError),
        ("sim-500", e.ServerError),
        ("sim-retired", e.GoneError),
    ],
)
def test_errors_map_to_their_types(marker: str, error_type: type[e.ApiError]) -> None:
    client, _transport, _clock = client_for(new_key(marker))
    with pytest.raises(error_type) as caught:
        run(client.create(PARAMS))
    assert caught.value.request_id
    if error_type is e.RateLimitError:
        assert caught.value.retry_after_s is not None


@pytest.mark.parametrize(
    ("marker", "outcome"),
    [
        ("", KeyCheck.VALID),
        ("sim-401", KeyCheck.INVALID_KEY),
        ("sim-403", KeyCheck.NO_ACCESS),
        ("sim-quota", KeyCheck.NO_CREDIT),
        ("sim-ratelimit", KeyCheck.RATE_LIMITED),
        ("sim-nomodel", KeyCheck.MODEL_MISSING),
        ("sim-retired", KeyCheck.MODEL_RETIRED),
        ("sim-500", KeyCheck.SERVER),
    ],
)
def test_key_check_tells_every_outcome_apart(marker: str, outcome: KeyCheck) -> None:
    client, _transport, _clock = client_for(new_key(marker))
    result = run(check_key(client, SORA, "sora-2", host="sim.test", today=TODAY))
    assert result.outcome is outcome
    assert result.title and result.detail
    assert result.ok is (outcome is KeyCheck.VALID)


def test_key_check_reports_a_network_failure() -> None:
    client, transport, _clock = client_for(new_key())
    transport.offline = True
    result = run(check_key(client, SORA, "sora-2", host="sim.test", today=TODAY))
    assert result.outcome is KeyCheck.NETWORK
    assert "CORS" in result.detail
