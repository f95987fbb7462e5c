"""The idle lock wired: the guard locks an open passphrase vault once the user's time is up
(activity and wake-ups counted, nothing locked when there is nothing to lock), and a lock
pauses polling of running renders (the worker lets go of the key) until the vault opens."""

from __future__ import annotations

import asyncio

from app.core.errors import VaultError
from app.core.job_record import JobRecord, JobStatus
from app.core.poll_messages import RemoteUpdate
from app.core.queue_cards import lock_note, locked_note, locked_text, paused_by_lock
from app.core.vault_status import VaultState, VaultStatus
from app.services.idle_guard import IdleGuard
from app.services.render_service import Target
from tests.unit.aio import run
from tests.unit.queue_harness import BASES, TODAY, Rig, RigClients

T0 = 1_800_000_000.0
REAL_KEY = "sk-test-a-real-key"  # the simulator keeps each key's jobs apart: one key throughout


class Clock:
    def __init__(self) -> None:
        self.t = T0

    def now(self) -> float:
        return self.t


class GuardKit:
    """A guard over a fake clock whose sleeps pass simulated time, recording every lock."""

    def __init__(self) -> None:
        self.clock = Clock()
        self.locks: list[float] = []
        self.sleeps: list[float] = []
        self.guard = IdleGuard(self.clock, self._lock, sleep=self._sleep)

    async def _lock(self) -> None:
        self.locks.append(self.clock.t - T0)

    async def _sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.clock.t += seconds
        await asyncio.sleep(0)

    async def idle(self, rounds: int = 20) -> None:
        for _ in range(rounds):
            await asyncio.sleep(0)


def test_an_open_vault_locks_once_the_idle_time_is_up() -> None:
    kit = GuardKit()

    async def scenario() -> None:
        kit.guard.configure(minutes=5, armed=True)
        await kit.idle()
        assert kit.locks == [300.0] and kit.sleeps == [300.0]
        assert not kit.guard.armed  # locked: nothing left to guard until it opens again
        await kit.idle()
        assert kit.locks == [300.0]  # once

    run(scenario())


def test_activity_pushes_the_lock_back() -> None:
    kit = GuardKit()

    async def sleep_with_activity(seconds: float) -> None:
        kit.sleeps.append(seconds)
        kit.clock.t += seconds
        if kit.clock.t - T0 < 500:
            kit.guard.activity()  # the user was busy just now
        await asyncio.sleep(0)

    kit.guard = IdleGuard(kit.clock, kit._lock, sleep=sleep_with_activity)

    async def scenario() -> None:
        kit.guard.configure(minutes=5, armed=True)
        await kit.idle(50)
        assert kit.locks == [600.0]  # active at t=300 (the first look), then five idle minutes

    run(scenario())


def test_nothing_is_locked_without_a_time_or_an_open_vault() -> None:
    kit = GuardKit()

    async def scenario() -> None:
        kit.guard.configure(minutes=0, armed=True)  # "Only when I lock it"
        kit.guard.configure(minutes=5, armed=False)  # device vault, or already locked
        kit.clock.t += 86_400
        kit.guard.check()
        await kit.idle()
        assert kit.locks == [] and kit.sleeps == []

    run(scenario())


def test_disarming_while_waiting_cancels_the_lock() -> None:
    kit = GuardKit()
    gate: asyncio.Future[None] | None = None

    async def slow_sleep(seconds: float) -> None:
        nonlocal gate
        gate = asyncio.get_running_loop().create_future()
        await gate  # a timer that has not fired yet
        kit.clock.t += seconds

    kit.guard = IdleGuard(kit.clock, kit._lock, sleep=slow_sleep)

    async def scenario() -> None:
        kit.guard.configure(minutes=5, armed=True)
        await kit.idle()
        kit.guard.configure(minutes=5, armed=False)  # locked by hand, or the passphrase removed
        kit.clock.t += 3600
        await kit.idle()
        assert gate is not None and gate.cancelled() and kit.locks == []

    run(scenario())


def test_a_wake_up_after_the_time_locks_at_once_though_the_timer_never_fired() -> None:
    kit = GuardKit()

    async def never(_seconds: float) -> None:
        await asyncio.get_running_loop().create_future()  # the laptop slept: the timer is frozen

    kit.guard = IdleGuard(kit.clock, kit._lock, sleep=never)

    async def scenario() -> None:
        kit.guard.configure(minutes=15, armed=True)
        await kit.idle()
        kit.clock.t += 4 * 3600
        kit.guard.check()  # visibilitychange: the page is shown again
        await kit.idle()
        assert kit.locks == [4 * 3600.0]

    run(scenario())


