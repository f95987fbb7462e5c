"""File actions shared by tiles, the drawer and bulk selection: download, save, copy, folder."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.browser import files
from app.core.downloads import file_name
from app.core.errors import StorageError
from app.ui.toasts import toast

if TYPE_CHECKING:
    from app.core.job_record import JobRecord


async def _video(controller: Any, job: JobRecord) -> tuple[Any, str, str]:
    asset_id = job.assets.get("video")
    if asset_id is None:
        raise StorageError("The video file of this render is not stored in this browser.")
    asset = await controller.job_store.asset(asset_id)
    mime = asset.mime if asset is not None else "video/mp4"
    return await controller.media.blob(asset_id), file_name(job, mime), mime


async def download(controller: Any, jobs: list[JobRecord]) -> None:
    for job in jobs:
        blob, name, _ = await _video(controller, job)
        files.download(blob, name)
    if len(jobs) > 1:
        toast(f"Downloading {len(jobs)} videos.")


async def save_as(controller: Any, job: JobRecord) -> None:
    blob, name, mime = await _video(controller, job)
    if await files.save_as(blob, name, mime):
        toast(f"Saved {name}.")


async def copy_file(controller: Any, job: JobRecord) -> None:
    blob, _, mime = await _video(controller, job)
    await files.copy_to_clipboard(blob, mime)
    toast("The video is on the clipboard.")


async def to_folder(controller: Any, jobs: list[JobRecord], *, choose: bool = False) -> None:
    """Write the videos into the remembered local folder (asks for one the first time)."""
    folder = files.ExportFolder(controller.records)
    if not folder.supported():
        raise files.UnsupportedError(
            "This browser cannot write to a local folder (the File System Access API is missing). "
            "Use Download instead: the files go to your downloads folder."
        )
    written = 0
    where = None
    for job in jobs:
        blob, name, _ = await _video(controller, job)
        where = await folder.write(blob, name, choose=choose and written == 0)
        if where is None:
            return
        written += 1
    toast(f"Saved {written} video{'s' if written != 1 else ''} to the folder “{where}”.")
