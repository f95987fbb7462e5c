"""The OpenRouter codec end to end against the simulator, in process (no sockets):
create → poll → download, the simulator's markers, key markers and the catalogue."""

from __future__ import annotations

import base64
import dataclasses
from decimal import Decimal

import pytest

from app.core import errors as e
from app.core.capabilities import ImageRole
from app.core.http import HttpRequest, HttpResponse
from app.core.providers.base import Call, Endpoint, ImageInput, RemoteJob, RemoteStatus, RenderRequest
from app.core.providers.openrouter.codec import OpenRouterProvider
from simulator import SimConfig, Simulator
from simulator.testing import FakeClock, FakeMedia, new_key, png_image
from tests.unit.aio import run
from tests.unit.simtransport import SimTransport

ORIGIN = "http://sim.test"
BASE = f"{ORIGIN}/sim/openrouter/api/v1"
VEO = RenderRequest(
    prompt="a lighthouse at dusk", model="google/veo-3.1", seconds=8, aspect_ratio="16:9", resolution="720p"
)


class Run:
    """The codec, a simulator with a hand-moved clock, and every request sent (10 s jobs)."""

    def __init__(self, key: str | None = None) -> None:
        self.clock = FakeClock()
        config = SimConfig(job_seconds=10.0, expires_after_s=3600, public_origin=ORIGIN)
        self.transport = SimTransport(Simulator(config, clock=self.clock, media=FakeMedia()))
        self.provider = OpenRouterProvider()
        self.endpoint = Endpoint(BASE, key if key is not None else new_key())

    def send(self, request: HttpRequest, call: Call) -> HttpResponse:
        response = run(self.transport.send(request))
        if not response.ok:
            raise self.provider.parse_error(response, call)
        return dataclasses.replace(response, url=request.url)  # as the browser's fetch reports it

    def create(self, request: RenderRequest = VEO) -> RemoteJob:
        return self.provider.parse_job(self.send(self.provider.create_request(self.endpoint, request), Call.CREATE))

    def poll(self, job: RemoteJob, after_s: float = 0.0) -> RemoteJob:
        self.clock.advance(after_s)
        request = self.provider.retrieve_request(self.endpoint, job.remote_id, job.poll_url)
        return self.provider.parse_job(self.send(request, Call.POLL))

    def download(self, job: RemoteJob) -> dict[str, bytes]:
        files = {}
        for item in self.provider.downloads(self.endpoint, job):
            assert item.request is not None
            files[item.variant] = bytes(self.send(item.request, Call.DOWNLOAD).blob)
        return files

    def urls(self) -> list[str]:
        return [request.url for request in self.transport.sent]


def marked(marker: str) -> RenderRequest:
    return dataclasses.replace(VEO, prompt=f"a lighthouse at dusk {marker}")


def test_create_poll_download_and_the_billed_cost() -> None:
    sim = Run()
    job = sim.create()
    assert job.status is RemoteStatus.QUEUED and job.raw_status == "pending"
    assert job.poll_url == f"/sim/openrouter/api/v1/videos/{job.remote_id}"
    assert sim.poll(job, 2).status is RemoteStatus.RUNNING
    done = sim.poll(job, 10)
    assert done.status is RemoteStatus.COMPLETED
    assert done.billed_usd == Decimal("3.2")  # 8 s × $0.40 with audio
    assert [o.variant for o in done.outputs] == ["video"]
    files = sim.download(done)
    assert files["video"][4:8] == b"ftyp"
    assert sim.transport.sent[-1].headers["Authorization"] == f"Bearer {sim.endpoint.api_key}"


def test_audio_off_bills_the_without_audio_rate() -> None:
    sim = Run()
    job = sim.create(dataclasses.replace(VEO, audio=False))
    assert sim.poll(job, 12).billed_usd == Decimal("1.6")


def test_frames_references_seed_and_negative_prompt_are_accepted() -> None:
    sim = Run()

    def png(role: ImageRole) -> ImageInput:
        data = png_image(1280, 720)
        return ImageInput(role, f"{role.value}.png", "image/png", data, base64.b64encode(data).decode(), 1280, 720)

    framed = dataclasses.replace(
        VEO, seed=7, negative_prompt="watermarks", images=(png(ImageRole.FIRST_FRAME), png(ImageRole.LAST_FRAME))
    )
    assert sim.create(framed).status is RemoteStatus.QUEUED
    referenced = dataclasses.replace(VEO, images=(png(ImageRole.REFERENCE), png(ImageRole.REFERENCE)))
    assert sim.create(referenced).status is RemoteStatus.QUEUED
    kling = RenderRequest(
        "a cat", "kwaivgi/kling-v3.0-pro", 5, aspect_ratio="1:1", resolution="720p", negative_prompt="blur"
    )
    assert sim.create(kling).status is RemoteStatus.QUEUED


