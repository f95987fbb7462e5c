"""One result file, fetched in byte ranges; each part is stored as it arrives and a
download that stopped goes on from its first missing byte.

The ledger (:mod:`app.core.download_ledger`) says what is stored. The first request
asks for the first missing part (or, for a new download, a small first part, whose
``Content-Range`` tells the total); the rest follow a few at a time, and each one that
arrives is written with the updated ledger in one transaction, so a crash leaves only
whole parts that the ledger lists. Once every byte is there the stored parts are joined
into one Blob (no copy) and checked (length, and SHA-256 where the API gives one); the
caller stores it and deletes the parts in the same transaction. A server that ignores
``Range`` answers 200 with the whole file: it is read in one go and cannot be resumed.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NoReturn

from app.core import errors as e
from app.core.byte_ranges import FIRST_PART_BYTES, PARALLEL_PARTS, ContentRange, Span, parse_content_range, range_header
from app.core.download_ledger import Ledger
from app.core.http import HttpResponse
from app.core.i18n import tr
from app.core.providers.base import Download
from app.services.download_parts import DownloadParts
from app.services.ports import Blobs
from app.services.provider_client import ProviderClient

PARTIAL_CONTENT = 206
RANGE_NOT_SATISFIABLE = 416

Report = Callable[[int, int | None, bool], None]
"""Progress: ``(bytes, total, resumable)``; resumable bytes are stored, the others only fetched."""
TypeCheck = Callable[[str, int], str]
"""``(content type, size)`` → the MIME type to store; ``ContentError`` when it is not the expected file."""


@dataclass(frozen=True)
class StoredFile:
    """A whole file, checked; ``release`` names the parts to delete when it is stored."""

    blob: Any
    size: int
    mime: str
    release: tuple[str, ...] = ()


class DiskFull(e.StorageQuotaError):
    """A part did not fit: the parts stored so far stay, with their ledger."""

    def __init__(self, ledger: Ledger) -> None:
        super().__init__(tr("svc.fetch.disk_full"))
        self.stored = ledger.stored
        self.total = ledger.total
        self.needed = ledger.space_needed()


class ResumableFetch:
    """Fetches one file of one job; ``progressed`` tells whether this attempt stored anything."""

    def __init__(
        self,
        client: ProviderClient,
        parts: DownloadParts,
        blobs: Blobs,
        *,
        job_id: str,
        report: Report,
        check: TypeCheck,
        now: Callable[[], float],
    ) -> None:
        self._client = client
        self._parts = parts
        self._blobs = blobs
        self._job_id = job_id
        self._report = report
        self._check = check
        self._now = now
        self._waiting: list[tuple[Span, Any, asyncio.Future[None]]] = []  # arrived, not yet stored
        self._writing = False
        self._ledger: Ledger | None = None  # what is stored, once the server told the total
        self.progressed = False

    async def fetch(self, download: Download) -> StoredFile:
        ledger = await self._parts.load(self._job_id, download.variant)
        if ledger is not None:
            self._report(ledger.stored, ledger.total, True)
            if ledger.complete:
                return await self._joined(ledger, download)
        span = ledger.to_fetch()[0] if ledger is not None else (0, FIRST_PART_BYTES)
        try:
            response = await self._get(download, span)
        except e.ApiError as error:
            if ledger is not None and error.status == RANGE_NOT_SATISFIABLE:
                await self._start_again(ledger, tr("svc.fetch.shorter"))
            raise
        if response.status != PARTIAL_CONTENT:
            return await self._whole(ledger, response, download)
        answered = parse_content_range(response.header("content-range"))
        if answered is None or answered.total is None:
            # The server will not say the full length (or not to this page): fetch it whole.
            return await self._whole(ledger, await self._get(download, None), download)
        self._ledger = await self._matching(ledger, answered, response, download)
        if not self._ledger.parts and (answered.start, answered.end) == (0, self._ledger.total):
            return await self._whole(None, response, download)  # it fits in its first part: nothing to resume
        await self._store(span, answered, response)
        await self._rest(download)
        return await self._joined(self._ledger, download)

    # -- requests --------------------------------------------------------------------------
    async def _get(self, download: Download, span: Span | None) -> HttpResponse:
        request = download.request
        if request is None:
            raise ValueError(f"{download.variant} came inline; there is nothing to fetch")
        if span is not None:
            request = dataclasses.replace(request, headers={**request.headers, "Range": range_header(span)})

        def streamed(loaded: int, total: int | None) -> None:  # only a whole (200) body streams
            self._report(loaded, total, False)

        return await self._client.fetch(dataclasses.replace(download, request=request), progress=streamed)

    async def _matching(
        self, ledger: Ledger | None, answered: ContentRange, response: HttpResponse, download: Download
    ) -> Ledger:
        """The ledger to add to: the stored one if the server still has the same file, else a new one."""
        total = answered.total or 0
        validator = response.header("etag") or response.header("last-modified") or ""
        if ledger is not None:
            changed = ledger.total != total or bool(ledger.validator and validator and ledger.validator != validator)
            if not changed:
                return ledger
            await self._start_again(ledger, tr("svc.fetch.changed"))
        mime = self._check(response.blob_type or response.header("content-type") or "", total)
        if download.size is not None and download.size != total:
            raise e.ContentError(tr("svc.fetch.offers", total=str(total), size=str(download.size)))
        return Ledger(self._job_id, download.variant, total, mime, validator, updated_at=self._now())

    async def _start_again(self, ledger: Ledger, why: str) -> NoReturn:
        await self._parts.discard(ledger)
        raise e.ContentError(tr("svc.fetch.again", why=why))

    async def _store(self, asked: Span, answered: ContentRange, response: HttpResponse) -> None:
        """Check that the answer is the part asked for, then store it with the ledger that lists it."""
        assert self._ledger is not None
        if response.status != PARTIAL_CONTENT:
            raise e.ContentError(tr("svc.fetch.part_status", status=str(response.status)))
        expected = (asked[0], min(asked[1], self._ledger.total))
        if (answered.start, answered.end) != expected or (response.blob_size or 0) != expected[1] - expected[0]:
            got, wanted = str(response.blob_size or 0), str(expected[1] - expected[0])
            raise e.ContentError(tr("svc.fetch.part_short", got=got, expected=wanted))
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        done.add_done_callback(lambda f: f.cancelled() or f.exception())  # a lane cancelled meanwhile never asks
        self._waiting.append((expected, response.blob, done))
        if not self._writing:
            await self._write_waiting()
        await done  # the lane fetches its next part only once this one is stored

    async def _write_waiting(self) -> None:
        """Store the parts that arrived, with the ledger, one transaction at a time: the parts
        that arrive while a write runs go together in the next (a ledger only ever lists
        parts that were stored, and small parts do not each wait for their own write)."""
        self._writing = True
        try:
            while self._waiting:
                batch, self._waiting = self._waiting, []
                current = self._ledger
                assert current is not None
                try:
                    self._ledger = await self._parts.add_many(current, [(s, b) for s, b, _ in batch], self._now())
                except asyncio.CancelledError:
                    for *_, done in [*batch, *self._waiting]:
                        done.cancel()
                    self._waiting = []
                    raise
                except Exception as exc:  # nothing of this write is stored: every lane waiting on it fails
                    failure = DiskFull(current) if isinstance(exc, e.StorageQuotaError) else exc
                    if failure is not exc:
                        failure.__cause__ = exc
                    for *_, done in [*batch, *self._waiting]:
                        if not done.done():
                            done.set_exception(failure)
                    self._waiting = []
                    return
                self.progressed = True
                self._report(self._ledger.stored, self._ledger.total, True)
                for *_, done in batch:
                    done.set_result(None)
        finally:
            self._writing = False

    async def _rest(self, download: Download) -> None:
        """Fetch the missing parts a few at a time, storing each as it arrives."""
        assert self._ledger is not None
        queue = iter(self._ledger.to_fetch())

        failed = False  # one lane failed: the others start no new request

        async def lane() -> None:
            nonlocal failed
            for span in queue:
                if failed:
                    return
                try:
                    response = await self._get(download, span)
                    answered = parse_content_range(response.header("content-range"))
                    if answered is None:
                        raise e.ContentError(tr("svc.fetch.no_range"))
                    await self._store(span, answered, response)
                except BaseException:
                    failed = True
                    raise

        lanes = [asyncio.ensure_future(lane()) for _ in range(PARALLEL_PARTS)]
        try:
            await asyncio.gather(*lanes)
        except BaseException:
            for task in lanes:
                task.cancel()
            await asyncio.gather(*lanes, return_exceptions=True)
            raise

    # -- the whole file ------------------------------------------------------------------------
    async def _whole(self, ledger: Ledger | None, response: HttpResponse, download: Download) -> StoredFile:
        """A 200 answer: the whole file, read in one go (parts from before are released with it)."""
        size = int(response.blob_size or 0)
        mime = self._check(response.blob_type or response.header("content-type") or "", size)
        await self._verify(response.blob, size, download)
        release = ledger.part_keys() if ledger is not None else ()
        return StoredFile(response.blob, size, mime, release)

    async def _joined(self, ledger: Ledger, download: Download) -> StoredFile:
        """The stored parts as one Blob, checked against the total (and the API's checksum)."""
        blobs = await self._parts.blobs(ledger)
        if any(blob is None for blob in blobs):
            await self._start_again(ledger, tr("svc.fetch.part_missing"))
        blob, size = self._blobs.join(blobs, ledger.mime)
        if size != ledger.total:
            await self._start_again(ledger, tr("svc.fetch.parts_hold", size=str(size), total=str(ledger.total)))
        try:
            await self._verify(blob, size, download)
        except e.ContentError as exc:
            await self._start_again(ledger, str(exc))
        return StoredFile(blob, size, ledger.mime, ledger.part_keys())

    async def _verify(self, blob: Any, size: int, download: Download) -> None:
        """The length and checksum the API gave, where it gave them."""
        if download.size is not None and size != download.size:
            raise e.ContentError(tr("svc.fetch.length", size=str(size), expected=str(download.size)))
        if download.sha256 and (await self._blobs.sha256(blob)) != download.sha256.lower():
            raise e.ContentError(tr("svc.fetch.checksum"))
