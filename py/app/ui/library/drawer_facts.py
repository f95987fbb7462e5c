"""The facts table of the detail drawer: provider, model, frame, cost, times, ids."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from app.browser.dom import Node, h
from app.browser.local_time import local_datetime
from app.core.capabilities import ProviderCapabilities, Stage
from app.core.costs import cost_facts
from app.core.endpoint import display_host
from app.core.i18n import tr
from app.core.provider_directory import day_of
from app.core.queue_cards import frame_text

if TYPE_CHECKING:
    from app.core.job_record import JobRecord


def _when(timestamp: float | None) -> str:
    return "—" if timestamp is None else local_datetime(timestamp)


def _length(job: JobRecord) -> str:
    """The whole length; an extend also says how much of it it added."""
    if job.added_seconds is None:
        return tr("units.seconds_short", seconds=job.seconds)
    return tr("facts.length.extended", seconds=job.seconds, added=job.added_seconds)


def facts(job: JobRecord, provider: ProviderCapabilities) -> list[tuple[str, str]]:
    model = provider.model(job.model)
    retired = model is not None and model.life.shutdown and model.stage_on(day_of(time.time())) is Stage.RETIRED
    size = job.size.replace("x", " × ")
    sound = "—" if job.audio is None else tr("facts.yes" if job.audio else "facts.no")
    rows = [
        (tr("facts.provider"), provider.name),
        (
            tr("facts.model"),
            tr("facts.retired", model=job.model, date=str(model.life.shutdown)) if retired and model else job.model,
        ),
        (tr("facts.frame"), f"{frame_text(job)} ({size})" if job.aspect_ratio else size),
        (tr("facts.length"), _length(job)),
        (tr("facts.sound"), sound),
        *cost_facts(job),
        (tr("facts.created"), _when(job.created_at)),
        (tr("facts.completed"), _when(job.remote_completed_at or job.finished_at)),
        (tr("facts.job_id"), job.remote_id or "—"),
        (tr("facts.endpoint"), tr("facts.simulator") if job.demo else display_host(job.endpoint)),
    ]
    if job.seed is not None:
        rows.append((tr("facts.seed"), str(job.seed)))
    if job.remixed_from:
        rows.append((tr("facts.remix_of"), job.remixed_from))
    return rows


def fact_row(name: str, value: str) -> Node:
    return h("div", {"class_": "kv"}, h("dt", None, name), h("dd", None, value))
