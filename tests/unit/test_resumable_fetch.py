"""A file fetched in parts, each stored with its ledger: cut off, crashed, refused a range,
out of space, it goes on from the first missing byte and never stores a short file."""

from __future__ import annotations

import asyncio
import hashlib
import os
from collections.abc import Sequence

import pytest

from app.core import errors as e
from app.core.byte_ranges import FIRST_PART_BYTES, MIN_PART_BYTES, PARALLEL_PARTS, part_bytes, plan_parts
from app.core.downloads import checked_type
from app.core.http import Expect, HttpRequest, HttpResponse, Progress
from app.core.providers.base import Download, Endpoint
from app.core.providers.registry import codecs
from app.core.stores import DOWNLOADS, PARTS
from app.services.download_parts import DownloadParts
from app.services.ports import Op, Put
from app.services.provider_client import ProviderClient
from app.services.resumable_fetch import DiskFull, ResumableFetch
from tests.unit.aio import run
from tests.unit.fakes import BytesBlobs, MemoryRecords

URL = "http://cdn.test/video.mp4"


class RangeServer:
    """A CDN holding one file: honours ``Range`` (unless ``ranges`` is off), counts the bytes
    it sends, and drops the connection after ``cut_after`` answers (a network cut)."""

    def __init__(self, data: bytes, *, ranges: bool = True) -> None:
        self.data = data
        self.ranges = ranges
        self.served = 0
        self.answers = 0
        self.cut_after: int | None = None

    async def send(self, request: HttpRequest, *, progress: Progress | None = None) -> HttpResponse:
        await asyncio.sleep(0)
        if self.cut_after is not None and self.answers >= self.cut_after:
            raise e.NetworkError("Failed to fetch")
        self.answers += 1
        asked = request.headers.get("Range")
        total = len(self.data)
        headers = {"content-type": "video/mp4", "etag": '"v1"'}
        if asked and self.ranges:
            first, last = (int(x) for x in asked.removeprefix("bytes=").split("-"))
            if first >= total:
                return HttpResponse(416, {"content-range": f"bytes */{total}"}, body=b"{}")
            body = self.data[first : min(last + 1, total)]
            headers["content-range"] = f"bytes {first}-{first + len(body) - 1}/{total}"
            status = 206
        else:
            body, status = self.data, 200
            if progress is not None:
                progress(total, total)
        self.served += len(body)
        return HttpResponse(status, headers, blob=body, blob_size=len(body), blob_type="video/mp4", url=request.url)


class QuotaRecords(MemoryRecords):
    """IndexedDB with a quota on the bytes of stored parts and files."""

    def __init__(self, quota: int) -> None:
        super().__init__()
        self.quota = quota

    def _used(self) -> int:
        return sum(len(v) for name in (PARTS, "blobs") for v in self.stores.get(name, {}).values())

    async def write(self, ops: Sequence[Op]) -> None:
        adding = sum(len(op.value) for op in ops if isinstance(op, Put) and isinstance(op.value, bytes))
        if self._used() + adding > self.quota:
            raise e.StorageQuotaError("quota exhausted")
        await super().write(ops)


def _fetcher(server: RangeServer, records: MemoryRecords) -> tuple[ResumableFetch, list[tuple[int, int | None, bool]]]:
    codec = codecs()["openai-videos"]
    client = ProviderClient(codec, server, lambda: Endpoint("http://api.test/v1", "sk-test"))
    reports: list[tuple[int, int | None, bool]] = []
    fetch = ResumableFetch(
        client,
        DownloadParts(records),
        BytesBlobs(),
        job_id="job1",
        report=lambda loaded, total, resumable: reports.append((loaded, total, resumable)),
        check=lambda kind, size: checked_type("video", kind, size),
        now=lambda: 1.0,
    )
    return fetch, reports


def _download(data: bytes, *, checksum: bool = False) -> Download:
    sha = hashlib.sha256(data).hexdigest() if checksum else ""
    return Download("video", HttpRequest("GET", URL, expect=Expect.BLOB), size=len(data), sha256=sha)


