"""Sending a render: store the job first, then the request, then store the answer.

Every new remote job (a render from the form, a retry, a remix) goes through
:meth:`RenderService.dispatch`: the local record exists before the request leaves, so
a reload at any moment finds it; a definite refusal (4xx) removes it again (nothing
started, nothing charged); an unanswered request leaves it for the queue to
reconcile, never to resubmit blindly.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from app.core import errors as e
from app.core.capabilities import ProviderCapabilities
from app.core.compose import Draft, PreparedImage, validate
from app.core.http import FileField
from app.core.job_record import AssetRecord, JobRecord, new_asset, new_job
from app.core.jobs import apply_remote, fail_from_error
from app.core.poll_plan import classify
from app.core.pricing import estimate
from app.core.providers.base import RemoteJob, RenderParams
from app.core.retry import ErrorBackoff
from app.services.job_book import JobBook
from app.services.ports import Clock
from app.services.provider_client import ProviderClient

SUBMIT_RETRIES = 2  # as the official SDK: two more tries on 429/5xx


class FormErrors(e.AppError):
    """One or more fields are not acceptable; each is shown next to its field."""

    def __init__(self, problems: list[e.InputError]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


class RenderService:
    def __init__(
        self,
        book: JobBook,
        client: ProviderClient,
        clock: Clock,
        capabilities: ProviderCapabilities,
        *,
        new_id: Callable[[], str] = lambda: uuid.uuid4().hex,
        sleep: Callable[[float], Any] = asyncio.sleep,
    ) -> None:
        self._book = book
        self._client = client
        self._clock = clock
        self._caps = capabilities
        self._new_id = new_id
        self._sleep = sleep

    @property
    def capabilities(self) -> ProviderCapabilities:
        return self._caps

    async def submit(
        self, draft: Draft, image: PreparedImage | None, *, endpoint: str, demo: bool, retry_of: str | None = None
    ) -> JobRecord:
        """Validate, store, send. Raises ``FormErrors``/``ApiError`` when nothing was started."""
        problems = validate(self._caps, draft)
        if problems:
            raise FormErrors(problems)
        self._client.endpoint  # noqa: B018 - fails now (locked vault, no key) before anything is stored
        asset_id = self._new_id() if image is not None else None
        price = estimate(self._caps, draft.model, draft.size, draft.seconds)
        job = new_job(
            job_id=self._new_id(),
            provider_id=self._caps.provider_id,
            endpoint=endpoint,
            demo=demo,
            model=draft.model,
            size=draft.size,
            seconds=draft.seconds,
            prompt=draft.prompt,
            now=self._clock.now(),
            rate_usd=price.rate,
            estimate_usd=price.total,
            image_asset_id=asset_id,
            image_fit=draft.image_fit,
            retry_of=retry_of,
        )
        files: list[tuple[AssetRecord, Any]] = []
        if image is not None and asset_id is not None:
            asset = new_asset(
                asset_id=asset_id,
                job_id=job.id,
                kind="image",
                mime=image.mime,
                size_bytes=image.bytes,
                name=image.name,
                now=job.created_at,
                width=image.width,
                height=image.height,
            )
            files.append((asset, image.blob))
        params = RenderParams(job.prompt, job.model, job.size, job.seconds)
        upload = FileField(image.name, image.mime, image.blob) if image is not None else None
        return await self.dispatch(job, lambda: self._client.create(params, upload), files=tuple(files))

    async def remix(self, source: JobRecord, prompt: str, client: ProviderClient) -> JobRecord:
        """A new job that changes one thing of a finished one, sent to the source's endpoint."""
        job = new_job(
            job_id=self._new_id(),
            provider_id=source.provider_id,
            endpoint=source.endpoint,
            demo=source.demo,
            model=source.model,
            size=source.size,
            seconds=source.seconds,
            prompt=prompt,
            now=self._clock.now(),
            rate_usd=source.rate_usd,
            estimate_usd=source.estimate_usd,
            tags=source.tags,
            folder=source.folder,
            remixed_from=source.remote_id,
        )
        remote_id = source.remote_id or ""
        return await self.dispatch(job, lambda: client.remix(remote_id, prompt))

    async def dispatch(
        self,
        job: JobRecord,
        send: Callable[[], Awaitable[RemoteJob]],
        *,
        files: tuple[tuple[AssetRecord, Any], ...] = (),
    ) -> JobRecord:
        """Store ``job`` (with its files), then ``send()``, then store what the API said.

        429/5xx (and what the server says to retry) are retried a couple of times, then the
        job fails; any other refusal (4xx) deletes the job and raises (nothing started); no answer keeps the job,
        unconfirmed, for the queue to look up instead of sending it again.
        """
        await self._book.commit(job, assets=files)
        attempt = 0
        while True:
            try:
                remote = await send()
                break
            except e.NetworkError as error:
                # No answer: the API may or may not have started it. The queue reconciles.
                return await self._book.commit(
                    job.model_copy(update={"error_message": str(error), "updated_at": self._clock.now()})
                )
            except e.ApiError as error:
                if classify(error) == "fatal":
                    await self._book.forget(job)  # refused: nothing started, nothing charged
                    raise
                if attempt >= SUBMIT_RETRIES:
                    return await self._book.commit(fail_from_error(job, error, now=self._clock.now()))
                await self._sleep(error.retry_after_s or ErrorBackoff().delay(attempt))
                attempt += 1
        now = self._clock.now()
        return await self._book.commit(apply_remote(job, remote, now=now).model_copy(update={"submitted_at": now}))
