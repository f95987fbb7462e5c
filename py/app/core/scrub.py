"""Scrub preview from a spritesheet: which frame a pointer position shows.

The spritesheet is one image of evenly sampled frames in a grid (the Sora contract's
is 5 columns × 2 rows); hovering a bar picks the frame, shown by moving the image.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SpriteLayout:
    columns: int = 5
    rows: int = 2

    @property
    def frames(self) -> int:
        return self.columns * self.rows

    def frame_at(self, fraction: float) -> int:
        """The frame for a pointer at ``fraction`` (0..1) of the bar."""
        clamped = min(max(fraction, 0.0), 1.0)
        return min(int(clamped * self.frames), self.frames - 1)

    def background_position(self, frame: int) -> str:
        """CSS ``background-position`` (percentages) that shows ``frame``."""
        row, column = divmod(frame, self.columns)
        x = 0.0 if self.columns == 1 else column * 100.0 / (self.columns - 1)
        y = 0.0 if self.rows == 1 else row * 100.0 / (self.rows - 1)
        return f"{x:g}% {y:g}%"

    def background_size(self) -> str:
        return f"{self.columns * 100}% {self.rows * 100}%"
