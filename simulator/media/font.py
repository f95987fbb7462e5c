"""A tiny built-in 5x7 bitmap font, turned into filled rectangles (one per horizontal run).

Rectangles rather than pixels: the rasteriser paints each as one slice assignment per row.
"""

from __future__ import annotations

from functools import cache

GLYPH_WIDTH = 5
GLYPH_HEIGHT = 7
ADVANCE = GLYPH_WIDTH + 1  # one blank column between glyphs

Rect = tuple[int, int, int, int]  # x0, y0, x1, y1 (exclusive)

_GLYPHS: dict[str, str] = {
    "A": ".###. #...# #...# ##### #...# #...# #...#",
    "B": "####. #...# #...# ####. #...# #...# ####.",
    "C": ".###. #...# #.... #.... #.... #...# .###.",
    "D": "####. #...# #...# #...# #...# #...# ####.",
    "E": "##### #.... #.... ####. #.... #.... #####",
    "F": "##### #.... #.... ####. #.... #.... #....",
    "G": ".###. #...# #.... #.### #...# #...# .####",
    "H": "#...# #...# #...# ##### #...# #...# #...#",
    "I": ".###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.",
    "J": "..### ...#. ...#. ...#. ...#. #..#. .##..",
    "K": "#...# #..#. #.#.. ##... #.#.. #..#. #...#",
    "L": "#.... #.... #.... #.... #.... #.... #####",
    "M": "#...# ##.## #.#.# #.#.# #...# #...# #...#",
    "N": "#...# #...# ##..# #.#.# #..## #...# #...#",
    "O": ".###. #...# #...# #...# #...# #...# .###.",
    "P": "####. #...# #...# ####. #.... #.... #....",
    "Q": ".###. #...# #...# #...# #.#.# #..#. .##.#",
    "R": "####. #...# #...# ####. #.#.. #..#. #...#",
    "S": ".#### #.... #.... .###. ....# ....# ####.",
    "T": "##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..",
    "U": "#...# #...# #...# #...# #...# #...# .###.",
    "V": "#...# #...# #...# #...# #...# .#.#. ..#..",
    "W": "#...# #...# #...# #.#.# #.#.# #.#.# .#.#.",
    "X": "#...# #...# .#.#. ..#.. .#.#. #...# #...#",
    "Y": "#...# #...# .#.#. ..#.. ..#.. ..#.. ..#..",
    "Z": "##### ....# ...#. ..#.. .#... #.... #####",
    "0": ".###. #...# #..## #.#.# ##..# #...# .###.",
    "1": "..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.",
    "2": ".###. #...# ....# ...#. ..#.. .#... #####",
    "3": "##### ...#. ..#.. ...#. ....# #...# .###.",
    "4": "...#. ..##. .#.#. #..#. ##### ...#. ...#.",
    "5": "##### #.... ####. ....# ....# #...# .###.",
    "6": "..##. .#... #.... ####. #...# #...# .###.",
    "7": "##### ....# ...#. ..#.. .#... .#... .#...",
    "8": ".###. #...# #...# .###. #...# #...# .###.",
    "9": ".###. #...# #...# .#### ....# ...#. .##..",
    " ": "..... ..... ..... ..... ..... ..... .....",
    "·": "..... ..... ..... ..#.. ..... ..... .....",
    "×": "..... #...# .#.#. ..#.. .#.#. #...# .....",
    ":": "..... ..#.. ..#.. ..... ..#.. ..#.. .....",
    "/": "....# ....# ...#. ..#.. .#... #.... #....",
    ".": "..... ..... ..... ..... ..... .##.. .##..",
    "-": "..... ..... ..... ##### ..... ..... .....",
    "s": "..... ..... .#### #.... .###. ....# ####.",
    "x": "..... ..... #...# .#.#. ..#.. .#.#. #...#",
    "?": ".###. #...# ....# ...#. ..#.. ..... ..#..",
}


def text_width(text: str, scale: int) -> int:
    """Width in pixels of ``text`` drawn at ``scale`` (no trailing gap)."""
    return max(0, len(text) * ADVANCE - 1) * scale


def text_rects(text: str, x: int, y: int, scale: int) -> list[Rect]:
    """Rectangles covering the lit pixels of ``text`` with its top-left corner at (x, y)."""
    rects: list[Rect] = []
    for index, char in enumerate(text):
        left = x + index * ADVANCE * scale
        for row, start, stop in _runs(char):
            top = y + row * scale
            rects.append((left + start * scale, top, left + stop * scale, top + scale))
    return rects


@cache
def _runs(char: str) -> tuple[tuple[int, int, int], ...]:
    """(row, first column, end column) of each horizontal run of lit pixels in a glyph."""
    pattern = _GLYPHS.get(char) or _GLYPHS.get(char.upper()) or _GLYPHS["?"]
    runs: list[tuple[int, int, int]] = []
    for row, line in enumerate(pattern.split()):
        column = 0
        while column < GLYPH_WIDTH:
            if line[column] == "#":
                end = column
                while end < GLYPH_WIDTH and line[end] == "#":
                    end += 1
                runs.append((row, column, end))
                column = end
            else:
                column += 1
    return tuple(runs)
