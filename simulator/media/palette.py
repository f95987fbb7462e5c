"""Colours: a seed-derived gradient pair and the colour-space conversions each encoder needs.

Every encoder renders its own channels straight from RGB paints (no RGB frame is ever
converted pixel by pixel), so a conversion is just a function from an RGB triple to a byte.
"""

from __future__ import annotations

import colorsys
import hashlib
from collections.abc import Callable

RGB = tuple[int, int, int]
Channel = Callable[[RGB], int]


def seed_colours(seed: str) -> tuple[RGB, RGB]:
    """Two pleasant, fairly dark colours (white text stays readable), stable for a seed."""
    digest = hashlib.sha256(seed.encode("utf-8")).digest()
    hue = digest[0] / 256 + digest[1] / 65536
    shift = 0.18 + 0.22 * digest[2] / 255
    saturation = 0.55 + 0.25 * digest[3] / 255
    first = _hsv(hue, saturation, 0.50 + 0.15 * digest[4] / 255)
    second = _hsv((hue + shift) % 1.0, saturation, 0.30 + 0.15 * digest[5] / 255)
    return first, second


def _hsv(hue: float, saturation: float, value: float) -> RGB:
    red, green, blue = colorsys.hsv_to_rgb(hue, saturation, value)
    return _byte(red * 255), _byte(green * 255), _byte(blue * 255)


def mix(first: RGB, second: RGB, t: float) -> RGB:
    """Linear blend, ``t`` = 0 gives ``first``."""
    a_red, a_green, a_blue = first
    b_red, b_green, b_blue = second
    return (
        _byte(a_red + (b_red - a_red) * t),
        _byte(a_green + (b_green - a_green) * t),
        _byte(a_blue + (b_blue - a_blue) * t),
    )


def scale(colour: RGB, factor: float) -> RGB:
    red, green, blue = colour
    return _byte(red * factor), _byte(green * factor), _byte(blue * factor)


def _byte(value: float, low: int = 0, high: int = 255) -> int:
    return min(high, max(low, int(value + 0.5)))


# BT.709, limited ("TV") range, as the H.264 VUI declares. Limited range also keeps every
# sample >= 16, so I_PCM bytes are never zero.
def y709(rgb: RGB) -> int:
    red, green, blue = rgb
    return _byte(16 + 219 / 255 * (0.2126 * red + 0.7152 * green + 0.0722 * blue), 16, 235)


def cb709(rgb: RGB) -> int:
    red, green, blue = rgb
    luma = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return _byte(128 + 224 / 255 * (blue - luma) / 1.8556, 16, 240)


def cr709(rgb: RGB) -> int:
    red, green, blue = rgb
    luma = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return _byte(128 + 224 / 255 * (red - luma) / 1.5748, 16, 240)


# JFIF: BT.601, full range.
def y_jfif(rgb: RGB) -> int:
    red, green, blue = rgb
    return _byte(0.299 * red + 0.587 * green + 0.114 * blue)


def cb_jfif(rgb: RGB) -> int:
    red, green, blue = rgb
    return _byte(128 - 0.168736 * red - 0.331264 * green + 0.5 * blue)


def cr_jfif(rgb: RGB) -> int:
    red, green, blue = rgb
    return _byte(128 + 0.5 * red - 0.418688 * green - 0.081312 * blue)


def rgb_red(rgb: RGB) -> int:
    return rgb[0]


def rgb_green(rgb: RGB) -> int:
    return rgb[1]


def rgb_blue(rgb: RGB) -> int:
    return rgb[2]
