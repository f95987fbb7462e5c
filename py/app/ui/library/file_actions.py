"""File actions shared by tiles, the drawer and bulk selection: download, save, copy, folder."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.browser import files
from app.core.i18n import tr
from app.services.intents import Intents
from app.ui.toasts import toast

if TYPE_CHECKING:
    from app.core.job_record import JobRecord


async def _video(intents: Intents, job: JobRecord) -> tuple[Any, str, str]:
    return await intents.do(lambda c: c.jobs.video_file(job))


async def download(intents: Intents, jobs: list[JobRecord]) -> None:
    for job in jobs:
        blob, name, _ = await _video(intents, job)
        files.download(blob, name)
    if len(jobs) > 1:
        toast(tr("files.downloading", count=len(jobs)))


async def save_as(intents: Intents, job: JobRecord) -> None:
    blob, name, mime = await _video(intents, job)
    if await files.save_as(blob, name, mime):
        toast(tr("files.saved", name=name))


async def copy_file(intents: Intents, job: JobRecord) -> None:
    blob, _, mime = await _video(intents, job)
    await files.copy_to_clipboard(blob, mime)
    toast(tr("files.copied"))


async def to_folder(intents: Intents, jobs: list[JobRecord], *, choose: bool = False) -> None:
    """Write the videos into the remembered local folder (asks for one the first time)."""
    if not files.ExportFolder.supported():
        raise files.UnsupportedError(tr("files.no_folder"))
    written, where = await intents.do(lambda c: c.jobs.save_to_folder(jobs, choose=choose))
    if where is not None:
        toast(tr("files.to_folder", count=written, folder=where))
