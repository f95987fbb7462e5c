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
        """A variant of an OpenAI Videos job (video, thumbnail or spritesheet)."""
        mime, extension = VARIANTS[variant]
        filename = f"{job.id}.{extension}" if variant == "video" else f"{job.id}_{variant}.{extension}"
        frame = FrameSize.parse(job.size)
        seconds = float(job.seconds)
        if variant == "video":
            return self.video(job.id, frame.width, frame.height, seconds, filename, pad_bytes=job.faults.pad_bytes)
        data = self._files.get_or_compute((job.id, variant), lambda: self._render(variant, frame, seconds, job.id))
        return Content(mime, filename, len(data), data=data)

    def video(
        self, seed: str, width: int, height: int, seconds: float, filename: str, *, pad_bytes: int | None = None
    ) -> Content:
        """An MP4 of the given frame and length, drawn from ``seed`` (any simulated API's output)."""
        if pad_bytes is not None:
            return self._padded(seed, width, height, seconds, pad_bytes, filename)
        media, fps = self.media, self._fps
        data = self._files.get_or_compute(
            (seed, "video"), lambda: media.render_video(width, height, seconds, seed, fps=fps)
        )
        return Content("video/mp4", filename, len(data), data=data)

    def _render(self, variant: str, frame: FrameSize, seconds: float, seed: str) -> bytes:
        media = self.media
        if variant == "thumbnail":
            return media.render_thumbnail(frame.width, frame.height, seed, seconds=seconds)
        return media.render_spritesheet(frame.width, frame.height, seconds, seed)

    def _padded(self, seed: str, width: int, height: int, seconds: float, total: int, filename: str) -> Content:
        media, fps = self.media, self._fps
        length = self._padded_sizes.get_or_compute(
            (seed, total),
            lambda: media.padded_video_size(width, height, seconds, seed, total_bytes=total, fps=fps),
        )

        def open_stream() -> Iterator[bytes]:
            return media.iter_padded_video(width, height, seconds, seed, total_bytes=total, fps=fps)

        return Content("video/mp4", filename, length, open=open_stream)
