"""A model's stage on a day, from its dated life cycle.

The library drawer names a job's model "(retired on <date>)" exactly when the model has
a shutdown date and its stage on today is RETIRED (``ui/library/drawer.py`` ``facts``);
pickers hide the same models. This is the pure part of both.
"""

from __future__ import annotations

import datetime

import pytest

from app.core.capabilities import RETIRING_WARNING_DAYS, ModelLife, Stage
from app.core.providers.gemini_omni.capabilities import CAPABILITIES as GEMINI

SHUTDOWN = datetime.date(2026, 9, 30)
DAY = datetime.timedelta(days=1)


@pytest.mark.parametrize(
    ("today", "stage"),
    [
        (SHUTDOWN + DAY * 400, Stage.RETIRED),
        (SHUTDOWN, Stage.RETIRED),  # gone from its shutdown day on
        (SHUTDOWN - DAY, Stage.RETIRING),
        (SHUTDOWN - DAY * RETIRING_WARNING_DAYS, Stage.RETIRING),
        (SHUTDOWN - DAY * (RETIRING_WARNING_DAYS + 1), Stage.LIVE),
    ],
)
def test_retired_from_the_shutdown_day_on(today: datetime.date, stage: Stage) -> None:
    assert ModelLife(shutdown=SHUTDOWN.isoformat()).stage_on(today) is stage


def test_a_timestamp_counts_by_its_day_and_garbage_never_retires() -> None:
    assert ModelLife(shutdown="2026-09-30T12:00:00Z").stage_on(SHUTDOWN) is Stage.RETIRED
    assert ModelLife(shutdown="soon").stage_on(SHUTDOWN + DAY * 400) is Stage.LIVE
    assert ModelLife().stage_on(SHUTDOWN) is Stage.LIVE


def test_a_shutdown_in_the_past_wins_over_release_and_preview() -> None:
    life = ModelLife(preview=True, released="2026-10-15", shutdown=SHUTDOWN.isoformat())
    assert life.stage_on(SHUTDOWN) is Stage.RETIRED
    assert ModelLife(preview=True).stage_on(SHUTDOWN) is Stage.PREVIEW
    assert ModelLife(released="2026-10-15").stage_on(SHUTDOWN) is Stage.UPCOMING


def test_a_retired_model_is_still_found_for_old_jobs_but_not_offered() -> None:
    retired = GEMINI.model("gemini-omni-flash-preview")
    assert retired is not None and retired.life.shutdown == SHUTDOWN.isoformat()
    after = SHUTDOWN + DAY
    assert retired.stage_on(after) is Stage.RETIRED
    assert retired.id not in {m.id for m in GEMINI.selectable(after)}
    assert retired.id in {m.id for m in GEMINI.selectable(SHUTDOWN - DAY)}
