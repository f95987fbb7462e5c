"""Batches over the simulators under CPython: stored whole, sent at the provider's pace,
a 429 storm waited out, nothing sent twice, cancel-all and retry-failed."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from app.core.batch_group import BatchItem, arrange
from app.core.batch_pacing import limit, pace
from app.core.batch_plan import BatchPlan, prompts_plan
from app.core.http import HttpRequest, HttpResponse
from app.core.job_record import JobPhase, JobRecord, JobStatus
from app.services.batch_runner import BatchRunner
from tests.unit.aio import run
from tests.unit.queue_harness import TODAY, Rig


class CountingTransport:
    """The rig's transport, counting render creates (POSTs) and the most in flight at once."""

    def __init__(self, rig: Rig) -> None:
        self.inner = rig.transport
        self.creates = 0
        self.open_jobs = 0
        rig.clients.transport = self  # type: ignore[assignment]

    async def send(self, request: HttpRequest, **options: object) -> HttpResponse:
        if request.method == "POST":
            self.creates += 1
        return await self.inner.send(request, **options)  # type: ignore[arg-type]


def _runner(rig: Rig, *, polling: bool = True) -> BatchRunner:
    runner = BatchRunner(
        rig.book,
        rig.clients,
        rig.render,
        rig.queue._clock,
        polling=lambda: polling,
        after_send=rig.queue.submitted,
        sleep=rig._sleep,
    )
    rig.store.subscribe(runner.changed)
    return runner


def _prompts(rig: Rig, count: int, marker: str = "") -> list[str]:
    return [f"shot {n} of a harbour at dawn{marker}" for n in range(1, count + 1)]


async def _settle(rig: Rig) -> None:
    for _ in range(400):
        await rig.settle()
        await asyncio.sleep(0)
        jobs = rig.store.state.jobs.values()
        if jobs and all(job.status.terminal for job in jobs):
            return


def _run_batch(rig: Rig, runner: BatchRunner, plan: BatchPlan) -> None:
    """This tab polls; the batch is stored, then sent and followed until every job ended."""

    async def scenario() -> None:
        await rig.queue.become_poller(rig.link)
        await runner.store(plan, rig.target())
        await _settle(rig)

    run(scenario())


def test_a_batch_is_stored_whole_and_unsent_before_anything_is_sent() -> None:
    rig = Rig(job_seconds=5)
    counting = CountingTransport(rig)
    runner = _runner(rig, polling=False)  # this tab does not poll: it stores, the polling tab sends
    plan = prompts_plan(rig.provider, rig.draft("x"), _prompts(rig, 6), TODAY)

    jobs = run(runner.store(plan, rig.target()))

    assert counting.creates == 0
    stored = rig.records.stores["jobs"]
    assert len(stored) == 6 and {j.batch_id for j in jobs} == {jobs[0].batch_id}
    assert all(s["phase"] == JobPhase.NONE and s["remote_id"] is None for s in stored.values())
    assert [j.batch_label for j in jobs] == [p[:60] for p in _prompts(rig, 6)]


def test_a_batch_stored_within_one_clock_tick_keeps_the_typed_order() -> None:
    rig = Rig(job_seconds=5)  # the fake clock stands still while the batch is stored
    runner = _runner(rig, polling=False)
    typed = _prompts(rig, 6)
    run(runner.store(prompts_plan(rig.provider, rig.draft("x"), typed, TODAY), rig.target()))
    jobs = list(rig.store.state.jobs.values())

    (group,), _ = arrange(jobs, [])
    assert isinstance(group, BatchItem)
    assert [job.prompt for job in group.jobs] == typed  # listed as typed, not by their random ids
    first = pace(jobs, max_in_flight=2, now=rig.clock()).send
    assert [rig.store.state.jobs[job_id].prompt for job_id in first] == typed[:2]  # and sent as typed


def test_a_batch_of_six_is_sent_once_each_within_the_in_flight_limit() -> None:
    rig = Rig(job_seconds=5)
    counting = CountingTransport(rig)
    runner = _runner(rig)
    plan = prompts_plan(rig.provider, rig.draft("x"), _prompts(rig, 6), TODAY)
    most = [0]
    rig.store.subscribe(
        lambda new, _old: most.__setitem__(
            0,
            max(
                most[0],
                sum(
                    1
                    for j in new.jobs.values()
                    if j.phase is JobPhase.SUBMITTING or (j.remote_id and not j.status.terminal)
                ),
            ),
        )
    )

    _run_batch(rig, runner, plan)
    jobs = list(rig.store.state.jobs.values())
    assert counting.creates == 6
    assert all(job.status is JobStatus.SUCCEEDED for job in jobs) and len(jobs) == 6
    assert most[0] <= limit(rig.provider)


