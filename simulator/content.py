"""Downloadable content of a job: rendered on first request, then kept in a small LRU.

Rendering lives in ``simulator.media`` (real MP4/WebP/JPEG encoders), imported lazily so
the API logic loads and unit-tests without it. ``[sim:bytes=N]`` videos are streamed
from the media module at exactly N bytes and never held in memory.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Protocol, cast

from app.core.capabilities import FrameSize
from app.core.providers.openai_videos.capabilities import CAPABILITIES
from simulator.cache import BoundedCache
from simulator.config import SimConfig
from simulator.store import Job

# variant → (content type, file extension); the names come from the capability data.
_KINDS = {
    "video": ("video/mp4", "mp4"),
    "thumbnail": ("image/webp", "webp"),
    "spritesheet": ("image/jpeg", "jpg"),
}
VARIANTS: dict[str, tuple[str, str]] = {name: _KINDS[name] for name in CAPABILITIES.variants}


class MediaBackend(Protocol):
    """What the simulator needs from ``simulator.media`` (a module satisfies this)."""

    def render_video(self, width: int, height: int, seconds: float, seed: str, *, fps: int = 24) -> bytes: ...

    def padded_video_size(
        self, width: int, height: int, seconds: float, seed: str, *, total_bytes: int, fps: int = 24
    ) -> int: ...

    def iter_padded_video(
        self,
        width: int,
        height: int,
        seconds: float,
        seed: str,
        *,
        total_bytes: int,
        fps: int = 24,
        chunk: int = 1 << 20,
    ) -> Iterator[bytes]: ...

    def render_thumbnail(self, width: int, height: int, seed: str, *, seconds: float | None = None) -> bytes: ...

    def render_spritesheet(self, width: int, height: int, seconds: float, seed: str) -> bytes: ...


def load_media() -> MediaBackend:
    return cast(MediaBackend, importlib.import_module("simulator.media"))


@dataclass(frozen=True)
class Content:
    """One downloadable file: in memory (``data``) or streamed on demand (``open``)."""

    mime: str
    filename: str
    length: int
    data: bytes | None = None
    open: Callable[[], Iterator[bytes]] | None = None

    def chunks(self) -> Iterator[bytes]:
        if self.data is not None:
            yield self.data
        elif self.open is not None:
            yield from self.open()


class ContentStore:
    """Renders each (video id, variant) once and keeps recent ones within a byte budget."""

    def __init__(self, config: SimConfig, media: MediaBackend | None = None) -> None:
        self._media = media
        self._fps = config.fps
        self._files: BoundedCache[tuple[str, str], bytes] = BoundedCache(config.cache_entries, config.cache_bytes, len)
        self._padded_sizes: BoundedCache[tuple[str, int], int] = BoundedCache(256, 256, lambda _: 1)

    @property
    def media(self) -> MediaBackend:
        if self._media is None:
            self._media = load_media()
        return self._media

    def get(self, job: Job, variant: str) -> Content:
        mime, extension = VARIANTS[variant]
        filename = f"{job.id}.{extension}" if variant == "video" else f"{job.id}_{variant}.{extension}"
        frame = FrameSize.parse(job.size)
        seconds = float(job.seconds)
        if variant == "video" and job.faults.pad_bytes is not None:
            return self._padded(job, frame, seconds, job.faults.pad_bytes, mime, filename)
        data = self._files.get_or_compute((job.id, variant), lambda: self._render(job, variant, frame, seconds))
        return Content(mime, filename, len(data), data=data)

    def _render(self, job: Job, variant: str, frame: FrameSize, seconds: float) -> bytes:
        media = self.media
        if variant == "thumbnail":
            return media.render_thumbnail(frame.width, frame.height, job.id, seconds=seconds)
        if variant == "spritesheet":
            return media.render_spritesheet(frame.width, frame.height, seconds, job.id)
        return media.render_video(frame.width, frame.height, seconds, job.id, fps=self._fps)

    def _padded(self, job: Job, frame: FrameSize, seconds: float, total: int, mime: str, filename: str) -> Content:
        media, fps, seed = self.media, self._fps, job.id
        length = self._padded_sizes.get_or_compute(
            (job.id, total),
            lambda: media.padded_video_size(frame.width, frame.height, seconds, seed, total_bytes=total, fps=fps),
        )

        def open_stream() -> Iterator[bytes]:
            return media.iter_padded_video(frame.width, frame.height, seconds, seed, total_bytes=total, fps=fps)

        return Content(mime, filename, length, open=open_stream)
