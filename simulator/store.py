"""Jobs in memory, scoped per API key, safe to use from many request threads.

A job keeps only what it was created with plus its fault counters; its status is
computed from the clock on every read (see ``lifecycle.py``), so nothing runs in the
background. Keys are never stored: a job's ``scope`` is a hash of the key. Every
simulated API keeps its own :class:`JobStore` of its own :class:`BaseJob` subclass.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Generic, Literal, TypeVar

from simulator.faults import JobFaults
from simulator.validation import ReferenceImage

Counter = Literal["status_500", "status_429", "content_500", "truncate", "poll_400"]


def key_scope(api_key: str) -> str:
    """A stable, non-reversible name for the key's jobs (never the key itself)."""
    return hashlib.sha256(api_key.encode("utf-8")).hexdigest()[:24]


@dataclass(kw_only=True)
class BaseJob:
    """What every simulated job has: identity, owner, timing, and its injected faults."""

    id: str
    scope: str
    created: float  # clock time, sub-second
    duration_s: float  # how long the job takes to finish
    faults: JobFaults
    cancelled_at: float | None = None  # set by an explicit cancel call (Gemini)
    seq: int = 0  # creation order, breaks created_at ties in lists
    remaining: dict[Counter, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.remaining:
            self.remaining = {
                "status_500": self.faults.status_500,
                "status_429": self.faults.status_429,
                "content_500": self.faults.content_500,
                "truncate": self.faults.truncate,
                "poll_400": self.faults.poll_400,
            }


@dataclass(kw_only=True)
class Job(BaseJob):
    """A job of the OpenAI Videos API simulator."""

    model: str
    prompt: str
    size: str
    seconds: str
    remixed_from: str | None = None
    image: ReferenceImage | None = None


J = TypeVar("J", bound=BaseJob)


class JobStore(Generic[J]):
    """All jobs by id; the oldest are forgotten beyond ``max_jobs``."""

    def __init__(self, max_jobs: int) -> None:
        self._jobs: OrderedDict[str, J] = OrderedDict()
        self._lock = threading.Lock()
        self._max_jobs = max_jobs
        self._seq = 0

    def add(self, job: J) -> None:
        with self._lock:
            self._seq += 1
            job.seq = self._seq
            self._jobs[job.id] = job
            while len(self._jobs) > self._max_jobs:
                self._jobs.popitem(last=False)

    def get(self, scope: str, job_id: str) -> J | None:
        """The job if it exists *and* belongs to ``scope``; other keys' jobs stay invisible."""
        with self._lock:
            job = self._jobs.get(job_id)
        return job if job is not None and job.scope == scope else None

    def remove(self, scope: str, job_id: str) -> bool:
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None or job.scope != scope:
                return False
            del self._jobs[job_id]
            return True

    def in_scope(self, scope: str) -> list[J]:
        """The scope's jobs in creation order."""
        with self._lock:
            return [job for job in self._jobs.values() if job.scope == scope]

    def take(self, job: BaseJob, counter: Counter) -> bool:
        """Use up one of the job's injected faults of a kind; False when none is left."""
        with self._lock:
            if job.remaining.get(counter, 0) <= 0:
                return False
            job.remaining[counter] -= 1
            return True

    def cancel(self, job: BaseJob, when: float) -> None:
        with self._lock:
            if job.cancelled_at is None:
                job.cancelled_at = when
