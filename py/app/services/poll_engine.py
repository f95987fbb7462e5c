"""The poller: one task per tracked job, a small cap on requests in flight.

It runs inside the PyScript worker (``app.worker``) and only reports: every answer,
retry, file and failure becomes an event for the page, which persists and renders.
Every provider is followed the same way: poll until the job ends, then fetch the files
its codec lists (URLs, or data sent inline).
Pure Python over a :class:`ProviderClient`, so CPython tests drive it against the
simulator with a fake clock.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any

from app.core import errors as e
from app.core.downloads import MAX_DOWNLOAD_ATTEMPTS, REQUIRED_VARIANT, checked_type
from app.core.i18n import set_locale, tr
from app.core.poll_messages import (
    DownloadPaused,
    Event,
    Expired,
    FileReady,
    FilesDone,
    FileSkipped,
    Overdue,
    RemoteUpdate,
    Retrying,
    Stopped,
    StorageFull,
    TrackSpec,
    Transfer,
)
from app.core.poll_plan import PollState, Stop, after_answer, after_error, classify, variant_word
from app.core.providers.base import Download, RemoteJob, RemoteStatus
from app.core.retry import ErrorBackoff, PollSchedule
from app.services.download_parts import DownloadParts
from app.services.ports import Blobs
from app.services.provider_client import ProviderClient
from app.services.resumable_fetch import DiskFull, ResumableFetch

MAX_IN_FLIGHT = 2
NOT_READY_DELAY_S = 2.0
PROGRESS_EVERY_BYTES = 1 << 20

ClientFactory = Callable[[str, str, str], ProviderClient]  # (provider id, base url, key) -> client


class PollEngine:
    def __init__(
        self,
        client_for: ClientFactory,
        emit: Callable[[Event], None],
        blobs: Blobs,
        parts: DownloadParts,
        *,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
        clock: Callable[[], float] = time.time,
        backoff: ErrorBackoff | None = None,
        max_in_flight: int = MAX_IN_FLIGHT,
    ) -> None:
        self._client_for = client_for
        self._emit = emit
        self._blobs = blobs
        self._parts = parts
        self._sleep = sleep
        self._clock = clock
        self._backoff = backoff or ErrorBackoff()
        self._slots = asyncio.Semaphore(max_in_flight)
        self._online = asyncio.Event()
        self._online.set()
        self._tasks: dict[str, asyncio.Task[None]] = {}

    # -- commands from the page ---------------------------------------------------------
    def track(self, spec: TrackSpec) -> None:
        """Start (or restart) following a job, speaking the page's language in its notes."""
        if spec.locale:
            set_locale(spec.locale)
        self.untrack(spec.job_id)
        task = asyncio.ensure_future(self._follow(spec))
        self._tasks[spec.job_id] = task
        task.add_done_callback(self._forgetter(spec.job_id))

    def untrack(self, job_id: str) -> None:
        task = self._tasks.pop(job_id, None)
        if task is not None:
            task.cancel()

    def set_online(self, online: bool) -> None:
        """Offline: every job waits before its next request; online: they go on."""
        if online:
            self._online.set()
        else:
            self._online.clear()

    @property
    def tracked(self) -> frozenset[str]:
        return frozenset(self._tasks)

    def _forgetter(self, job_id: str) -> Callable[[asyncio.Task[None]], None]:
        def forget(task: asyncio.Task[None]) -> None:
            if self._tasks.get(job_id) is task:
                del self._tasks[job_id]

        return forget

    # -- one job ------------------------------------------------------------------------
    async def _request(self, call: Callable[[], Awaitable[Any]]) -> Any:
        await self._online.wait()
        async with self._slots:
            return await call()

    async def _follow(self, spec: TrackSpec) -> None:
        client = self._client_for(spec.provider_id, spec.base_url, spec.api_key)
        schedule = PollSchedule(interval_s=spec.interval_s)
        state = PollState()
        poll_url = spec.poll_url
        delay = 0.0
        while True:
            if delay:
                await self._sleep(delay)
            try:
                remote = await self._request(partial(client.retrieve, spec.remote_id, poll_url))
            except e.AppError as error:
                state, decision = after_error(state, error, self._backoff)
                if isinstance(decision, Stop):
                    if spec.downloading:  # finished, only its file pending: paused, never failed
                        self._emit(DownloadPaused(spec.job_id, REQUIRED_VARIANT, str(decision.error)))
                    else:
                        self._emit(_stopped(spec.job_id, decision.error))
                    return
                if self._past_deadline(spec):
                    return
                self._emit(Retrying(spec.job_id, decision.note, decision.seconds))
                delay = decision.seconds
                continue
            poll_url = remote.poll_url or poll_url
            self._emit(RemoteUpdate(spec.job_id, remote))
            if remote.status is RemoteStatus.COMPLETED:
                if spec.fetch:
                    await self._download_all(client, spec, remote)
                return  # automatic downloads off: the page fetches on request
            if remote.status.terminal or self._past_deadline(spec):
                return
            state, wait = after_answer(state, remote, schedule)
            delay = wait.seconds

    def _past_deadline(self, spec: TrackSpec) -> bool:
        """Still running at its deadline (files pending do not count): say so and stop."""
        if spec.deadline_at is None or spec.downloading or self._clock() < spec.deadline_at:
            return False
        self._emit(Overdue(spec.job_id))
        return True

    async def _download_all(self, client: ProviderClient, spec: TrackSpec, remote: RemoteJob) -> None:
        wanted = [
            d
            for d in client.downloads(remote)
            if d.variant not in spec.have and (d.variant.startswith(REQUIRED_VARIANT) or d.variant in spec.extras)
        ]
        for download in wanted:
            outcome = await self._download(client, spec, download, remote.expires_at)
            if outcome == "stop":
                return
        self._emit(FilesDone(spec.job_id))

    async def _download(
        self, client: ProviderClient, spec: TrackSpec, download: Download, expires_at: float | None
    ) -> str:
        """Fetch one file until it is stored; returns ``ok``, ``skipped`` or ``stop``.

        A file the API calls gone before the time it said it would expire is not taken at its
        word (a passing fault, or a file not served yet): retried, then paused, never expired.
        """
        variant = download.variant
        if download.request is None:  # sent inline (base64 in the answer): no request to make
            blob, size = self._blobs.from_base64(download.data_b64, download.mime or "video/mp4")
            mime = checked_type(variant, download.mime or "video/mp4", size)
            self._emit(FileReady(spec.job_id, variant, blob, size, mime))
            return "ok"
        attempts = 0
        report = _Reporter(self._emit, spec.job_id, variant)
        while True:
            fetch = ResumableFetch(
                client,
                self._parts,
                self._blobs,
                job_id=spec.job_id,
                report=report,
                check=partial(checked_type, variant),
                now=self._clock,
            )
            try:
                stored = await self._request(partial(fetch.fetch, download))
            except DiskFull as full:
                self._emit(StorageFull(spec.job_id, variant, full.stored, full.total, full.needed))
                return "stop"
            except e.StorageError as error:  # never a reason to fail a paid-for render: wait for the user
                self._emit(StorageFull(spec.job_id, variant, 0, 0, 0, reason=str(error)))
                return "stop"
            except e.NotFoundError as error:
                if error.code == "video_not_ready":
                    await self._sleep(NOT_READY_DELAY_S)
                    continue
                if not _says_expired(error):
                    return self._give_up(spec, variant, error.message, _stopped(spec.job_id, error))
                if expires_at is None or self._clock() >= expires_at:
                    self._emit(Expired(spec.job_id))
                    return "stop"
                # "Gone" before the time the API gave: retried, then paused, saying both.
                failure: e.AppError = e.AppError(tr("svc.download.gone_early", said=error.message))
                early = True
            except e.AppError as error:
                failure, early = error, False
            else:
                self._emit(FileReady(spec.job_id, variant, stored.blob, stored.size, stored.mime, stored.release))
                return "ok"
            attempts = 1 if fetch.progressed else attempts + 1  # parts stored: a new run of attempts
            retryable = early or classify(failure) != "fatal"
            if not retryable or attempts >= MAX_DOWNLOAD_ATTEMPTS:  # the video kept finished: never failed
                return self._give_up(spec, variant, str(failure), DownloadPaused(spec.job_id, variant, str(failure)))
            delay = (failure.retry_after_s if isinstance(failure, e.ApiError) else None) or self._backoff.delay(
                attempts - 1
            )
            note = tr("svc.retry.download", variant=variant_word(variant), error=str(failure))
            self._emit(Retrying(spec.job_id, note, delay))
            await self._sleep(delay)

    def _give_up(self, spec: TrackSpec, variant: str, message: str, required: Event) -> str:
        """An optional file (extras, a second or later video) is skipped; the video emits ``required``."""
        if variant != REQUIRED_VARIANT:
            self._emit(FileSkipped(spec.job_id, variant, message))
            return "skipped"
        self._emit(required)
        return "stop"


def _says_expired(error: e.NotFoundError) -> bool:
    """The API's not-found names expiry (its code or its words)."""
    return error.code in ("video_expired", "expired") or "expire" in (error.message or "").lower()


class _Reporter:
    """Turns download progress into ``Transfer`` events, at most one per MiB of a streamed body."""

    def __init__(self, emit: Callable[[Event], None], job_id: str, variant: str) -> None:
        self._emit = emit
        self._job_id = job_id
        self._variant = variant
        self._next = 0
        self._resumable: bool | None = None

    def __call__(self, loaded: int, total: int | None, resumable: bool) -> None:
        if loaded < self._next and loaded != total and resumable == self._resumable:
            return
        self._next = loaded + PROGRESS_EVERY_BYTES if not resumable else 0
        self._resumable = resumable
        self._emit(Transfer(self._job_id, self._variant, loaded, total, resumable))


def _stopped(job_id: str, error: e.AppError, code: str = "") -> Stopped:
    return Stopped.from_error(job_id, error, code=code)
