"""New Render intents: the draft (kept across reloads), the reference image, submit."""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable
from typing import Any

from app.core import errors as e
from app.core.capabilities import ProviderCapabilities
from app.core.compose import Draft, with_model
from app.core.job_record import JobRecord
from app.core.state import AppState, DraftImage
from app.core.store import Store
from app.core.stores import BLOBS, META
from app.services.ports import Delete, ImageProcessor, Put, RecordStore
from app.services.render_service import FormErrors, RenderService

DRAFT_KEY = "draft"
DRAFT_IMAGE_KEY = "draft-image"
# API ``param`` → the form field that shows the error.
PARAM_FIELDS = {"prompt": "prompt", "model": "model", "size": "size", "seconds": "seconds", "input_reference": "image"}


class ComposeIntents:
    def __init__(
        self,
        store: Store[AppState],
        records: RecordStore,
        render: RenderService,
        images: ImageProcessor,
        *,
        endpoint_label: Callable[[], tuple[str, bool]],
        after_submit: Callable[[JobRecord], Awaitable[None]],
    ) -> None:
        self.store = store
        self._records = records
        self._render = render
        self._images = images
        self._endpoint_label = endpoint_label  # () -> (base url, demo mode?)
        self._source: Any = None
        self._after_submit = after_submit  # the queue follows it

    @property
    def caps(self) -> ProviderCapabilities:
        return self._render.capabilities

    # -- the draft -----------------------------------------------------------------------
    async def load(self) -> None:
        """Restore the draft and its image after a reload."""
        raw = await self._records.get(META, DRAFT_KEY)
        draft = Draft()
        if isinstance(raw, dict):
            fields = {f.name for f in dataclasses.fields(Draft)}
            try:
                draft = Draft(**{k: v for k, v in raw.items() if k in fields})
            except TypeError:
                draft = Draft()
        self.store.update(draft=draft)
        blob = await self._records.get(BLOBS, DRAFT_IMAGE_KEY)
        info = await self._records.get(META, DRAFT_IMAGE_KEY)
        if blob is not None and isinstance(info, dict):
            try:
                self._source = await self._images.open(blob, str(info.get("name", "image")))
                await self._refit()
            except e.InputError:
                await self.clear_image()

    async def _save_draft(self, draft: Draft) -> None:
        await self._records.write([Put(META, dataclasses.asdict(draft), DRAFT_KEY)])

    async def change(self, **changes: Any) -> None:
        """Update draft fields (prompt, size, seconds, fit) and persist them."""
        state = self.store.state
        draft = dataclasses.replace(state.draft, **changes)
        errors = {
            k: v for k, v in state.form_errors.items() if k not in changes and not (k == "image" and "size" in changes)
        }
        self.store.update(draft=draft, form_errors=errors)
        await self._save_draft(draft)
        if self._source is not None and ({"size", "image_fit"} & changes.keys()):
            await self._refit()

    async def set_model(self, model_id: str) -> None:
        draft = with_model(self.caps, self.store.state.draft, model_id)
        await self.change(model=draft.model, size=draft.size, seconds=draft.seconds)

    # -- the reference image -----------------------------------------------------------------
    async def set_image(self, file: Any, name: str = "") -> None:
        try:
            source = await self._images.open(file, name)
        except e.InputError as exc:
            self._field_errors({"image": exc.message})
            return
        self._source = source
        await self._records.write(
            [Put(BLOBS, file, DRAFT_IMAGE_KEY), Put(META, {"name": source.name, "mime": source.mime}, DRAFT_IMAGE_KEY)]
        )
        self._field_errors({"image": ""})
        await self._refit()

    async def _refit(self) -> None:
        source = self._source
        draft = self.store.state.draft
        prepared = await self._images.fit(source, draft.size, draft.image_fit)
        self.store.update(
            draft_image=DraftImage(prepared, source.name, source.width, source.height, draft.size, draft.image_fit)
        )

    async def clear_image(self) -> None:
        self._source = None
        self.store.update(draft_image=None)
        await self._records.write([Delete(BLOBS, DRAFT_IMAGE_KEY), Delete(META, DRAFT_IMAGE_KEY)])

    # -- submit ----------------------------------------------------------------------------------
    def _field_errors(self, errors: dict[str, str]) -> None:
        merged = {**self.store.state.form_errors, **errors}
        self.store.update(form_errors={k: v for k, v in merged.items() if v})

    async def submit(self) -> JobRecord | None:
        """Render the draft; field problems are shown at their fields, the draft is kept."""
        state = self.store.state
        if state.submitting:
            return None  # no double submit
        self.store.update(submitting=True, form_errors={})
        try:
            base_url, demo = self._endpoint_label()
            image = state.draft_image.prepared if state.draft_image is not None else None
            job = await self._render.submit(state.draft, image, endpoint=base_url, demo=demo)
        except FormErrors as exc:
            self._field_errors({p.field: p.message for p in exc.problems})
            return None
        except e.ApiError as exc:
            field = PARAM_FIELDS.get(exc.param or "")
            if field is not None:
                self._field_errors({field: exc.message})
                return None
            raise
        finally:
            self.store.update(submitting=False)
        await self._after_submit(job)
        return job

    async def prefill(self, job: JobRecord, image: Any = None, image_name: str = "") -> None:
        """Put a past job's parameters (and reference image) into the form, to edit and send again."""
        draft = Draft(
            prompt=job.prompt, model=job.model, size=job.size, seconds=job.seconds, image_fit=job.image_fit or "cover"
        )
        self.store.update(draft=draft, form_errors={})
        await self._save_draft(draft)
        if image is not None:
            await self.set_image(image, image_name)
        else:
            await self.clear_image()
