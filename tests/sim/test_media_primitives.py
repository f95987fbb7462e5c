"""Building blocks of the media encoders: bit writers, prefix codes, timing and the scene."""

from __future__ import annotations

import pytest

from simulator.media import aac, h264
from simulator.media.bits import LsbWriter, MsbWriter
from simulator.media.huffman import canonical_codes, code_lengths
from simulator.media.scene import Scene, VideoInfo
from simulator.media.timing import frame_count, sample_durations


@pytest.mark.parametrize(
    ("value", "bits"), [(0, "1"), (1, "010"), (2, "011"), (3, "00100"), (25, "000011010"), (30, "000011111")]
)
def test_exp_golomb(value: int, bits: str) -> None:
    writer = MsbWriter()
    writer.ue(value)
    writer.code("1" * (-len(bits) % 8))
    assert writer.getvalue() == int(bits + "1" * (-len(bits) % 8), 2).to_bytes(-(-len(bits) // 8), "big")


def test_signed_exp_golomb_order() -> None:
    writer = MsbWriter()
    for value in (0, 1, -1, 2):
        writer.se(value)
    writer.align()
    assert writer.getvalue() == int("1" + "010" + "011" + "00100" + "0000", 2).to_bytes(2, "big")


def test_raw_bytes_need_alignment() -> None:
    writer = MsbWriter()
    writer.bits(1, 3)
    with pytest.raises(ValueError, match="aligned"):
        writer.raw(b"x")
    with pytest.raises(ValueError, match="fit"):
        writer.bits(8, 3)


def test_lsb_writer_packs_numbers_lsb_first_and_codes_in_order() -> None:
    writer = LsbWriter()
    writer.bits(0x2F, 8)
    writer.bits(0b101, 3)
    writer.code("11")  # a prefix code: its first bit goes out first
    assert writer.getvalue() == bytes((0x2F, 0b11101))


def test_emulation_prevention() -> None:
    nal = h264.nal_unit(3, 5, b"\x00\x00\x00\x00\x01\x00\x00\x04\x00\x00")
    assert nal == b"\x65\x00\x00\x03\x00\x00\x03\x01\x00\x00\x04\x00\x00"


def test_length_limited_codes_are_complete_and_prefix_free() -> None:
    histogram = {symbol: 2**symbol for symbol in range(20)}  # unlimited Huffman would need 19 bits
    lengths = code_lengths(histogram, 7)
    assert max(lengths.values()) <= 7
    assert sum(2.0**-length for length in lengths.values()) == 1.0
    codes = list(canonical_codes(lengths).values())
    assert not any(a != b and b.startswith(a) for a in codes for b in codes)


def test_single_symbol_code_takes_no_bits() -> None:
    assert canonical_codes(code_lengths({42: 9}, 15)) == {42: ""}


def test_aac_silence_and_config() -> None:
    assert aac.audio_specific_config() == b"\x11\x88"  # AAC-LC, 48 kHz, mono
    assert len(aac.silent_frame()) == 4


@pytest.mark.parametrize(
    ("seconds", "fps", "frames", "last"),
    [(4, 24, 96, 1000), (8.3, 24, 200, 200), (0.01, 24, 1, 240), (1 / 3, 30, 10, 1000)],
)
def test_timing(seconds: float, fps: int, frames: int, last: int) -> None:
    assert frame_count(seconds, fps) == frames
    durations = sample_durations(round(seconds * fps * 1000), 1000)
    assert len(durations) == frames and durations[-1] == last


def test_scene_only_the_timer_and_bar_change() -> None:
    scene = Scene(VideoInfo(1280, 720, 4, 24, "scene"), 1280, 720)
    changed = {y for y in range(720) if scene.dynamic_spans(y, 0) != scene.dynamic_spans(y, 95)}
    assert changed and changed <= scene.dynamic_rows
    assert max(scene.dynamic_rows) < 720 and min(scene.dynamic_rows) > 500  # near the bottom
    assert scene.progress(0) == 0.0 and scene.progress(95) == 1.0


@pytest.mark.parametrize(("width", "height"), [(1, 1), (2, 300), (300, 2), (90, 160)])
def test_scene_layout_survives_tiny_canvases(width: int, height: int) -> None:
    scene = Scene(VideoInfo(1280, 720, 4, 24, "tiny"), width, height)
    for y in range(height):
        for x0, x1, _ in scene.static_spans(y) + scene.dynamic_spans(y, 10):
            assert 0 <= x0 < x1 <= width
