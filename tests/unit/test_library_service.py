"""Library intents against the simulator: edits persist, deletes clean up, remix follows."""

from __future__ import annotations

import pytest

from app.core import errors as e
from app.core.compose import draft_of
from app.core.job_record import JobStatus
from app.services.library_service import LibraryService, clean_tags
from tests.unit.aio import run
from tests.unit.fakes import StillFrames
from tests.unit.queue_harness import ClockAdapter, Rig


def _library(rig: Rig, frames: StillFrames | None = None) -> LibraryService:
    return LibraryService(
        rig.book, rig.queue, rig.render, frames or StillFrames(), ClockAdapter(rig.clock), rig.clients
    )


def _rendered(rig: Rig, prompt: str = "a red kite") -> str:
    async def scenario() -> str:
        await rig.queue.become_poller(rig.link)
        job_id = await rig.submit(prompt)
        await rig.settle()
        return job_id

    return run(scenario())


def test_rename_tags_and_folder_persist() -> None:
    rig = Rig()
    job_id = _rendered(rig)
    library = _library(rig)

    async def scenario() -> None:
        await library.rename(job_id, "  Kite   over the bay ")
        await library.set_tags(job_id, "Beach, kite beach")
        await library.add_tags([job_id], "summer")
        await library.set_folder([job_id], "Holiday")

    run(scenario())
    stored = rig.records.stores["jobs"][job_id]
    assert stored["title"] == "Kite over the bay"
    assert stored["tags"] == ["beach", "kite", "summer"] and stored["folder"] == "Holiday"
    assert clean_tags(["A", "a", " b "]) == ("a", "b")


def test_delete_locally_and_remotely_removes_files() -> None:
    rig = Rig()
    job_id = _rendered(rig)
    remote_id = rig.store.state.jobs[job_id].remote_id
    problems = run(_library(rig).delete([job_id], remote=True))
    assert problems == []
    assert job_id not in rig.store.state.jobs and not rig.records.stores["assets"] and not rig.records.stores["blobs"]
    assert any(r.method == "DELETE" and str(remote_id) in r.url for r in rig.transport.sent)


def test_remix_creates_a_followed_job_linked_to_its_source() -> None:
    rig = Rig()
    job_id = _rendered(rig)
    source = rig.store.state.jobs[job_id]

    async def scenario() -> str:
        job = await _library(rig).remix(job_id, "make it night")
        await rig.settle()
        return job.id

    remix_id = run(scenario())
    remix = rig.store.state.jobs[remix_id]
    assert remix.status is JobStatus.SUCCEEDED and remix.remixed_from == source.remote_id
    assert remix.prompt == "make it night" and remix.model == source.model


def test_a_remix_without_an_answer_is_kept_and_never_sent_again() -> None:
    rig = Rig()
    job_id = _rendered(rig)
    source = rig.store.state.jobs[job_id]
    rig.transport.offline = True
    sent_before = len(rig.transport.sent)

    async def scenario() -> str:
        job = await _library(rig).remix(job_id, "make it night")
        await rig.settle()
        return job.id

    remix_id = run(scenario())
    remix = rig.store.state.jobs[remix_id]
    assert not remix.status.terminal and remix.remote_id is None and remix.error_message
    assert remix.remixed_from == source.remote_id and remix_id in rig.records.stores["jobs"]
    posts = [r for r in rig.transport.sent[sent_before:] if r.method == "POST"]
    assert len(posts) == 1 and posts[0].url.endswith("/remix")
    rig.transport.offline = False  # back online: looked up, not resent (it never reached the API)
    run(rig.queue.reconcile(remix))
    assert rig.store.state.jobs[remix_id].error_code == "not_submitted"
    assert len([r for r in rig.transport.sent[sent_before:] if r.method == "POST"]) == 1


