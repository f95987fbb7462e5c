"""Baseline sequential JPEG (JFIF), 4:4:4, Annex K quantisation and Huffman tables.

The forward DCT is libjpeg's float AAN; its output scaling is folded into the quantiser.
Gradient frames repeat the same 8x8 blocks along every diagonal, so coded blocks are cached
by their samples, which keeps a pure-Python spritesheet well under a second.
"""

from __future__ import annotations

import math
import struct

from simulator.media.huffman import assign_codes

QUALITY = 80

_LUMA_QUANT = (
    16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
    14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
    18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
    49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
)  # fmt: skip
_CHROMA_QUANT = (17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99,
                 24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99) + (99,) * 32  # fmt: skip

# Annex K.3 tables as (BITS: code counts per length 1..16, HUFFVAL). The AC value lists start
# with an irregular head; the rest are the remaining run/size symbols in increasing order.
_AC_SYMBOLS = [0x00, 0xF0, *((run << 4) | size for run in range(16) for size in range(1, 11))]
_LUMA_AC_HEAD = bytes.fromhex("01020300041105122131410613516107227114328191a1082342b1c11552d1f02433627282")
_CHROMA_AC_HEAD = bytes.fromhex(
    "000102031104052131061241510761711322328108144291a1b1c109233352f0156272d10a162434e125f1"
)


def _values(head: bytes) -> list[int]:
    return [*head, *sorted(set(_AC_SYMBOLS) - set(head))]


_TABLES = {
    "luma_dc": ((0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0), list(range(12))),
    "chroma_dc": ((0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0), list(range(12))),
    "luma_ac": ((0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7D), _values(_LUMA_AC_HEAD)),
    "chroma_ac": ((0, 2, 1, 2, 4, 4, 3, 4, 7, 5, 4, 4, 0, 1, 2, 0x77), _values(_CHROMA_AC_HEAD)),
}
# zig-zag scan: position k -> natural (row-major) index
ZIGZAG = [
    row * 8 + col
    for row, col in sorted(
        ((r, c) for r in range(8) for c in range(8)),
        key=lambda rc: (rc[0] + rc[1], rc[0] if (rc[0] + rc[1]) % 2 else -rc[0]),
    )
]
_AAN_SCALE = (1.0, 1.387039845, 1.306562965, 1.175875602, 1.0, 0.785694958, 0.541196100, 0.275899379)


def _huffman_codes(name: str) -> dict[int, str]:
    counts, values = _TABLES[name]
    lengths = [length for length, count in enumerate(counts, start=1) for _ in range(count)]
    return assign_codes(zip(lengths, values, strict=True))