def test_opening_the_vault_again_counts_the_idle_time_from_then() -> None:
    kit = GuardKit()

    async def scenario() -> None:
        kit.guard.configure(minutes=5, armed=True)
        await kit.idle()
        assert kit.locks == [300.0]
        kit.guard.configure(minutes=5, armed=False)  # the store says: locked
        kit.clock.t += 3600  # locked for an hour, then unlocked
        kit.guard.configure(minutes=5, armed=True)
        await kit.idle()
        assert kit.locks == [300.0, 3600.0 + 600.0]  # not at once: five minutes after the unlock

    run(scenario())


# -- a lock pauses polling, an unlock resumes it -----------------------------------------------
class LockableClients(RigClients):
    """The queue's key source over a vault that can be locked: no key while it is."""

    locked = False

    def key_for(self, job: JobRecord) -> str:
        if self.locked:
            raise VaultError("The key vault is locked.")
        return REAL_KEY


class KeyedRig(Rig):
    """Renders sent with a real key (not demo jobs), so a lock concerns them."""

    def __init__(self) -> None:
        super().__init__(job_seconds=6_000.0)  # long enough to lock mid-render, within the deadline
        self.keys = LockableClients(self.directory, self.transport)
        self.clients = self.keys
        self.queue._clients = self.keys
        self.engine._client_for = self.keys.client

    def target(self) -> Target:
        base = BASES[self.provider_id]
        return Target(self.provider, self.client(base, REAL_KEY), base, False, TODAY)


LOCKED = {"openai-videos": VaultStatus(state=VaultState.LOCKED, mode="passphrase")}
OPEN = {"openai-videos": VaultStatus(state=VaultState.UNLOCKED, mode="passphrase")}


async def _drain(rig: Rig, rounds: int = 50) -> None:
    for _ in range(rounds):
        await asyncio.sleep(0)


def test_a_lock_pauses_polling_with_a_note_and_the_worker_drops_the_key_until_unlocked() -> None:
    rig = KeyedRig()

    async def scenario() -> None:
        await rig.queue.become_poller(rig.link)
        job_id = await rig.submit("a harbour at night")
        await _drain(rig)
        assert rig.engine.tracked == {job_id} and rig.link.specs[-1].api_key == REAL_KEY

        rig.keys.locked = True  # what the controller does on lock: no key, and pause
        rig.queue.pause_for_key(locked_note())
        polled = len(rig.events)
        await _drain(rig)  # answers already on their way are still applied
        assert rig.engine.tracked == frozenset()  # the worker's task (and with it the key) is gone
        assert len(rig.events) == polled  # no request since
        job = rig.store.state.jobs[job_id]
        assert not job.status.terminal and lock_note(job, LOCKED) == locked_note()
        assert paused_by_lock(rig.store.state.jobs, LOCKED) and "paused until you unlock" in locked_text()
        await rig.queue.resume_all_waiting_for_key()  # still locked: it waits and says why
        assert rig.engine.tracked == frozenset()
        assert rig.store.state.job_notes[job_id].startswith("Waiting for your API key")

        rig.keys.locked = False
        await rig.queue.resume_all_waiting_for_key()
        await rig.settle()
        job = rig.store.state.jobs[job_id]
        assert job.status is JobStatus.SUCCEEDED and job_id not in rig.store.state.job_notes
        assert any(isinstance(e, RemoteUpdate) for e in rig.events[polled:])
        assert lock_note(job, LOCKED) == ""  # finished: nothing paused

    run(scenario())


def test_the_queue_says_polling_is_paused_only_for_running_keyed_renders() -> None:
    rig = KeyedRig()
    run(rig.submit("a harbour at dawn"))
    jobs = rig.store.state.jobs
    (job,) = jobs.values()
    assert paused_by_lock(jobs, LOCKED) and lock_note(job, LOCKED) == locked_note()
    assert not paused_by_lock(jobs, OPEN) and lock_note(job, OPEN) == ""
    assert not paused_by_lock({}, LOCKED)  # nothing running: nothing paused
    demo = job.model_copy(update={"demo": True})
    assert not paused_by_lock({demo.id: demo}, LOCKED) and lock_note(demo, LOCKED) == ""  # simulated: no key