def test_thumbnails_can_be_deleted_and_stored_again() -> None:
    rig = Rig()
    job_id = _rendered(rig)
    library = _library(rig)
    assert run(library.delete_all_thumbnails()) == 1
    assert "thumbnail" not in rig.store.state.jobs[job_id].assets
    job = run(library.store_thumbnail(job_id, b"RIFF....WEBP", 12))
    assert rig.records.stores["blobs"][job.assets["thumbnail"]] == b"RIFF....WEBP"


def test_a_missing_poster_is_drawn_from_the_stored_video_once() -> None:
    rig = Rig()
    job_id = _rendered(rig)
    frames = StillFrames()
    library = _library(rig, frames)
    run(library.delete_all_thumbnails())
    video_id = rig.store.state.jobs[job_id].assets["video"]
    job = run(library.make_poster(job_id))
    assert job is not None and frames.videos == [rig.records.stores["blobs"][video_id]]
    assert rig.records.stores["blobs"][job.assets["thumbnail"]] == b"RIFF....WEBPposter"
    assert rig.records.stores["assets"][job.assets["thumbnail"]]["kind"] == "thumbnail"
    assert run(library.make_poster(job_id)) is None and len(frames.videos) == 1  # it has one now


def test_extends_store_the_whole_length_and_check_the_cap_against_it() -> None:
    # Each extend adds its seconds to the whole video; the 30 s cap counts the whole chain.
    rig = Rig(provider_id="gemini")
    source_id = _rendered(rig, "a lantern drifts upriver")
    library = _library(rig)
    first_seconds = rig.store.state.jobs[source_id].seconds

    async def extend(job_id: str, added: int) -> str:
        job = await library.extend(job_id, "and further on", added)
        await rig.settle()
        return job.id

    once = run(extend(source_id, 10))
    job = rig.store.state.jobs[once]
    assert job.status is JobStatus.SUCCEEDED
    assert job.seconds == first_seconds + 10 and job.added_seconds == 10
    assert draft_of(job).seconds == 10  # what sending it again would add
    twice = run(extend(once, 10))
    assert rig.store.state.jobs[twice].seconds == first_seconds + 20
    with pytest.raises(e.InputError, match="30") as refused:  # the chain is already longer than 20 s
        run(extend(twice, 10))
    assert refused.value.field == "extend_seconds"
    sent = [r.json_body for r in rig.transport.sent if r.method == "POST" and r.json_body]
    assert [body["response_format"]["duration"] for body in sent[1:]] == ["10s", "10s"]


def test_retrying_a_failed_extend_extends_the_same_video_again() -> None:
    rig = Rig(provider_id="gemini")
    source_id = _rendered(rig, "a lantern drifts upriver")
    source = rig.store.state.jobs[source_id]

    async def scenario() -> str:
        failed = await _library(rig).extend(source_id, "and then it sinks [sim:fail]", 5)
        await rig.settle()
        assert rig.store.state.jobs[failed.id].status is JobStatus.FAILED
        again = await rig.queue.retry(failed.id)
        assert again is not None
        await rig.settle()
        return again.id

    again_id = run(scenario())
    again = rig.store.state.jobs[again_id]
    assert again.extends == source_id and again.seconds == source.seconds + 5 and again.added_seconds == 5
    last = [r.json_body for r in rig.transport.sent if r.method == "POST" and r.json_body][-1]
    assert last["previous_interaction_id"] == source.remote_id and last["response_format"]["duration"] == "5s"


def test_retrying_an_extend_whose_source_is_gone_says_so() -> None:
    rig = Rig(provider_id="gemini")
    source_id = _rendered(rig, "a lantern drifts upriver")
    library = _library(rig)

    async def scenario() -> None:
        failed = await library.extend(source_id, "and then it sinks [sim:fail]", 5)
        await rig.settle()
        await rig.queue.remove(source_id)
        with pytest.raises(e.AppError, match="no longer in the library"):
            await rig.queue.retry(failed.id)

    run(scenario())
