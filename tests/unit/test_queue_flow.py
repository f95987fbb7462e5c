"""The whole polling flow under CPython: engine → events → queue service → records."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable

import pytest

from app.core.errors import ApiError, StorageQuotaError
from app.core.http import HttpRequest, HttpResponse, Progress
from app.core.job_record import JobPhase, JobRecord, JobStatus, new_job
from app.core.jobs import apply_remote
from app.core.keys import DEMO_KEY
from app.core.poll_messages import FileReady, RemoteUpdate, Retrying, Stopped
from app.core.providers.base import RemoteJob, RemoteStatus, RenderRequest
from app.core.providers.openai_videos.capabilities import CAPABILITIES
from tests.unit.aio import run
from tests.unit.queue_harness import Rig
from tests.unit.simtransport import BASE_URL


def _flow(prompt: str, job_seconds: float = 10.0) -> Rig:
    rig = Rig(job_seconds)

    async def scenario() -> None:
        await rig.queue.become_poller(rig.link)
        await rig.submit(prompt)
        await rig.settle()

    run(scenario())
    return rig


def _only_job(rig: Rig):  # type: ignore[no-untyped-def]
    (job,) = rig.store.state.jobs.values()
    return job


def test_success_stores_all_three_files_then_succeeds() -> None:
    rig = _flow("a lighthouse at dusk")
    job = _only_job(rig)
    assert job.status is JobStatus.SUCCEEDED and job.progress == 100
    assert set(job.assets) == {"video", "thumbnail", "spritesheet"}
    stored = rig.records.stores["assets"]
    kinds = {a["kind"]: a for a in stored.values()}
    assert kinds["video"]["mime"] == "video/mp4" and kinds["thumbnail"]["mime"] == "image/webp"
    assert kinds["spritesheet"]["mime"] == "image/jpeg"
    assert rig.records.stores["blobs"][job.assets["video"]][:8][4:8] == b"ftyp"
    assert job.video_bytes == kinds["video"]["bytes"] > 0
    persisted = rig.records.stores["jobs"][job.id]
    assert persisted["status"] == "succeeded"


def test_polling_backs_off_while_nothing_changes() -> None:
    # Queued for 300 s: one more interval per unchanged poll up to the 30 s cap, then back to
    # the interval as soon as the job moves (its progress changes).
    rig = _flow("a slow shot", job_seconds=2000)
    assert rig.sleeps[:16] == [2.5 * n for n in range(1, 13)] + [30.0] * 4
    assert rig.sleeps[16] == 2.5 and max(rig.sleeps) == 30.0
    assert _only_job(rig).status is JobStatus.SUCCEEDED


def test_moderation_block_keeps_the_prompt_and_reason() -> None:
    rig = _flow("a forbidden thing [sim:moderation]")
    job = _only_job(rig)
    assert job.status is JobStatus.BLOCKED
    assert job.error_code == "moderation_blocked" and "moderation" in (job.error_message or "")
    assert job.prompt.startswith("a forbidden thing") and not job.assets


def test_generic_failure_shows_code_and_message() -> None:
    job = _only_job(_flow("x [sim:fail]"))
    assert job.status is JobStatus.FAILED and job.error_code == "video_generation_failed"


def test_rate_limit_then_success_waits_as_told() -> None:
    rig = _flow("y [sim:429=2]")
    assert _only_job(rig).status is JobStatus.SUCCEEDED
    notes = [e for e in rig.events if isinstance(e, Retrying)]
    assert len(notes) == 2 and all(n.delay_s == 1.0 for n in notes)
    assert "Rate limited" in notes[0].note


def test_server_errors_back_off_exponentially_then_succeed() -> None:
    rig = _flow("z [sim:500=3]")
    assert _only_job(rig).status is JobStatus.SUCCEEDED
    delays = [e.delay_s for e in rig.events if isinstance(e, Retrying)]
    assert delays == [2.0, 4.0, 8.0]


def test_truncated_download_is_retried_until_complete() -> None:
    rig = _flow("w [sim:truncate=2]")
    job = _only_job(rig)
    assert job.status is JobStatus.SUCCEEDED
    assert sum(1 for e in rig.events if isinstance(e, Retrying) and "video" in e.note) == 2
    assert sum(1 for e in rig.events if isinstance(e, FileReady) and e.variant == "video") == 1


def test_content_expired_before_download_is_said_clearly() -> None:
    job = _only_job(_flow("v [sim:expired]"))
    assert job.status is JobStatus.FAILED and job.error_code == "expired"
    assert "expired" in (job.error_message or "") and not job.assets


def test_unknown_status_is_terminal() -> None:
    job = _only_job(_flow("u [sim:status=paused]"))
    assert job.status is JobStatus.FAILED and job.error_code == "unknown_status"
    assert "paused" in (job.error_message or "")


def test_canceled_on_the_api_is_terminal() -> None:
    job = _only_job(_flow("t [sim:canceled]"))
    assert job.status is JobStatus.CANCELED


def test_a_job_the_api_forgot_stops_with_the_request_id() -> None:
    rig = Rig()

    async def scenario() -> None:
        await rig.queue.become_poller(rig.link)
        job_id = await rig.submit("gone soon")
        job = rig.store.state.jobs[job_id]
        await rig.client(BASE_URL, DEMO_KEY).delete(job.remote_id or "")
        await rig.settle()

    run(scenario())
    job = _only_job(rig)
    assert job.status is JobStatus.FAILED and job.request_id
    assert any(isinstance(e, Stopped) and e.status == 404 for e in rig.events)


def test_every_transition_is_persisted_before_it_is_shown() -> None:
    rig = Rig()
    seen: list[tuple[str, str]] = []

    def check(new, old):  # type: ignore[no-untyped-def]
        for job in new.jobs.values():
            stored = rig.records.stores.get("jobs", {}).get(job.id)
            if stored is not None:
                seen.append((stored["status"], job.status.value))

    async def scenario() -> None:
        rig.store.subscribe(check)
        await rig.queue.become_poller(rig.link)
        await rig.submit("persist me")
        await rig.settle()

    run(scenario())
    assert seen and all(stored == shown for stored, shown in seen)


def test_offline_pauses_polling_and_online_resumes() -> None:
    rig = Rig()

    async def scenario() -> None:
        await rig.queue.become_poller(rig.link)
        rig.queue.set_online(False)
        await rig.submit("offline for a while")
        for _ in range(50):
            await asyncio.sleep(0)
        assert not any(isinstance(e, RemoteUpdate) for e in rig.events)
        rig.queue.set_online(True)
        await rig.settle()

    run(scenario())
    assert _only_job(rig).status is JobStatus.SUCCEEDED
    assert rig.store.state.online is True


def test_resume_after_reload_mid_download_fetches_only_missing_files() -> None:
    rig = Rig()

    async def scenario() -> None:
        # The API finished the job while no tab was open: stored as DOWNLOADING, no files yet.
        job_id = await rig.submit("finished while away")
        rig.clock.advance(30)
        job = rig.store.state.jobs[job_id]
        remote = await rig.client(BASE_URL, DEMO_KEY).retrieve(job.remote_id or "")
        await rig.book.commit(apply_remote(job, remote, now=rig.clock()))
        assert rig.store.state.jobs[job_id].phase is JobPhase.DOWNLOADING
        await rig.queue.become_poller(rig.link)
        await rig.settle()

    run(scenario())
    assert _only_job(rig).status is JobStatus.SUCCEEDED
    assert [s.downloading for s in rig.link.specs] == [True]


def _interrupted_submit(rig: Rig, *, reached_api: bool) -> None:
    """A job stored before its POST, whose answer never came back (the tab was closed)."""

    async def scenario() -> None:
        draft = rig.draft("a harbour at night")
        job = new_job(
            job_id=uuid.uuid4().hex,
            provider_id=CAPABILITIES.provider_id,
            endpoint=BASE_URL,
            demo=True,
            model=draft.model,
            size=draft.size,
            seconds=draft.seconds,
            prompt=draft.prompt,
            now=rig.clock(),
        )
        await rig.jobs.save(job)
        if reached_api:
            request = RenderRequest(job.prompt, job.model, job.seconds, size=job.size)
            await rig.client(BASE_URL, DEMO_KEY).create(request)
        rig.store.update(jobs={job.id: job})
        await rig.queue.become_poller(rig.link)
        await rig.settle()

    run(scenario())


def test_reload_mid_submit_finds_the_job_instead_of_sending_it_again() -> None:
    rig = Rig()
    _interrupted_submit(rig, reached_api=True)
    job = _only_job(rig)
    assert job.status is JobStatus.SUCCEEDED and job.remote_id
    creates = [r for r in rig.transport.sent if r.method == "POST"]
    assert len(creates) == 1  # the test's own create: the app never posted again


def test_reload_mid_submit_when_the_api_never_got_it_says_nothing_was_charged() -> None:
    rig = Rig()
    _interrupted_submit(rig, reached_api=False)
    job = _only_job(rig)
    assert job.status is JobStatus.FAILED and job.error_code == "not_submitted"
    assert "nothing was started or charged" in (job.error_message or "")
    assert not [r for r in rig.transport.sent if r.method == "POST"]


def test_cancel_stops_tracking_and_deletes_the_remote_job() -> None:
    rig = Rig(job_seconds=60)

    async def scenario() -> None:
        await rig.queue.become_poller(rig.link)
        job_id = await rig.submit("cancel me")
        await asyncio.sleep(0)
        await rig.queue.cancel(job_id)
        await rig.settle()

    run(scenario())
    job = _only_job(rig)
    assert job.status is JobStatus.CANCELED and not rig.engine.tracked
    assert any(r.method == "DELETE" for r in rig.transport.sent)


def test_a_not_found_that_crosses_the_delete_of_a_cancel_is_the_cancel_not_a_failure() -> None:
    # Deleting is how this API stops a render: a poll already out answers 404 meanwhile.
    rig = Rig(job_seconds=60)

    async def scenario() -> None:
        await rig.queue.become_poller(rig.link)
        job_id = await rig.submit("cancel me while a poll is out")
        await asyncio.sleep(0)
        real = rig.queue.client_for(rig.queue.job(job_id))  # type: ignore[arg-type]

        class Crossing:
            async def delete(self, remote_id: str) -> None:
                await real.delete(remote_id)
                rig.queue.deliver(Stopped(job_id, "video_not_found", "Video not found.", 404))
                for _ in range(20):
                    await asyncio.sleep(0)  # the inbox reads it before the delete returns

        rig.queue.client_for = lambda job: Crossing()  # type: ignore[assignment,method-assign,return-value]
        await rig.queue.cancel(job_id)
        await rig.settle()

    run(scenario())
    job = _only_job(rig)
    assert job.status is JobStatus.CANCELED and job.error_code != "video_not_found"


def test_an_ending_held_during_a_refused_cancel_is_handled_after_it() -> None:
    rig = Rig(job_seconds=60)

    async def scenario() -> None:
        await rig.queue.become_poller(rig.link)
        job_id = await rig.submit("it failed on its own")
        await asyncio.sleep(0)
        rig.queue.untrack(job_id)  # the worker's own polls are not part of this
        inbox = rig.queue.inbox
        inbox.begin_cancel(job_id)
        rig.queue.deliver(Stopped(job_id, "video_generation_failed", "Video generation failed.", 400))
        await rig.settle()
        assert not _only_job(rig).status.terminal  # held while the cancel is out
        inbox.finish_cancel(job_id, canceled=False)  # refused: the job goes on to its real end
        await rig.settle()

    run(scenario())
    assert _only_job(rig).status is JobStatus.FAILED


def _disk_full(rig: Rig) -> Callable[[], None]:
    """Storing a file fails as on a full disk (records still save); returns the undo."""
    original = rig.jobs.save

    async def full(job, *, assets=(), also=()):  # type: ignore[no-untyped-def]
        if assets:
            raise StorageQuotaError("quota exhausted")
        await original(job, assets=assets, also=also)

    rig.jobs.save = full  # type: ignore[method-assign]

    def restore() -> None:
        rig.jobs.save = original  # type: ignore[method-assign]

    return restore


async def _finished_on_a_full_disk(rig: Rig, prompt: str) -> tuple[str, Callable[[], None]]:
    """A render that finishes while its file cannot be stored: its id, and the disk's undo."""
    await rig.queue.become_poller(rig.link)
    job_id = await rig.submit(prompt)
    restore = _disk_full(rig)
    await rig.settle()
    return job_id, restore


