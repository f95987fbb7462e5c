"""Still images of a video: the WebP thumbnail (first frame) and the JPEG spritesheet."""

from __future__ import annotations

from simulator.media.jpeg import encode_jpeg
from simulator.media.palette import cb_jfif, cr_jfif, rgb_blue, rgb_green, rgb_red, y_jfif
from simulator.media.raster import Raster
from simulator.media.scene import Scene, VideoInfo
from simulator.media.webp import encode_webp

THUMBNAIL_MAX_SIDE = 640
SPRITE_LONG_SIDE = 160
SPRITE_COLUMNS, SPRITE_ROWS = 5, 2
_THUMBNAIL_FPS = 24


def fit(width: int, height: int, long_side: int, *, upscale: bool) -> tuple[int, int]:
    """Scale so the long side is ``long_side`` (only ever down unless ``upscale``), aspect kept."""
    factor = long_side / max(width, height)
    if factor >= 1 and not upscale:
        return width, height
    return max(1, round(width * factor)), max(1, round(height * factor))


def thumbnail(width: int, height: int, seed: str, seconds: float | None) -> bytes:
    """Frame 0, re-rendered at thumbnail size (cheaper and sharper than downscaling it)."""
    canvas = fit(width, height, THUMBNAIL_MAX_SIDE, upscale=False)
    scene = Scene(VideoInfo(width, height, seconds, _THUMBNAIL_FPS, seed), *canvas)
    planes = [Raster(scene, channel).plane(0) for channel in (rgb_red, rgb_green, rgb_blue)]
    rgb = bytearray(3 * canvas[0] * canvas[1])
    for channel, plane in enumerate(planes):
        rgb[channel::3] = b"".join(plane)
    return encode_webp(*canvas, bytes(rgb))


def spritesheet(width: int, height: int, seconds: float, seed: str, fps: int) -> bytes:
    """A grid of frames sampled evenly from the first to the last."""
    cell_width, cell_height = fit(width, height, SPRITE_LONG_SIDE, upscale=True)
    scene = Scene(VideoInfo(width, height, seconds, fps, seed), cell_width, cell_height)
    cells = SPRITE_COLUMNS * SPRITE_ROWS
    frames = [round(index * (scene.frame_count - 1) / (cells - 1)) for index in range(cells)]
    planes: list[list[bytes]] = []
    for channel in (y_jfif, cb_jfif, cr_jfif):
        raster = Raster(scene, channel)
        rows: list[bytes] = []
        for grid_row in range(SPRITE_ROWS):
            row_frames = frames[grid_row * SPRITE_COLUMNS : (grid_row + 1) * SPRITE_COLUMNS]
            cell_planes = [raster.plane(frame) for frame in row_frames]
            rows += [b"".join(cell[y] for cell in cell_planes) for y in range(cell_height)]
        planes.append(rows)
    return encode_jpeg(SPRITE_COLUMNS * cell_width, SPRITE_ROWS * cell_height, (planes[0], planes[1], planes[2]))
