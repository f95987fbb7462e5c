"""Every wait has a deadline: a render still running at its provider's deadline stops being polled,
stays (not failed: it may still finish, paid for), and "Check again" looks once more."""

from __future__ import annotations

from app.core.job_deadline import deadline_at, is_overdue, overdue_note
from app.core.job_record import JobStatus
from app.core.poll_messages import Overdue, RemoteUpdate
from app.core.providers.registry import directory
from app.core.queue_cards import build_card
from tests.unit.aio import run
from tests.unit.queue_harness import Rig

DEADLINE_S = 2 * 3600.0  # the OpenAI-compatible provider's, from its capability data


def _overdue_rig(job_seconds: float) -> tuple[Rig, str]:
    rig = Rig(job_seconds)
    job_id = ""

    async def scenario() -> None:
        nonlocal job_id
        await rig.queue.become_poller(rig.link)
        job_id = await rig.submit("a glacier calving, very slowly")
        await rig.settle()

    run(scenario())
    return rig, job_id


def test_a_render_still_running_at_its_deadline_stops_being_polled_and_is_kept() -> None:
    rig, job_id = _overdue_rig(job_seconds=DEADLINE_S * 3)
    job = rig.store.state.jobs[job_id]
    assert isinstance(rig.events[-1], Overdue) and rig.engine.tracked == frozenset()
    assert job.status is JobStatus.RUNNING and is_overdue(job) and job.overdue_at is not None
    assert job.submitted_at is not None and job.overdue_at - job.submitted_at < DEADLINE_S + 60  # stopped on time
    assert rig.records.stores["jobs"][job_id]["overdue_at"] == job.overdue_at  # persisted, so a reload knows
    polls = sum(isinstance(e, RemoteUpdate) for e in rig.events)

    async def restart() -> None:  # a reload: the overdue job is not polled on its own
        await rig.queue.become_poller(rig.link)
        await rig.settle()

    run(restart())
    assert sum(isinstance(e, RemoteUpdate) for e in rig.events) == polls and rig.engine.tracked == frozenset()


def test_the_card_says_overdue_and_offers_check_again() -> None:
    rig, job_id = _overdue_rig(job_seconds=DEADLINE_S * 3)
    job = rig.store.state.jobs[job_id]
    provider = directory().get(job.provider_id)
    note = overdue_note(provider.job_deadline_s, provider.label)
    card = build_card(job, now=rig.clock(), overdue_note=note)
    assert card.label == "Overdue" and card.tone == "warn" and card.actions[0] == "check"
    assert card.notice == note and "120 min" in note and "nothing is charged again" in note
    assert build_card(job, now=rig.clock(), overdue_note=note, can_cancel=False).actions == ("check",)


def test_check_again_polls_under_a_fresh_deadline_until_it_finishes() -> None:
    rig, job_id = _overdue_rig(job_seconds=DEADLINE_S * 1.5)

    async def check() -> None:
        await rig.queue.check_again(job_id)
        await rig.settle()

    run(check())
    job = rig.store.state.jobs[job_id]
    assert job.status is JobStatus.SUCCEEDED and job.overdue_at is None and job.rechecked_at is not None
    assert len([r for r in rig.transport.sent if r.method == "POST"]) == 1  # looked up, never sent again


def test_the_deadline_runs_from_the_last_check() -> None:
    rig, job_id = _overdue_rig(job_seconds=DEADLINE_S * 3)
    job = rig.store.state.jobs[job_id]
    assert job.submitted_at is not None
    assert deadline_at(job, 60.0) == job.submitted_at + 60.0
    assert deadline_at(job.model_copy(update={"rechecked_at": 5e9}), 60.0) == 5e9 + 60.0


def test_gemini_gives_a_render_an_hour() -> None:
    assert directory().get("gemini").job_deadline_s == 3600.0