DATA = os.urandom(5 * MIN_PART_BYTES + 12345)


def test_a_file_comes_in_parts_and_is_joined_byte_identical_with_its_parts_released() -> None:
    server, records = RangeServer(DATA), MemoryRecords()
    fetch, reports = _fetcher(server, records)
    stored = run(fetch.fetch(_download(DATA, checksum=True)))
    assert stored.blob == DATA and stored.size == len(DATA) and stored.mime == "video/mp4"
    assert server.served == len(DATA)  # each byte once
    assert len(stored.release) == len(plan_parts(len(DATA), [(0, FIRST_PART_BYTES)])) + 1
    assert reports[-1] == (len(DATA), len(DATA), True)
    assert set(stored.release) == set(records.stores[PARTS])  # the caller deletes exactly these


def test_after_a_network_cut_the_download_goes_on_from_the_first_missing_byte() -> None:
    server, records = RangeServer(DATA), MemoryRecords()
    server.cut_after = 3
    fetch, _ = _fetcher(server, records)
    with pytest.raises(e.NetworkError):
        run(fetch.fetch(_download(DATA)))
    assert fetch.progressed
    ledger = run(DownloadParts(records).load("job1", "video"))
    assert ledger is not None and 0 < ledger.stored < len(DATA) and ledger.first_missing == ledger.stored
    server.cut_after = None
    again, reports = _fetcher(server, records)  # a new worker after a reload
    stored = run(again.fetch(_download(DATA)))
    assert reports[0] == (ledger.stored, len(DATA), True)  # the card shows what is stored at once
    assert stored.blob == DATA
    assert server.served <= len(DATA) + 3 * MIN_PART_BYTES  # only the parts in flight at the cut


def test_a_crash_mid_download_leaves_whole_parts_that_the_ledger_lists() -> None:
    server, records = RangeServer(DATA), MemoryRecords()
    fetch, _ = _fetcher(server, records)

    async def crash() -> None:
        task = asyncio.ensure_future(fetch.fetch(_download(DATA)))
        for _ in range(1000):  # killed with parts in flight, once two are stored
            if len(records.stores.get(PARTS, {})) >= 2:
                break
            await asyncio.sleep(0)
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)

    run(crash())
    ledger = run(DownloadParts(records).load("job1", "video"))
    assert ledger is not None and not ledger.complete
    parts = records.stores[PARTS]
    assert sorted(parts) == sorted(ledger.part_keys())
    for (start, end), key in zip(ledger.parts, ledger.part_keys(), strict=True):
        assert parts[key] == DATA[start:end]
    assert "blobs" not in records.stores  # never a short file
    stored = run(_fetcher(server, records)[0].fetch(_download(DATA)))
    assert stored.blob == DATA


def test_all_parts_stored_before_a_crash_are_joined_without_fetching_again() -> None:
    server, records = RangeServer(DATA), MemoryRecords()
    run(_fetcher(server, records)[0].fetch(_download(DATA)))  # parts stored, the file never written
    served = server.served
    stored = run(_fetcher(server, records)[0].fetch(_download(DATA)))
    assert stored.blob == DATA and server.served == served


def test_a_server_without_ranges_sends_it_whole_and_says_it_cannot_resume() -> None:
    server, records = RangeServer(DATA, ranges=False), MemoryRecords()
    fetch, reports = _fetcher(server, records)
    stored = run(fetch.fetch(_download(DATA)))
    assert stored.blob == DATA and stored.release == ()
    assert reports and not any(resumable for *_, resumable in reports)
    assert not records.stores.get(PARTS) and not records.stores.get(DOWNLOADS)


def test_a_small_file_fits_in_its_first_request() -> None:
    small = os.urandom(1000)
    server, records = RangeServer(small), MemoryRecords()
    stored = run(_fetcher(server, records)[0].fetch(_download(small)))
    assert stored.blob == small and server.answers == 1 and not records.stores.get(PARTS)


