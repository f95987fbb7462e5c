"""Frames drawn from a stored video: posters (the API gave no thumbnail) and last frames.

The video is loaded from its ``blob:`` URL in a detached element, seeked, drawn into a
canvas and encoded. A poster is taken a little past the start (the very first frame is
often black) at poster size, as WebP; a last frame (continue this clip) is taken just
before the end at the video's own size, as lossless PNG, since it becomes the first
frame of the next render.
"""

from __future__ import annotations

import asyncio
from typing import Any

from app.browser.dom import h
from app.browser.ffi import await_events
from app.browser.media_urls import object_url, revoke

POSTER_WIDTH = 480
SEEK_S = 0.5
HAVE_CURRENT_DATA = 2  # HTMLMediaElement.readyState: the frame at the current position can be drawn
END_MARGIN_S = 0.05  # seeking to the exact end shows nothing in some browsers
TIMEOUT_S = 20.0
FRAME_WAIT_S = 2.0  # how long to wait for the sought frame to reach the element before drawing anyway
FRAME_S = 0.25  # a presented frame this near the sought time is that frame (even at 4 fps)


class _FrameWatch:
    """The media times of the frames a video element presents (``requestVideoFrameCallback``),
    watched from before a seek: on a busy machine "seeked" can fire while the element would
    still draw its previous frame (CI once drew the first frame for the last)."""

    def __init__(self, video: Any) -> None:
        from pyodide.ffi import create_proxy

        self._video = video
        self._times: list[float] = []
        self._arrived = asyncio.Event()
        self._proxy: Any = create_proxy(self._on_frame) if hasattr(video, "requestVideoFrameCallback") else None
        self._handle = video.requestVideoFrameCallback(self._proxy) if self._proxy is not None else None

    def _on_frame(self, _now: Any, meta: Any) -> None:
        self._times.append(float(meta.mediaTime))
        self._arrived.set()
        # Asked again each time: a paused video calls back only when a new frame is presented.
        self._handle = self._video.requestVideoFrameCallback(self._proxy)

    async def until_near(self, target: float) -> None:
        """Until a frame within ``FRAME_S`` of ``target`` was presented (or ``FRAME_WAIT_S`` passed,
        or the browser cannot tell: then the element's frame is drawn as it is)."""
        if self._proxy is None:
            return
        deadline = asyncio.get_running_loop().time() + FRAME_WAIT_S
        while not any(abs(time - target) <= FRAME_S for time in self._times):
            self._arrived.clear()
            remaining = deadline - asyncio.get_running_loop().time()
            try:
                await asyncio.wait_for(self._arrived.wait(), max(remaining, 0.0))
            except TimeoutError:
                return

    def close(self) -> None:
        if self._proxy is not None:
            self._video.cancelVideoFrameCallback(self._handle)
            self._proxy.destroy()
            self._proxy = None


async def _encode(canvas: Any, mime: str, quality: float) -> Any:
    blob_future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()

    def done(blob: Any) -> None:
        if not blob_future.done():
            blob_future.set_result(blob)

    from pyodide.ffi import create_once_callable

    canvas.toBlob(create_once_callable(done), mime, quality)
    return await asyncio.wait_for(blob_future, TIMEOUT_S)


def _unreadable(_event: Any) -> Exception:
    return RuntimeError("unreadable")


async def draw_frame(url: str, *, at_end: bool, width: int | None, mime: str) -> tuple[Any, int]:
    """The frame of the video at ``url`` near its start (or end), ``width`` wide (its own when None)."""
    video = h("video", {"muted": True, "preload": "auto", "playsinline": True})
    video.muted = True
    try:
        loaded = await_events(video, ["loadeddata"], ["error"], lambda _e: None, _unreadable)
        video.src = url
        await asyncio.wait_for(loaded, TIMEOUT_S)
        seeked = await_events(video, ["seeked"], ["error"], lambda _e: None, lambda _e: RuntimeError("cannot seek"))
        duration = float(video.duration or 0)
        frames = _FrameWatch(video)
        try:
            video.currentTime = target = max(0.0, duration - END_MARGIN_S) if at_end else min(SEEK_S, duration / 2)
            await asyncio.wait_for(seeked, TIMEOUT_S)
            # Seeked, but the frame there not decoded yet (a busy machine):
            if int(video.readyState) < HAVE_CURRENT_DATA:
                decoded = await_events(video, ["canplay"], ["error"], lambda _e: None, _unreadable)
                await asyncio.wait_for(decoded, TIMEOUT_S)
            await frames.until_near(target)
        finally:
            frames.close()
        natural_w, natural_h = max(int(video.videoWidth), 1), max(int(video.videoHeight), 1)
        out_w = width or natural_w
        out_h = natural_h if width is None else max(1, round(out_w * natural_h / natural_w))
        canvas = h("canvas", {"width": str(out_w), "height": str(out_h)})
        canvas.getContext("2d").drawImage(video, 0, 0, out_w, out_h)
        blob = await _encode(canvas, mime, 0.82)
        return blob, int(blob.size)
    finally:
        video.removeAttribute("src")
        video.load()


async def first_frame(url: str) -> tuple[Any, int]:
    """A WebP poster of the video at ``url``: (Blob, size in bytes)."""
    return await draw_frame(url, at_end=False, width=POSTER_WIDTH, mime="image/webp")


class VideoFrames:
    """The :class:`~app.services.ports.FrameGrabber` of the page."""

    async def _of(self, video: Any, *, at_end: bool) -> tuple[Any, int]:
        url = object_url(video)
        try:
            if at_end:
                return await draw_frame(url, at_end=True, width=None, mime="image/png")
            return await first_frame(url)
        finally:
            revoke(url)

    async def first_frame(self, video: Any) -> tuple[Any, int]:
        return await self._of(video, at_end=False)

    async def last_frame(self, video: Any) -> tuple[Any, int]:
        return await self._of(video, at_end=True)
