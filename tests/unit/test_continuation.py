"""Continue this clip, the pure rules: which way per model's data, and the chains links make."""

from __future__ import annotations

import dataclasses

from app.core.capabilities import ImageInputs, ProviderCapabilities
from app.core.continuation import ContinueWay, chain_of, continue_way, frame_name, playable, why_not
from app.core.job_record import JobRecord, JobStatus
from app.core.providers import registry
from tests.unit.jobs_factory import make_job

DIRECTORY = registry.directory()
OPENAI = DIRECTORY.get("openai-videos")
GEMINI = DIRECTORY.get("gemini")


def _finished(job_id: str = "a", **changes: object) -> JobRecord:
    fields = {"remote_id": f"video_{job_id}", "assets": {"video": f"{job_id}-v"}, "provider_id": "openai-videos"}
    return make_job(job_id, **{**fields, **changes})


def _without_first_frames(provider: ProviderCapabilities) -> ProviderCapabilities:
    models = tuple(dataclasses.replace(m, images=ImageInputs()) for m in provider.models)
    return dataclasses.replace(provider, models=models)


def test_a_model_that_takes_a_first_frame_continues_from_the_last_frame() -> None:
    job = _finished(model="sora-2", provider_id="openai-videos")
    assert continue_way(job, OPENAI) is ContinueWay.FIRST_FRAME and why_not(job, OPENAI) == ""


def test_a_provider_that_extends_is_offered_its_extend_only() -> None:
    job = _finished(model="gemini-omni-1.2-flash", provider_id="gemini")
    assert continue_way(job, GEMINI) is ContinueWay.EXTEND
    assert continue_way(job.model_copy(update={"remote_id": None}), GEMINI) is ContinueWay.FIRST_FRAME


def test_what_cannot_be_continued_and_why() -> None:
    job = _finished(model="sora-2", provider_id="openai-videos")
    running = job.model_copy(update={"status": JobStatus.RUNNING})
    assert continue_way(running, OPENAI) is ContinueWay.NONE and why_not(running, OPENAI) == ""
    not_stored = job.model_copy(update={"assets": {}})
    assert continue_way(not_stored, OPENAI) is ContinueWay.NONE
    assert "download its video first" in why_not(not_stored, OPENAI)
    no_images = _without_first_frames(OPENAI)
    assert continue_way(job, no_images) is ContinueWay.NONE
    assert why_not(job, no_images) == "sora-2 cannot start a render from an image, so this clip cannot be continued."
    assert continue_way(job.model_copy(update={"model": "gone-model"}), OPENAI) is ContinueWay.NONE


def test_the_drawn_frame_is_named_after_the_clip() -> None:
    assert frame_name(_finished(title="Kite")) == "last frame of Kite.png"


def test_a_chain_runs_oldest_first_through_both_kinds_of_link() -> None:
    root = _finished("a", created_at=1.0)
    second = _finished("b", continues="a", created_at=2.0)
    third = _finished("c", extends="b", created_at=3.0, assets={})
    later_branch = _finished("d", continues="a", created_at=5.0)
    unrelated = _finished("z", created_at=0.5)
    jobs = {j.id: j for j in (root, second, third, later_branch, unrelated)}
    assert [j.id for j in chain_of(jobs, "b")] == ["a", "b", "c"]
    assert [j.id for j in chain_of(jobs, "a")] == ["a", "b", "c"]  # the earliest continuation
    assert [j.id for j in chain_of(jobs, "d")] == ["a", "d"]
    assert [j.id for j in chain_of(jobs, "z")] == ["z"] and chain_of(jobs, "missing") == []
    assert [j.id for j in playable(chain_of(jobs, "a"))] == ["a", "b"]


def test_a_cycle_or_a_deleted_link_ends_the_chain() -> None:
    looped = {"a": _finished("a", continues="b"), "b": _finished("b", continues="a")}
    assert sorted(j.id for j in chain_of(looped, "a")) == ["a", "b"]
    orphan = {"b": _finished("b", continues="deleted")}
    assert [j.id for j in chain_of(orphan, "b")] == ["b"]
