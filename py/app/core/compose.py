"""The New Render draft: the user's choices, the values the model allows, and checks.

Everything here is pure so the form's rules (allowed sizes per model, durations,
prompt length, image types) are tested once and shared by the UI and the submit path.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal

from app.core.capabilities import FrameSize, ProviderCapabilities
from app.core.errors import InputError
from app.core.pricing import model_for


@dataclass(frozen=True)
class PreparedImage:
    """The reference image, already re-encoded at exactly the video size."""

    blob: Any  # opaque handle (a JS Blob in the page)
    mime: str
    width: int
    height: int
    bytes: int
    name: str


ImageFit = Literal["cover", "contain"]


@dataclass(frozen=True)
class Draft:
    """What is in the New Render form (persisted so a reload keeps it)."""

    prompt: str = ""
    model: str = "sora-2"
    size: str = "1280x720"
    seconds: int = 4
    image_fit: ImageFit = "cover"


def allowed_sizes(capabilities: ProviderCapabilities, model_id: str) -> tuple[str, ...]:
    """Sizes for the model; a custom id of unknown family may use any size we know."""
    model = model_for(capabilities, model_id)
    if model is not None:
        return model.sizes
    every: list[str] = []
    for known in capabilities.models:
        every.extend(s for s in known.sizes if s not in every)
    return tuple(every)


def allowed_durations(capabilities: ProviderCapabilities, model_id: str) -> tuple[int, ...]:
    model = model_for(capabilities, model_id)
    if model is not None:
        return model.durations
    return capabilities.models[0].durations


def with_model(capabilities: ProviderCapabilities, draft: Draft, model_id: str) -> Draft:
    """Switch model, never leaving a size or duration the new model does not allow."""
    sizes = allowed_sizes(capabilities, model_id)
    durations = allowed_durations(capabilities, model_id)
    model = model_for(capabilities, model_id)
    size = draft.size if draft.size in sizes else (model.default_size if model else sizes[0])
    seconds = draft.seconds if draft.seconds in durations else durations[0]
    return replace(draft, model=model_id, size=size, seconds=seconds)


def check_model_id(text: str) -> str:
    """A custom model id for compatible endpoints: trimmed, no spaces, sane length."""
    model_id = text.strip()
    if not model_id:
        raise InputError("model", "Enter a model id.")
    if any(ch.isspace() for ch in model_id) or len(model_id) > 100 or not model_id.isprintable():
        raise InputError("model", "A model id has no spaces and at most 100 characters.")
    return model_id


def validate(capabilities: ProviderCapabilities, draft: Draft) -> list[InputError]:
    """Every problem with the draft, one per field, in form order."""
    problems: list[InputError] = []
    length = len(draft.prompt.strip())
    if length < capabilities.prompt_min_chars:
        problems.append(InputError("prompt", "Describe the video you want: the prompt is empty."))
    elif len(draft.prompt) > capabilities.prompt_max_chars:
        over = len(draft.prompt) - capabilities.prompt_max_chars
        problems.append(
            InputError(
                "prompt", f"The prompt is {over:,} characters over the limit of {capabilities.prompt_max_chars:,}."
            )
        )
    try:
        check_model_id(draft.model)
    except InputError as exc:
        problems.append(exc)
    if draft.size not in allowed_sizes(capabilities, draft.model):
        problems.append(InputError("size", f"{FrameSize.parse(draft.size).label} is not available for {draft.model}."))
    if draft.seconds not in allowed_durations(capabilities, draft.model):
        problems.append(InputError("seconds", f"{draft.seconds} s is not an allowed duration."))
    return problems


def check_image_type(capabilities: ProviderCapabilities, mime: str, name: str = "") -> None:
    """Only the image types the API takes; anything else gets a plain message."""
    if mime not in capabilities.image_input.mime_types:
        shown = mime or (name.rsplit(".", 1)[-1].upper() if "." in name else "this file")
        raise InputError(
            "image", f"{shown} is not supported: use a JPEG, PNG or WebP image (it becomes the first frame)."
        )


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
    return f"{len(prompt):,} / {limit:,}", len(prompt) > limit
