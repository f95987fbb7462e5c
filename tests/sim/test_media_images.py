"""The thumbnail (lossless WebP) and the spritesheet (baseline JPEG).

WebP pixels are checked with a small independent VP8L decoder, so CI needs no dwebp; JPEG
structure is parsed marker by marker. Where dwebp / ffmpeg exist, they must agree.
"""

from __future__ import annotations

import math
import shutil
import struct
import subprocess
import time
from pathlib import Path

import pytest

from simulator import media
from simulator.media.palette import rgb_blue, rgb_green, rgb_red, y_jfif
from simulator.media.raster import Raster
from simulator.media.scene import Scene, VideoInfo

DWEBP = shutil.which("dwebp")
FFMPEG = shutil.which("ffmpeg")
_CODE_LENGTH_ORDER = (17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)


# --- a minimal VP8L decoder (no transforms, no colour cache, plain distances only) ---------


class LsbBits:
    def __init__(self, data: bytes) -> None:
        self.text = "".join(format(byte, "08b")[::-1] for byte in data)
        self.position = 0

    def read(self, count: int) -> int:
        value = int(self.text[self.position : self.position + count][::-1] or "0", 2)
        self.position += count
        return value

    def symbol(self, code: dict[str, int]) -> int:
        if "" in code:
            return code[""]
        prefix = ""
        while prefix not in code:
            prefix += self.text[self.position]
            self.position += 1
            assert len(prefix) <= 15, "invalid prefix code"
        return code[prefix]


def canonical(lengths: dict[int, int]) -> dict[str, int]:
    """Code string -> symbol; a single used symbol takes zero bits. Asserts the code is complete."""
    used = sorted((length, symbol) for symbol, length in lengths.items() if length)
    if len(used) == 1:
        return {"": used[0][1]}
    assert sum(2.0**-length for length, _ in used) == 1.0, "prefix code must be complete"
    code, previous, table = 0, used[0][0], {}
    for length, symbol in used:
        code <<= length - previous
        previous = length
        table[format(code, f"0{length}b")] = symbol
        code += 1
    return table


def read_prefix_code(bits: LsbBits, alphabet: int) -> dict[str, int]:
    if bits.read(1):  # simple code
        count = bits.read(1) + 1
        symbols = [bits.read(8 if bits.read(1) else 1)]
        if count == 2:
            symbols.append(bits.read(8))
        return canonical(dict.fromkeys(symbols, 1))
    meta = [0] * 19
    for index in range(bits.read(4) + 4):
        meta[_CODE_LENGTH_ORDER[index]] = bits.read(3)
    meta_code = canonical(dict(enumerate(meta)))
    assert bits.read(1) == 0, "our encoder never limits max_symbol"
    lengths: list[int] = []
    previous = 8
    while len(lengths) < alphabet:
        symbol = bits.symbol(meta_code)
        if symbol < 16:
            lengths.append(symbol)
            previous = symbol or previous
        elif symbol == 16:
            lengths += [previous] * (3 + bits.read(2))
        else:
            lengths += [0] * (3 + bits.read(3) if symbol == 17 else 11 + bits.read(7))
    assert len(lengths) == alphabet
    return canonical(dict(enumerate(lengths)))


def prefix_value(symbol: int, bits: LsbBits) -> int:
    if symbol < 4:
        return symbol + 1
    extra = (symbol - 2) >> 1
    return ((2 + (symbol & 1)) << extra) + bits.read(extra) + 1


def decode_webp(data: bytes) -> tuple[int, int, bytes]:
    assert data[:4] == b"RIFF" and data[8:16] == b"WEBPVP8L"
    assert struct.unpack_from("<I", data, 4)[0] == len(data) - 8
    bits = LsbBits(data[20 : 20 + struct.unpack_from("<I", data, 16)[0]])
    assert bits.read(8) == 0x2F
    width, height = bits.read(14) + 1, bits.read(14) + 1
    bits.read(1)  # alpha_is_used hint
    assert bits.read(3) == 0  # version
    assert (bits.read(1), bits.read(1), bits.read(1)) == (0, 0, 0)  # transforms, colour cache, meta codes
    green, red, blue, alpha, distance = (read_prefix_code(bits, size) for size in (280, 256, 256, 256, 40))
    pixels: list[tuple[int, int, int]] = []
    while len(pixels) < width * height:
        symbol = bits.symbol(green)
        if symbol < 256:
            pixels.append((bits.symbol(red), symbol, bits.symbol(blue)))
            assert bits.symbol(alpha) == 255
        else:
            length = prefix_value(symbol - 256, bits)
            code = prefix_value(bits.symbol(distance), bits)
            assert code > 120, "our encoder only uses plain distances"
            for _ in range(length):
                pixels.append(pixels[-(code - 120)])
    assert len(pixels) == width * height
    return width, height, bytes(channel for pixel in pixels for channel in pixel)


def expected_rgb(width: int, height: int, canvas: tuple[int, int], seconds: float | None) -> bytes:
    scene = Scene(VideoInfo(width, height, seconds, 24, "thumb"), *canvas)
    planes = [b"".join(Raster(scene, channel).plane(0)) for channel in (rgb_red, rgb_green, rgb_blue)]
    return bytes(value for pixel in zip(*planes, strict=True) for value in pixel)


# --- a JPEG marker walker ------------------------------------------------------------------


