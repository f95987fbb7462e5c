"""The one way a job record changes: persist it, then show it, then tell the other tabs.

Submitting, polling, the library and the user's actions all write through here, so
what any view shows is what IndexedDB holds, and every open tab hears of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.core.job_record import AssetRecord, JobRecord
from app.core.state import AppState
from app.core.store import Store
from app.services.job_store import JobStore
from app.services.ports import Op, TabChannel


class JobBook:
    def __init__(self, store: Store[AppState], jobs: JobStore, channel: TabChannel | None = None) -> None:
        self.store = store
        self.files = jobs
        self._channel = channel

    def job(self, job_id: str) -> JobRecord | None:
        return self.store.state.jobs.get(job_id)

    def note(self, job_id: str, text: str, *, fetching: bool = False) -> None:
        """What is happening to a job right now (not stored; empty clears it). ``fetching``: the
        note says its files are being fetched at the user's request (no Download button then);
        any later note ends that."""
        state = self.store.state
        notes = {k: v for k, v in state.job_notes.items() if k != job_id}
        if text:
            notes[job_id] = text
        asked = state.fetching | {job_id} if fetching else state.fetching - {job_id}
        self.store.update(job_notes=notes, fetching=asked)

    async def commit(
        self, job: JobRecord, *, assets: tuple[tuple[AssetRecord, Any], ...] = (), also: Sequence[Op] = ()
    ) -> JobRecord:
        """Persist (with new files and ``also``, in one transaction), then show, then tell the other tabs."""
        await self.files.save(job, assets=assets, also=also)
        self.store.update(jobs={**self.store.state.jobs, job.id: job})
        self._tell(job.id)
        return job

    async def commit_many(self, jobs: Sequence[JobRecord]) -> None:
        """Persist several jobs in one transaction (all or none), then show them, then tell."""
        await self.files.save_many(jobs)
        self.store.update(jobs={**self.store.state.jobs, **{job.id: job for job in jobs}})
        for job in jobs:
            self._tell(job.id)

    async def forget(self, job: JobRecord) -> None:
        """Delete a job and every file it owns, then stop showing it, then tell the other tabs."""
        await self.files.delete(job)
        self.store.update(jobs={k: v for k, v in self.store.state.jobs.items() if k != job.id})
        self._tell(job.id)

    def reread(self, job: JobRecord | None, job_id: str) -> None:
        """Show what another tab stored (``None``: it is gone)."""
        jobs = dict(self.store.state.jobs)
        if job is None:
            jobs.pop(job_id, None)
        else:
            jobs[job_id] = job
        self.store.update(jobs=jobs)

    def _tell(self, job_id: str) -> None:
        if self._channel is not None:
            self._channel.publish(job_id)
