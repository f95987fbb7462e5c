"""Sending a render: store the job first, then the request, then store the answer.

Every new remote job (a render from the form, a retry, a remix, an extend) goes
through :meth:`RenderService.dispatch`: the local record exists before the request
leaves, so a reload at any moment finds it; a definite refusal (4xx) removes it again
(nothing started, nothing charged); an unanswered request leaves it for the queue to
reconcile, never to resubmit blindly. The request is kept as it was sent (no key).
"""

from __future__ import annotations

import asyncio
import datetime
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from app.core import errors as e
from app.core.capabilities import Audio, ModelCapability, ProviderCapabilities
from app.core.compose import NO_IMAGES, Draft, ImageSet, audio_on, draft_of, model_of, pixel_size, quote
from app.core.compose_checks import parse_seed, validate
from app.core.http import HttpRequest
from app.core.job_record import AssetRecord, JobPhase, JobRecord, new_asset, new_job
from app.core.jobs import apply_remote, fail_from_error
from app.core.poll_plan import classify, may_have_created
from app.core.providers.base import ImageInput, RemoteJob, RenderRequest
from app.core.retry import ErrorBackoff
from app.services.job_book import JobBook
from app.services.ports import Clock, ImageProcessor
from app.services.provider_client import ProviderClient

SUBMIT_RETRIES = 2  # as the official SDK: two more tries on 429/5xx


class BusyError(Exception):
    """The provider refused a paced submission with 429: nothing was created; try later."""

    def __init__(self, retry_after_s: float | None) -> None:
        super().__init__("rate limited")
        self.retry_after_s = retry_after_s


