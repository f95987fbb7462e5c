"""Batch planning: sweeps and prompt lists, the total, and combinations left out with a reason."""

from __future__ import annotations

import dataclasses
import datetime
from decimal import Decimal

import pytest

from app.core.batch_plan import MAX_BATCH, prompts_from_csv, prompts_from_lines, prompts_plan, sweep_plan
from app.core.compose import fresh_draft
from app.core.errors import InputError
from app.core.providers import registry

CAPS = registry.directory().get("openai-videos")
TODAY = datetime.date(2026, 12, 1)
BASE = dataclasses.replace(fresh_draft(CAPS, TODAY, prompt="a lighthouse in a storm"), size="1280x720", seconds=4)


def test_a_sweep_lists_every_allowed_combination_and_leaves_out_the_rest() -> None:
    plan = sweep_plan(
        CAPS, BASE, models=["sora-2", "sora-2-pro"], frames=["1280x720", "1792x1024"], durations=[4, 8], today=TODAY
    )
    labels = [job.label for job in plan.jobs]
    assert "sora-2 · 1280x720 · 4 s" in labels and "sora-2-pro · 1792x1024 · 8 s" in labels
    assert [s.label for s in plan.skipped] == ["sora-2 · 1792x1024 · 4 s", "sora-2 · 1792x1024 · 8 s"]
    assert all(s.reason for s in plan.skipped)
    assert len(plan.jobs) == 6
    total = plan.total
    assert total.parts == 6 and total.known
    assert total.low == sum((job.quote.low or Decimal(0) for job in plan.jobs), Decimal(0)) and total.low > 0


def test_a_prompt_list_at_one_setting_and_its_cap() -> None:
    plan = prompts_plan(CAPS, BASE, ["a fox", "", "an owl"], TODAY)
    assert [job.draft.prompt for job in plan.jobs] == ["a fox", "an owl"]
    assert len(plan.skipped) == 1 and plan.skipped[0].reason
    many = prompts_plan(CAPS, BASE, [f"shot {n}" for n in range(MAX_BATCH + 2)], TODAY)
    assert len(many.jobs) == MAX_BATCH and len(many.skipped) == 2


def test_prompts_from_lines_and_from_a_csv_with_a_header() -> None:
    assert prompts_from_lines(" a fox \n\n an owl\n") == ["a fox", "an owl"]
    text = '\ufeffid,Prompt,notes\n1,"a fox, running",x\n2,,y\n3,an owl,z\n'
    assert prompts_from_csv(text) == ["a fox, running", "an owl"]
    with pytest.raises(InputError, match="prompt"):
        prompts_from_csv("id,notes\n1,x\n")
