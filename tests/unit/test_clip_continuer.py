"""Continue this clip against the simulator: the last frame starts a new render linked to its source."""

from __future__ import annotations

import pytest

from app.core import errors as e
from app.core.presets import PRESET_FIELDS
from app.services.clip_continuer import ClipContinuer
from app.services.compose_intents import FIRST_FRAME, ComposeIntents
from tests.unit.aio import run
from tests.unit.fakes import StillFrames, png_bytes
from tests.unit.queue_harness import Rig

LAST = png_bytes(1280, 720, b"the last frame")


def _rendered(rig: Rig) -> str:
    async def scenario() -> str:
        await rig.queue.become_poller(rig.link)
        job_id = await rig.submit("a paper boat drifts down a gutter")
        await rig.settle()
        return job_id

    return run(scenario())


def _compose(rig: Rig) -> ComposeIntents:
    return rig.compose()


async def _continue(rig: Rig, compose: ComposeIntents, frames: StillFrames, job_id: str) -> None:
    job, frame, name = await ClipContinuer(rig.book, frames, rig.clients).last_frame(job_id)
    await compose.prefill(job, {FIRST_FRAME: (frame, name)}, continues=job.id)


def test_the_new_render_starts_from_the_last_frame_and_links_to_its_source() -> None:
    rig = Rig()
    source_id = _rendered(rig)
    source = rig.store.state.jobs[source_id]
    frames, compose = StillFrames(LAST), _compose(rig)

    async def scenario() -> str:
        await _continue(rig, compose, frames, source_id)
        draft = rig.store.state.draft
        assert draft.continues == source_id and draft.prompt == source.prompt and draft.seconds == source.seconds
        assert rig.store.state.draft_images[FIRST_FRAME].name == "last frame of a paper boat drifts down a gutter.png"
        job = await compose.submit()
        assert job is not None
        await rig.settle()
        return job.id

    new_id = run(scenario())
    new = rig.store.state.jobs[new_id]
    assert new.continues == source_id and new.model == source.model and new.size == source.size
    assert rig.records.stores["blobs"][new.image_asset_id or ""] == LAST  # the frame that was sent is kept
    stored_video = rig.records.stores["blobs"][source.assets["video"]]
    assert frames.videos == [stored_video]  # drawn from the stored file of the source
    assert rig.records.stores["jobs"][new_id]["continues"] == source_id


def test_choosing_another_first_frame_drops_the_link() -> None:
    rig = Rig()
    source_id = _rendered(rig)
    compose = _compose(rig)

    async def scenario() -> None:
        await _continue(rig, compose, StillFrames(LAST), source_id)
        await compose.set_image(FIRST_FRAME, png_bytes(1280, 720, b"mine"), "mine.png")
        assert rig.store.state.draft.continues == ""
        await _continue(rig, compose, StillFrames(LAST), source_id)
        await compose.clear_image(FIRST_FRAME)
        assert rig.store.state.draft.continues == ""

    run(scenario())
    assert "continues" not in PRESET_FIELDS  # a preset never carries the link


def test_a_rerun_of_a_continuation_keeps_its_link() -> None:
    rig = Rig()
    source_id = _rendered(rig)
    compose = _compose(rig)

    async def scenario() -> None:
        await _continue(rig, compose, StillFrames(LAST), source_id)
        job = await compose.submit()
        assert job is not None
        await compose.prefill(job, {FIRST_FRAME: (LAST, "again.png")})
        assert rig.store.state.draft.continues == source_id

    run(scenario())


def test_what_cannot_be_continued_leaves_the_form_alone() -> None:
    rig = Rig()
    source_id = _rendered(rig)
    compose = _compose(rig)
    before = rig.store.state.draft

    async def attempt(frames: StillFrames, job_id: str = source_id) -> str:
        with pytest.raises(e.AppError) as caught:
            await _continue(rig, compose, frames, job_id)
        return str(caught.value)

    assert "could not be read" in run(attempt(StillFrames(fail=True)))
    assert "no longer in the library" in run(attempt(StillFrames(), "missing"))
    job = rig.store.state.jobs[source_id]
    rig.store.update(jobs={**rig.store.state.jobs, source_id: job.model_copy(update={"assets": {}})})
    assert "download its video first" in run(attempt(StillFrames()))
    assert rig.store.state.draft == before and FIRST_FRAME not in rig.store.state.draft_images


def test_a_gemini_clip_is_sent_to_extend() -> None:
    rig = Rig(provider_id="gemini")
    source_id = _rendered(rig)
    with pytest.raises(e.AppError, match="use Extend"):
        run(ClipContinuer(rig.book, StillFrames(), rig.clients).last_frame(source_id))
