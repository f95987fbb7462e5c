"""The New Render draft: the user's choices, the values the model allows, and its price.

Everything here is pure so the form's rules (frames and durations per model, the rules
between them, audio) are tested once and shared by the UI and the submit path, for every
provider. The checks before sending are :mod:`app.core.compose_checks`; the image checks
and fitting geometry :mod:`app.core.compose_images`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Literal

from app.core.capabilities import (
    Audio,
    FrameSize,
    ImageRole,
    ModelCapability,
    ProviderCapabilities,
)
from app.core.i18n import tr
from app.core.prices import PriceFacts, Quote

if TYPE_CHECKING:
    from app.core.job_record import JobRecord

ImageFit = Literal["cover", "contain"]


@dataclass(frozen=True)
class PreparedImage:
    """A reference image, re-encoded for sending (at exactly the video size where required)."""

    blob: Any  # opaque handle (a JS Blob in the page)
    mime: str
    width: int
    height: int
    bytes: int
    name: str


@dataclass(frozen=True)
class ImageSet:
    """The images a render sends, by role."""

    first_frame: PreparedImage | None = None
    last_frame: PreparedImage | None = None
    references: tuple[PreparedImage, ...] = ()

    @property
    def roles(self) -> frozenset[ImageRole]:
        """The frame roles present (references are counted apart)."""
        present = {ImageRole.FIRST_FRAME: self.first_frame, ImageRole.LAST_FRAME: self.last_frame}
        return frozenset(role for role, image in present.items() if image is not None)

    def slots(self) -> list[tuple[str, ImageRole, PreparedImage]]:
        """``(slot, role, image)``: ``first_frame``, ``last_frame``, ``reference-1`` …, in sending order."""
        found: list[tuple[str, ImageRole, PreparedImage]] = []
        if self.first_frame is not None:
            found.append(("first_frame", ImageRole.FIRST_FRAME, self.first_frame))
        if self.last_frame is not None:
            found.append(("last_frame", ImageRole.LAST_FRAME, self.last_frame))
        found.extend((f"reference-{n}", ImageRole.REFERENCE, image) for n, image in enumerate(self.references, 1))
        return found


NO_IMAGES = ImageSet()


@dataclass(frozen=True)
class Draft:
    """What is in the New Render form (persisted so a reload keeps it)."""

    prompt: str = ""
    model: str = ""
    size: str = ""  # models framed by pixel size
    aspect_ratio: str = ""  # models framed by aspect ratio × resolution
    resolution: str = ""
    seconds: int = 0
    audio: bool | None = None  # None: the model's default
    seed: str = ""  # as typed; a whole number or empty
    negative_prompt: str = ""
    image_fit: ImageFit = "cover"
    continues: str = ""  # the local id of the clip whose last frame is the first frame (continue this clip)


def draft_of(job: JobRecord) -> Draft:
    """The form that would send ``job`` again (retry, edit and retry)."""
    return Draft(
        prompt=job.prompt,
        model=job.model,
        size=job.size if not job.aspect_ratio else "",
        aspect_ratio=job.aspect_ratio,
        resolution=job.resolution,
        seconds=job.seconds if job.added_seconds is None else job.added_seconds,  # an extend: what it adds
        audio=job.audio,
        seed="" if job.seed is None else str(job.seed),
        negative_prompt=job.negative_prompt,
        image_fit=job.image_fit or "cover",
        continues=job.continues or "",
    )


def model_for(capabilities: ProviderCapabilities, model_id: str) -> ModelCapability | None:
    """The capability of ``model_id``; a custom id that extends a known one counts as it
    (OpenAI-compatible gateways name models ``sora-2-my-deployment``)."""
    known = capabilities.model(model_id)
    if known is not None:
        return known
    candidates = [m for m in capabilities.primary_models if model_id.startswith(m.id + "-")]
    return max(candidates, key=lambda m: len(m.id), default=None)


def model_of(capabilities: ProviderCapabilities, model_id: str) -> ModelCapability:
    """The model whose rules apply to ``model_id``: its own, a family's, or the first one's."""
    return model_for(capabilities, model_id) or capabilities.models[0]


def default_model(capabilities: ProviderCapabilities, today: datetime.date) -> ModelCapability:
    offered = capabilities.offered(today)
    return offered[0] if offered else capabilities.models[0]


def fresh_draft(capabilities: ProviderCapabilities, today: datetime.date, prompt: str = "") -> Draft:
    """The form for a provider's default model, keeping ``prompt``."""
    return with_model(capabilities, Draft(prompt=prompt), default_model(capabilities, today).id)


