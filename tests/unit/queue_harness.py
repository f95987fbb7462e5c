"""The simulators, a poll engine and the queue services wired together in memory, with a
fake clock that the engine's sleeps advance, for CPython tests of the whole flow with
every provider."""

from __future__ import annotations

import asyncio
import datetime
from dataclasses import dataclass, field

from app.core.capabilities import ProviderCapabilities
from app.core.compose import NO_IMAGES, Draft, ImageSet, fresh_draft
from app.core.job_record import JobRecord
from app.core.keys import DEMO_KEY
from app.core.poll_messages import Event, TrackSpec, from_message, to_message
from app.core.provider_directory import ProviderDirectory
from app.core.providers import registry
from app.core.providers.base import Endpoint
from app.core.state import AppState
from app.core.store import Store
from app.services.compose_intents import ComposeIntents
from app.services.job_book import JobBook
from app.services.job_store import JobStore
from app.services.poll_engine import PollEngine
from app.services.provider_client import ProviderClient
from app.services.queue_service import QueueService
from app.services.render_service import RenderService, Target
from simulator import SimConfig, Simulator
from simulator.testing import FakeClock, FakeMedia
from tests.unit.fakes import BytesBlobs, FakeImages, MemoryRecords
from tests.unit.simtransport import BASE_URL, GEMINI_URL, OPENROUTER_URL, SimTransport

BASES = {"openai-videos": BASE_URL, "openrouter": OPENROUTER_URL, "gemini": GEMINI_URL}
TODAY = datetime.date(2026, 12, 1)


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


class RigClients:
    """The queue's JobClients over the simulators: every job is simulated (the demo key)."""

    def __init__(self, directory: ProviderDirectory, transport: SimTransport) -> None:
        self.directory = directory
        self.codecs = registry.codecs()
        self.transport = transport

    def provider_of(self, provider_id: str) -> ProviderCapabilities:
        return self.directory.get(provider_id)

    def key_for(self, job: JobRecord) -> str:
        return DEMO_KEY

    def client(self, provider_id: str, base_url: str, api_key: str) -> ProviderClient:
        endpoint = Endpoint(base_url, api_key)
        return ProviderClient(self.codecs[provider_id], self.transport, lambda: endpoint)


class Rig:
    def __init__(self, job_seconds: float = 10.0, provider_id: str = "openai-videos") -> None:
        self.clock = FakeClock()
        self.sim = Simulator(SimConfig(job_seconds=job_seconds, poll_after_ms=0), clock=self.clock, media=FakeMedia())
        self.transport = SimTransport(self.sim)
        self.records = MemoryRecords()
        self.jobs = JobStore(self.records)
        self.store: Store[AppState] = Store(AppState())
        self.events: list[Event] = []
        self.sleeps: list[float] = []
        self.directory = registry.directory()
        self.provider_id = provider_id
        clock = ClockAdapter(self.clock)
        self.clients = RigClients(self.directory, self.transport)
        self.book = JobBook(self.store, self.jobs)
        self.images = FakeImages()
        self.render = RenderService(self.book, self.images, clock, sleep=self._sleep)
        self.queue = QueueService(
            self.book, self.clients, clock, self.render, interval_s=lambda: 2.5, target=self.target
        )
        self.link = EngineLink()
        self.engine = PollEngine(
            self.clients.client, self._emit, BytesBlobs(), self.jobs.downloads, sleep=self._sleep, clock=self.clock
        )
        self.link.engine = self.engine

    @property
    def provider(self) -> ProviderCapabilities:
        return self.directory.get(self.provider_id)

    def client(self, base_url: str, key: str, provider_id: str | None = None) -> ProviderClient:
        return self.clients.client(provider_id or self.provider_id, base_url, key)

    def target(self) -> Target:
        base = BASES[self.provider_id]
        return Target(self.provider, self.client(base, DEMO_KEY), base, True, TODAY)

    def compose(self) -> ComposeIntents:
        """New Render's intents over this rig (its provider, its queue)."""
        return ComposeIntents(
            self.store,
            self.records,
            self.render,
            self.images,
            provider=lambda: self.provider,
            target=self.target,
            today=lambda: TODAY,
            after_submit=self.queue.submitted,
        )

    def draft(self, prompt: str, **choices: object) -> Draft:
        """The provider's default form with ``prompt`` (and any choices changed)."""
        base = fresh_draft(self.provider, TODAY, prompt=prompt)
        return Draft(**{**base.__dict__, **choices})

    async def _sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.clock.advance(seconds)
        await asyncio.sleep(0)

    def _emit(self, event: Event) -> None:
        self.events.append(event)
        message = to_message(event)  # what crosses the worker boundary
        self.queue.deliver(from_message(message))

    async def submit(self, prompt: str, images: ImageSet = NO_IMAGES, **draft: object) -> str:
        job = await self.render.submit(self.draft(prompt, **draft), images, self.target())
        await self.queue.submitted(job)
        return job.id

    async def settle(self, rounds: int = 2000) -> None:
        """Let the engine run until nothing is tracked and every event is handled."""
        for _ in range(rounds):
            await asyncio.sleep(0)
            reader = self.queue.inbox.reader
            if not self.engine.tracked and (reader is None or reader.done()):
                break
