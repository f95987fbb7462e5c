"""The New Render draft: the user's choices, the values the model allows, and checks.

Everything here is pure so the form's rules (frames and durations per model, the
rules between them, prompt length, images, audio, seed) are tested once and shared by
the UI and the submit path, for every provider.
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
    Stage,
)
from app.core.errors import InputError
from app.core.i18n import fmt_number, tr
from app.core.i18n.data import data_text
from app.core.image_header import ImageError, read_image_info, sniff_mime
from app.core.prices import PriceFacts, Quote

if TYPE_CHECKING:
    from app.core.job_record import JobRecord

ImageFit = Literal["cover", "contain"]
MAX_SEED = 2**32 - 1
MAX_NEGATIVE_PROMPT = 2_000


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
        seconds=job.seconds,
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


def check_model_id(text: str) -> str:
    """A custom model id for compatible endpoints: trimmed, no spaces, sane length."""
    model_id = text.strip()
    if not model_id:
        raise InputError("model", tr("checks.model.empty"))
    if any(ch.isspace() for ch in model_id) or len(model_id) > 100 or not model_id.isprintable():
        raise InputError("model", tr("checks.model.bad_id", max=100))
    return model_id


def parse_seed(text: str) -> int | None:
    """The seed as typed: empty → none; else a whole number from 0 to 4,294,967,295."""
    value = text.strip()
    if not value:
        return None
    if not value.isdigit() or int(value) > MAX_SEED:
        raise InputError("seed", tr("checks.seed.range", max=MAX_SEED))
    return int(value)


def validate(
    capabilities: ProviderCapabilities,
    draft: Draft,
    *,
    today: datetime.date,
    images: frozenset[ImageRole] = frozenset(),
    references: int = 0,
    extends: int | None = None,
) -> list[InputError]:
    """Every problem with the draft, one per field, in form order.

    ``extends``: the length of the finished video this render continues (an extend adds
    seconds to it, within the model's limits), or ``None`` for a new video.
    """
    problems: list[InputError] = []
    length = len(draft.prompt.strip())
    if length < capabilities.prompt_min_chars:
        problems.append(InputError("prompt", tr("checks.prompt.empty")))
    elif len(draft.prompt) > capabilities.prompt_max_chars:
        over = len(draft.prompt) - capabilities.prompt_max_chars
        limit = capabilities.prompt_max_chars
        problems.append(InputError("prompt", tr("checks.prompt.too_long", over=over, limit=limit)))
    problems.extend(_model_problems(capabilities, draft, today))
    model = model_of(capabilities, draft.model)
    problems.extend(_frame_problems(capabilities, model, draft))
    if extends is not None:
        problems.extend(_extend_problems(model, draft.seconds, extends))
    elif draft.seconds not in model.durations:
        problems.append(
            InputError("seconds", tr("checks.seconds.not_allowed", seconds=draft.seconds, model=model.label))
        )
    for rule in model.constraints:
        if rule.broken_by(choices(draft, images)):
            problems.append(InputError(rule.field, data_text(rule.message)))
    try:
        if parse_seed(draft.seed) is not None and not model.seed:
            problems.append(InputError("seed", tr("checks.seed.none", model=model.label)))
    except InputError as exc:
        problems.append(exc)
    if draft.negative_prompt.strip() and not model.negative_prompt:
        problems.append(InputError("negative_prompt", tr("checks.negative.none", model=model.label)))
    elif len(draft.negative_prompt) > MAX_NEGATIVE_PROMPT:
        problems.append(InputError("negative_prompt", tr("checks.negative.too_long", max=MAX_NEGATIVE_PROMPT)))
    for role in images:
        if not model.images.allows(role):
            problems.append(InputError(f"image_{role.value}", _no_role(role, model.label)))
    if references > model.images.max_references:
        most = model.images.max_references
        problems.append(InputError("image_reference", tr("checks.images.max_references", model=model.label, max=most)))
    return _first_per_field(problems)


def _extend_problems(model: ModelCapability, seconds: int, source_seconds: int) -> list[InputError]:
    if not model.extend_seconds:
        return [InputError("seconds", tr("checks.extend.none", model=model.label))]
    if seconds not in model.extend_seconds:
        low, high = min(model.extend_seconds), max(model.extend_seconds)
        return [InputError("seconds", tr("checks.extend.range", low=low, high=high))]
    total = source_seconds + seconds
    if model.max_total_seconds and total > model.max_total_seconds:
        room = model.max_total_seconds - source_seconds
        top = model.max_total_seconds
        text = tr("checks.extend.room", total=top, room=room) if room > 0 else tr("checks.extend.full", total=top)
        return [InputError("seconds", text)]
    return []


def _model_problems(capabilities: ProviderCapabilities, draft: Draft, today: datetime.date) -> list[InputError]:
    try:
        check_model_id(draft.model)
    except InputError as exc:
        return [exc]
    known = capabilities.model(draft.model)
    if known is not None and known.stage_on(today) is Stage.RETIRED:
        name, day, instead = known.label, known.life.shutdown, known.life.replacement
        said = tr("checks.model.retired.instead", model=name, date=day, replacement=instead) if instead else None
        return [InputError("model", said or tr("checks.model.retired", model=name, date=day))]
    if known is None and model_for(capabilities, draft.model) is None and capabilities.live_catalogue:
        return [InputError("model", tr("checks.model.unknown", provider=capabilities.label, model=draft.model))]
    return []


def _frame_problems(capabilities: ProviderCapabilities, model: ModelCapability, draft: Draft) -> list[InputError]:
    if model.uses_sizes:
        if draft.size not in allowed_sizes(capabilities, draft.model):
            return [InputError("size", _unavailable(_size_label(draft.size), draft.model))]
        return []
    problems = []
    if draft.aspect_ratio not in model.aspect_ratios:
        shape = draft.aspect_ratio or tr("checks.frame.no_shape")
        problems.append(InputError("aspect_ratio", _unavailable(shape, model.label)))
    if draft.resolution not in model.resolutions:
        resolution = draft.resolution or tr("checks.frame.no_resolution")
        problems.append(InputError("resolution", _unavailable(resolution, model.label)))
    return problems


def _size_label(size: str) -> str:
    try:
        return FrameSize.parse(size).label
    except ValueError:
        return size or tr("checks.frame.no_size")


def _unavailable(choice: str, model: str) -> str:
    return tr("checks.frame.unavailable", choice=choice, model=model)


def _no_role(role: ImageRole, model: str) -> str:
    if role is ImageRole.FIRST_FRAME:
        return tr("checks.images.no_first_frame", model=model)
    if role is ImageRole.LAST_FRAME:
        return tr("checks.images.no_last_frame", model=model)
    return tr("checks.images.no_reference", model=model)


def _first_per_field(problems: list[InputError]) -> list[InputError]:
    seen: set[str] = set()
    kept = []
    for problem in problems:
        if problem.field not in seen:
            seen.add(problem.field)
            kept.append(problem)
    return kept


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


IMAGE_TYPES = ("image/jpeg", "image/png", "image/webp")  # what a browser canvas can re-encode
MAX_IMAGE_PIXELS = 50_000_000  # larger is a decompression bomb, or a photo far beyond any video frame


def check_image_header(head: bytes, name: str, accepted: tuple[str, ...]) -> str:
    """The type of an image from its first bytes, refused before decoding when it is not one
    the model takes, is damaged, or claims an absurd pixel count; raises ``InputError``."""
    try:
        info = read_image_info(head)
    except ImageError as exc:
        raise InputError("image", tr("checks.image.unreadable")) from exc
    usable = tuple(m for m in accepted if m in IMAGE_TYPES) or IMAGE_TYPES
    if info is None or info.mime not in usable:
        found = sniff_mime(head) or ""
        raise InputError("image", image_type_message(found, name, usable))
    if info.width * info.height > MAX_IMAGE_PIXELS:
        limit = MAX_IMAGE_PIXELS // 1_000_000
        raise InputError("image", tr("checks.image.too_large", width=info.width, height=info.height, limit=limit))
    return info.mime


def image_type_message(mime: str, name: str, allowed: tuple[str, ...]) -> str:
    """``GIF images can't be used; use JPEG, PNG or WebP.`` (never MIME words)."""
    kind = mime.split("/")[-1].upper() if "/" in mime else ""
    if not kind and "." in name:
        kind = name.rsplit(".", 1)[-1].upper()
    names = [a.split("/")[-1].upper().replace("WEBP", "WebP") for a in allowed]
    listed = tr("checks.image.or", some=", ".join(names[:-1]), last=names[-1]) if len(names) > 1 else names[0]
    return tr("checks.image.kind", kind=kind, allowed=listed) if kind else tr("checks.image.file", allowed=listed)


def cover_crop(src_w: int, src_h: int, dst_w: int, dst_h: int) -> tuple[float, float, float, float]:
    """The centred source rectangle ``(x, y, w, h)`` that fills ``dst`` without distortion."""
    scale = max(dst_w / src_w, dst_h / src_h)
    w, h = dst_w / scale, dst_h / scale
    return (src_w - w) / 2, (src_h - h) / 2, w, h


def contain_box(src_w: int, src_h: int, dst_w: int, dst_h: int) -> tuple[float, float, float, float]:
    """The centred destination rectangle ``(x, y, w, h)`` that shows all of ``src`` (padded)."""
    scale = min(dst_w / src_w, dst_h / src_h)
    w, h = src_w * scale, src_h * scale
    return (dst_w - w) / 2, (dst_h - h) / 2, w, h


def prompt_counter(capabilities: ProviderCapabilities, prompt: str) -> tuple[str, bool]:
    """``("1,234 / 32,000", over_limit)`` for the live counter."""
    limit = capabilities.prompt_max_chars
    return f"{fmt_number(len(prompt))} / {fmt_number(limit)}", len(prompt) > limit
