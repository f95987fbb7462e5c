"""Prefix codes shared by the WebP and JPEG encoders: length-limited Huffman and canonical codes."""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Iterable, Mapping


def code_lengths(histogram: Mapping[int, int], limit: int) -> dict[int, int]:
    """Huffman code lengths of the used symbols, none longer than ``limit`` bits.

    When the optimal tree is too deep, small counts are raised to a doubling floor and the
    tree rebuilt (libwebp's approach): the code stays complete, which decoders require.
    """
    used = {symbol: count for symbol, count in histogram.items() if count > 0}
    if not used:
        raise ValueError("cannot build a prefix code for an empty histogram")
    if len(used) == 1:
        return dict.fromkeys(used, 1)
    floor = 1
    while True:
        lengths = _tree_depths({symbol: max(count, floor) for symbol, count in used.items()})
        if max(lengths.values()) <= limit:
            return lengths
        floor *= 2


def _tree_depths(weights: Mapping[int, int]) -> dict[int, int]:
    order = itertools.count()
    heap = [(weight, next(order), [symbol]) for symbol, weight in sorted(weights.items())]
    heapq.heapify(heap)
    depths = dict.fromkeys(weights, 0)
    while len(heap) > 1:
        weight_a, _, symbols_a = heapq.heappop(heap)
        weight_b, _, symbols_b = heapq.heappop(heap)
        merged = symbols_a + symbols_b
        for symbol in merged:
            depths[symbol] += 1
        heapq.heappush(heap, (weight_a + weight_b, next(order), merged))
    return depths


def canonical_codes(lengths: Mapping[int, int]) -> dict[int, str]:
    """Canonical codes (shorter first, then by symbol value), as bit strings, first bit first.

    A code with a single symbol takes zero bits, as VP8L decoders read it.
    """
    ordered = sorted((length, symbol) for symbol, length in lengths.items() if length > 0)
    if len(ordered) == 1:
        return {ordered[0][1]: ""}
    return assign_codes(ordered)


def assign_codes(ordered: Iterable[tuple[int, int]]) -> dict[int, str]:
    """Consecutive codes for ``(length, symbol)`` pairs given shortest first (JPEG's HUFFVAL order)."""
    codes: dict[int, str] = {}
    code = 0
    previous_length = 0
    for length, symbol in ordered:
        code <<= length - previous_length
        previous_length = length
        codes[symbol] = format(code, f"0{length}b")
        code += 1
    return codes