class FormErrors(e.AppError):
    """One or more fields are not acceptable; each is shown next to its field."""

    def __init__(self, problems: list[e.InputError]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class Target:
    """Where a render goes: the provider (with its current models), a client, and the label."""

    provider: ProviderCapabilities
    client: ProviderClient
    base_url: str
    demo: bool
    today: datetime.date


class RenderService:
    def __init__(
        self,
        book: JobBook,
        images: ImageProcessor,
        clock: Clock,
        *,
        new_id: Callable[[], str] = lambda: uuid.uuid4().hex,
        sleep: Callable[[float], Any] = asyncio.sleep,
    ) -> None:
        self._book = book
        self._images = images
        self._clock = clock
        self._new_id = new_id
        self._sleep = sleep

    async def submit(
        self,
        draft: Draft,
        images: ImageSet,
        target: Target,
        *,
        retry_of: str | None = None,
        extends: JobRecord | None = None,
    ) -> JobRecord:
        """Validate, store, send. Raises ``FormErrors``/``ApiError`` when nothing was started."""
        job, http, files = await self._prepare(draft, images, target, retry_of=retry_of, extends=extends)
        return await self.dispatch(job, lambda: target.client.send_create(http), files=files)

    async def store_unsent(self, draft: Draft, target: Target, *, batch_id: str, label: str) -> JobRecord:
        """A batch member, complete and validated, stored but not sent: pacing sends it later.

        Not persisted here (the batch is written in one transaction by the caller).
        """
        job, _http, _files = await self._prepare(draft, NO_IMAGES, target)
        return job.model_copy(update={"phase": JobPhase.NONE, "batch_id": batch_id, "batch_label": label})

    async def send_unsent(self, job: JobRecord, caps: ProviderCapabilities, client: ProviderClient) -> JobRecord:
        """Send a stored batch member now: marked as being submitted first, so a reload
        reconciles it instead of sending it again; a 429 puts it back unsent (``BusyError``)."""
        draft = draft_of(job)
        http = client.provider.create_request(client.endpoint, _request(model_of(caps, job.model), draft, ()))
        sending = job.model_copy(
            update={"phase": JobPhase.SUBMITTING, "request": http.describe(), "updated_at": self._clock.now()}
        )
        return await self.dispatch(sending, lambda: client.send_create(http), paced=True)

    async def _prepare(
        self,
        draft: Draft,
        images: ImageSet,
        target: Target,
        *,
        retry_of: str | None = None,
        extends: JobRecord | None = None,
    ) -> tuple[JobRecord, HttpRequest, tuple[tuple[AssetRecord, Any], ...]]:
        """The job record (not yet stored), the request to send, and the image files to keep."""
        caps = target.provider
        extended = extends.seconds if extends is not None else None
        problems = validate(
            caps, draft, today=target.today, images=images.roles, references=len(images.references), extends=extended
        )
        if problems:
            raise FormErrors(problems)
        target.client.endpoint  # noqa: B018 - fails now (locked vault, no key) before anything is stored
        model = model_of(caps, draft.model)
        price = quote(caps, draft, images=images.roles, references=len(images.references))
        inputs: list[ImageInput] = []
        files: list[tuple[AssetRecord, Any]] = []
        slot_ids: dict[str, str] = {}
        now = self._clock.now()
        job_id = self._new_id()
        inline = caps.image_upload == "inline"
        for slot, role, image in images.slots():
            asset_id = self._new_id()
            slot_ids[slot] = asset_id
            data = await self._images.base64(image.blob) if inline else ""
            inputs.append(ImageInput(role, image.name, image.mime, image.blob, data, image.width, image.height))
            asset = new_asset(
                asset_id=asset_id,
                job_id=job_id,
                kind="image",
                mime=image.mime,
                size_bytes=image.bytes,
                name=image.name,
                now=now,
                width=image.width,
                height=image.height,
            )
            files.append((asset, image.blob))
        request = _request(model, draft, tuple(inputs), extends.remote_id if extends is not None else None)
        http = target.client.provider.create_request(target.client.endpoint, request)
        first = slot_ids.pop("first_frame", None)
        job = new_job(
            job_id=job_id,
            provider_id=caps.provider_id,
            endpoint=target.base_url,
            demo=target.demo,
            model=draft.model,
            size=extends.size if extends is not None else pixel_size(caps, draft),
            seconds=draft.seconds + (extends.seconds if extends is not None else 0),  # the whole video
            prompt=draft.prompt,
            now=now,
            aspect_ratio=request.aspect_ratio or (extends.aspect_ratio if extends else ""),
            resolution=request.resolution or (extends.resolution if extends else ""),
            audio=audio_on(model, draft),
            seed=request.seed,
            negative_prompt=request.negative_prompt,
            request=http.describe(),
            image_asset_id=first,
            image_assets=slot_ids,
            image_fit=draft.image_fit if first else None,
            rate_usd=price.rate,
            estimate_usd=price.low,
            estimate_high_usd=price.high if price.is_range else None,
            price_basis=price.basis,
            retry_of=retry_of,
            extends=extends.id if extends is not None else None,
            added_seconds=draft.seconds if extends is not None else None,
            continues=(draft.continues or None) if first else None,
            tags=extends.tags if extends is not None else (),
            folder=extends.folder if extends is not None else "",
        )
        return job, http, tuple(files)

    async def remix(self, source: JobRecord, prompt: str, client: ProviderClient) -> JobRecord:
        """A new job that changes one thing of a finished one, sent to the source's endpoint."""
        http = client.provider.remix_request(client.endpoint, source.remote_id or "", prompt)
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
            aspect_ratio=source.aspect_ratio,
            resolution=source.resolution,
            request=http.describe(),
            rate_usd=source.rate_usd,
            estimate_usd=source.estimate_usd,
            estimate_high_usd=source.estimate_high_usd,
            price_basis=source.price_basis,
            tags=source.tags,
            folder=source.folder,
            remixed_from=source.remote_id,
        )
        return await self.dispatch(job, lambda: client.send_create(http))

    async def dispatch(
        self,
        job: JobRecord,
        send: Callable[[], Awaitable[RemoteJob]],
        *,
        files: tuple[tuple[AssetRecord, Any], ...] = (),
        paced: bool = False,
    ) -> JobRecord:
        """Store ``job`` (with its files), then ``send()``, then store what the API said.

        429/5xx (and what the server says to retry) are retried a couple of times, then the
        job fails; any other refusal (4xx) deletes the job and raises (nothing started);
        no answer keeps the job, unconfirmed, for the queue to look up instead of sending
        it again. A ``paced`` job (a batch member) leaves 429 to its pacing: it is stored
        unsent again and ``BusyError`` raised; a refusal fails it, in its batch, instead.
        """
        await self._book.commit(job, assets=files)
        attempt = 0
        while True:
            try:
                remote = await send()
                break
            except e.NetworkError as error:
                if isinstance(error, e.CorsError):  # refused before it left the browser: nothing sent
                    await self._book.forget(job)
                    raise
                # No answer: the API may or may not have started it. The queue reconciles.
                return await self._book.commit(
                    job.model_copy(update={"error_message": str(error), "updated_at": self._clock.now()})
                )
            except e.ApiError as error:
                if may_have_created(error):  # and not to be sent again: the job may exist there
                    return await self._book.commit(
                        job.model_copy(update={"error_message": error.message, "updated_at": self._clock.now()})
                    )
                if paced and isinstance(error, e.RateLimitError):  # refused: nothing created
                    await self._book.commit(job.model_copy(update={"phase": JobPhase.NONE}))
                    raise BusyError(error.retry_after_s) from error
                if paced and classify(error) == "fatal":
                    return await self._book.commit(fail_from_error(job, error, now=self._clock.now()))
                if classify(error) == "fatal":
                    await self._book.forget(job)  # refused: nothing started, nothing charged
                    raise
                if attempt >= SUBMIT_RETRIES:
                    return await self._book.commit(fail_from_error(job, error, now=self._clock.now()))
                await self._sleep(error.retry_after_s or ErrorBackoff().delay(attempt))
                attempt += 1
        now = self._clock.now()
        return await self._book.commit(apply_remote(job, remote, now=now).model_copy(update={"submitted_at": now}))


def _request(
    model: ModelCapability, draft: Draft, images: tuple[ImageInput, ...], extend_of: str | None = None
) -> RenderRequest:
    """What the codec sends for ``draft``: a size, or an aspect ratio and a resolution."""
    return RenderRequest(
        prompt=draft.prompt,
        model=draft.model,
        seconds=draft.seconds,
        size=draft.size if model.uses_sizes else "",
        aspect_ratio="" if model.uses_sizes else draft.aspect_ratio,
        resolution="" if model.uses_sizes else draft.resolution,
        audio=audio_on(model, draft) if model.audio is Audio.OPTIONAL else None,
        seed=parse_seed(draft.seed),
        negative_prompt=draft.negative_prompt.strip(),
        images=images,
        extend_of=extend_of,
    )
