"""Continue this clip: draw a finished video's last frame, to start the next render from it.

Only for models that take a first-frame image and cannot extend their own videos (those
get the provider's extend instead: see :func:`app.core.continuation.continue_way`). The
frame is drawn before anything in the form changes, so a video that cannot be read
leaves New Render as it was.
"""

from __future__ import annotations

from typing import Any

from app.core import errors as e
from app.core.continuation import ContinueWay, continue_way, frame_name, why_not
from app.core.i18n import tr
from app.core.job_record import JobRecord
from app.services.job_book import JobBook
from app.services.ports import FrameGrabber, JobClients


class ClipContinuer:
    def __init__(self, book: JobBook, frames: FrameGrabber, hub: JobClients) -> None:
        self._book = book
        self._frames = frames
        self._hub = hub

    async def last_frame(self, job_id: str) -> tuple[JobRecord, Any, str]:
        """``(the clip, its last frame as an image Blob, a file name for it)``; ``AppError`` when it cannot go on."""
        job = self._book.job(job_id)
        if job is None:
            raise e.AppError(tr("svc.library.gone"))
        provider = self._hub.provider_of(job.provider_id)
        way = continue_way(job, provider)
        if way is ContinueWay.EXTEND:
            raise e.AppError(tr("svc.clip.extend", provider=provider.label))
        if way is ContinueWay.NONE:
            raise e.AppError(why_not(job, provider) or tr("svc.clip.unfinished"))
        video = await self._book.files.blob(job.assets["video"])
        if video is None:
            raise e.AppError(tr("svc.clip.no_file"))
        try:
            frame, _size = await self._frames.last_frame(video)
        except Exception as exc:  # the page's decoder: any failure means the same to the user
            raise e.AppError(tr("svc.clip.unreadable")) from exc
        return job, frame, frame_name(job)