def test_a_429_storm_pauses_the_batch_and_nothing_is_created_twice() -> None:
    rig = Rig(job_seconds=5, provider_id="openrouter")
    counting = CountingTransport(rig)
    runner = _runner(rig)
    plan = prompts_plan(rig.provider, rig.draft("x"), [f"{p} [sim:submit429=2]" for p in _prompts(rig, 3)], TODAY)

    _run_batch(rig, runner, plan)
    jobs = list(rig.store.state.jobs.values())
    assert all(job.status is JobStatus.SUCCEEDED for job in jobs) and len(jobs) == 3
    assert counting.creates == 3 + 3 * 2  # each refused twice (429 creates nothing), then once
    assert len({job.remote_id for job in jobs}) == 3
    assert any(s >= 1 for s in rig.sleeps)  # the batch waited before sending again
    assert "openrouter" in runner._paused


def test_cancel_all_ends_unsent_jobs_here_and_retry_failed_sends_them_again() -> None:
    rig = Rig(job_seconds=5)
    runner = _runner(rig, polling=False)
    plan = prompts_plan(rig.provider, rig.draft("x"), _prompts(rig, 3), TODAY)

    async def scenario() -> None:
        jobs = await runner.store(plan, rig.target())
        problems = await runner.cancel_all(jobs[0].batch_id or "", rig.queue.cancel)
        assert problems == []
        assert all(j.status is JobStatus.CANCELED for j in rig.store.state.jobs.values())
        failed = jobs[0].model_copy(update={"status": JobStatus.FAILED})
        await rig.book.commit(failed)
        again = await runner.retry_failed(jobs[0].batch_id or "", rig.target())
        assert [j.retry_of for j in again] == [failed.id]
        assert again[0].batch_id == failed.batch_id and again[0].phase is JobPhase.NONE
        assert await runner.retry_failed(jobs[0].batch_id or "", rig.target()) == []  # once only

    run(scenario())


def test_cancel_all_during_a_send_cancels_that_job_once_its_answer_is_in() -> None:
    rig = Rig(job_seconds=30)
    runner = _runner(rig)
    plan = prompts_plan(rig.provider, rig.draft("x"), _prompts(rig, 3), TODAY)
    transport = CountingTransport(rig)
    release = asyncio.Event()
    inner_send = transport.send

    async def held(request: HttpRequest, **options: object) -> HttpResponse:
        if request.method == "POST":
            await release.wait()  # the create is on its way while the user cancels
        return await inner_send(request, **options)

    transport.send = held  # type: ignore[method-assign]

    async def scenario() -> None:
        await rig.queue.become_poller(rig.link)
        jobs = await runner.store(plan, rig.target())
        for _ in range(20):
            await asyncio.sleep(0)
        assert sum(1 for j in rig.store.state.jobs.values() if j.phase is JobPhase.SUBMITTING) == limit(rig.provider)
        await runner.cancel_all(jobs[0].batch_id or "", rig.queue.cancel)
        release.set()
        await _settle(rig)
        ended = rig.store.state.jobs.values()
        assert all(j.status is JobStatus.CANCELED for j in ended), [(j.status, j.phase) for j in ended]
        assert transport.creates == limit(rig.provider)  # the waiting one was never sent

    run(scenario())


def test_a_kick_while_cancel_all_is_writing_sends_none_of_the_jobs_it_is_ending() -> None:
    rig = Rig(job_seconds=30)
    runner = _runner(rig, polling=False)  # nothing is sent until the write below is under way
    plan = prompts_plan(rig.provider, rig.draft("x"), _prompts(rig, 3), TODAY)
    transport = CountingTransport(rig)
    writing = asyncio.Event()
    release = asyncio.Event()
    inner_commit_many = rig.book.commit_many

    async def slow_commit_many(jobs: Sequence[JobRecord]) -> None:
        if any(job.status is JobStatus.CANCELED for job in jobs):
            writing.set()
            await release.wait()  # the disk is slow: the cancel is not stored yet
        await inner_commit_many(jobs)

    rig.book.commit_many = slow_commit_many  # type: ignore[method-assign]

    async def scenario() -> None:
        await rig.queue.become_poller(rig.link)
        jobs = await runner.store(plan, rig.target())
        canceling = asyncio.ensure_future(runner.cancel_all(jobs[0].batch_id or "", rig.queue.cancel))
        await writing.wait()
        runner._polling = lambda: True  # this tab takes over polling mid-write, and kicks
        await runner.kick()
        release.set()
        assert await canceling == []
        await _settle(rig)
        assert transport.creates == 0  # every job was still waiting: none may be sent
        assert all(j.status is JobStatus.CANCELED for j in rig.store.state.jobs.values())

    run(scenario())
