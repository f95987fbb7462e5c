"""Real, decodable test images (the simulator's own pure-Python encoders)."""

from __future__ import annotations

from simulator.media.jpeg import encode_jpeg
from simulator.media.webp import encode_webp
from simulator.testing import png_image


def _gradient_row(width: int) -> bytes:
    return bytes(40 + (180 * x) // max(width - 1, 1) for x in range(width))


def jpeg_file(width: int, height: int) -> bytes:
    luma = [_gradient_row(width)] * height
    flat = [bytes([128]) * width] * height
    return encode_jpeg(width, height, (luma, flat, [bytes([150]) * width] * height))


def webp_file(width: int, height: int) -> bytes:
    row = b"".join(bytes((v, 90, 255 - v)) for v in _gradient_row(width))
    return encode_webp(width, height, row * height)


def png_file(width: int, height: int) -> bytes:
    return png_image(width, height)
