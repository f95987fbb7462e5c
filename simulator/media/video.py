"""The MP4 file: H.264 frames of the scene plus silent AAC, and its padded (benchmark) variant."""

from __future__ import annotations

import math
import struct
from collections.abc import Iterator
from functools import lru_cache

from simulator.media import aac
from simulator.media.encoder import encode_frames
from simulator.media.h264 import StreamFormat
from simulator.media.mp4 import Track, avc1_entry, box_header, mp4a_entry, mux
from simulator.media.scene import Scene, VideoInfo
from simulator.media.timing import TICKS_PER_FRAME, sample_durations, video_ticks

_UINT32_MAX = 0xFFFF_FFFF
_SMALLEST_BOX = 8


def validate(width: int, height: int, seconds: float | None, fps: int = 24) -> None:
    if width < 1 or height < 1:
        raise ValueError("width and height must be positive")
    if seconds is not None and not (math.isfinite(seconds) and seconds > 0):
        raise ValueError("seconds must be a positive number")
    if not 1 <= fps <= 240:
        raise ValueError("fps must be between 1 and 240")


def coded_size(width: int, height: int) -> tuple[int, int]:
    """4:2:0 H.264 can only crop to even sizes: odd dimensions are rounded up."""
    return width + width % 2, height + height % 2


@lru_cache(maxsize=4)
def build_mp4(width: int, height: int, seconds: float, seed: str, fps: int, mdat_tail: int = 0) -> bytes:
    validate(width, height, seconds, fps)
    stream = StreamFormat(*coded_size(width, height), fps)
    configuration = stream.decoder_configuration()  # also rejects sizes beyond the supported levels
    scene = Scene(VideoInfo(width, height, seconds, fps, seed), stream.width, stream.height)
    frames = [len(nal).to_bytes(4, "big") + nal for nal in encode_frames(scene, stream)]  # AVCC samples
    video = Track(
        handler=b"vide",
        timescale=fps * TICKS_PER_FRAME,
        durations=sample_durations(video_ticks(seconds, fps), TICKS_PER_FRAME),
        samples=frames,
        sample_entry=avc1_entry(stream.width, stream.height, configuration),
        sync_samples=[1],
        width=stream.width,
        height=stream.height,
    )
    silence = aac.silent_frame()
    audio_durations = sample_durations(max(1, round(seconds * aac.SAMPLE_RATE)), aac.FRAME_SAMPLES)
    bitrate = len(silence) * 8 * aac.SAMPLE_RATE // aac.FRAME_SAMPLES
    audio = Track(
        handler=b"soun",
        timescale=aac.SAMPLE_RATE,
        durations=audio_durations,
        samples=[silence] * len(audio_durations),
        sample_entry=mp4a_entry(aac.SAMPLE_RATE, aac.CHANNELS, aac.audio_specific_config(), bitrate),
    )
    return mux([video, audio], mdat_tail=mdat_tail)


def padded_size(video_size: int, total_bytes: int) -> int:
    return max(video_size, total_bytes)


def iter_padded(
    width: int, height: int, seconds: float, seed: str, *, total_bytes: int, fps: int, chunk: int
) -> Iterator[bytes]:
    """The MP4, then a top-level ``free`` box up to ``total_bytes``. A gap too small for a box
    (1-7 bytes) is filled inside mdat instead, where unreferenced bytes are allowed."""
    if chunk < 1:
        raise ValueError("chunk must be positive")
    video = build_mp4(width, height, seconds, seed, fps)
    padding = total_bytes - len(video)
    if 0 < padding < _SMALLEST_BOX:
        video, padding = build_mp4(width, height, seconds, seed, fps, padding), 0
    for start in range(0, len(video), chunk):
        yield video[start : start + chunk]
    if padding <= 0:
        return
    header = box_header(b"free", padding - 8) if padding <= _UINT32_MAX else struct.pack(">I4sQ", 1, b"free", padding)
    yield header
    remaining = padding - len(header)
    zeros = bytes(min(chunk, remaining))
    while remaining > 0:
        yield zeros if remaining >= len(zeros) else zeros[:remaining]
        remaining -= len(zeros)
