"""File actions shared by tiles, the drawer and bulk selection: download, save, copy, folder."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.browser import files
from app.services.intents import Intents
from app.ui.toasts import toast

if TYPE_CHECKING:
    from app.core.job_record import JobRecord


async def _video(intents: Intents, job: JobRecord) -> tuple[Any, str, str]:
    return await intents.do(lambda c: c.video_file(job))


async def download(intents: Intents, jobs: list[JobRecord]) -> None:
    for job in jobs:
        blob, name, _ = await _video(intents, job)
        files.download(blob, name)
    if len(jobs) > 1:
        toast(f"Downloading {len(jobs)} videos.")


async def save_as(intents: Intents, job: JobRecord) -> None:
    blob, name, mime = await _video(intents, job)
    if await files.save_as(blob, name, mime):
        toast(f"Saved {name}.")


async def copy_file(intents: Intents, job: JobRecord) -> None:
    blob, _, mime = await _video(intents, job)
    await files.copy_to_clipboard(blob, mime)
    toast("The video is on the clipboard.")


async def to_folder(intents: Intents, jobs: list[JobRecord], *, choose: bool = False) -> None:
    """Write the videos into the remembered local folder (asks for one the first time)."""
    if not files.ExportFolder.supported():
        raise files.UnsupportedError(
            "This browser cannot write to a local folder (the File System Access API is missing). "
            "Use Download instead: the files go to your downloads folder."
        )
    written, where = await intents.do(lambda c: c.save_to_folder(jobs, choose=choose))
    if where is not None:
        toast(f"Saved {written} video{'s' if written != 1 else ''} to the folder “{where}”.")
