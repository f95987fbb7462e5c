"""A simulator, a poll engine and a queue service wired together in memory, with a fake
clock that the engine's sleeps advance, for CPython tests of the whole polling flow."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from app.core.compose import Draft
from app.core.keys import DEMO_KEY
from app.core.poll_messages import Event, TrackSpec, from_message, to_message
from app.core.providers.openai_videos.capabilities import CAPABILITIES
from app.core.providers.openai_videos.codec import OpenAIVideosProvider
from app.core.state import AppState
from app.core.store import Store
from app.services.job_book import JobBook
from app.services.job_store import JobStore
from app.services.poll_engine import PollEngine
from app.services.provider_client import Endpoint, ProviderClient
from app.services.queue_service import QueueService
from app.services.render_service import RenderService
from simulator import SimConfig, Simulator
from simulator.testing import FakeClock, FakeMedia
from tests.unit.fakes import MemoryRecords
from tests.unit.simtransport import BASE_URL, SimTransport


class ClockAdapter:
    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock

    def now(self) -> float:
        return self.clock()


@dataclass
class EngineLink:
    """Stands in for the worker: commands go to the engine, events come back as messages."""

    engine: PollEngine | None = None
    specs: list[TrackSpec] = field(default_factory=list)

    def track(self, spec: TrackSpec) -> None:
        self.specs.append(spec)
        assert self.engine is not None
        self.engine.track(TrackSpec.from_message(spec.to_message()))

    def untrack(self, job_id: str) -> None:
        assert self.engine is not None
        self.engine.untrack(job_id)

    def set_online(self, online: bool) -> None:
        assert self.engine is not None
        self.engine.set_online(online)


class Rig:
    def __init__(self, job_seconds: float = 10.0) -> None:
        self.clock = FakeClock()
        self.sim = Simulator(SimConfig(job_seconds=job_seconds, poll_after_ms=0), clock=self.clock, media=FakeMedia())
        self.transport = SimTransport(self.sim)
        self.records = MemoryRecords()
        self.jobs = JobStore(self.records)
        self.store: Store[AppState] = Store(AppState())
        self.events: list[Event] = []
        self.sleeps: list[float] = []
        clock = ClockAdapter(self.clock)
        self.book = JobBook(self.store, self.jobs)
        self.render = RenderService(self.book, self.client(BASE_URL, DEMO_KEY), clock, CAPABILITIES, sleep=self._sleep)
        self.queue = QueueService(
            self.book,
            self.client,
            clock,
            CAPABILITIES,
            self.render,
            api_key=lambda: DEMO_KEY,
            interval_s=lambda: 2.5,
        )
        self.link = EngineLink()
        self.engine = PollEngine(self.client, self._emit, sleep=self._sleep)
        self.link.engine = self.engine

    def client(self, base_url: str, key: str) -> ProviderClient:
        return ProviderClient(OpenAIVideosProvider(), self.transport, lambda: Endpoint(base_url, key))

    async def _sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.clock.advance(seconds)
        await asyncio.sleep(0)

    def _emit(self, event: Event) -> None:
        self.events.append(event)
        message = to_message(event)  # what crosses the worker boundary
        self.queue.deliver(from_message(message))

    async def submit(self, prompt: str, **draft: object) -> str:
        job = await self.render.submit(Draft(prompt=prompt, **draft), None, endpoint=BASE_URL, demo=True)  # type: ignore[arg-type]
        await self.queue.submitted(job)
        return job.id

    async def settle(self, rounds: int = 2000) -> None:
        """Let the engine run until nothing is tracked and every event is handled."""
        for _ in range(rounds):
            await asyncio.sleep(0)
            reader = self.queue.inbox.reader
            if not self.engine.tracked and (reader is None or reader.done()):
                break
