"""Posters drawn from a stored video's first frame, when the API gave no thumbnail.

The video is loaded from its ``blob:`` URL in a detached element, seeked a little
past the start (the very first frame is often black), drawn into a canvas at poster
size and encoded as WebP. One at a time, in the background.
"""

from __future__ import annotations

import asyncio
from typing import Any

from app.browser.dom import h
from app.browser.ffi import await_events
from app.browser.media_urls import object_url, revoke

POSTER_WIDTH = 480
SEEK_S = 0.5
TIMEOUT_S = 20.0


async def first_frame(url: str) -> tuple[Any, int]:
    """A WebP poster of the video at ``url``: (Blob, size in bytes)."""
    video = h("video", {"muted": True, "preload": "auto", "playsinline": True})
    video.muted = True
    try:
        loaded = await_events(video, ["loadeddata"], ["error"], lambda _e: None, lambda _e: RuntimeError("unreadable"))
        video.src = url
        await asyncio.wait_for(loaded, TIMEOUT_S)
        seeked = await_events(video, ["seeked"], ["error"], lambda _e: None, lambda _e: RuntimeError("cannot seek"))
        video.currentTime = min(SEEK_S, float(video.duration or 0) / 2)
        await asyncio.wait_for(seeked, TIMEOUT_S)
        width = POSTER_WIDTH
        height = max(1, round(width * int(video.videoHeight) / max(int(video.videoWidth), 1)))
        canvas = h("canvas", {"width": str(width), "height": str(height)})
        canvas.getContext("2d").drawImage(video, 0, 0, width, height)
        blob_future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()

        def done(blob: Any) -> None:
            if not blob_future.done():
                blob_future.set_result(blob)

        from pyodide.ffi import create_once_callable

        canvas.toBlob(create_once_callable(done), "image/webp", 0.82)
        blob = await asyncio.wait_for(blob_future, TIMEOUT_S)
        return blob, int(blob.size)
    finally:
        video.removeAttribute("src")
        video.load()


class VideoFrames:
    """The :class:`~app.services.ports.FrameGrabber` of the page."""

    async def first_frame(self, video: Any) -> tuple[Any, int]:
        url = object_url(video)
        try:
            return await first_frame(url)
        finally:
            revoke(url)
