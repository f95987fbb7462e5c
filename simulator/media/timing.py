"""One definition of how `seconds` becomes samples, shared by the frames, the muxer and the stills.

Durations are exact: every sample gets the nominal length except the last, which is cut
short so each track lasts precisely `seconds` (to the tick).
"""

from __future__ import annotations

TICKS_PER_FRAME = 1000  # video timescale = fps * 1000, so the last frame can be trimmed finely


def video_ticks(seconds: float, fps: int) -> int:
    """Length of the video track in its timescale (fps * TICKS_PER_FRAME)."""
    return max(1, round(seconds * fps * TICKS_PER_FRAME))


def frame_count(seconds: float, fps: int) -> int:
    return -(-video_ticks(seconds, fps) // TICKS_PER_FRAME)


def sample_durations(total: int, nominal: int) -> list[int]:
    """Split `total` ticks into samples of `nominal` ticks, the last one possibly shorter."""
    count = -(-total // nominal)
    return [nominal] * (count - 1) + [total - nominal * (count - 1)]