def test_a_full_disk_keeps_the_job_for_a_later_download() -> None:
    rig = Rig()

    async def scenario() -> None:
        job_id, restore = await _finished_on_a_full_disk(rig, "too big for the disk")
        job = rig.store.state.jobs[job_id]
        assert job.status is JobStatus.RUNNING and job.phase is JobPhase.DOWNLOADING
        note = rig.store.state.job_notes[job_id]
        assert "storage is full" in note and "Settings → Storage" in note
        restore()
        await rig.queue.fetch_files(job_id)
        await rig.settle()

    run(scenario())
    assert _only_job(rig).status is JobStatus.SUCCEEDED


def test_a_submit_without_answer_is_looked_up_once_the_network_is_back() -> None:
    rig = Rig()

    async def scenario() -> None:
        await rig.queue.become_poller(rig.link)
        rig.transport.offline = True
        rig.queue.set_online(False)
        await rig.submit("sent into the void")
        job = _only_job(rig)
        assert job.phase is JobPhase.RECONCILING and "Could not check" in rig.store.state.job_notes[job.id]
        rig.transport.offline = False
        rig.queue.set_online(True)
        for _ in range(20):
            await asyncio.sleep(0)
        await rig.settle()

    run(scenario())
    job = _only_job(rig)
    assert job.status is JobStatus.FAILED and job.error_code == "not_submitted"


