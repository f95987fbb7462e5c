"""The polling worker starts only when a job needs it, and nothing sent meanwhile is lost."""

from __future__ import annotations

import asyncio

from app.core import poll_messages as pm
from app.services.lazy_poller import LazyPoller
from app.services.ports import Poller


class RecordingPoller:
    def __init__(self) -> None:
        self.calls: list[tuple[str, object]] = []

    def track(self, spec: pm.TrackSpec) -> None:
        self.calls.append(("track", spec.job_id))

    def untrack(self, job_id: str) -> None:
        self.calls.append(("untrack", job_id))

    def set_online(self, online: bool) -> None:
        self.calls.append(("online", online))


def _spec(job_id: str) -> pm.TrackSpec:
    return pm.TrackSpec(
        job_id=job_id, remote_id="r-" + job_id, provider_id="openrouter", base_url="https://x/api", api_key="k"
    )


def test_no_worker_is_started_until_a_job_needs_polling() -> None:
    starts: list[int] = []

    async def start() -> Poller:
        starts.append(1)
        return RecordingPoller()

    async def scenario() -> None:
        lazy = LazyPoller(start)
        lazy.set_online(False)
        lazy.untrack("nothing")
        await asyncio.sleep(0)
        assert starts == [] and not lazy.started

    asyncio.run(scenario())


def test_calls_made_while_it_starts_are_replayed_in_order_once_it_runs() -> None:
    worker = RecordingPoller()
    gate = asyncio.Event()
    starts: list[int] = []

    async def start() -> Poller:
        starts.append(1)
        await gate.wait()
        return worker

    async def scenario() -> None:
        lazy = LazyPoller(start, online=True)
        lazy.track(_spec("a"))
        lazy.track(_spec("b"))
        lazy.untrack("a")
        lazy.set_online(False)
        await asyncio.sleep(0)
        assert worker.calls == [] and starts == [1]  # one start for many tracks
        gate.set()
        await asyncio.sleep(0.01)
        assert worker.calls == [("online", False), ("track", "a"), ("track", "b"), ("untrack", "a"), ("online", False)]
        lazy.track(_spec("c"))
        assert worker.calls[-1] == ("track", "c") and starts == [1]

    asyncio.run(scenario())


def test_a_worker_that_cannot_start_is_tried_again_by_the_next_track() -> None:
    results: list[Poller | None] = [None, RecordingPoller()]

    async def start() -> Poller | None:
        return results.pop(0)

    async def scenario() -> None:
        lazy = LazyPoller(start)
        lazy.track(_spec("a"))
        await asyncio.sleep(0.01)
        assert not lazy.started
        lazy.track(_spec("b"))
        await asyncio.sleep(0.01)
        assert lazy.started

    asyncio.run(scenario())
