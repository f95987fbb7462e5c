"""New Render intents: the draft and its images (kept across reloads), the provider, submit.

Images live in slots (``first_frame``, ``last_frame``, ``reference-1`` …). A first frame
for a model that needs the exact video size is re-drawn at that size (crop or fit);
every other image is re-encoded within a bounded size. Only the slots the chosen model
takes are sent.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Awaitable, Callable
from typing import Any

from app.core import errors as e
from app.core.capabilities import ImageRole, ProviderCapabilities
from app.core.compose import Draft, ImageSet, PreparedImage, default_model, draft_of, model_of, pixel_size, with_model
from app.core.i18n import tr
from app.core.job_record import JobRecord
from app.core.job_status import JobStatus
from app.core.settings import AfterRender
from app.core.state import AppState, DraftImage
from app.core.store import Store
from app.core.stores import BLOBS, META
from app.services.ports import Delete, ImageProcessor, Put, RecordStore
from app.services.render_service import FormErrors, RenderService, Target

DRAFT_KEY = "draft"
LEGACY_IMAGE_KEY = "draft-image"  # version 1 kept one image, the first frame, under this key
MAX_IMAGE_SIDE = 2048  # images that need not match the video are re-encoded within this
FIRST_FRAME = "first_frame"
LAST_FRAME = "last_frame"
# API ``param`` → the form field that shows the error.
PARAM_FIELDS = {
    "prompt": "prompt",
    "model": "model",
    "size": "size",
    "seconds": "seconds",
    "duration": "seconds",
    "resolution": "resolution",
    "aspect_ratio": "aspect_ratio",
    "input_reference": "image_first_frame",
}


def image_key(slot: str) -> str:
    return f"draft-image:{slot}"


def slot_role(slot: str) -> ImageRole:
    return ImageRole(slot) if slot in (FIRST_FRAME, LAST_FRAME) else ImageRole.REFERENCE


class ComposeIntents:
    def __init__(
        self,
        store: Store[AppState],
        records: RecordStore,
        render: RenderService,
        images: ImageProcessor,
        *,
        provider: Callable[[], ProviderCapabilities],
        target: Callable[[], Target],
        today: Callable[[], datetime.date],
        after_submit: Callable[[JobRecord], Awaitable[None]],
    ) -> None:
        self.store = store
        self._records = records
        self._render = render
        self._images = images
        self._provider = provider  # the active provider, with its current models
        self._target = target
        self._today = today
        self._sources: dict[str, Any] = {}  # slot -> the opened original (re-fitted when the size changes)
        self._after_submit = after_submit  # the queue follows it

    # -- the draft -----------------------------------------------------------------------
    async def load(self) -> None:
        """Restore the draft and its images after a reload."""
        raw = await self._records.get(META, DRAFT_KEY)
        draft = Draft()
        if isinstance(raw, dict):
            fields = {f.name for f in dataclasses.fields(Draft)}
            try:
                draft = Draft(**{k: v for k, v in raw.items() if k in fields})
            except TypeError:
                draft = Draft()
        caps = self._provider()
        self.store.update(draft=with_model(caps, draft, draft.model or default_model(caps, self._today()).id))
        stored = set(await self._records.keys(META))
        for key in sorted(stored):
            if key.startswith("draft-image:"):
                await self._restore(key.removeprefix("draft-image:"))
        if LEGACY_IMAGE_KEY in stored:
            await self._restore(FIRST_FRAME, legacy=True)

    async def _restore(self, slot: str, *, legacy: bool = False) -> None:
        key = LEGACY_IMAGE_KEY if legacy else image_key(slot)
        blob = await self._records.get(BLOBS, key)
        info = await self._records.get(META, key)
        if blob is None or not isinstance(info, dict) or (legacy and slot in self._sources):
            return
        try:
            self._sources[slot] = await self._images.open(blob, str(info.get("name", "image")))
            await self._prepare(slot)
        except e.InputError:
            await self.clear_image(slot)

    async def _save_draft(self, draft: Draft) -> None:
        await self._records.write([Put(META, dataclasses.asdict(draft), DRAFT_KEY)])

    async def change(self, **changes: Any) -> None:
        """Update draft fields (prompt, frame, seconds, audio, seed, fit …) and persist them."""
        state = self.store.state
        draft = dataclasses.replace(state.draft, **changes)
        frame_changed = bool({"size", "aspect_ratio", "resolution", "image_fit"} & changes.keys())
        errors = {
            k: v
            for k, v in state.form_errors.items()
            if k not in changes and not (k.startswith("image") and frame_changed)
        }
        self.store.update(draft=draft, form_errors=errors)
        await self._save_draft(draft)
        if frame_changed and FIRST_FRAME in self._sources:
            await self._prepare(FIRST_FRAME)

    async def set_model(self, model_id: str) -> None:
        draft = with_model(self._provider(), self.store.state.draft, model_id)
        await self.change(**{f.name: getattr(draft, f.name) for f in dataclasses.fields(Draft) if f.name != "prompt"})

    # -- the images ----------------------------------------------------------------------------
    async def set_image(self, slot: str, file: Any, name: str = "") -> None:
        field = f"image_{slot_role(slot).value}"
        model = model_of(self._provider(), self.store.state.draft.model)
        try:
            source = await self._images.open(file, name, model.images.mime_types)
        except e.InputError as exc:
            self._field_errors({field: exc.message})
            return
        self._sources[slot] = source
        await self._records.write(
            [Put(BLOBS, file, image_key(slot)), Put(META, {"name": source.name, "mime": source.mime}, image_key(slot))]
        )
        self._field_errors({field: ""})
        await self._prepare(slot)
        await self._unlink(slot)

    async def _unlink(self, slot: str) -> None:
        """A first frame chosen or removed by hand is no longer the continued clip's last frame."""
        if slot == FIRST_FRAME and self.store.state.draft.continues:
            await self.change(continues="")

    async def _prepare(self, slot: str) -> None:
        source = self._sources[slot]
        draft = self.store.state.draft
        caps = self._provider()
        model = model_of(caps, draft.model)
        exact = slot == FIRST_FRAME and model.images.must_match_size
        size = pixel_size(caps, draft)
        prepared: PreparedImage
        if exact:
            prepared = await self._images.fit(source, size, draft.image_fit)
        else:
            prepared = await self._images.bounded(source, MAX_IMAGE_SIDE)
        shown = DraftImage(
            prepared, source.name, source.width, source.height, size if exact else "", draft.image_fit if exact else ""
        )
        self.store.update(draft_images={**self.store.state.draft_images, slot: shown})

    async def clear_image(self, slot: str = FIRST_FRAME) -> None:
        self._sources.pop(slot, None)
        self.store.update(draft_images={k: v for k, v in self.store.state.draft_images.items() if k != slot})
        keys = [image_key(slot)] + ([LEGACY_IMAGE_KEY] if slot == FIRST_FRAME else [])
        await self._records.write([op for key in keys for op in (Delete(BLOBS, key), Delete(META, key))])
        await self._unlink(slot)

    def image_set(self) -> ImageSet:
        """The images of the form that the chosen model takes."""
        model = model_of(self._provider(), self.store.state.draft.model)
        shown = self.store.state.draft_images
        first = shown.get(FIRST_FRAME) if model.images.first_frame else None
        last = shown.get(LAST_FRAME) if model.images.last_frame else None
        references = [shown[k] for k in sorted(shown, key=_reference_order) if k.startswith("reference-")]
        return ImageSet(
            first.prepared if first else None,
            last.prepared if last else None,
            tuple(image.prepared for image in references[: model.images.max_references]),
        )

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
            job = await self._render.submit(state.draft, self.image_set(), self._target())
        except FormErrors as exc:
            self._field_errors({p.field: p.message for p in exc.problems})
            return None
        except e.BlockedError as exc:
            self._field_errors({"prompt": tr("svc.compose.refused", said=exc.message)})
            return None
        except e.ApiError as exc:
            field = PARAM_FIELDS.get(exc.param or "")
            if field is not None:
                self._field_errors({field: exc.message})
                return None
            raise
        finally:
            self.store.update(submitting=False)
        if job.status is not JobStatus.FAILED:
            self.store.update(submitted_job=job.id)
        await self._after_submit(job)
        return job

    def render_again(self, job_id: str) -> None:
        """The user knows the form would render ``job_id`` again and wants it: stop asking."""
        self.store.update(render_again_ok=self.store.state.render_again_ok | {job_id})

    async def after_render(self, choice: AfterRender) -> None:
        """After a render was sent: keep the form for a new variation, or clear it for another."""
        submitted = self.store.state.submitted_job
        self.store.update(submitted_job="")
        if choice == "keep":
            if submitted:
                self.render_again(submitted)
            return
        await self.change(prompt="", negative_prompt="", seed="")
        for slot in list(self.store.state.draft_images):
            await self.clear_image(slot)

    async def prefill(
        self, job: JobRecord, images: dict[str, tuple[Any, str]], *, continues: str | None = None
    ) -> None:
        """Put a past job's parameters (and images: slot -> (Blob, name)) into the form, to edit and send.

        ``continues``: the clip whose last frame is the first frame given (continue this clip).
        """
        draft = draft_of(job)
        if continues is not None:
            draft = dataclasses.replace(draft, continues=continues)
        self.store.update(draft=draft, form_errors={})
        await self._save_draft(draft)
        for slot in list(self.store.state.draft_images):
            if slot not in images:
                await self.clear_image(slot)
        for slot, (blob, name) in images.items():
            await self.set_image(slot, blob, name)
        if draft.continues and self.store.state.draft.continues != draft.continues:
            await self.change(continues=draft.continues)  # setting the images unlinked it


def _reference_order(slot: str) -> int:
    return int(slot.split("-")[1]) if slot.startswith("reference-") else 0