def test_a_gemini_cancel_refused_on_a_finished_job_follows_it_on() -> None:
    rig = Rig(job_seconds=10, provider_id="gemini")

    async def scenario() -> str:
        job_id = await rig.submit("finished before the click")  # not the poller yet: nothing follows it
        rig.clock.advance(60)  # done on the API, still running here
        await rig.queue.cancel(job_id)
        job = rig.store.state.jobs[job_id]
        assert not job.status.terminal and job.error_code != "canceled_by_user"
        assert "following it on" in rig.store.state.job_notes[job_id]
        await rig.queue.become_poller(rig.link)
        await rig.settle()
        return job_id

    job_id = run(scenario())
    assert rig.store.state.jobs[job_id].status is JobStatus.SUCCEEDED
    cancels = [r for r in rig.transport.sent if r.method == "POST" and r.url.endswith("/cancel")]
    assert len(cancels) == 1


class _CancelAnswers:
    """Stands in for the queue's client on the cancel call only, with a chosen outcome."""

    def __init__(self, outcome: object) -> None:
        self.outcome = outcome
        self.calls = 0

    async def cancel(self, remote_id: str) -> RemoteJob:
        self.calls += 1
        if isinstance(self.outcome, Exception):
            raise self.outcome
        assert isinstance(self.outcome, RemoteJob)
        return self.outcome


