"""Pixel sizes from the names APIs use ("720p", "16:9"), and the size actually rendered.

OpenRouter and Gemini name a video by resolution and aspect ratio rather than pixels;
the simulated MP4 must still match them so an app can check what it received. Very
large frames (4K and beyond) are scaled down to ``render_max_pixels`` before encoding,
keeping the aspect ratio, so one render stays within the H.264 levels the encoder
supports and within a few seconds of pure-Python work.
"""

from __future__ import annotations

import math
import re

# The short side of each named resolution (keys as the APIs spell them, compared case-insensitively).
SHORT_SIDES = {"360p": 360, "480p": 480, "720p": 720, "768p": 768, "1024p": 1024, "1080p": 1080}
SHORT_SIDES |= {"1k": 1024, "2k": 1440, "4k": 2160}
_RATIO = re.compile(r"(\d{1,3}):(\d{1,3})")
_SIZE = re.compile(r"(\d{2,5})x(\d{2,5})")


def _even(value: float) -> int:
    return max(2, round(value / 2) * 2)


def parse_ratio(aspect: str) -> tuple[int, int] | None:
    match = _RATIO.fullmatch(aspect)
    if match is None or int(match.group(1)) == 0 or int(match.group(2)) == 0:
        return None
    return int(match.group(1)), int(match.group(2))


def parse_size(size: str) -> tuple[int, int] | None:
    """``(width, height)`` of a ``WIDTHxHEIGHT`` string, or ``None``."""
    match = _SIZE.fullmatch(size)
    return (int(match.group(1)), int(match.group(2))) if match else None


def frame_size(resolution: str, aspect: str) -> tuple[int, int]:
    """Width and height of a named resolution at an aspect ratio (16:9 at 480p is 854x480)."""
    short = SHORT_SIDES[resolution.lower()]
    ratio = parse_ratio(aspect)
    if ratio is None:
        raise ValueError(f"not an aspect ratio: {aspect!r}")
    across, down = ratio
    if across >= down:
        return _even(short * across / down), short
    return short, _even(short * down / across)


def resolution_of(width: int, height: int) -> str | None:
    """The named resolution whose short side is this frame's, if any (``p`` names first)."""
    short = min(width, height)
    for name, side in SHORT_SIDES.items():
        if side == short:
            return name
    return None


def aspect_of(width: int, height: int) -> str:
    divisor = math.gcd(width, height)
    return f"{width // divisor}:{height // divisor}"


def render_size(width: int, height: int, max_pixels: int) -> tuple[int, int]:
    """The frame to encode: as asked, or scaled down (aspect kept, even sides) to ``max_pixels``."""
    if width * height <= max_pixels:
        return width, height
    scale = math.sqrt(max_pixels / (width * height))
    return max(2, int(width * scale) // 2 * 2), max(2, int(height * scale) // 2 * 2)
