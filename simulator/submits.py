"""``[sim:submit429=N]`` / ``[sim:submit500=N]``: refuse the first creates of a prompt, per key.

A create refused with 429 or 5xx created nothing, so an app may (and for 429 should)
send it again; these markers let a test watch that retry happen. Counts are kept per
(provider, key scope, prompt), bounded, and thread-safe.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Literal

from simulator.faults import JobFaults

Refusal = Literal["429", "500"]


class SubmitGate:
    def __init__(self, max_entries: int = 5000) -> None:
        self._attempts: OrderedDict[tuple[str, str, str], int] = OrderedDict()
        self._max = max_entries
        self._lock = threading.Lock()

    def refusal(self, provider: str, scope: str, prompt: str, faults: JobFaults) -> Refusal | None:
        """Count this attempt; the refusal it gets (429s first, then 500s), or None to accept it."""
        if not (faults.submit_429 or faults.submit_500):
            return None
        key = (provider, scope, prompt)
        with self._lock:
            earlier = self._attempts.get(key, 0)
            self._attempts[key] = earlier + 1
            self._attempts.move_to_end(key)
            while len(self._attempts) > self._max:
                self._attempts.popitem(last=False)
        if earlier < faults.submit_429:
            return "429"
        if earlier < faults.submit_429 + faults.submit_500:
            return "500"
        return None
