"""The facts table of the detail drawer: provider, model, frame, cost, times, ids."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from app.browser.dom import Node, h
from app.browser.local_time import local_datetime
from app.core.capabilities import ProviderCapabilities, Stage
from app.core.costs import cost_facts
from app.core.endpoint import display_host
from app.core.provider_directory import day_of
from app.core.queue_cards import frame_text

if TYPE_CHECKING:
    from app.core.job_record import JobRecord


def _when(timestamp: float | None) -> str:
    return "—" if timestamp is None else local_datetime(timestamp)


def facts(job: JobRecord, provider: ProviderCapabilities) -> list[tuple[str, str]]:
    model = provider.model(job.model)
    retired = model is not None and model.life.shutdown and model.stage_on(day_of(time.time())) is Stage.RETIRED
    rows = [
        ("Provider", provider.name),
        ("Model", job.model + (f" (retired on {model.life.shutdown})" if retired and model else "")),
        (
            "Frame",
            f"{frame_text(job)} ({job.size.replace('x', ' × ')})" if job.aspect_ratio else job.size.replace("x", " × "),
        ),
        ("Length", f"{job.seconds} s"),
        ("Sound", "yes" if job.audio else "no" if job.audio is not None else "—"),
        *cost_facts(job),
        ("Created", _when(job.created_at)),
        ("Completed", _when(job.remote_completed_at or job.finished_at)),
        ("API job id", job.remote_id or "—"),
        ("Endpoint", "Simulator (demo mode)" if job.demo else display_host(job.endpoint)),
    ]
    if job.seed is not None:
        rows.append(("Seed", str(job.seed)))
    if job.remixed_from:
        rows.append(("Remix of", job.remixed_from))
    return rows


def fact_row(name: str, value: str) -> Node:
    return h("div", {"class_": "kv"}, h("dt", None, name), h("dd", None, value))
