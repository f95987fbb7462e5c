"""What a user does with a job once it exists: edit and send again, continue the clip,
hand over its video (a file, or the remembered folder), forget the ones that ended badly.

Editing or continuing switches to the job's provider first (when the app still knows
it), so the form offers the choices the job was made with.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from app.core.downloads import file_name
from app.core.errors import StorageError
from app.core.i18n import tr
from app.core.job_record import JobRecord, JobStatus
from app.core.provider_directory import ProviderDirectory
from app.core.routes import Location, Route
from app.core.state import AppState
from app.core.store import Store
from app.services.clip_continuer import ClipContinuer
from app.services.compose_intents import FIRST_FRAME, ComposeIntents
from app.services.job_store import JobStore
from app.services.ports import FolderWriter
from app.services.queue_service import QueueService

PURGEABLE = frozenset({JobStatus.FAILED, JobStatus.BLOCKED, JobStatus.CANCELED})
ChooseProvider = Callable[[str], Awaitable[object]]  # provider_id -> the settings say so


class JobActions:
    def __init__(
        self,
        store: Store[AppState],
        job_store: JobStore,
        compose: ComposeIntents,
        continuer: ClipContinuer,
        queue: QueueService,
        folder: FolderWriter,
        directory: ProviderDirectory,
        *,
        active_provider: Callable[[], str],
        use_provider: ChooseProvider,
    ) -> None:
        self.store = store
        self.job_store = job_store
        self.compose = compose
        self.continuer = continuer
        self.queue = queue
        self.folder = folder
        self.directory = directory
        self._active = active_provider
        self._use_provider = use_provider

    async def edit(self, job_id: str) -> None:
        """Open New Render with a past job's parameters and images, to change and send."""
        job = self.store.state.jobs.get(job_id)
        if job is None:
            return
        await self._provider_of(job)
        images: dict[str, tuple[Any, str]] = {}
        slots = {**({"first_frame": job.image_asset_id} if job.image_asset_id else {}), **job.image_assets}
        for slot, asset_id in slots.items():
            blob = await self.job_store.blob(asset_id)
            asset = await self.job_store.asset(asset_id)
            if blob is not None:
                images[slot] = (blob, asset.name if asset else "reference image")
        await self.compose.prefill(job, images)
        self.store.update(location=Location(Route.NEW))

    async def continue_clip(self, job_id: str) -> None:
        """Open New Render to continue a finished clip: its settings and prompt, its last frame first."""
        job, frame, name = await self.continuer.last_frame(job_id)
        await self._provider_of(job)
        await self.compose.prefill(job, {FIRST_FRAME: (frame, name)}, continues=job.id)
        self.store.update(location=Location(Route.NEW))

    async def _provider_of(self, job: JobRecord) -> None:
        if job.provider_id != self._active() and self.directory.knows(job.provider_id):
            await self._use_provider(job.provider_id)

    async def purge_failed(self) -> int:
        """Forget failed, blocked and canceled jobs (and their reference images)."""
        ended = [j for j in self.store.state.jobs.values() if j.status in PURGEABLE]
        for job in ended:
            await self.queue.remove(job.id)
        return len(ended)

    async def video_file(self, job: JobRecord, variant: str = "video") -> tuple[Any, str, str]:
        """A stored video to hand to the user: ``(Blob, file name, MIME type)``."""
        asset_id = job.assets.get(variant)
        blob = await self.job_store.blob(asset_id) if asset_id else None
        if asset_id is None or blob is None:
            raise StorageError(tr("svc.video.not_stored"))
        asset = await self.job_store.asset(asset_id)
        mime = asset.mime if asset is not None else "video/mp4"
        return blob, file_name(job, mime, variant), mime

    async def save_to_folder(self, jobs: list[JobRecord], *, choose: bool = False) -> tuple[int, str | None]:
        """Write the videos into the remembered local folder (asks for one the first time).

        ``(files written, folder name)``; ``(0, None)`` when the user cancelled the picker.
        """
        written = 0
        where: str | None = None
        for job in jobs:
            blob, name, _ = await self.video_file(job)
            where = await self.folder.write(blob, name, choose=choose and written == 0)
            if where is None:
                return written, None
            written += 1
        return written, where
