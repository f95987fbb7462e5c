"""Renders one colour channel of a scene as rows of bytes, without any per-pixel Python loop.

The gradient depends only on x + y, so every background row is a slice of one precomputed
"ramp"; text and bars are slice assignments. A plane may be subsampled (``sub`` = 2 gives
4:2:0 chroma) and larger than the canvas (H.264 codes whole macroblocks).
"""

from __future__ import annotations

from collections.abc import Iterable

from simulator.media.palette import RGB, Channel, scale
from simulator.media.scene import BACKGROUND, Scene, Solid, Span


class Raster:
    def __init__(self, scene: Scene, channel: Channel, *, sub: int = 1, width: int = 0, height: int = 0) -> None:
        self.scene = scene
        self.channel = channel
        self.sub = sub
        self.width = width or -(-scene.width // sub)
        self.height = height or -(-scene.height // sub)
        self._ramps: dict[float, bytes] = {}
        self._solids: dict[RGB, bytes] = {}
        self._static_rows: dict[int, bytes] = {}
        self._dynamic_rows: dict[int, tuple[list[Span], bytes]] = {}

    def plane(self, frame: int) -> list[bytes]:
        return self.rows(range(self.height), frame)

    def rows(self, indices: Iterable[int], frame: int) -> list[bytes]:
        return [self.row(y, frame) for y in indices]

    def row(self, y: int, frame: int) -> bytes:
        static = self._static_rows.get(y)
        if static is None:
            background = self._ramp(BACKGROUND.factor)[y : y + self.width]
            static = self._static_rows[y] = self._paint(background, y, self.scene.static_spans(y * self.sub))
        spans = self.scene.dynamic_spans(y * self.sub, frame)
        if not spans:
            return static
        last = self._dynamic_rows.get(y)
        if last is None or last[0] != spans:  # the timer's digits change once a second
            last = self._dynamic_rows[y] = (spans, self._paint(static, y, spans))
        return last[1]

    def _paint(self, base: bytes, y: int, spans: list[Span]) -> bytes:
        if not spans:
            return base
        sub, width = self.sub, self.width
        row = bytearray(base)
        for x0, x1, paint in spans:
            start, stop = x0 // sub, min(width, -(-x1 // sub))
            if start >= stop:
                continue
            if isinstance(paint, Solid):
                row[start:stop] = self._solid(paint.rgb) * (stop - start)
            else:
                row[start:stop] = self._ramp(paint.factor)[y + start : y + stop]
        return bytes(row)

    def _ramp(self, factor: float) -> bytes:
        """Channel values along the diagonal, indexed by plane x + y."""
        ramp = self._ramps.get(factor)
        if ramp is None:
            sub, gradient, channel = self.sub, self.scene.gradient, self.channel
            # a subsampled sample covers sub x sub pixels: use the colour at their centre
            ramp = bytes(channel(scale(gradient(sub * k + sub - 1), factor)) for k in range(self.width + self.height))
            self._ramps[factor] = ramp
        return ramp

    def _solid(self, rgb: RGB) -> bytes:
        value = self._solids.get(rgb)
        if value is None:
            value = self._solids[rgb] = bytes((self.channel(rgb),))
        return value
