"""When to try again: backoff schedules and the server's own retry hints.

Pure functions over numbers and headers, so every retry decision is unit-tested.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

MAX_SERVER_DELAY_S = 60.0


def parse_retry_after(headers: Mapping[str, str], *, now: float) -> float | None:
    """Seconds to wait per ``retry-after-ms`` then ``retry-after`` (seconds or HTTP date)."""
    millis = headers.get("retry-after-ms")
    if millis:
        try:
            return min(max(float(millis) / 1000.0, 0.0), MAX_SERVER_DELAY_S)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return min(max(float(value), 0.0), MAX_SERVER_DELAY_S)
    except ValueError:
        pass
    import email.utils  # only for an HTTP date (rare): ~10 ms off every page start

    try:
        when = email.utils.parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, IndexError):
        return None
    return min(max(when - now, 0.0), MAX_SERVER_DELAY_S)


@dataclass(frozen=True)
class PollSchedule:
    """Polling delays: start at the user's interval, add one interval per unchanged poll.

    2.5 → 5 → 7.5 … up to ``max_s`` while nothing changes; back to the start when the
    job moves. A server hint (``openai-poll-after-ms``) wins when present.
    """

    interval_s: float = 2.5
    max_s: float = 30.0

    def delay(self, unchanged_polls: int, server_hint_ms: int | None = None) -> float:
        if server_hint_ms is not None and server_hint_ms > 0:
            return min(server_hint_ms / 1000.0, self.max_s)
        return min(self.interval_s * (unchanged_polls + 1), self.max_s)


@dataclass(frozen=True)
class ErrorBackoff:
    """Exponential backoff for 5xx and network errors: 2, 4, 8 … capped."""

    base_s: float = 2.0
    max_s: float = 60.0

    def delay(self, attempt: int) -> float:
        return float(min(self.base_s * (2 ** max(attempt, 0)), self.max_s))


def retry_hint(headers: Mapping[str, str]) -> bool | None:
    """The server's own word on retrying (``x-should-retry: true|false``), as the SDK reads it;
    ``None`` when it says nothing (then the status decides, see :func:`app.core.poll_plan.classify`)."""
    hint = headers.get("x-should-retry")
    if hint == "true":
        return True
    if hint == "false":
        return False
    return None
