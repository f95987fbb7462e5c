"""What a user does with a finished or failed job: edit it, continue it, save its video, purge."""

from __future__ import annotations

from typing import Any

import pytest

from app.core import errors as e
from app.core.job_record import JobStatus
from app.core.routes import Route
from app.services.clip_continuer import ClipContinuer
from app.services.compose_intents import FIRST_FRAME
from app.services.job_actions import JobActions
from tests.unit.aio import run
from tests.unit.fakes import StillFrames, png_bytes
from tests.unit.queue_harness import Rig


class Folder:
    """A picked folder that records what was written, or a picker the user cancels."""

    def __init__(self, *, cancel_after: int | None = None) -> None:
        self.written: list[str] = []
        self.cancel_after = cancel_after
        self.asked: list[bool] = []

    def supported(self) -> bool:
        return True

    async def write(self, blob: Any, name: str, *, choose: bool = False) -> str | None:
        self.asked.append(choose)
        if self.cancel_after is not None and len(self.written) >= self.cancel_after:
            return None
        self.written.append(name)
        return "Videos"


def _actions(rig: Rig, folder: Folder | None = None) -> tuple[JobActions, list[str]]:
    switched: list[str] = []

    async def use_provider(provider_id: str) -> None:
        switched.append(provider_id)

    actions = JobActions(
        rig.store,
        rig.jobs,
        rig.compose(),
        ClipContinuer(rig.book, StillFrames(png_bytes(1280, 720)), rig.clients),
        rig.queue,
        folder or Folder(),
        rig.directory,
        active_provider=lambda: "openrouter",  # another provider than the jobs': edit switches back
        use_provider=use_provider,
    )
    return actions, switched


def _rendered(rig: Rig, *prompts: str) -> list[str]:
    async def scenario() -> list[str]:
        await rig.queue.become_poller(rig.link)
        ids = [await rig.submit(prompt) for prompt in prompts]
        await rig.settle()
        return ids

    return run(scenario())


def test_edit_opens_new_render_with_the_job_on_its_own_provider() -> None:
    rig = Rig()
    (job_id,) = _rendered(rig, "a lighthouse at dusk")
    actions, switched = _actions(rig)
    run(actions.edit(job_id))
    assert switched == ["openai-videos"]
    assert rig.store.state.draft.prompt == "a lighthouse at dusk"
    assert rig.store.state.location.route is Route.NEW
    run(actions.edit("gone"))  # a job deleted meanwhile: nothing happens
    assert switched == ["openai-videos"]


def test_continue_starts_from_the_clip_s_last_frame() -> None:
    rig = Rig()
    (job_id,) = _rendered(rig, "waves on a pier")
    actions, _ = _actions(rig)
    run(actions.continue_clip(job_id))
    assert rig.store.state.draft.continues == job_id and FIRST_FRAME in rig.store.state.draft_images
    assert rig.store.state.location.route is Route.NEW


def test_the_video_is_handed_over_with_its_name_and_type_or_a_clear_refusal() -> None:
    rig = Rig()
    (job_id,) = _rendered(rig, "a kite over dunes")
    actions, _ = _actions(rig)
    job = rig.store.state.jobs[job_id]
    blob, name, mime = run(actions.video_file(job))
    assert blob == rig.records.stores["blobs"][job.assets["video"]]
    assert name.endswith(".mp4") and mime == "video/mp4"
    with pytest.raises(e.StorageError):
        run(actions.video_file(job.model_copy(update={"assets": {}})))


def test_saving_to_the_folder_asks_once_and_stops_when_the_picker_is_cancelled() -> None:
    rig = Rig()
    ids = _rendered(rig, "one", "two")
    jobs = [rig.store.state.jobs[i] for i in ids]
    folder = Folder()
    actions, _ = _actions(rig, folder)
    assert run(actions.save_to_folder(jobs, choose=True)) == (2, "Videos")
    assert folder.asked == [True, False]
    cancelled, _ = _actions(rig, Folder(cancel_after=0))
    assert run(cancelled.save_to_folder(jobs)) == (0, None)


def test_purge_forgets_only_the_jobs_that_ended_badly() -> None:
    rig = Rig()
    done, failed, canceled = _rendered(rig, "kept", "failed", "canceled")
    jobs = rig.store.state.jobs
    rig.store.update(
        jobs={
            **jobs,
            failed: jobs[failed].model_copy(update={"status": JobStatus.FAILED}),
            canceled: jobs[canceled].model_copy(update={"status": JobStatus.CANCELED}),
        }
    )
    actions, _ = _actions(rig)
    assert run(actions.purge_failed()) == 2
    assert set(rig.store.state.jobs) == {done}
