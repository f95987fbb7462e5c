"""Lossless WebP (VP8L in a RIFF container) without transforms or colour cache.

Pixels are coded as literals or LZ77 backward copies, each with real prefix codes built from
the histograms. Our frames are diagonal gradients, so a row is mostly the previous row
shifted by one pixel: copies from a few neighbour distances (left, up-left, up, up-right)
shrink a thumbnail to a few kilobytes, and the greedy matcher needs only a few slice
comparisons per copy.
"""

from __future__ import annotations

import struct
from collections import Counter

from simulator.media.bits import LsbWriter, binary
from simulator.media.huffman import canonical_codes, code_lengths

MAX_SIDE = 16384
_SIGNATURE = 0x2F
_LENGTH_CODES = 24
_GREEN_ALPHABET = 256 + _LENGTH_CODES
_DISTANCE_ALPHABET = 40
_MAX_COPY = 4096
_MIN_COPY = 3
_PLAIN_DISTANCE = 120  # distance codes above 120 are plain pixel distances (no 2D neighbour map)
_OPAQUE = 255
_CODE_LENGTH_ORDER = (17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
_MAX_CODE_BITS = 15
_MAX_CODE_LENGTH_CODE_BITS = 7

Token = tuple[int, int]  # (0, 0xRRGGBB) is a literal pixel; (length, distance) a backward copy


def encode_webp(width: int, height: int, rgb: bytes) -> bytes:
    """A lossless WebP file of an opaque ``width`` x ``height`` image given as packed RGB rows."""
    if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE) or len(rgb) != 3 * width * height:
        raise ValueError("bad WebP image size")
    w = LsbWriter()
    w.bits(_SIGNATURE, 8)
    w.bits(width - 1, 14)
    w.bits(height - 1, 14)
    w.bits(0, 1)  # alpha_is_used: no, every pixel is opaque
    w.bits(0, 3)  # version
    w.bits(0, 1)  # no transform
    w.bits(0, 1)  # no colour cache
    w.bits(0, 1)  # no meta prefix codes: one set of codes for the whole image
    _write_pixels(w, _backward_references(width, rgb))
    data = w.getvalue()
    chunk = b"VP8L" + struct.pack("<I", len(data)) + data + b"\0" * (len(data) % 2)
    return b"RIFF" + struct.pack("<I", 4 + len(chunk)) + b"WEBP" + chunk


def _backward_references(width: int, rgb: bytes) -> list[Token]:
    pixels = len(rgb) // 3
    distances = sorted({1, width - 1, width, width + 1} - {0})
    tokens: list[Token] = []
    position = 0
    while position < pixels:
        best_length, best_distance = 0, 0
        limit = min(_MAX_COPY, pixels - position)
        for distance in distances:
            if distance <= position:
                length = _match_length(rgb, position, distance, limit)
                if length > best_length:
                    best_length, best_distance = length, distance
        if best_length >= _MIN_COPY:
            tokens.append((best_length, best_distance))
            position += best_length
        else:
            tokens.append((0, int.from_bytes(rgb[3 * position : 3 * position + 3], "big")))
            position += 1
    return tokens


def _match_length(rgb: bytes, position: int, distance: int, limit: int) -> int:
    """Longest run (at most ``limit`` pixels) equal to the pixels ``distance`` back: an
    exponential then binary search over slice comparisons (a match's prefixes all match)."""
    here, there = 3 * position, 3 * (position - distance)
    good, bad = 0, 1
    while bad <= limit and rgb[here : here + 3 * bad] == rgb[there : there + 3 * bad]:
        good, bad = bad, 2 * bad
    bad = min(bad, limit + 1)
    while bad - good > 1:
        middle = (good + bad) // 2
        if rgb[here : here + 3 * middle] == rgb[there : there + 3 * middle]:
            good = middle
        else:
            bad = middle
    return good


def _prefix(value: int) -> tuple[int, int, int]:
    """VP8L prefix coding of a length or distance >= 1: (prefix symbol, extra bit count, extra bits)."""
    value -= 1
    if value < 4:
        return value, 0, 0
    highest = value.bit_length() - 1
    second = (value >> (highest - 1)) & 1
    extra_bits = highest - 1
    return 2 * highest + second, extra_bits, value & ((1 << extra_bits) - 1)


