"""Counts a test can assert on: create requests per prompt, and body bytes served per download.

``GET /sim/debug/creates`` and ``GET /sim/debug/downloads`` read these (see
``routes_debug.py``). They let a test prove what the app *did*: that a refused submit
was retried exactly once, that a resumed download fetched little more than the file.
Thread-safe, bounded (the oldest entries are forgotten), and never holding a key.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

SLICE_BYTES = 64 * 1024  # bytes are counted as they are handed to the server, in slices this big


@dataclass
class CreateCount:
    provider: str
    prompt: str | None
    count: int = 0
    statuses: list[int] = field(default_factory=list)
    job_ids: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        accepted = sum(1 for status in self.statuses if status < 300)
        return {
            "provider": self.provider,
            "prompt": self.prompt,
            "count": self.count,
            "accepted": accepted,
            "refused": self.count - accepted,
            "statuses": list(self.statuses),
            "job_ids": list(self.job_ids),
        }


@dataclass
class DownloadCount:
    provider: str
    job_id: str
    file: str  # which file of the job: "video", "index=1", the Gemini file id, …
    file_bytes: int
    requests: int = 0
    bytes_served: int = 0
    statuses: list[int] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "provider": self.provider,
            "job_id": self.job_id,
            "file": self.file,
            "file_bytes": self.file_bytes,
            "requests": self.requests,
            "bytes_served": self.bytes_served,
            "statuses": list(self.statuses),
        }


class Counters:
    """Create and download counts of every simulated API, keyed by provider."""

    def __init__(self, max_entries: int = 2000) -> None:
        self._creates: OrderedDict[tuple[str, str | None], CreateCount] = OrderedDict()
        self._downloads: OrderedDict[tuple[str, str, str], DownloadCount] = OrderedDict()
        self._max = max_entries
        self._lock = threading.Lock()

    def count_create(self, provider: str, prompt: str | None, status: int, job_id: str | None) -> None:
        with self._lock:
            entry = self._creates.setdefault((provider, prompt), CreateCount(provider, prompt))
            self._creates.move_to_end((provider, prompt))
            entry.count += 1
            entry.statuses.append(status)
            if job_id:
                entry.job_ids.append(job_id)
            while len(self._creates) > self._max:
                self._creates.popitem(last=False)

    def creates(self, provider: str | None = None, prompt: str | None = None) -> list[dict[str, object]]:
        with self._lock:
            entries = list(self._creates.values())
        return [
            e.as_json()
            for e in reversed(entries)
            if (provider is None or e.provider == provider) and (prompt is None or e.prompt == prompt)
        ]

    def download(self, provider: str, job_id: str, file: str, file_bytes: int, status: int) -> DownloadCount:
        """Note one download request; add its bytes with :meth:`counted` as they are sent."""
        with self._lock:
            key = (provider, job_id, file)
            entry = self._downloads.setdefault(key, DownloadCount(provider, job_id, file, file_bytes))
            self._downloads.move_to_end(key)
            entry.file_bytes = file_bytes
            entry.requests += 1
            entry.statuses.append(status)
            while len(self._downloads) > self._max:
                self._downloads.popitem(last=False)
            return entry

    def counted(self, entry: DownloadCount, chunks: Iterable[bytes], limit: int | None) -> Iterator[bytes]:
        """``chunks`` in slices of at most 64 KiB, adding each slice to ``entry`` as it is taken.

        ``limit`` stops the stream after that many bytes (a ``[sim:truncate]`` cut).
        """
        sent = 0
        for chunk in chunks:
            for start in range(0, len(chunk), SLICE_BYTES):
                piece = chunk[start : start + SLICE_BYTES]
                if limit is not None and sent + len(piece) > limit:
                    piece = piece[: limit - sent]
                if piece:
                    with self._lock:
                        entry.bytes_served += len(piece)
                    sent += len(piece)
                    yield piece
                if limit is not None and sent >= limit:
                    return

    def downloads(self, provider: str | None = None, job_id: str | None = None) -> list[dict[str, object]]:
        with self._lock:
            entries = [e.as_json() for e in self._downloads.values()]
        return [
            e
            for e in reversed(entries)
            if (provider is None or e["provider"] == provider) and (job_id is None or e["job_id"] == job_id)
        ]