def with_model(capabilities: ProviderCapabilities, draft: Draft, model_id: str) -> Draft:
    """Switch model, never leaving a frame, duration or audio choice the new model does not allow."""
    model = model_of(capabilities, model_id)
    if model.uses_sizes:
        sizes = allowed_sizes(capabilities, model_id)
        size, aspect, res = (draft.size if draft.size in sizes else (model.default_size or sizes[0])), "", ""
    else:
        size = ""
        aspect = draft.aspect_ratio if draft.aspect_ratio in model.aspect_ratios else model.default_aspect_ratio
        res = draft.resolution if draft.resolution in model.resolutions else model.default_resolution
        aspect, res = aspect or model.aspect_ratios[0], res or model.resolutions[0]
    seconds = draft.seconds if draft.seconds in model.durations else model.default_duration
    audio = None if model.audio is not Audio.OPTIONAL else draft.audio
    changed = replace(
        draft, model=model_id, size=size, aspect_ratio=aspect, resolution=res, seconds=seconds, audio=audio
    )
    return _satisfy(model, changed)


def _satisfy(model: ModelCapability, draft: Draft) -> Draft:
    """Move the duration to an allowed one when a rule between choices would be broken."""
    for rule in model.constraints:
        if rule.field == "seconds" and rule.broken_by(choices(draft)):
            allowed = [int(v) for v in rule.allowed if v.isdigit() and int(v) in model.durations]
            if allowed:
                draft = replace(draft, seconds=allowed[0])
    return draft


def choices(draft: Draft, images: frozenset[ImageRole] = frozenset()) -> dict[str, str]:
    """The draft's choices by field name, as a rule between choices reads them (an image
    role present reads ``"true"``, e.g. ``last_frame``)."""
    return {
        "size": draft.size,
        "aspect_ratio": draft.aspect_ratio,
        "resolution": draft.resolution,
        "seconds": str(draft.seconds),
        **{role.value: "true" for role in images},
    }


def allowed_sizes(capabilities: ProviderCapabilities, model_id: str) -> tuple[str, ...]:
    """Sizes for the model; a custom id of unknown family may use any size the provider knows."""
    model = model_for(capabilities, model_id)
    if model is not None:
        return model.sizes
    every: list[str] = []
    for known in capabilities.models:
        every.extend(s for s in known.sizes if s not in every)
    return tuple(every)


def allowed_durations(capabilities: ProviderCapabilities, model_id: str) -> tuple[int, ...]:
    return model_of(capabilities, model_id).durations


def frame(capabilities: ProviderCapabilities, draft: Draft) -> FrameSize | None:
    """The pixel frame the draft asks for."""
    return model_of(capabilities, draft.model).frame(draft.size, draft.aspect_ratio, draft.resolution)


def pixel_size(capabilities: ProviderCapabilities, draft: Draft) -> str:
    """``1280x720`` for any draft (stored with the job; filters and posters read it)."""
    found = frame(capabilities, draft)
    return str(found) if found is not None else draft.size


def audio_on(model: ModelCapability, draft: Draft) -> bool:
    if model.audio is Audio.ALWAYS:
        return True
    if model.audio is Audio.NONE:
        return False
    return model.audio_default if draft.audio is None else draft.audio


def price_facts(
    capabilities: ProviderCapabilities, draft: Draft, *, images: frozenset[ImageRole], references: int
) -> PriceFacts:
    """What a price rule needs to know about a draft."""
    model = model_of(capabilities, draft.model)
    found = frame(capabilities, draft)
    mode: Literal["text", "image", "reference"] = "text"
    if ImageRole.FIRST_FRAME in images or ImageRole.LAST_FRAME in images:
        mode = "image"
    elif references:
        mode = "reference"
    return PriceFacts(
        seconds=draft.seconds,
        resolution=draft.resolution or None,
        size=draft.size or None,
        aspect_ratio=draft.aspect_ratio or None,
        width=found.width if found else None,
        height=found.height if found else None,
        audio=audio_on(model, draft),
        mode=mode,
        input_images=len(images) + references,
    )


def quote(
    capabilities: ProviderCapabilities,
    draft: Draft,
    *,
    images: frozenset[ImageRole] = frozenset(),
    references: int = 0,
) -> Quote:
    """The estimate of a draft from its model's price rules (a custom id is priced unknown)."""
    known = capabilities.model(draft.model)
    if known is None:
        return Quote(None, None, tr("checks.price.custom"), "", "")
    facts = price_facts(capabilities, draft, images=images, references=references)
    return known.prices.quote(facts)
