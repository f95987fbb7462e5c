"""Locks an unlocked passphrase vault after the idle time the user picked.

The page reports activity (:meth:`IdleGuard.activity`, cheap: it only notes the time) and
wake-ups (:meth:`IdleGuard.check`, when the tab is shown again or the laptop woke); the
decision is :class:`~app.core.idle_lock.IdleLock`'s, from the clock, so a timer that fired
late or never still locks on the first look after the time is up. One waiting task at a
time; it sleeps until the earliest moment the vault could be due and looks again.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from app.core.idle_lock import IdleLock
from app.services.ports import Clock


class IdleGuard:
    def __init__(
        self,
        clock: Clock,
        lock: Callable[[], Awaitable[None]],
        *,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
    ) -> None:
        self._clock = clock
        self._lock = lock  # locks the vault (and says so); called once per idle period
        self._sleep = sleep
        self._rule = IdleLock()
        self._armed = False  # a passphrase vault is open: there is something to lock
        self._last_activity = clock.now()
        self._waiting: asyncio.Task[None] | None = None

    @property
    def armed(self) -> bool:
        return self._armed and self._rule.enabled

    def configure(self, *, minutes: float, armed: bool) -> None:
        """The user's idle time and whether the vault is open now; a change looks again at once."""
        rule = IdleLock(minutes)
        if rule == self._rule and armed == self._armed:
            return
        opened = armed and not self._armed
        self._rule, self._armed = rule, armed
        if opened:  # unlocking is activity: the idle time counts from here
            self._last_activity = self._clock.now()
        self.check()

    def activity(self) -> None:
        self._last_activity = self._clock.now()

    def check(self) -> None:
        """Decide now (and wait for the next look): after a wake-up, a setting change, a start."""
        if self._waiting is not None:
            self._waiting.cancel()
            self._waiting = None
        if self.armed:
            self._waiting = asyncio.ensure_future(self._watch())

    def stop(self) -> None:
        self._armed = False
        self.check()

    async def _watch(self) -> None:
        while self.armed:
            decision = self._rule.check(self._last_activity, self._clock.now())
            if decision.lock:
                self._armed = False  # the vault is about to lock: nothing more to guard
                self._waiting = None
                await self._lock()
                return
            if decision.check_in is None:
                return
            await self._sleep(decision.check_in)