def _quant_table(base: tuple[int, ...], quality: int) -> list[int]:
    """libjpeg's quality scaling of an Annex K table (natural order)."""
    factor = 5000 // quality if quality < 50 else 200 - 2 * quality
    return [min(255, max(1, (value * factor + 50) // 100)) for value in base]


class _Component:
    """One colour component's tables plus a cache of coded blocks (DC value, AC bits)."""

    def __init__(self, quant: list[int], dc: str, ac: str) -> None:
        self.quant = quant
        self.multipliers = [1.0 / (quant[i] * _AAN_SCALE[i // 8] * _AAN_SCALE[i % 8] * 8.0) for i in range(64)]
        self.dc_codes = _huffman_codes(dc)
        self.ac_codes = _huffman_codes(ac)
        self.blocks: dict[bytes, tuple[int, str]] = {}

    def code_block(self, samples: bytes) -> tuple[int, str]:
        cached = self.blocks.get(samples)
        if cached is None:
            coefficients = _fdct(samples)
            multipliers = self.multipliers
            quantised = [math.floor(coefficients[i] * multipliers[i] + 0.5) for i in ZIGZAG]
            cached = self.blocks[samples] = (quantised[0], self._ac_bits(quantised))
        return cached

    def _ac_bits(self, quantised: list[int]) -> str:
        codes, bits, run = self.ac_codes, [], 0
        for value in quantised[1:]:
            if value == 0:
                run += 1
                continue
            while run > 15:
                bits.append(codes[0xF0])  # ZRL: sixteen zeros
                run -= 16
            size = abs(value).bit_length()
            bits += (codes[(run << 4) | size], _magnitude(value, size))
            run = 0
        if run:
            bits.append(codes[0x00])  # EOB
        return "".join(bits)


def _magnitude(value: int, size: int) -> str:
    """JPEG's ones'-complement style amplitude bits."""
    return format(value if value >= 0 else value + (1 << size) - 1, f"0{size}b") if size else ""


def encode_jpeg(
    width: int, height: int, planes: tuple[list[bytes], list[bytes], list[bytes]], quality: int = QUALITY
) -> bytes:
    """JPEG of full-resolution Y, Cb, Cr planes (JFIF: BT.601, full range), given as byte rows."""
    luma_quant = _quant_table(_LUMA_QUANT, quality)
    chroma_quant = _quant_table(_CHROMA_QUANT, quality)
    chroma = _Component(chroma_quant, "chroma_dc", "chroma_ac")
    scan = _scan((_Component(luma_quant, "luma_dc", "luma_ac"), chroma, chroma), planes, width, height)
    tables = ((0x00, "luma_dc"), (0x10, "luma_ac"), (0x01, "chroma_dc"), (0x11, "chroma_ac"))  # class << 4 | id
    return b"".join(
        (
            b"\xff\xd8",  # SOI
            _segment(0xE0, b"JFIF\0" + struct.pack(">BBBHHBB", 1, 1, 0, 1, 1, 0, 0)),  # v1.1, 1:1 aspect
            _segment(0xDB, bytes((0, *(luma_quant[i] for i in ZIGZAG), 1, *(chroma_quant[i] for i in ZIGZAG)))),
            # SOF0: 8-bit, three components without subsampling; Cb and Cr share quant table 1
            _segment(0xC0, struct.pack(">BHHB", 8, height, width, 3) + bytes((1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1))),
            _segment(0xC4, b"".join(_dht(table_class_id, name) for table_class_id, name in tables)),
            _segment(0xDA, bytes((3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0))),  # SOS: Huffman tables 0/0, 1/1, 1/1
            scan,
            b"\xff\xd9",  # EOI
        )
    )


def _scan(
    components: tuple[_Component, _Component, _Component],
    planes: tuple[list[bytes], list[bytes], list[bytes]],
    width: int,
    height: int,
) -> bytes:
    """Entropy-coded data of interleaved 8x8 blocks (one per component per MCU), byte-stuffed."""
    padded = [_pad(plane, width, height) for plane in planes]
    bits: list[str] = []
    predictions = [0, 0, 0]
    for top in range(0, len(padded[0]), 8):
        for left in range(0, len(padded[0][0]), 8):
            for index, (component, plane) in enumerate(zip(components, padded, strict=True)):
                dc, ac = component.code_block(b"".join(row[left : left + 8] for row in plane[top : top + 8]))
                difference, predictions[index] = dc - predictions[index], dc
                size = abs(difference).bit_length()
                bits += (component.dc_codes[size], _magnitude(difference, size), ac)
    stream = "".join(bits)
    stream += "1" * (-len(stream) % 8)  # pad the last byte with ones
    return int(stream, 2).to_bytes(len(stream) // 8, "big").replace(b"\xff", b"\xff\x00")


def _dht(table_class_id: int, name: str) -> bytes:
    counts, values = _TABLES[name]
    return bytes((table_class_id, *counts, *values))


def _segment(marker: int, payload: bytes) -> bytes:
    return struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload


def _pad(plane: list[bytes], width: int, height: int) -> list[bytes]:
    """Repeat the last column and row up to whole 8x8 blocks (the decoder crops them)."""
    pad_x = -width % 8
    rows = [row + row[-1:] * pad_x for row in plane[:height]]
    return rows + rows[-1:] * (-height % 8)


def _fdct(samples: bytes) -> list[float]:
    """Unnormalised 8x8 forward DCT (AAN), rows then columns; input level-shifted by 128."""
    data = [value - 128.0 for value in samples]
    for start in range(0, 64, 8):
        data[start : start + 8] = _fdct_1d(data[start : start + 8])
    for column in range(8):
        data[column::8] = _fdct_1d(data[column::8])
    return data


def _fdct_1d(d: list[float]) -> list[float]:
    tmp0, tmp7 = d[0] + d[7], d[0] - d[7]
    tmp1, tmp6 = d[1] + d[6], d[1] - d[6]
    tmp2, tmp5 = d[2] + d[5], d[2] - d[5]
    tmp3, tmp4 = d[3] + d[4], d[3] - d[4]
    # even part
    tmp10, tmp13 = tmp0 + tmp3, tmp0 - tmp3
    tmp11, tmp12 = tmp1 + tmp2, tmp1 - tmp2
    z1 = (tmp12 + tmp13) * 0.707106781
    out0, out4, out2, out6 = tmp10 + tmp11, tmp10 - tmp11, tmp13 + z1, tmp13 - z1
    # odd part
    tmp10, tmp11, tmp12 = tmp4 + tmp5, tmp5 + tmp6, tmp6 + tmp7
    z5 = (tmp10 - tmp12) * 0.382683433
    z2 = 0.541196100 * tmp10 + z5
    z4 = 1.306562965 * tmp12 + z5
    z3 = tmp11 * 0.707106781
    z11, z13 = tmp7 + z3, tmp7 - z3
    return [out0, z11 + z4, out2, z13 - z2, out4, z13 + z2, out6, z11 - z4]
