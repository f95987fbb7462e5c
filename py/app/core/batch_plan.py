"""Batch renders, planned before anything is sent: the jobs, their total, what is left out.

A batch is one prompt swept over models × frames × lengths, or many prompts (one a
line, or a CSV column) at one setting. Every combination is checked with the same
rules as the form (``compose.validate``); one the model does not allow is listed with
the reason and left out, never silently corrected. Images are not part of a batch.
Its pace is decided in ``batch_pacing``; New Render's batch mode offers the choices of
``sweep_choices`` and shows the plan before anything is stored.
"""

from __future__ import annotations

import dataclasses
import datetime
import io
from collections.abc import Iterable
from dataclasses import dataclass

from app.core.capabilities import ModelCapability, ProviderCapabilities
from app.core.compose import Draft, quote
from app.core.compose_checks import validate
from app.core.errors import InputError
from app.core.i18n import tr
from app.core.prices import Quote, QuoteTotal, sum_quotes

MAX_BATCH = 50  # jobs in one batch: a sweep of 4 models × 4 frames × 3 lengths still fits
PROMPT_COLUMNS = ("prompt", "text")


@dataclass(frozen=True)
class Planned:
    label: str  # "sora-2 · 1280x720 · 8 s" or the prompt's start
    draft: Draft
    quote: Quote


@dataclass(frozen=True)
class Skipped:
    label: str
    reason: str


@dataclass(frozen=True)
class BatchPlan:
    jobs: tuple[Planned, ...]
    skipped: tuple[Skipped, ...]

    @property
    def total(self) -> QuoteTotal:
        return sum_quotes(job.quote for job in self.jobs)


@dataclass(frozen=True)
class SweepChoices:
    """What a sweep can vary over for one provider: its offered models, and every frame and
    length any of them takes (a combination one model refuses is left out by the plan)."""

    models: tuple[tuple[str, str], ...]  # (id, label)
    frames: tuple[str, ...]  # "1280x720" or "16:9 720p"
    durations: tuple[int, ...]


def frames_of(model: ModelCapability) -> tuple[str, ...]:
    """A model's frames as a sweep names them."""
    if model.sizes:
        return model.sizes
    return tuple(f"{aspect} {resolution}" for aspect in model.aspect_ratios for resolution in model.resolutions)


def sweep_choices(caps: ProviderCapabilities, today: datetime.date, chosen: Iterable[str] = ()) -> SweepChoices:
    """The offered models; the frames and lengths of the ``chosen`` ones (of all, when none is)."""
    offered = caps.offered(today)
    picked = set(chosen)
    models = [model for model in offered if model.id in picked] or list(offered)
    frames = dict.fromkeys(frame for model in models for frame in frames_of(model))
    durations = sorted({seconds for model in models for seconds in model.durations})
    return SweepChoices(tuple((m.id, m.label) for m in offered), tuple(frames), tuple(durations))


def draft_frame(draft: Draft) -> str:
    """The frame of ``draft`` as a sweep names it."""
    return draft.size or f"{draft.aspect_ratio} {draft.resolution}".strip()


def _framed(draft: Draft, frame: str) -> Draft:
    """``1280x720`` sets a pixel size; ``16:9 720p`` an aspect ratio and a resolution."""
    if "x" in frame:
        return dataclasses.replace(draft, size=frame, aspect_ratio="", resolution="")
    aspect, _, resolution = frame.partition(" ")
    return dataclasses.replace(draft, size="", aspect_ratio=aspect, resolution=resolution.strip())


def _plan(caps: ProviderCapabilities, drafts: Iterable[tuple[str, Draft]], today: datetime.date) -> BatchPlan:
    jobs: list[Planned] = []
    skipped: list[Skipped] = []
    for label, draft in drafts:
        problems = validate(caps, draft, today=today)
        if problems:
            skipped.append(Skipped(label, problems[0].message))
        elif len(jobs) >= MAX_BATCH:
            skipped.append(Skipped(label, tr("batch.too_many", limit=MAX_BATCH)))
        else:
            jobs.append(Planned(label, draft, quote(caps, draft)))
    return BatchPlan(tuple(jobs), tuple(skipped))


def sweep_plan(
    caps: ProviderCapabilities,
    base: Draft,
    *,
    models: Iterable[str],
    frames: Iterable[str],
    durations: Iterable[int],
    today: datetime.date,
) -> BatchPlan:
    """One prompt over every model × frame × length, in that order."""
    frame_list, duration_list = list(frames), list(durations)
    combos = (
        (
            tr("plat.batch.sweep_label", model=model, frame=frame, seconds=seconds),
            dataclasses.replace(_framed(base, frame), model=model, seconds=seconds),
        )
        for model in models
        for frame in frame_list
        for seconds in duration_list
    )
    return _plan(caps, combos, today)


def prompts_plan(caps: ProviderCapabilities, base: Draft, prompts: Iterable[str], today: datetime.date) -> BatchPlan:
    """Many prompts at the setting of ``base``."""
    return _plan(caps, ((p[:60], dataclasses.replace(base, prompt=p)) for p in prompts), today)


def prompts_from_lines(text: str) -> list[str]:
    """One prompt a line; blank lines ignored."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def prompts_from_csv(text: str) -> list[str]:
    """The ``prompt`` (or ``text``) column of a CSV file with a header row."""
    import csv  # only when a CSV file is dropped: off the page's start

    rows = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [name.strip().lower() for name in rows.fieldnames or []]
    column = next((c for c in PROMPT_COLUMNS if c in header), None)
    if column is None:
        raise InputError("batch_csv", tr("plat.batch.csv_no_prompt"))
    original = (rows.fieldnames or [])[header.index(column)]
    return [value.strip() for row in rows if (value := (row.get(original) or "")).strip()]
