"""The whole flow with a file of several parts: stored part by part, resumed after a full
disk from the first missing byte, and joined into the one stored file with its parts gone."""

from __future__ import annotations

from collections.abc import Sequence

from app.core import errors as e
from app.core.downloads import MAX_DOWNLOAD_ATTEMPTS
from app.core.job_record import JobPhase, JobStatus
from app.core.poll_messages import DownloadPaused, StorageFull
from app.core.stores import BLOBS, DOWNLOADS, PARTS
from app.services.ports import Op, Put
from tests.unit.aio import run
from tests.unit.queue_harness import Rig

SIZE = 3_000_000


def _served(rig: Rig, job_id: str) -> int:
    remote = rig.store.state.jobs[job_id].remote_id
    return sum(int(str(d["bytes_served"])) for d in rig.sim.counters.downloads(job_id=remote) if d["file"] == "video")


def _stored_video(rig: Rig, job_id: str) -> bytes:
    job = rig.store.state.jobs[job_id]
    return bytes(rig.records.stores[BLOBS][job.assets["video"]])


def test_a_file_of_several_parts_is_stored_whole_and_its_parts_released() -> None:
    rig = Rig()

    async def scenario() -> str:
        await rig.queue.become_poller(rig.link)
        job_id = await rig.submit(f"a long take [sim:bytes={SIZE}]")
        await rig.settle()
        return job_id

    job_id = run(scenario())
    assert rig.store.state.jobs[job_id].status is JobStatus.SUCCEEDED
    assert len(_stored_video(rig, job_id)) == SIZE and _served(rig, job_id) == SIZE
    assert not rig.records.stores.get(PARTS) and not rig.records.stores.get(DOWNLOADS)
    assert job_id not in rig.store.state.partial_downloads


def test_a_full_disk_mid_download_keeps_the_parts_and_resume_fetches_only_the_rest() -> None:
    rig = Rig()
    writes = 0
    real_write = rig.records.write

    async def write(ops: Sequence[Op]) -> None:  # the disk fills up at the fourth part
        nonlocal writes
        if any(isinstance(op, Put) and op.store == PARTS for op in ops):
            writes += 1
            if 4 <= writes < 100:
                raise e.StorageQuotaError("quota exhausted")
        await real_write(ops)

    rig.records.write = write  # type: ignore[method-assign]

    async def scenario() -> str:
        await rig.queue.become_poller(rig.link)
        job_id = await rig.submit(f"too big for the disk [sim:bytes={SIZE}]")
        await rig.settle()
        job = rig.store.state.jobs[job_id]
        assert job.status is JobStatus.RUNNING and job.phase is JobPhase.DOWNLOADING
        full = [event for event in rig.events if isinstance(event, StorageFull)]
        assert len(full) == 1 and 0 < full[0].stored < SIZE
        note = rig.store.state.job_notes[job_id]
        assert "storage is full" in note and "Settings → Storage" in note
        partial = rig.store.state.partial_downloads[job_id]
        assert partial.stored == full[0].stored and partial.total == SIZE
        stored_before = len(rig.records.stores[PARTS])
        assert stored_before == 3 and len(rig.records.stores[DOWNLOADS]) == 1
        assert job.assets == {} or "video" not in job.assets  # no other record touched
        nonlocal writes
        writes = 100  # space freed
        await rig.queue.fetch_files(job_id)
        await rig.settle()
        return job_id

    job_id = run(scenario())
    assert rig.store.state.jobs[job_id].status is JobStatus.SUCCEEDED
    assert len(_stored_video(rig, job_id)) == SIZE
    assert _served(rig, job_id) <= 1.1 * SIZE  # the stored parts were not fetched again
    assert not rig.records.stores.get(PARTS) and not rig.records.stores.get(DOWNLOADS)


def test_a_file_that_keeps_failing_leaves_the_render_finished_and_download_now_gets_it() -> None:
    # A billed render is never marked failed for its download: it waits, said plainly, for Download now.
    rig = Rig()

    async def scenario() -> str:
        await rig.queue.become_poller(rig.link)
        job_id = await rig.submit(f"an unlucky download [sim:content500={MAX_DOWNLOAD_ATTEMPTS}]")
        await rig.settle()
        job = rig.store.state.jobs[job_id]
        assert job.status is JobStatus.RUNNING and job.phase is JobPhase.DOWNLOADING and job.error_code is None
        assert [type(event) for event in rig.events if isinstance(event, DownloadPaused)] == [DownloadPaused]
        assert "Download now" in rig.store.state.job_notes[job_id]
        await rig.queue.fetch_files(job_id)
        await rig.settle()
        return job_id

    job_id = run(scenario())
    assert rig.store.state.jobs[job_id].status is JobStatus.SUCCEEDED