def _write_pixels(w: LsbWriter, tokens: list[Token]) -> None:
    green, red, blue, alpha, distance = (
        Counter[int](),
        Counter[int](),
        Counter[int](),
        Counter[int](),
        Counter[int](),
    )
    for length, value in tokens:
        if length:
            green[256 + _prefix(length)[0]] += 1
            distance[_prefix(value + _PLAIN_DISTANCE)[0]] += 1
        else:
            red[value >> 16] += 1
            green[(value >> 8) & 0xFF] += 1
            blue[value & 0xFF] += 1
            alpha[_OPAQUE] += 1
    if not distance:
        distance[0] = 1  # no copies at all: any valid code will do
    green_codes = _write_prefix_code(w, green, _GREEN_ALPHABET)
    red_codes = _write_prefix_code(w, red, 256)
    blue_codes = _write_prefix_code(w, blue, 256)
    alpha_codes = _write_prefix_code(w, alpha, 256)
    distance_codes = _write_prefix_code(w, distance, _DISTANCE_ALPHABET)
    stream: list[str] = []
    for length, value in tokens:
        if length:
            symbol, extra_bits, extra = _prefix(length)
            stream += (green_codes[256 + symbol], binary(extra, extra_bits)[::-1])
            symbol, extra_bits, extra = _prefix(value + _PLAIN_DISTANCE)
            stream += (distance_codes[symbol], binary(extra, extra_bits)[::-1])
        else:
            stream.append(
                green_codes[(value >> 8) & 0xFF]
                + red_codes[value >> 16]
                + blue_codes[value & 0xFF]
                + alpha_codes[_OPAQUE]
            )
    w.extend(stream)


def _write_prefix_code(w: LsbWriter, histogram: Counter[int], alphabet: int) -> dict[int, str]:
    """Write a prefix code for the histogram's symbols and return their codes."""
    symbols = sorted(histogram)
    if len(symbols) <= 2 and symbols[-1] < 256:
        w.bits(1, 1)  # simple code: one or two 8-bit symbols of one bit each (or zero bits for one)
        w.bits(len(symbols) - 1, 1)
        if symbols[0] < 2:
            w.bits(0, 1)
            w.bits(symbols[0], 1)
        else:
            w.bits(1, 1)
            w.bits(symbols[0], 8)
        if len(symbols) == 2:
            w.bits(symbols[1], 8)
        return canonical_codes(dict.fromkeys(symbols, 1))
    lengths = code_lengths(histogram, _MAX_CODE_BITS)
    w.bits(0, 1)  # normal code: code lengths, themselves prefix coded
    _write_code_lengths(w, [lengths.get(symbol, 0) for symbol in range(alphabet)])
    return canonical_codes(lengths)


def _write_code_lengths(w: LsbWriter, lengths: list[int]) -> None:
    tokens = _run_length_tokens(lengths)
    meta_lengths = code_lengths(Counter(symbol for symbol, _, _ in tokens), _MAX_CODE_LENGTH_CODE_BITS)
    meta_codes = canonical_codes(meta_lengths)
    used = [index for index, symbol in enumerate(_CODE_LENGTH_ORDER) if meta_lengths.get(symbol, 0)]
    count = max(4, used[-1] + 1)
    w.bits(count - 4, 4)
    for symbol in _CODE_LENGTH_ORDER[:count]:
        w.bits(meta_lengths.get(symbol, 0), 3)
    w.bits(0, 1)  # max_symbol = alphabet size
    for symbol, extra_bits, extra in tokens:
        w.code(meta_codes[symbol])
        if extra_bits:
            w.bits(extra, extra_bits)


def _run_length_tokens(lengths: list[int]) -> list[tuple[int, int, int]]:
    """Code lengths as (symbol, extra bit count, extra): 0-15 literal, 16 repeats the previous
    length 3-6 times, 17 and 18 give 3-10 and 11-138 zeros."""
    tokens: list[tuple[int, int, int]] = []
    index = 0
    while index < len(lengths):
        value = lengths[index]
        run = 1
        while index + run < len(lengths) and lengths[index + run] == value:
            run += 1
        index += run
        if value == 0:
            while run >= 11:
                step = min(run, 138)
                tokens.append((18, 7, step - 11))
                run -= step
            if run >= 3:
                tokens.append((17, 3, run - 3))
                run = 0
        else:
            tokens.append((value, 0, 0))
            run -= 1
            while run >= 3:
                step = min(run, 6)
                tokens.append((16, 2, step - 3))
                run -= step
        tokens.extend([(value, 0, 0)] * run)
    return tokens
