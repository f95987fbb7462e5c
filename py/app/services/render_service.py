"""Submitting a render: store the job first, then ``POST /videos``, then store the answer.

The local record exists before the request leaves, so a reload at any moment finds it;
a definite refusal (4xx) removes it again and the draft stays in the form; an
unanswered request leaves it for the queue to reconcile, never to resubmit blindly.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from typing import Any

from app.core import errors as e
from app.core.capabilities import ProviderCapabilities
from app.core.compose import Draft, PreparedImage, validate
from app.core.http import FileField
from app.core.job_record import AssetRecord, JobPhase, JobRecord, JobStatus
from app.core.jobs import apply_remote
from app.core.pricing import estimate
from app.core.providers.base import RenderParams
from app.core.retry import ErrorBackoff
from app.services.job_store import JobStore
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
        jobs: JobStore,
        client: ProviderClient,
        clock: Clock,
        capabilities: ProviderCapabilities,
        *,
        new_id: Callable[[], str] = lambda: uuid.uuid4().hex,
        sleep: Callable[[float], Any] = asyncio.sleep,
    ) -> None:
        self._jobs = jobs
        self._client = client
        self._clock = clock
        self._caps = capabilities
        self._new_id = new_id
        self._sleep = sleep

    @property
    def capabilities(self) -> ProviderCapabilities:
        return self._caps

    def new_job(
        self, draft: Draft, image_asset_id: str | None, *, endpoint: str, demo: bool, retry_of: str | None = None
    ) -> JobRecord:
        price = estimate(self._caps, draft.model, draft.size, draft.seconds)
        now = self._clock.now()
        return JobRecord(
            id=self._new_id(),
            provider_id=self._caps.provider_id,
            endpoint=endpoint,
            demo=demo,
            model=draft.model,
            size=draft.size,
            seconds=draft.seconds,
            prompt=draft.prompt,
            image_asset_id=image_asset_id,
            image_fit=draft.image_fit if image_asset_id else None,
            rate_usd=price.rate,
            estimate_usd=price.total,
            status=JobStatus.QUEUED,
            phase=JobPhase.SUBMITTING,
            created_at=now,
            updated_at=now,
            retry_of=retry_of,
        )

    async def submit(
        self, draft: Draft, image: PreparedImage | None, *, endpoint: str, demo: bool, retry_of: str | None = None
    ) -> JobRecord:
        """Validate, store, send. Raises ``FormErrors``/``ApiError`` when nothing was started."""
        problems = validate(self._caps, draft)
        if problems:
            raise FormErrors(problems)
        self._client.endpoint  # noqa: B018 - fails now (locked vault, no key) before anything is stored
        asset_id = self._new_id() if image is not None else None
        job = self.new_job(draft, asset_id, endpoint=endpoint, demo=demo, retry_of=retry_of)
        files: list[tuple[AssetRecord, Any]] = []
        if image is not None and asset_id is not None:
            asset = AssetRecord(
                id=asset_id,
                job_id=job.id,
                kind="image",
                mime=image.mime,
                bytes=image.bytes,
                name=image.name,
                created_at=job.created_at,
                width=image.width,
                height=image.height,
            )
            files.append((asset, image.blob))
        await self._jobs.save(job, assets=files)
        return await self.send(job, image)

    async def send(self, job: JobRecord, image: PreparedImage | None) -> JobRecord:
        """``POST /videos`` for a stored job (also used to resubmit a job that never reached the API)."""
        params = RenderParams(job.prompt, job.model, job.size, job.seconds)
        upload = FileField(image.name, image.mime, image.blob) if image is not None else None
        attempt = 0
        while True:
            try:
                remote = await self._client.create(params, upload)
                break
            except (e.RateLimitError, e.ServerError) as error:
                if attempt >= SUBMIT_RETRIES:
                    return await self._fail(job, error)
                await self._sleep(error.retry_after_s or ErrorBackoff().delay(attempt))
                attempt += 1
            except e.NetworkError as error:
                # No answer: the API may or may not have started it. The queue reconciles.
                updated = job.model_copy(update={"error_message": str(error), "updated_at": self._clock.now()})
                await self._jobs.save(updated)
                return updated
            except e.ApiError:
                await self._jobs.delete(job)  # refused: nothing started, nothing charged
                raise
        now = self._clock.now()
        updated = apply_remote(job, remote, now=now).model_copy(update={"submitted_at": now})
        await self._jobs.save(updated)
        return updated

    async def _fail(self, job: JobRecord, error: e.ApiError) -> JobRecord:
        failed = job.model_copy(
            update={
                "status": JobStatus.FAILED,
                "phase": JobPhase.NONE,
                "error_code": error.code or str(error.status),
                "error_message": error.message,
                "request_id": error.request_id,
                "updated_at": self._clock.now(),
            }
        )
        await self._jobs.save(failed)
        return failed