def test_a_wrong_checksum_discards_the_parts_and_says_it_starts_again() -> None:
    server, records = RangeServer(DATA), MemoryRecords()
    bad = Download("video", HttpRequest("GET", URL, expect=Expect.BLOB), sha256="0" * 64)
    with pytest.raises(e.ContentError, match="checksum"):
        run(_fetcher(server, records)[0].fetch(bad))
    assert not records.stores[PARTS] and not records.stores[DOWNLOADS]


def test_a_changed_file_on_the_server_is_never_joined_with_old_parts() -> None:
    server, records = RangeServer(DATA), MemoryRecords()
    server.cut_after = 2
    with pytest.raises(e.NetworkError):
        run(_fetcher(server, records)[0].fetch(_download(DATA)))
    newer = RangeServer(os.urandom(len(DATA) + 100))
    with pytest.raises(e.ContentError, match="changed"):
        run(_fetcher(newer, records)[0].fetch(_download(newer.data)))
    assert not records.stores[PARTS]


def test_a_full_disk_keeps_the_parts_and_says_what_the_rest_needs() -> None:
    server = RangeServer(DATA)
    records = QuotaRecords(quota=2 * MIN_PART_BYTES)
    with pytest.raises(DiskFull) as caught:
        run(_fetcher(server, records)[0].fetch(_download(DATA)))
    ledger = run(DownloadParts(records).load("job1", "video"))
    assert ledger is not None and caught.value.stored == ledger.stored > 0
    assert caught.value.needed == len(DATA) - ledger.stored + len(DATA)
    assert sorted(records.stores[PARTS]) == sorted(ledger.part_keys())  # nothing half-written
    records.quota = 10 * len(DATA)  # the user freed space, then Resume
    served = server.served
    stored = run(_fetcher(server, records)[0].fetch(_download(DATA)))
    assert stored.blob == DATA and server.served - served == len(DATA) - ledger.stored


class SentServer(RangeServer):
    """A server that sends each answer in full as soon as it is asked, while the browser
    is still reading it (a local server's socket buffers take a whole part at once)."""

    async def send(self, request: HttpRequest, *, progress: Progress | None = None) -> HttpResponse:
        response = await super().send(request, progress=progress)
        for _ in range(3):  # in flight: counted as sent, not yet handed to the app
            await asyncio.sleep(0)
        return response


BIG = os.urandom(12 * MIN_PART_BYTES + 777)


@pytest.mark.parametrize("steps", range(24))  # every moment from the first request to the last part
def test_a_crash_at_any_moment_refetches_at_most_the_parts_in_flight(steps: int) -> None:
    server, records = SentServer(BIG), MemoryRecords()
    fetch, _ = _fetcher(server, records)

    async def crash() -> None:
        task = asyncio.ensure_future(fetch.fetch(_download(BIG)))
        for _ in range(steps):
            if task.done():
                break
            await asyncio.sleep(0)
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)

    run(crash())
    stored = run(_fetcher(server, records)[0].fetch(_download(BIG)))  # the new tab resumes
    assert stored.blob == BIG
    assert server.served - len(BIG) <= PARALLEL_PARTS * part_bytes(len(BIG))  # only what was in flight


class SlowRecords(MemoryRecords):
    """IndexedDB whose writes take a while: parts arrive while one runs."""

    def __init__(self) -> None:
        super().__init__()
        self.part_writes: list[int] = []

    async def write(self, ops: Sequence[Op]) -> None:
        for _ in range(5):
            await asyncio.sleep(0)
        self.part_writes.append(sum(1 for op in ops if isinstance(op, Put) and op.store == PARTS))
        await super().write(ops)


def test_parts_that_arrive_during_a_write_share_the_next_one_with_their_ledger() -> None:
    server, records = RangeServer(BIG), SlowRecords()
    stored = run(_fetcher(server, records)[0].fetch(_download(BIG)))
    assert stored.blob == BIG and server.served == len(BIG)
    assert max(records.part_writes) > 1  # batched: fewer transactions than parts
    assert sum(records.part_writes) == len(stored.release)  # every part stored once, each listed