def _cancel_gemini_with(outcome: object) -> tuple[Rig, str]:
    """Cancel a Gemini render whose cancel answers ``outcome``, then let the poller follow it."""
    rig = Rig(job_seconds=10, provider_id="gemini")
    stub = _CancelAnswers(outcome)

    async def scenario() -> str:
        job_id = await rig.submit("the cancel does not stop it")
        rig.clock.advance(60)
        rig.queue.client_for = lambda job: stub  # type: ignore[assignment,method-assign,return-value]
        await rig.queue.cancel(job_id)
        job = rig.store.state.jobs[job_id]
        assert not job.status.terminal and job.error_code != "canceled_by_user"
        await rig.queue.become_poller(rig.link)
        await rig.settle()
        return job_id

    job_id = run(scenario())
    assert stub.calls == 1
    return rig, job_id


def test_a_cancel_answered_with_a_finished_render_keeps_its_video() -> None:
    finished = RemoteJob(remote_id="x", status=RemoteStatus.COMPLETED, raw_status="completed")
    rig, job_id = _cancel_gemini_with(finished)
    assert rig.store.state.jobs[job_id].status is JobStatus.SUCCEEDED
    assert "video" in rig.store.state.jobs[job_id].assets


def test_a_cancel_the_server_fails_keeps_following_the_render() -> None:
    rig, job_id = _cancel_gemini_with(ApiError("Internal error.", status=500))
    assert rig.store.state.jobs[job_id].status is JobStatus.SUCCEEDED


def test_a_cancel_that_gets_no_answer_says_so_and_keeps_following_the_render() -> None:
    rig = Rig(job_seconds=10, provider_id="gemini")

    async def scenario() -> str:
        job_id = await rig.submit("cancelled while offline")
        rig.transport.offline = True
        await rig.queue.cancel(job_id)
        note = rig.store.state.job_notes[job_id]
        assert "could not cancel it just now" in note and "Try Cancel again" in note
        assert not rig.store.state.jobs[job_id].status.terminal
        rig.transport.offline = False
        await rig.queue.become_poller(rig.link)
        await rig.settle()
        return job_id

    job_id = run(scenario())
    assert rig.store.state.jobs[job_id].status is JobStatus.SUCCEEDED


