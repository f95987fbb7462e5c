"""When an idle passphrase vault locks itself: pure timing, fed by the page.

The page records the time of the user's last activity, asks :meth:`IdleLock.check`, locks
the vault when told to and otherwise checks again after ``check_in`` seconds. Deciding
from the clock (not from a timer having fired) also covers a laptop that slept: the
first check after waking locks at once.
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_CHECK_S = 1.0  # never busy-wait on the last fraction of a second


@dataclass(frozen=True)
class IdleCheck:
    lock: bool  # lock the vault now
    check_in: float | None  # seconds until the next check; None: no timer is needed


NEVER = IdleCheck(lock=False, check_in=None)


@dataclass(frozen=True)
class IdleLock:
    minutes: float = 0.0  # the idle time the user chose; 0 = never lock

    def __post_init__(self) -> None:
        if self.minutes < 0:
            raise ValueError("the idle time cannot be negative")

    @property
    def enabled(self) -> bool:
        return self.minutes > 0

    def check(self, last_activity: float, now: float) -> IdleCheck:
        """Whether to lock at ``now`` (epoch seconds), and when to look again."""
        if not self.enabled:
            return NEVER
        idle = max(0.0, now - last_activity)  # a clock set back counts as fresh activity
        remaining = self.minutes * 60 - idle
        if remaining <= 0:
            return IdleCheck(lock=True, check_in=None)
        return IdleCheck(lock=False, check_in=max(remaining, MIN_CHECK_S))
