"""The checks of a New Render draft before it is sent: prompt, model, frame, length,
seed, negative prompt, images and extends — each problem a field and words to show.

Pure, shared by the form, the batch planner and the submit path.
"""

from __future__ import annotations

import datetime

from app.core.capabilities import FrameSize, ImageRole, ModelCapability, ProviderCapabilities, Stage
from app.core.compose import Draft, allowed_sizes, choices, model_for, model_of
from app.core.errors import InputError
from app.core.i18n import fmt_number, tr
from app.core.i18n.data import data_text

MAX_SEED = 2**32 - 1
MAX_NEGATIVE_PROMPT = 2_000


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
        problems.append(InputError("negative_prompt", tr("checks.too_long", max=MAX_NEGATIVE_PROMPT)))
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


def prompt_counter(capabilities: ProviderCapabilities, prompt: str) -> tuple[str, bool]:
    """``("1,234 / 32,000", over_limit)`` for the live counter."""
    limit = capabilities.prompt_max_chars
    return f"{fmt_number(len(prompt))} / {fmt_number(limit)}", len(prompt) > limit
