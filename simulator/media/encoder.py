"""Turns a scene into H.264 access units: frame 0 in full, then only the macroblocks that change.

Only the scene's dynamic rows (timer, progress bar) are re-rendered for later frames; they
are compared with the previous frame row by row to find the macroblocks to refresh.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from simulator.media.h264 import StreamFormat
from simulator.media.palette import cb709, cr709, y709
from simulator.media.raster import Raster
from simulator.media.scene import Scene


@dataclass(frozen=True)
class MacroblockRow:
    """The 16 luma and 2 x 8 chroma sample rows of one row of macroblocks."""

    luma: list[bytes]
    cb: list[bytes]
    cr: list[bytes]

    def macroblock(self, mb_x: int) -> bytes:
        """I_PCM sample order: 16x16 luma, then 8x8 Cb, then 8x8 Cr, each row by row."""
        x, c = 16 * mb_x, 8 * mb_x
        return b"".join([row[x : x + 16] for row in self.luma] + [row[c : c + 8] for row in self.cb + self.cr])

    def changed_since(self, previous: MacroblockRow) -> set[int]:
        """Columns of the macroblocks whose samples differ from ``previous``."""
        columns: set[int] = set()
        for old_rows, new_rows, size in (
            (previous.luma, self.luma, 16),
            (previous.cb + previous.cr, self.cb + self.cr, 8),
        ):
            for old, new in zip(old_rows, new_rows, strict=True):
                if old != new:
                    first, last = _difference_bounds(old, new)
                    columns.update(range(first // size, last // size + 1))
        return columns


class FrameSource:
    """Renders macroblock rows of any frame of a scene in BT.709 limited-range 4:2:0."""

    def __init__(self, scene: Scene, stream: StreamFormat) -> None:
        width, height = 16 * stream.mb_width, 16 * stream.mb_height
        self.luma = Raster(scene, y709, width=width, height=height)
        self.cb = Raster(scene, cb709, sub=2, width=width // 2, height=height // 2)
        self.cr = Raster(scene, cr709, sub=2, width=width // 2, height=height // 2)

    def macroblock_row(self, mb_y: int, frame: int) -> MacroblockRow:
        luma_rows, chroma_rows = range(16 * mb_y, 16 * mb_y + 16), range(8 * mb_y, 8 * mb_y + 8)
        return MacroblockRow(
            self.luma.rows(luma_rows, frame),
            self.cb.rows(chroma_rows, frame),
            self.cr.rows(chroma_rows, frame),
        )


def encode_frames(scene: Scene, stream: StreamFormat) -> Iterator[bytes]:
    """One NAL unit per frame: the IDR picture, then P pictures."""
    source = FrameSource(scene, stream)
    yield stream.idr_slice(_all_macroblocks(source, stream))
    dynamic_mb_rows = sorted({y // 16 for y in scene.dynamic_rows})
    previous = {mb_y: source.macroblock_row(mb_y, 0) for mb_y in dynamic_mb_rows}
    for frame in range(1, scene.frame_count):
        coded: list[tuple[int, bytes]] = []
        for mb_y in dynamic_mb_rows:
            current = source.macroblock_row(mb_y, frame)
            for mb_x in sorted(current.changed_since(previous[mb_y])):
                coded.append((mb_y * stream.mb_width + mb_x, current.macroblock(mb_x)))
            previous[mb_y] = current
        yield stream.p_slice(frame, coded)


def _all_macroblocks(source: FrameSource, stream: StreamFormat) -> Iterator[bytes]:
    for mb_y in range(stream.mb_height):
        row = source.macroblock_row(mb_y, 0)
        for mb_x in range(stream.mb_width):
            yield row.macroblock(mb_x)


def _difference_bounds(old: bytes, new: bytes) -> tuple[int, int]:
    """First and last index where two equal-length, different byte strings differ.

    Binary search on slice equality: a handful of C-speed comparisons instead of a Python loop.
    """
    same, differs = 0, len(old)  # old[:same] == new[:same], old[:differs] != new[:differs]
    while differs - same > 1:
        middle = (same + differs) // 2
        if old[:middle] == new[:middle]:
            same = middle
        else:
            differs = middle
    first = same
    differs, same = 0, len(old)  # old[differs:] != new[differs:], old[same:] == new[same:]
    while same - differs > 1:
        middle = (same + differs) // 2
        if old[middle:] == new[middle:]:
            same = middle
        else:
            differs = middle
    return first, differs
