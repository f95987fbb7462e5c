"""The Gemini Omni codec against the Interactions simulator, in process: create → poll →
download, cancel, delete, extend, refusals, rate limits and quotas, inline delivery."""

from __future__ import annotations

import base64
from collections.abc import Callable, Coroutine
from dataclasses import replace
from typing import Any, TypeVar

import pytest

from app.core import errors as e
from app.core.capabilities import ImageRole
from app.core.http import HttpResponse
from app.core.providers.base import Endpoint, ImageInput, RemoteJob, RemoteStatus, RenderRequest
from app.core.providers.gemini_omni.capabilities import Delivery, extend_durations
from app.core.providers.gemini_omni.codec import GeminiOmniProvider
from app.core.providers.gemini_omni.prices import cost_from_usage
from app.services.provider_client import ProviderClient
from simulator import SimConfig, Simulator
from simulator.testing import FakeClock, FakeMedia, new_key, png_image
from tests.unit.aio import run
from tests.unit.simtransport import SimTransport

BASE = "http://sim.test/sim/gemini/v1beta"
OMNI = "gemini-omni-1.2-flash"
T = TypeVar("T")
TEXT = RenderRequest(prompt="", model=OMNI, seconds=8, aspect_ratio="16:9", resolution="720p")


class Sim:
    """A Gemini codec, a client and the simulator behind it, with a clock moved by hand."""

    def __init__(self, key: str = "", *, delivery: Delivery = Delivery.URI, public_origin: str = "http://sim.test"):
        self.clock = FakeClock()
        config = SimConfig(job_seconds=10.0, public_origin=public_origin)
        self.transport = SimTransport(Simulator(config, clock=self.clock, media=FakeMedia()))
        endpoint = Endpoint(BASE, key or new_key())
        self.client = ProviderClient(GeminiOmniProvider(delivery=delivery), self.transport, lambda: endpoint)

    def do(self, step: Callable[[], Coroutine[Any, Any, T]]) -> T:
        return run(step())

    def create(self, prompt: str = "a lighthouse at dusk", **changes: Any) -> RemoteJob:
        request = replace(TEXT, prompt=prompt, **changes)
        return self.do(lambda: self.client.create(request))

    def poll(self, remote_id: str, after_s: float = 0.0) -> RemoteJob:
        self.clock.advance(after_s)
        return self.do(lambda: self.client.retrieve(remote_id))

    def fetch(self, job: RemoteJob) -> HttpResponse:
        (download,) = self.client.downloads(job)
        return self.do(lambda: self.client.fetch(download))

    def finished(self, prompt: str = "a lighthouse at dusk", **changes: Any) -> RemoteJob:
        job = self.create(prompt, **changes)
        return self.poll(job.remote_id, 11.0)


def _image(role: ImageRole, width: int = 64, height: int = 36) -> ImageInput:
    data = png_image(width, height)
    return ImageInput(role, f"{role.value}.png", "image/png", data, base64.b64encode(data).decode())


def test_create_poll_download() -> None:
    sim = Sim()
    job = sim.create()
    assert job.status is RemoteStatus.QUEUED and job.remote_id and job.model == OMNI
    assert sim.poll(job.remote_id, 1.0).status is RemoteStatus.QUEUED
    assert sim.poll(job.remote_id, 2.0).status is RemoteStatus.RUNNING
    done = sim.poll(job.remote_id, 8.0)
    assert done.status is RemoteStatus.COMPLETED and done.completed_at and done.expires_at
    (output,) = done.outputs
    assert output.url.startswith(BASE + "/files/") and output.url.endswith(":download?alt=media")
    assert done.video_tokens == 5792 * 8 and cost_from_usage(done.video_tokens) > 0
    video = sim.fetch(done)
    assert video.status == 200 and bytes(video.blob)[4:8] == b"ftyp" and video.blob_type == "video/mp4"
    sent = sim.transport.sent[-1]
    assert sent.headers.get("x-goog-api-key") and "key=" not in sent.url


def test_every_image_mode_is_accepted() -> None:
    sim = Sim()
    first, last = _image(ImageRole.FIRST_FRAME), _image(ImageRole.LAST_FRAME)
    refs = tuple(_image(ImageRole.REFERENCE, 32 + n, 32) for n in range(6))
    for images, seconds in (((first,), 15), ((first, last), 10), (refs, 8), ((first, *refs[:2]), 8)):
        job = sim.create("the cat wakes up", images=images, seconds=seconds, seed=2**32 - 1)
        assert job.status is RemoteStatus.QUEUED, images


def test_the_simulator_refuses_what_the_api_refuses_and_the_words_come_through() -> None:
    sim = Sim()
    with pytest.raises(e.BadRequestError, match="First and last frame videos can be at most 10s"):
        sim.create(images=(_image(ImageRole.FIRST_FRAME), _image(ImageRole.LAST_FRAME)), seconds=12)
    with pytest.raises(e.BadRequestError, match="out of range") as caught:
        sim.create(seconds=16)
    assert caught.value.param == "response_format.duration"


