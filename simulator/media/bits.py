"""Bit writers: H.264, AAC and JPEG pack bits MSB-first; WebP (VP8L) packs them LSB-first.

Bits are gathered as '0'/'1' strings and turned into bytes in one ``int(..., 2)`` call: in
CPython that is much faster than shifting an accumulator bit by bit, and base-2 conversions
are exempt from the int/str digit limit.
"""

from __future__ import annotations


def binary(value: int, count: int) -> str:
    """``value`` as exactly ``count`` binary digits, most significant first."""
    if not 0 <= value < (1 << count):
        raise ValueError(f"{value} does not fit in {count} bits")
    return format(value, f"0{count}b") if count else ""


class MsbWriter:
    """Most-significant-bit-first writer with Exp-Golomb codes and byte-aligned raw blocks."""

    def __init__(self) -> None:
        self._chunks: list[bytes] = []
        self._pending: list[str] = []
        self._pending_bits = 0

    @property
    def aligned(self) -> bool:
        return self._pending_bits % 8 == 0

    def bits(self, value: int, count: int) -> None:
        self.code(binary(value, count))

    def code(self, bits: str) -> None:
        """Append pre-formatted bits (a Huffman code, say) in stream order."""
        self._pending.append(bits)
        self._pending_bits += len(bits)

    def flag(self, on: bool) -> None:
        self.code("1" if on else "0")

    def ue(self, value: int) -> None:
        """Unsigned Exp-Golomb code (H.264 ue(v))."""
        code_num = value + 1
        self.bits(code_num, 2 * code_num.bit_length() - 1)

    def se(self, value: int) -> None:
        """Signed Exp-Golomb code (H.264 se(v))."""
        self.ue(2 * value - 1 if value > 0 else -2 * value)

    def align(self, fill: str = "0") -> None:
        self.code(fill * (-self._pending_bits % 8))

    def rbsp_trailing_bits(self) -> None:
        self.code("1")
        self.align()

    def raw(self, data: bytes) -> None:
        """Append whole bytes; the writer must be byte aligned."""
        self._flush()
        self._chunks.append(data)

    def getvalue(self) -> bytes:
        self._flush()
        return b"".join(self._chunks)

    def _flush(self) -> None:
        if not self.aligned:
            raise ValueError("bit writer is not byte aligned")
        if self._pending_bits:
            self._chunks.append(int("".join(self._pending), 2).to_bytes(self._pending_bits // 8, "big"))
        self._pending.clear()
        self._pending_bits = 0


class LsbWriter:
    """Least-significant-bit-first writer (VP8L): numbers go LSB first, prefix codes bit by bit."""

    def __init__(self) -> None:
        self._pending: list[str] = []

    def bits(self, value: int, count: int) -> None:
        self._pending.append(binary(value, count)[::-1])

    def code(self, bits: str) -> None:
        """Append a prefix code in stream order (its first bit is read first)."""
        self._pending.append(bits)

    def extend(self, stream: list[str]) -> None:
        """Append many pre-formatted pieces at once (the hot path of the pixel data)."""
        self._pending.extend(stream)

    def getvalue(self) -> bytes:
        stream = "".join(self._pending)
        if not stream:
            return b""
        return int(stream[::-1], 2).to_bytes((len(stream) + 7) // 8, "little")
