"""Draw the app's PNG icons (192, 512 and a maskable 512) from the shapes of ``static/icons/icon.svg``.

Browsers want bitmap icons in the web app manifest; the repository has no image tools,
so this draws the same mark (dark tile, ring and play triangle in the violet-to-cyan
gradient) with the standard library: each pixel is the average of a few samples
(anti-aliasing), the file a plain RGBA PNG. The maskable icon fills its whole square
(the platform cuts its own shape) and keeps the mark inside the central safe circle.

Run ``python3 tools/icons.py`` after changing the drawing; the PNGs are committed.
"""

from __future__ import annotations

import math
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICON_DIR = ROOT / "static" / "icons"
GRID = 64.0  # the SVG's viewBox
BACKGROUND = (0x0B, 0x0D, 0x14)
FROM, TO = (0x7C, 0x5C, 0xFF), (0x22, 0xD3, 0xEE)
SAMPLES = 3  # per axis, per pixel
Rgba = tuple[float, float, float, float]


@dataclass(frozen=True)
class Icon:
    file: str
    size: int
    maskable: bool = False


ICONS = (Icon("icon-192.png", 192), Icon("icon-512.png", 512), Icon("icon-maskable-512.png", 512, maskable=True))


def _gradient(x: float, y: float, box: tuple[float, float, float, float]) -> tuple[float, float, float]:
    """The SVG's diagonal gradient over a shape's bounding box (``x1=0 y1=0 x2=1 y2=1``)."""
    x0, y0, x1, y1 = box
    t = min(1.0, max(0.0, ((x - x0) / (x1 - x0) + (y - y0) / (y1 - y0)) / 2))
    return (FROM[0] + (TO[0] - FROM[0]) * t, FROM[1] + (TO[1] - FROM[1]) * t, FROM[2] + (TO[2] - FROM[2]) * t)


def _in_rounded(x: float, y: float, lo: float, hi: float, radius: float) -> bool:
    if not (lo <= x <= hi and lo <= y <= hi):
        return False
    cx = min(max(x, lo + radius), hi - radius)
    cy = min(max(y, lo + radius), hi - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius * radius


def _in_triangle(x: float, y: float) -> bool:
    """The play mark ``M28 24.5 v15 l12 -7.5 z``."""
    if x < 28.0 or x > 40.0:
        return False
    half = 7.5 * (40.0 - x) / 12.0
    return 32.0 - half <= y <= 32.0 + half


def _over(base: Rgba, rgb: tuple[float, float, float], alpha: float) -> Rgba:
    """``rgb`` at ``alpha`` painted over ``base`` (colours not premultiplied)."""
    out_alpha = alpha + base[3] * (1 - alpha)
    if out_alpha == 0:
        return (0.0, 0.0, 0.0, 0.0)
    mix = [(rgb[i] * alpha + base[i] * base[3] * (1 - alpha)) / out_alpha for i in range(3)]
    return (mix[0], mix[1], mix[2], out_alpha)


def sample(x: float, y: float, *, maskable: bool) -> Rgba:
    """The icon's colour at one point of the 64-unit grid."""
    colour: Rgba = (0.0, 0.0, 0.0, 0.0)
    if maskable or _in_rounded(x, y, 0.0, GRID, 14.0):
        colour = (*map(float, BACKGROUND), 1.0)  # type: ignore[assignment]
    if _in_rounded(x, y, 4.0, 60.0, 12.0):
        colour = _over(colour, _gradient(x, y, (4.0, 4.0, 60.0, 60.0)), 0.18)
    if abs(math.hypot(x - 32.0, y - 32.0) - 17.0) <= 2.0:
        colour = _over(colour, _gradient(x, y, (15.0, 15.0, 49.0, 49.0)), 1.0)
    if _in_triangle(x, y):
        colour = _over(colour, _gradient(x, y, (28.0, 24.5, 40.0, 39.5)), 1.0)
    return colour


def render(icon: Icon) -> bytes:
    """The icon as RGBA rows (a filter byte before each row, as PNG wants)."""
    scale = GRID / icon.size
    offsets = [(i + 0.5) / SAMPLES for i in range(SAMPLES)]
    rows = bytearray()
    for py in range(icon.size):
        rows.append(0)
        for px in range(icon.size):
            total = [0.0, 0.0, 0.0, 0.0]
            for oy in offsets:
                for ox in offsets:
                    r, g, b, a = sample((px + ox) * scale, (py + oy) * scale, maskable=icon.maskable)
                    total[0] += r * a
                    total[1] += g * a
                    total[2] += b * a
                    total[3] += a
            alpha = total[3] / (SAMPLES * SAMPLES)
            rgb = [round(total[i] / total[3]) if total[3] else 0 for i in range(3)]
            rows += bytes((*rgb, round(alpha * 255)))
    return bytes(rows)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(icon: Icon) -> bytes:
    header = struct.pack(">IIBBBBB", icon.size, icon.size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    raw = render(icon)
    return (
        b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(raw, 9)) + _chunk(b"IEND", b"")
    )


def main() -> int:
    for icon in ICONS:
        path = ICON_DIR / icon.file
        path.write_bytes(png(icon))
        print(f"icons: wrote {path.relative_to(ROOT)} ({icon.size}×{icon.size})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
