"""What a frame shows, as resolution-independent paint spans per pixel row.

A diagonal gradient between two seed colours, the caption "SORA RENDERER · DEMO" with the
video's size and duration, and near the bottom a timer and a progress bar that fills over
the duration. Only the timer and the bar change between frames (``dynamic_rows``), which is
what lets the H.264 encoder skip every other macroblock.
"""

from __future__ import annotations

from dataclasses import dataclass

from simulator.media.font import GLYPH_HEIGHT, Rect, text_rects, text_width
from simulator.media.palette import RGB, mix, seed_colours
from simulator.media.timing import frame_count

TITLE = "SORA RENDERER · DEMO"


@dataclass(frozen=True)
class Solid:
    rgb: RGB


@dataclass(frozen=True)
class Shade:
    """The background gradient itself, scaled by ``factor`` (a translucent dark overlay)."""

    factor: float


Paint = Solid | Shade
Span = tuple[int, int, Paint]  # x0, x1 (exclusive), paint
Rows = dict[int, list[Span]]

BACKGROUND = Shade(1.0)
INK = Solid((250, 250, 250))
SHADOW = Shade(0.45)
TRACK = Shade(0.55)


@dataclass(frozen=True)
class VideoInfo:
    """The video a scene belongs to (the caption and the timing never depend on canvas size)."""

    width: int
    height: int
    seconds: float | None  # None: unknown (a thumbnail), so the caption and timer omit it
    fps: int
    seed: str

    @property
    def frame_count(self) -> int:
        return 1 if self.seconds is None else frame_count(self.seconds, self.fps)

    @property
    def caption(self) -> str:
        size = f"{self.width}×{self.height}"
        return size if self.seconds is None else f"{size} · {self.seconds:g} s"


class Scene:
    """A video's picture laid out on a ``width`` x ``height`` canvas."""

    def __init__(self, video: VideoInfo, width: int, height: int) -> None:
        self.video = video
        self.width = width
        self.height = height
        self.colours = seed_colours(video.seed)
        self._static: Rows = {}
        self._dynamic: tuple[int, Rows] | None = None
        self._timers: dict[str, Rows] = {}  # elapsed-time label -> its spans
        self._layout()

    @property
    def frame_count(self) -> int:
        return self.video.frame_count

    def gradient(self, diagonal: float) -> RGB:
        """Background colour on the anti-diagonal x + y = ``diagonal``."""
        t = diagonal / max(1, self.width + self.height - 2)
        return mix(self.colours[0], self.colours[1], min(1.0, max(0.0, t)))

    def static_spans(self, y: int) -> list[Span]:
        """Paint spans of row ``y`` common to all frames, in drawing order (later ones on top)."""
        return self._static.get(y, [])

    def dynamic_spans(self, y: int, frame: int) -> list[Span]:
        """Spans of row ``y`` drawn over the static ones in ``frame`` (only in ``dynamic_rows``)."""
        return self._dynamic_spans(frame).get(y, []) if y in self.dynamic_rows else []

    def _layout(self) -> None:
        width, height = self.width, self.height
        short = min(width, height)
        lines = [TITLE]
        if text_width(TITLE, 1) > 0.92 * width:
            lines = TITLE.split(" · ")
        title_scale = self._fit(max(lines, key=len), max(1, round(short * 0.07 / GLYPH_HEIGHT)), 0.9)
        caption = self.video.caption
        caption_scale = self._fit(caption, max(1, round(title_scale * 0.5)), 0.9)
        line_gap = 3 * title_scale
        caption_gap = max(6 * caption_scale, 3 * title_scale)
        block = len(lines) * (GLYPH_HEIGHT * title_scale + line_gap) - line_gap
        block += caption_gap + GLYPH_HEIGHT * caption_scale
        top = round(height * 0.42 - block / 2)
        for line in lines:
            self._text(self._static, line, (width - text_width(line, title_scale)) // 2, top, title_scale)
            top += GLYPH_HEIGHT * title_scale + line_gap
        top += caption_gap - line_gap
        self._text(self._static, caption, (width - text_width(caption, caption_scale)) // 2, top, caption_scale)

        bar_height = max(2, round(short * 0.014))
        margin = max(1, round(width * 0.06))
        self.bar_left, self.bar_right = margin, max(margin + 1, width - margin)
        self.bar_bottom = height - max(1, round(height * 0.08))
        self.bar_top = self.bar_bottom - bar_height
        self._paint(self._static, (self.bar_left, self.bar_top, self.bar_right, self.bar_bottom), TRACK)

        total = "" if self.video.seconds is None else _clock(round(self.video.seconds))
        self.timer_scale = self._fit("0:00 0:00", caption_scale, 0.8)
        self.timer_top = self.bar_top - max(2, bar_height) - (GLYPH_HEIGHT + 1) * self.timer_scale
        total_left = self.bar_right - text_width(total, self.timer_scale)
        self._text(self._static, total, total_left, self.timer_top, self.timer_scale)
        timer_rows = range(self.timer_top, self.timer_top + (GLYPH_HEIGHT + 1) * self.timer_scale)
        bar_rows = range(self.bar_top, self.bar_bottom)
        self.dynamic_rows = frozenset(y for y in (*timer_rows, *bar_rows) if 0 <= y < height)

    def _dynamic_spans(self, frame: int) -> Rows:
        if self._dynamic is None or self._dynamic[0] != frame:
            elapsed = _clock(frame // self.video.fps)
            timer = self._timers.get(elapsed)
            if timer is None:
                timer = self._timers[elapsed] = {}
                self._text(timer, elapsed, self.bar_left, self.timer_top, self.timer_scale)
            rows = {y: list(spans) for y, spans in timer.items()}
            fill = round((self.bar_right - self.bar_left) * self.progress(frame))
            self._paint(rows, (self.bar_left, self.bar_top, self.bar_left + fill, self.bar_bottom), INK)
            self._dynamic = (frame, rows)
        return self._dynamic[1]

    def progress(self, frame: int) -> float:
        """0 on the first frame, 1 on the last."""
        return frame / (self.frame_count - 1) if self.frame_count > 1 else 0.0

    def _fit(self, text: str, scale: int, share: float) -> int:
        while scale > 1 and text_width(text, scale) > share * self.width:
            scale -= 1
        return scale

    def _text(self, rows: Rows, text: str, x: int, y: int, scale: int) -> None:
        offset = max(1, round(scale / 3))
        for x0, y0, x1, y1 in text_rects(text, x + offset, y + offset, scale):
            self._paint(rows, (x0, y0, x1, y1), SHADOW)
        for rect in text_rects(text, x, y, scale):
            self._paint(rows, rect, INK)

    def _paint(self, rows: Rows, rect: Rect, paint: Paint) -> None:
        x0, y0, x1, y1 = max(0, rect[0]), max(0, rect[1]), min(self.width, rect[2]), min(self.height, rect[3])
        if x0 < x1:
            for y in range(y0, y1):
                rows.setdefault(y, []).append((x0, x1, paint))


def _clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"
