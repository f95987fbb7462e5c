"""Real media for the simulated Videos API, in pure standard-library Python.

Every file shows the same deterministic picture (colours from a hash of ``seed``): a gradient,
a caption with the size and duration, a timer and a progress bar.

- video: MP4 ("faststart": moov before mdat), H.264 Constrained Baseline + silent AAC-LC
- thumbnail: lossless WebP of the first frame
- spritesheet: baseline JPEG grid of frames sampled over the video
"""

from __future__ import annotations

from collections.abc import Iterator

from simulator.media import stills, video

__all__ = [
    "iter_padded_video",
    "padded_video_size",
    "render_spritesheet",
    "render_thumbnail",
    "render_video",
]


def render_video(width: int, height: int, seconds: float, seed: str, *, fps: int = 24) -> bytes:
    """MP4 with an H.264 Constrained Baseline track of width x height (SPS cropping; odd sizes
    round up to even, the least 4:2:0 can express) and a mono 48 kHz AAC-LC track of silence,
    both lasting exactly ``seconds``. Level 4.0 up to 8192 macroblocks at 24 fps, else 4.2/5.1/5.2;
    ValueError beyond level 5.2."""
    return video.build_mp4(width, height, seconds, seed, fps)


def padded_video_size(width: int, height: int, seconds: float, seed: str, *, total_bytes: int, fps: int = 24) -> int:
    """Length of what ``iter_padded_video`` yields: ``total_bytes``, or the video's size if larger."""
    return video.padded_size(len(video.build_mp4(width, height, seconds, seed, fps)), total_bytes)


def iter_padded_video(
    width: int,
    height: int,
    seconds: float,
    seed: str,
    *,
    total_bytes: int,
    fps: int = 24,
    chunk: int = 1 << 20,
) -> Iterator[bytes]:
    """The same MP4 followed by a top-level ``free`` box so the file is exactly ``total_bytes``
    long, in chunks of at most ``chunk`` bytes (the padding is never held in memory). If
    ``total_bytes`` is smaller than the video, just the video."""
    return video.iter_padded(width, height, seconds, seed, total_bytes=total_bytes, fps=fps, chunk=chunk)


def render_thumbnail(width: int, height: int, seed: str, *, seconds: float | None = None) -> bytes:
    """Lossless WebP of the video's first frame, long side at most 640 px, aspect kept.
    Pass ``seconds`` to caption it exactly like the video (otherwise the duration is omitted)."""
    video.validate(width, height, seconds)
    return stills.thumbnail(width, height, seed, seconds)


def render_spritesheet(width: int, height: int, seconds: float, seed: str) -> bytes:
    """Baseline JPEG: 10 frames sampled evenly from first to last, 5 columns x 2 rows, each
    frame's long side 160 px."""
    video.validate(width, height, seconds)
    return stills.spritesheet(width, height, seconds, seed, fps=24)