def test_the_veo_rule_comes_back_as_a_duration_error() -> None:
    with pytest.raises(e.BadRequestError) as caught:
        Run().create(dataclasses.replace(VEO, resolution="4K", seconds=4))
    assert caught.value.param == "duration"


@pytest.mark.parametrize(
    ("marker", "status", "message"),
    [
        ("[sim:moderation]", RemoteStatus.BLOCKED, "Content policy violation"),
        ("[sim:fail]", RemoteStatus.FAILED, "Video generation failed"),
        ("[sim:canceled]", RemoteStatus.CANCELED, "Job was cancelled"),
        ("[sim:expired]", RemoteStatus.EXPIRED, "Job exceeded maximum time to live"),
        ("[sim:status=held_for_review]", RemoteStatus.UNKNOWN, None),
    ],
)
def test_every_end(marker: str, status: RemoteStatus, message: str | None) -> None:
    sim = Run()
    ended = sim.poll(sim.create(marked(marker)), 12)
    assert (ended.status, ended.error_message, ended.outputs, ended.billed_usd) == (status, message, (), None)


def test_two_failing_polls_then_an_answer() -> None:
    sim = Run()
    job = sim.create(marked("[sim:500=2]"))
    for _ in range(2):
        with pytest.raises(e.ServerError):
            sim.poll(job, 1)
    assert sim.poll(job, 1).status is RemoteStatus.RUNNING  # then polls answer again


def test_a_file_gone_after_completion_is_expired() -> None:
    sim = Run()
    done = sim.poll(sim.create(marked("[sim:expired=5]")), 11)
    assert done.status is RemoteStatus.COMPLETED
    sim.clock.advance(10)
    with pytest.raises(e.NotFoundError) as caught:
        sim.download(done)
    assert caught.value.code == "expired"


def test_two_outputs_are_two_downloads_and_no_cost_is_unknown() -> None:
    sim = Run()
    done = sim.poll(sim.create(marked("[sim:outputs=2] [sim:nocost]")), 12)
    assert done.billed_usd is None
    files = sim.download(done)
    assert set(files) == {"video", "video-2"} and files["video"] != files["video-2"]


def test_a_foreign_polling_url_never_gets_the_key() -> None:
    sim = Run()
    job = sim.create(marked("[sim:foreign_poll]"))
    assert job.poll_url is None
    assert sim.poll(job, 12).status is RemoteStatus.COMPLETED
    forced = sim.provider.retrieve_request(
        sim.endpoint, job.remote_id, f"https://openrouter-mirror.invalid/api/v1/videos/{job.remote_id}"
    )
    assert forced.url == f"{BASE}/videos/{job.remote_id}"
    assert not any(".invalid" in url for url in sim.urls())


def test_an_absolute_polling_url_on_the_api_origin_is_followed() -> None:
    sim = Run()
    job = sim.create(marked("[sim:absolute_poll]"))
    assert job.poll_url == f"{BASE}/videos/{job.remote_id}"
    assert sim.poll(job, 1).status is RemoteStatus.QUEUED
    assert sim.urls()[-1] == job.poll_url


@pytest.mark.parametrize(
    ("marker", "kind", "words"),
    [
        ("sim-quota", e.PaymentRequiredError, "Insufficient credits"),
        ("sim-403", e.BlockedError, "violence/graphic"),
        ("sim-401", e.AuthenticationError, "User not found."),
        ("sim-503", e.ServerError, "No allowed providers"),
    ],
)
def test_key_markers_at_create(marker: str, kind: type[e.ApiError], words: str) -> None:
    with pytest.raises(kind, match=words):
        Run(new_key(marker)).create()


def test_key_check_reports_the_account() -> None:
    sim = Run(new_key("sim-quota"))
    request = sim.provider.key_check_request(sim.endpoint, "google/veo-3.1")
    report = sim.provider.parse_key_check(sim.send(request, Call.CHECK), "google/veo-3.1")
    assert report.account.endswith(": $0.00 of $1.00 left") and not report.checks_model
    assert sim.endpoint.api_key not in report.account
    bad = Run(new_key("sim-401"))
    with pytest.raises(e.AuthenticationError):
        bad.send(bad.provider.key_check_request(bad.endpoint, "x"), Call.CHECK)


def test_the_live_catalogue_without_a_key() -> None:
    sim = Run("")
    request = sim.provider.catalogue_request(sim.endpoint)
    assert request is not None and "Authorization" not in request.headers
    models = sim.provider.parse_catalogue(sim.send(request, Call.CATALOGUE), as_of="2026-12-01")
    ids = {m.id for m in models}
    assert {"google/veo-3.1", "bytedance/seedance-2.0"} <= ids and not any(i.startswith("openai/sora") for i in ids)