def test_a_delete_that_finds_nothing_is_a_cancel() -> None:
    rig = Rig(job_seconds=60)

    class Gone:
        async def delete(self, remote_id: str) -> None:
            raise ApiError("Video not found.", status=404)

    async def scenario() -> str:
        await rig.queue.become_poller(rig.link)
        job_id = await rig.submit("already gone")
        rig.queue.client_for = lambda job: Gone()  # type: ignore[assignment,method-assign,return-value]
        await rig.queue.cancel(job_id)
        await rig.settle()
        return job_id

    job_id = run(scenario())
    assert rig.store.state.jobs[job_id].status is JobStatus.CANCELED


def test_a_file_gone_long_before_its_expiry_is_paused_not_expired() -> None:
    # Gemini says its files last about 48 h: a 404 right after completion is not taken as expiry.
    rig = Rig(provider_id="gemini")

    async def scenario() -> None:
        await rig.queue.become_poller(rig.link)
        await rig.submit("missing at once [sim:expired]")
        await rig.settle()

    run(scenario())
    job = _only_job(rig)
    assert job.status is not JobStatus.FAILED and job.error_code is None and not job.assets
    assert sum(1 for ev in rig.events if isinstance(ev, Retrying)) >= 1  # tried again first
    note = rig.store.state.job_notes[job.id]
    assert "could not be downloaded" in note and "should still be kept" in note and "expired" in note


def _answering(rig: Rig, status: int, body: bytes, when: Callable[[HttpRequest], bool]) -> None:
    """The rig's transport answers ``status``/``body`` to the requests ``when`` picks, and logs them."""
    real = rig.transport.send

    async def send(request: HttpRequest, *, progress: Progress | None = None) -> HttpResponse:
        if when(request):
            rig.transport.sent.append(request)
            return HttpResponse(status, {"content-type": "application/json"}, body=body)
        return await real(request, progress=progress)

    rig.transport.send = send  # type: ignore[method-assign]


def _sent_once(rig: Rig, prompt: str) -> JobRecord:
    """Submit ``prompt`` and let the queue settle: the create must have left exactly once."""

    async def scenario() -> None:
        await rig.queue.become_poller(rig.link)
        await rig.submit(prompt)
        await rig.settle()

    run(scenario())
    assert len([r for r in rig.transport.sent if r.method == "POST"]) == 1
    (job,) = rig.store.state.jobs.values()
    return job


TIMEOUTS = {
    "gemini": ("/interactions", b'{"error": {"code": 408, "message": "Timed out.", "status": "DEADLINE_EXCEEDED"}}'),
    "openrouter": ("/videos", b'{"error": {"code": 408, "message": "Request timed out"}}'),
}


@pytest.mark.parametrize("provider_id", sorted(TIMEOUTS))
def test_a_create_that_timed_out_is_kept_and_not_sent_again(provider_id: str) -> None:
    # Only a 429 proves nothing was made: a 408 may have started (and billed) the render.
    rig = Rig(provider_id=provider_id)
    route, body = TIMEOUTS[provider_id]
    _answering(rig, 408, body, lambda r: r.method == "POST" and r.url.endswith(route))
    job = _sent_once(rig, "sent once, answered late")
    assert job.status is JobStatus.FAILED and job.error_code == "submission_unknown"


def test_an_accepted_create_the_app_cannot_read_is_kept_as_maybe_received() -> None:
    rig = Rig(provider_id="openrouter")
    _answering(rig, 202, b"<html>Accepted</html>", lambda r: r.method == "POST" and r.url.endswith("/videos"))
    job = _sent_once(rig, "accepted by a proxy that rewrote the answer")
    assert job.error_code == "submission_unknown" and job.id in rig.records.stores["jobs"]


def test_a_refused_poll_while_only_the_file_is_pending_pauses_the_download() -> None:
    # Finished and paid: a key that stopped working on the poll before the download must not fail it.
    rig = Rig()

    async def scenario() -> str:
        job_id, restore = await _finished_on_a_full_disk(rig, "finished, file pending")
        restore()
        refused = b'{"error": {"message": "Incorrect API key provided.", "type": "invalid_request_error"}}'
        _answering(rig, 401, refused, lambda r: r.method == "GET" and "/content" not in r.url)
        await rig.queue.fetch_files(job_id)
        await rig.settle()
        return job_id

    job_id = run(scenario())
    job = rig.store.state.jobs[job_id]
    assert job.status is JobStatus.RUNNING and job.phase is JobPhase.DOWNLOADING
    assert "could not be downloaded" in rig.store.state.job_notes[job_id]