def test_key_check_against_the_model_list() -> None:
    report = Sim().do(lambda: Sim().client.check_key(OMNI))
    assert report.model is not None and report.model.id == OMNI
    hidden = Sim(new_key("sim-nomodel"))
    assert hidden.do(lambda: hidden.client.check_key(OMNI)).model is None
    bad = Sim(new_key("sim-401"))
    with pytest.raises(e.AuthenticationError, match="API key not valid"):
        bad.do(lambda: bad.client.check_key(OMNI))


def test_cancel_a_running_interaction() -> None:
    sim = Sim()
    job = sim.create()
    canceled = sim.do(lambda: sim.client.cancel(job.remote_id))
    assert canceled.status is RemoteStatus.CANCELED and sim.poll(job.remote_id, 20.0).status is RemoteStatus.CANCELED
    with pytest.raises(e.BadRequestError, match="cannot be cancelled"):  # finished: refused, said so
        sim.do(lambda: sim.client.cancel(job.remote_id))


def test_delete_then_the_poll_says_expired() -> None:
    sim = Sim()
    done = sim.finished()
    sim.do(lambda: sim.client.delete(done.remote_id))
    with pytest.raises(e.NotFoundError) as caught:
        sim.poll(done.remote_id)
    assert caught.value.code == "expired" and "Invalid interaction name" in caught.value.message


def test_extend_a_finished_clip() -> None:
    sim = Sim()
    source = sim.finished(seconds=15)
    extension = sim.create("the boat sails away", seconds=10, extend_of=source.remote_id)
    done = sim.poll(extension.remote_id, 11.0)
    assert done.status is RemoteStatus.COMPLETED and done.outputs[0].url != source.outputs[0].url
    assert done.video_tokens == 5792 * 10  # an extend bills only the seconds it adds
    assert sim.fetch(done).status == 200
    assert extend_durations(25) == (3, 4, 5)  # the app's rule, as the simulator keeps it:
    with pytest.raises(e.BadRequestError, match="at most 30s"):
        sim.create("and on", seconds=6, extend_of=done.remote_id)
    assert sim.create("and on", seconds=5, extend_of=done.remote_id).status is RemoteStatus.QUEUED


def test_moderation_completes_without_a_video_and_is_blocked() -> None:
    done = Sim().finished("something refused [sim:moderation]")
    assert done.status is RemoteStatus.BLOCKED and not done.outputs and done.video_tokens == 0
    assert done.error_message is not None and done.error_message.startswith("I can't create that video.")


def test_a_failed_interaction_naming_safety_is_blocked_and_others_fail() -> None:
    sim = Sim()
    assert sim.finished("x [sim:safetyfail]").status is RemoteStatus.BLOCKED
    failed = sim.finished("x [sim:fail]")
    assert failed.status is RemoteStatus.FAILED and failed.error_code == "internal"
    ended = sim.finished("x [sim:status=budget_exceeded]")
    assert ended.status is RemoteStatus.FAILED and ended.error_code == "budget_exceeded"
    assert sim.finished("x [sim:status=thinking_hard]").status is RemoteStatus.RUNNING


def test_safety_at_submit_is_a_block() -> None:
    with pytest.raises(e.BlockedError, match="SAFETY"):
        Sim().create("x [sim:safety400]")


def test_a_429_carries_its_retry_delay() -> None:
    sim = Sim()
    with pytest.raises(e.RateLimitError) as caught:
        sim.create("x [sim:submit429=1]")
    assert caught.value.retry_after_s == 27.0
    job = sim.create("x [sim:429=1]")  # the next create goes through; its first poll is throttled
    with pytest.raises(e.RateLimitError):
        sim.poll(job.remote_id)
    assert sim.poll(job.remote_id).status is RemoteStatus.QUEUED


def test_a_daily_free_tier_quota_is_not_a_rate_limit() -> None:
    with pytest.raises(e.QuotaError) as caught:
        Sim(new_key("sim-quota")).create()
    assert caught.value.code == "limit_zero" and caught.value.retry_after_s is None


def test_a_passing_400_on_a_poll_is_retried() -> None:
    sim = Sim()
    job = sim.create("x [sim:poll400=1]")
    with pytest.raises(e.BadRequestError) as caught:
        sim.poll(job.remote_id)
    assert caught.value.should_retry is True
    assert sim.poll(job.remote_id).status is RemoteStatus.QUEUED


def test_inline_delivery_needs_no_download() -> None:
    sim = Sim(delivery=Delivery.INLINE)
    done = sim.finished()
    (output,) = done.outputs
    assert output.data_b64 and not output.url
    (download,) = sim.client.downloads(done)
    assert download.request is None and base64.b64decode(download.data_b64)[4:8] == b"ftyp"


def test_an_expired_file_is_said_so() -> None:
    sim = Sim()
    done = sim.finished("x [sim:expired]")
    with pytest.raises(e.NotFoundError) as caught:
        sim.fetch(done)
    assert caught.value.code == "expired"


def test_the_key_never_goes_to_a_foreign_origin() -> None:
    sim = Sim(public_origin="http://files.elsewhere.test")  # the simulator names its files on another host
    done = sim.finished()
    assert done.outputs[0].url.startswith("http://files.elsewhere.test/")
    with pytest.raises(e.AccessDeniedError):  # sent without the key, so Google's 403
        sim.fetch(done)
    assert "x-goog-api-key" not in sim.transport.sent[-1].headers