def jpeg_segments(data: bytes) -> list[tuple[int, bytes]]:
    """(marker, payload) up to SOS, then (0xDA, scan data) and (0xD9, b"")."""
    assert data[:2] == b"\xff\xd8"
    segments: list[tuple[int, bytes]] = []
    position = 2
    while True:
        assert data[position] == 0xFF
        marker = data[position + 1]
        (length,) = struct.unpack_from(">H", data, position + 2)
        payload = data[position + 4 : position + 2 + length]
        position += 2 + length
        if marker == 0xDA:
            assert data[-2:] == b"\xff\xd9"
            return [*segments, (marker, payload), (0x00, data[position:-2]), (0xD9, b"")]
        segments.append((marker, payload))


def sof_size(data: bytes) -> tuple[int, int]:
    (payload,) = [payload for marker, payload in jpeg_segments(data) if marker == 0xC0]
    height, width = struct.unpack_from(">HH", payload, 1)
    return width, height


# --- tests ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("width", "height", "canvas"),
    [
        (1280, 720, (640, 360)),
        (720, 1280, (360, 640)),
        (1792, 1024, (640, 366)),
        (480, 270, (480, 270)),
        (7, 3, (7, 3)),
    ],
)
def test_thumbnail_size_keeps_aspect_within_640(width: int, height: int, canvas: tuple[int, int]) -> None:
    data = media.render_thumbnail(width, height, "thumb")
    assert decode_webp(data)[:2] == canvas


@pytest.mark.parametrize(("width", "height", "seconds"), [(320, 180, None), (180, 320, 6.0), (33, 17, None)])
def test_thumbnail_pixels_are_the_first_frame(width: int, height: int, seconds: float | None) -> None:
    data = media.render_thumbnail(width, height, "thumb", seconds=seconds)
    decoded_width, decoded_height, rgb = decode_webp(data)
    assert rgb == expected_rgb(width, height, (decoded_width, decoded_height), seconds)


def test_thumbnail_is_small_deterministic_and_seeded() -> None:
    data = media.render_thumbnail(1280, 720, "thumb")
    assert len(data) < 64_000  # backward references along the gradient
    assert media.render_thumbnail(1280, 720, "thumb") == data
    assert media.render_thumbnail(1280, 720, "other") != data
    assert media.render_thumbnail(1280, 720, "thumb", seconds=8) != data  # the caption names the duration


@pytest.mark.parametrize(
    ("width", "height", "sheet"),
    [(1280, 720, (800, 180)), (720, 1280, (450, 320)), (1024, 1792, (455, 320)), (16, 16, (800, 320))],
)
def test_spritesheet_is_a_baseline_jfif_grid(width: int, height: int, sheet: tuple[int, int]) -> None:
    data = media.render_spritesheet(width, height, 8, "sprite")
    segments = jpeg_segments(data)
    markers = [marker for marker, _ in segments]
    assert markers == [0xE0, 0xDB, 0xC0, 0xC4, 0xDA, 0x00, 0xD9]  # APP0 DQT SOF0 DHT SOS scan EOI
    assert segments[0][1].startswith(b"JFIF\0")
    assert sof_size(data) == sheet
    scan = segments[5][1]
    assert all(scan[i + 1] == 0 for i in range(len(scan)) if scan[i] == 0xFF)  # stuffed, no stray markers


def test_spritesheet_is_fast_deterministic_and_seeded() -> None:
    started = time.perf_counter()
    data = media.render_spritesheet(1920, 1080, 20, "sprite")
    assert time.perf_counter() - started < 1.0
    assert media.render_spritesheet(1920, 1080, 20, "sprite") == data
    assert media.render_spritesheet(1920, 1080, 20, "other") != data


@pytest.mark.parametrize(
    "render", [lambda: media.render_thumbnail(0, 5, "x"), lambda: media.render_spritesheet(5, 5, -1, "x")]
)
def test_images_reject_impossible_requests(render: object) -> None:
    assert callable(render)
    with pytest.raises(ValueError, match=r"."):
        render()


@pytest.mark.skipif(DWEBP is None, reason="dwebp is not installed")
def test_dwebp_decodes_the_exact_pixels(tmp_path: Path) -> None:
    path = tmp_path / "thumb.webp"
    path.write_bytes(media.render_thumbnail(1280, 720, "thumb"))
    result = subprocess.run([str(DWEBP), str(path), "-ppm", "-o", "-"], capture_output=True, check=True)
    header, size, _, pixels = result.stdout.split(b"\n", 3)
    assert (header, size) == (b"P6", b"640 360")
    assert pixels == expected_rgb(1280, 720, (640, 360), None)


@pytest.mark.skipif(FFMPEG is None, reason="ffmpeg is not installed")
def test_ffmpeg_decodes_the_spritesheet_cleanly_and_faithfully(tmp_path: Path) -> None:
    path = tmp_path / "sheet.jpg"
    path.write_bytes(media.render_spritesheet(1280, 720, 8, "sprite"))
    command = [str(FFMPEG), "-v", "warning", "-err_detect", "explode", "-i", str(path), "-f", "rawvideo", "-"]
    result = subprocess.run(command, capture_output=True, check=True)  # native yuvj444p: no conversion
    assert result.stderr == b""
    scene = Scene(VideoInfo(1280, 720, 8, 24, "sprite"), 160, 90)
    raster = Raster(scene, y_jfif)
    frames = [round(index * (scene.frame_count - 1) / 9) for index in range(10)]
    luma = b"".join(
        b"".join(raster.row(y, frame) for frame in frames[grid * 5 : grid * 5 + 5])
        for grid in range(2)
        for y in range(90)
    )
    assert len(result.stdout) == 3 * len(luma)
    error = sum((a - b) ** 2 for a, b in zip(luma, result.stdout, strict=False)) / len(luma)
    assert 10 * math.log10(255**2 / error) > 32  # PSNR in dB at quality 80
