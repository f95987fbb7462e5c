"""The guard against paying twice: the same render as one just sent, or one maybe received."""

from __future__ import annotations

import dataclasses

from app.core.job_status import JobStatus
from app.core.render_guard import RECENT_S, duplicate_of, guard_text
from tests.unit.aio import run
from tests.unit.queue_harness import Rig


def _sent(rig: Rig, prompt: str, *, offline: bool = False) -> str:
    async def scenario() -> str:
        await rig.queue.become_poller(rig.link)
        rig.transport.offline = offline
        return await rig.submit(prompt)

    return run(scenario())


def test_the_same_render_within_minutes_is_caught_and_a_changed_one_is_not() -> None:
    rig = Rig()
    job_id = _sent(rig, "a lighthouse at dusk")
    jobs, now = rig.store.state.jobs.values(), rig.clock() + 60
    found = duplicate_of(jobs, rig.provider, rig.draft(" a lighthouse at dusk "), images=0, now=now)
    assert found is not None and found.job.id == job_id and found.why == "recent"
    assert "a minute ago" in guard_text(found, now) and "nothing is charged" in guard_text(found, now)  # demo
    paid = dataclasses.replace(found, job=found.job.model_copy(update={"demo": False}))
    assert "pay again" in guard_text(paid, now)
    assert duplicate_of(jobs, rig.provider, rig.draft("a lighthouse at dawn"), images=0, now=now) is None
    longer = rig.draft("a lighthouse at dusk", seconds=8)
    assert duplicate_of(jobs, rig.provider, longer, images=0, now=now) is None
    assert duplicate_of(jobs, rig.provider, rig.draft("a lighthouse at dusk"), images=1, now=now) is None
    later = rig.clock() + RECENT_S + 1
    assert duplicate_of(jobs, rig.provider, rig.draft("a lighthouse at dusk"), images=0, now=later) is None


def test_once_the_user_chose_a_new_variation_the_job_is_not_asked_about_again() -> None:
    rig = Rig()
    job_id = _sent(rig, "a fox in snow")
    jobs = rig.store.state.jobs.values()
    draft = rig.draft("a fox in snow")
    assert duplicate_of(jobs, rig.provider, draft, images=0, now=rig.clock(), acknowledged=[job_id]) is None


def test_a_render_that_may_have_been_received_is_caught_however_old() -> None:
    rig = Rig()
    job_id = _sent(rig, "sent into the void", offline=True)
    job = rig.store.state.jobs[job_id]
    assert job.remote_id is None and not job.status.terminal
    hours_later = rig.clock() + 6 * 3600
    found = duplicate_of([job], rig.provider, rig.draft("sent into the void"), images=0, now=hours_later)
    assert found is not None and found.why == "unconfirmed"
    assert "cannot tell yet whether the provider received it" in guard_text(found, hours_later)


def test_a_failed_render_may_be_sent_again_without_asking() -> None:
    rig = Rig()
    job_id = _sent(rig, "a quiet street")
    failed = rig.store.state.jobs[job_id].model_copy(update={"status": JobStatus.FAILED})
    assert duplicate_of([failed], rig.provider, rig.draft("a quiet street"), images=0, now=rig.clock()) is None
