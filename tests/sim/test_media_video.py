"""The simulated MP4: container structure, exact timing, padding, and decoded pixels.

Pixels are checked with a tiny pure-Python decoder of the H.264 subset we emit (I_PCM and
skipped macroblocks), so CI needs no ffmpeg; where ffmpeg exists, it must agree too.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from simulator import media
from simulator.media.h264 import StreamFormat
from simulator.media.palette import cb709, cr709, y709
from simulator.media.raster import Raster
from simulator.media.scene import Scene, VideoInfo

FFMPEG = shutil.which("ffmpeg")
needs_ffmpeg = pytest.mark.skipif(FFMPEG is None, reason="ffmpeg is not installed")


# --- a minimal ISO BMFF reader -------------------------------------------------------------


@dataclass(frozen=True)
class Box:
    kind: str
    start: int  # of the payload
    end: int


def boxes(data: bytes, start: int = 0, end: int | None = None) -> list[Box]:
    found, position, end = [], start, len(data) if end is None else end
    while position < end:
        size, kind = struct.unpack_from(">I4s", data, position)
        header = 8
        if size == 1:
            (size,) = struct.unpack_from(">Q", data, position + 8)
            header = 16
        assert size >= header and position + size <= end, f"bad {kind!r} box"
        found.append(Box(kind.decode("latin-1"), position + header, position + size))
        position += size
    assert position == end
    return found


def child(data: bytes, parent: Box, path: str) -> Box:
    """The box at a slash-separated path below ``parent``."""
    box = parent
    for kind in path.split("/"):
        skip = {"stsd": 8, "avc1": 78, "mp4a": 28}.get(box.kind, 0)  # fields before child boxes
        (box,) = [found for found in boxes(data, box.start + skip, box.end) if found.kind == kind]
    return box


def contents(data: bytes, parent: Box, path: str) -> bytes:
    box = child(data, parent, path)
    return data[box.start : box.end]


def full_payload(data: bytes, box: Box) -> bytes:
    return data[box.start + 4 : box.end]  # after version and flags


def tracks(data: bytes) -> dict[str, Box]:
    (moov,) = [box for box in boxes(data) if box.kind == "moov"]
    found = {}
    for trak in boxes(data, moov.start, moov.end):
        if trak.kind == "trak":
            found[contents(data, trak, "mdia/hdlr")[8:12].decode()] = trak
    return found


def table(data: bytes, trak: Box, kind: str) -> list[tuple[int, ...]]:
    payload = full_payload(data, child(data, trak, f"mdia/minf/stbl/{kind}"))
    (count,) = struct.unpack_from(">I", payload)
    width = {"stts": 2, "stsc": 3, "stco": 1, "stss": 1}[kind]
    return [struct.unpack_from(f">{width}I", payload, 4 + 4 * width * i) for i in range(count)]


def mdhd(data: bytes, trak: Box) -> tuple[int, int]:
    """(timescale, duration) of a version-0 mdhd."""
    timescale, duration = struct.unpack_from(">II", full_payload(data, child(data, trak, "mdia/mdhd")), 8)
    return timescale, duration


def samples(data: bytes, trak: Box) -> list[bytes]:
    stsz = full_payload(data, child(data, trak, "mdia/minf/stbl/stsz"))
    size, count = struct.unpack_from(">II", stsz)
    sizes = [size] * count if size else list(struct.unpack_from(f">{count}I", stsz, 8))
    per_chunk = table(data, trak, "stsc")
    out: list[bytes] = []
    for chunk, (offset,) in enumerate(table(data, trak, "stco"), start=1):
        in_chunk = [entry[1] for entry in per_chunk if entry[0] <= chunk][-1]
        for _ in range(in_chunk):
            out.append(data[offset : offset + sizes[len(out)]])
            offset += sizes[len(out) - 1]
    assert len(out) == count
    return out


# --- a minimal H.264 reader for the subset we write ----------------------------------------


class Bits:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.text = "".join(format(byte, "08b") for byte in data)
        self.position = 0

    def u(self, count: int) -> int:
        value = int(self.text[self.position : self.position + count] or "0", 2)
        self.position += count
        return value

    def ue(self) -> int:
        zeros = 0
        while self.text[self.position] == "0":
            zeros += 1
            self.position += 1
        return self.u(zeros + 1) - 1

    def se(self) -> int:
        value = self.ue()
        return (value + 1) // 2 if value % 2 else -(value // 2)

    def pcm(self, count: int) -> bytes:
        while self.position % 8:
            assert self.u(1) == 0, "pcm_alignment_zero_bit"
        start = self.position // 8
        self.position += 8 * count
        return self.data[start : start + count]

    def trailing(self) -> None:
        assert self.u(1) == 1
        assert set(self.text[self.position :]) <= {"0"} and len(self.text) - self.position < 8


def rbsp(nal: bytes) -> bytes:
    return re.sub(b"\x00\x00\x03", b"\x00\x00", nal[1:])


@dataclass(frozen=True)
class Sps:
    profile: int
    constraints: int
    level: int
    width: int
    height: int
    mb_width: int
    mb_height: int


def parse_sps(nal: bytes) -> Sps:
    assert nal[0] & 0x1F == 7
    bits = Bits(rbsp(nal))
    profile, constraints, level = bits.u(8), bits.u(8), bits.u(8)
    assert bits.ue() == 0  # seq_parameter_set_id
    assert bits.ue() == 4  # log2_max_frame_num_minus4
    assert bits.ue() == 2  # pic_order_cnt_type
    assert bits.ue() == 1  # max_num_ref_frames
    assert bits.u(1) == 0  # gaps_in_frame_num_value_allowed_flag
    mb_width, mb_height = bits.ue() + 1, bits.ue() + 1
    assert bits.u(1) == 1  # frame_mbs_only_flag
    bits.u(1)  # direct_8x8_inference_flag
    left = right = top = bottom = 0
    if bits.u(1):
        left, right, top, bottom = bits.ue(), bits.ue(), bits.ue(), bits.ue()
    width, height = 16 * mb_width - 2 * (left + right), 16 * mb_height - 2 * (top + bottom)
    return Sps(profile, constraints, level, width, height, mb_width, mb_height)


def decode(config: bytes, frames: list[bytes]) -> list[bytes]:
    """Every frame as cropped I420 bytes."""
    sps_length = int.from_bytes(config[6:8], "big")
    sps = parse_sps(config[8 : 8 + sps_length])
    stride, mbs = 16 * sps.mb_width, sps.mb_width * sps.mb_height
    planes = [
        bytearray(stride * 16 * sps.mb_height),
        bytearray(stride * 4 * sps.mb_height),
        bytearray(stride * 4 * sps.mb_height),
    ]
    pictures = []
    for index, sample in enumerate(frames):
        assert int.from_bytes(sample[:4], "big") == len(sample) - 4, "one NAL unit per sample"
        nal = sample[4:]
        idr = nal[0] & 0x1F == 5
        assert idr == (index == 0) and nal[0] & 0x1F in (1, 5)
        bits = Bits(rbsp(nal))
        assert (bits.ue(), bits.ue(), bits.ue()) == (0, 7 if idr else 5, 0)
        assert bits.u(8) == index % 256  # frame_num
        if idr:
            assert bits.ue() == 0  # idr_pic_id
            assert bits.u(2) == 0  # no_output_of_prior_pics_flag, long_term_reference_flag
        else:
            assert bits.u(2) == 0  # num_ref_idx_active_override_flag, ref_pic_list_modification_flag_l0
            assert bits.u(1) == 0  # adaptive_ref_pic_marking_mode_flag: sliding window
        assert bits.se() == 0 and bits.ue() == 1  # slice_qp_delta, disable_deblocking_filter_idc
        address = 0
        while address < mbs:
            if not idr:
                address += bits.ue()  # mb_skip_run
                if address >= mbs:
                    break
            assert bits.ue() == (25 if idr else 30), "I_PCM"
            _put_macroblock(planes, stride, address % sps.mb_width, address // sps.mb_width, bits.pcm(384))
            address += 1
        bits.trailing()
        pictures.append(_crop(planes, stride, sps.width, sps.height))
    return pictures


def _put_macroblock(planes: list[bytearray], stride: int, mb_x: int, mb_y: int, pcm: bytes) -> None:
    for row in range(16):
        start = (16 * mb_y + row) * stride + 16 * mb_x
        planes[0][start : start + 16] = pcm[16 * row : 16 * row + 16]
    for plane, base in ((planes[1], 256), (planes[2], 320)):
        for row in range(8):
            start = (8 * mb_y + row) * (stride // 2) + 8 * mb_x
            plane[start : start + 8] = pcm[base + 8 * row : base + 8 * row + 8]


def _crop(planes: list[bytearray], stride: int, width: int, height: int) -> bytes:
    luma = b"".join(planes[0][y * stride : y * stride + width] for y in range(height))
    chroma = [
        b"".join(p[y * stride // 2 : y * stride // 2 + width // 2] for y in range(height // 2)) for p in planes[1:]
    ]
    return luma + chroma[0] + chroma[1]


def expected_frames(width: int, height: int, seconds: float, seed: str, fps: int = 24) -> list[bytes]:
    """What every frame must look like, as cropped I420, rendered independently of the encoder."""
    scene = Scene(VideoInfo(width, height, seconds, fps, seed), width, height)
    rasters = [
        Raster(scene, channel, sub=sub, width=-(-width // 16) * 16 // sub, height=-(-height // 16) * 16 // sub)
        for channel, sub in ((y709, 1), (cb709, 2), (cr709, 2))
    ]
    return [
        b"".join(
            row[: width // raster.sub] for raster in rasters for row in raster.rows(range(height // raster.sub), frame)
        )
        for frame in range(scene.frame_count)
    ]


def video_config(data: bytes) -> bytes:
    return contents(data, tracks(data)["vide"], "mdia/minf/stbl/stsd/avc1/avcC")


# --- tests ---------------------------------------------------------------------------------


def test_faststart_layout_and_brands() -> None:
    data = media.render_video(320, 180, 2, "layout")
    assert [box.kind for box in boxes(data)] == ["ftyp", "moov", "mdat"]
    assert data[8:12] == b"isom"
    assert {data[i : i + 4] for i in range(16, 32, 4)} == {b"isom", b"iso2", b"avc1", b"mp41"}
    assert set(tracks(data)) == {"vide", "soun"}


@pytest.mark.parametrize(
    ("width", "height", "seconds"), [(1280, 720, 4), (720, 1280, 8), (250, 142, 2.2), (1792, 1024, 1)]
)
def test_video_track_size_codec_and_timing(width: int, height: int, seconds: float) -> None:
    data = media.render_video(width, height, seconds, "tracks")
    video = tracks(data)["vide"]
    tkhd = full_payload(data, child(data, video, "tkhd"))
    assert struct.unpack_from(">II", tkhd, 72) == (width << 16, height << 16)
    config = video_config(data)
    assert config[:4] == bytes((1, 66, 0xC0, 40))  # version, Constrained Baseline, level 4.0
    sps = parse_sps(config[8 : 8 + int.from_bytes(config[6:8], "big")])
    assert (sps.profile, sps.constraints & 0x40, sps.level, sps.width, sps.height) == (66, 0x40, 40, width, height)
    timescale, duration = mdhd(data, video)
    assert duration == round(seconds * timescale)
    assert len(samples(data, video)) == -(-round(seconds * 24 * 1000) // 1000)
    assert table(data, video, "stss") == [(1,)]


def test_integral_durations_give_fps_times_seconds_samples() -> None:
    data = media.render_video(640, 360, 5, "count", fps=30)
    video, audio = tracks(data)["vide"], tracks(data)["soun"]
    assert len(samples(data, video)) == 150
    assert table(data, video, "stts") == [(150, 1000)]
    assert mdhd(data, video) == (30_000, 150_000)
    assert mdhd(data, audio) == (48_000, 240_000)


def test_fractional_duration_is_exact_in_every_track() -> None:
    data = media.render_video(320, 240, 8.3, "fraction")
    video, audio = tracks(data)["vide"], tracks(data)["soun"]
    assert table(data, video, "stts") == [(199, 1000), (1, 200)]  # 199.2 frames: the last is short
    assert mdhd(data, video) == (24_000, 199_200)
    assert mdhd(data, audio) == (48_000, 398_400)
    (mvhd,) = [box for box in boxes(data, boxes(data)[1].start, boxes(data)[1].end) if box.kind == "mvhd"]
    assert struct.unpack_from(">II", full_payload(data, mvhd), 8) == (1000, 8300)


def test_audio_is_silent_aac_lc_mono_48k() -> None:
    data = media.render_video(160, 90, 1, "audio")
    audio = tracks(data)["soun"]
    esds = contents(data, audio, "mdia/minf/stbl/stsd/mp4a/esds")
    assert b"\x05\x02\x11\x88" in esds  # DecoderSpecificInfo: AAC-LC, 48 kHz, mono
    frames = samples(data, audio)
    assert len(frames) == 47 and len(set(frames)) == 1  # 48000 / 1024 = 46.875 frames


def test_deterministic_and_seeded() -> None:
    first = media.render_video(320, 180, 1, "same")
    assert media.render_video(320, 180, 1, "same") == first
    assert media.render_video(320, 180, 1, "other") != first


@pytest.mark.parametrize(("width", "height", "seconds"), [(200, 120, 2.1), (96, 64, 1), (34, 18, 0.5)])
def test_every_decoded_frame_matches_the_scene(width: int, height: int, seconds: float) -> None:
    data = media.render_video(width, height, seconds, "pixels")
    decoded = decode(video_config(data), samples(data, tracks(data)["vide"]))
    expected = expected_frames(width, height, seconds, "pixels")
    assert len(decoded) == len(expected)
    for frame, (picture, wanted) in enumerate(zip(decoded, expected, strict=True)):
        assert picture == wanted, f"frame {frame}"
    assert decoded[0] != decoded[-1]  # the progress bar moved


def test_odd_sizes_round_up_to_even() -> None:
    data = media.render_video(101, 57, 1, "odd")
    config = video_config(data)
    sps = parse_sps(config[8 : 8 + int.from_bytes(config[6:8], "big")])
    assert (sps.width, sps.height) == (102, 58)


@pytest.mark.parametrize(
    ("width", "height", "fps", "level"),
    [(1920, 1080, 30, 40), (1920, 1080, 60, 42), (3840, 2160, 24, 51), (4096, 2304, 30, 52)],
)
def test_level_follows_frame_size_and_rate(width: int, height: int, fps: int, level: int) -> None:
    assert StreamFormat(width, height, fps).level == level


@pytest.mark.parametrize(
    ("width", "height", "seconds", "fps"),
    [
        (0, 10, 1, 24),
        (10, 10, 0, 24),
        (10, 10, float("nan"), 24),
        (10, 10, 1, 0),
        (8192, 8192, 1, 24),
        (4096, 2304, 1, 60),
    ],
)
def test_rejects_impossible_requests(width: int, height: int, seconds: float, fps: int) -> None:
    with pytest.raises(ValueError, match=r"."):
        media.render_video(width, height, seconds, "bad", fps=fps)


def test_render_speed() -> None:
    started = time.perf_counter()
    media.render_video(1280, 720, 4, "speed")
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize("extra", [0, 1, 7, 8, 9, 5_000_000])
def test_padded_video_is_exactly_total_bytes(extra: int) -> None:
    video = media.render_video(320, 180, 1, "pad")
    total = len(video) + extra
    assert media.padded_video_size(320, 180, 1, "pad", total_bytes=total) == total
    chunks = list(media.iter_padded_video(320, 180, 1, "pad", total_bytes=total, chunk=1 << 16))
    assert sum(map(len, chunks)) == total
    assert max(map(len, chunks)) <= 1 << 16
    data = b"".join(chunks)
    kinds = [box.kind for box in boxes(data)]
    if extra >= 8:
        assert data.startswith(video) and kinds == ["ftyp", "moov", "mdat", "free"]
    else:
        assert kinds == ["ftyp", "moov", "mdat"]  # a 1-7 byte gap is filler inside mdat
        last = decode(video_config(data), samples(data, tracks(data)["vide"]))[-1]
        assert last == expected_frames(320, 180, 1, "pad")[-1]


def test_padding_smaller_than_the_video_yields_just_the_video() -> None:
    video = media.render_video(320, 180, 1, "pad")
    assert media.padded_video_size(320, 180, 1, "pad", total_bytes=100) == len(video)
    assert b"".join(media.iter_padded_video(320, 180, 1, "pad", total_bytes=100)) == video


def test_huge_padding_streams_without_building_it() -> None:
    total = 5 << 30  # beyond 4 GiB: a 64-bit free box
    stream = media.iter_padded_video(320, 180, 1, "pad", total_bytes=total, chunk=1 << 20)
    video = media.render_video(320, 180, 1, "pad")
    head = b"".join(next(stream) for _ in range(-(-len(video) // (1 << 20)) + 1))
    assert head[len(video) : len(video) + 16] == struct.pack(">I4sQ", 1, b"free", total - len(video))


@needs_ffmpeg
@pytest.mark.parametrize(("width", "height", "seconds"), [(320, 180, 1.5), (250, 142, 1.3), (180, 320, 0.5)])
def test_ffmpeg_decodes_cleanly_to_the_same_frames(tmp_path: Path, width: int, height: int, seconds: float) -> None:
    path = tmp_path / "video.mp4"
    path.write_bytes(media.render_video(width, height, seconds, "ffmpeg"))
    command = [str(FFMPEG), "-v", "warning", "-err_detect", "explode", "-i", str(path)]
    result = subprocess.run(
        [*command, "-map", "0:v", "-f", "rawvideo", "-pix_fmt", "yuv420p", "-"], capture_output=True, check=True
    )
    assert result.stderr == b""
    size = width * height * 3 // 2
    frames = [result.stdout[i : i + size] for i in range(0, len(result.stdout), size)]
    expected = expected_frames(width, height, seconds, "ffmpeg")
    assert len(frames) == len(expected)
    for frame, (picture, wanted) in enumerate(zip(frames, expected, strict=True)):
        assert picture == wanted, f"frame {frame}"
    audio = subprocess.run([*command, "-map", "0:a", "-f", "s16le", "-"], capture_output=True, check=True)
    assert audio.stderr == b""
    assert len(audio.stdout) >= 2 * 48_000 * seconds and set(audio.stdout) == {0}


@needs_ffmpeg
def test_ffprobe_reports_profile_level_and_durations(tmp_path: Path) -> None:
    path = tmp_path / "video.mp4"
    path.write_bytes(media.render_video(1280, 720, 4, "probe"))
    probe = shutil.which("ffprobe")
    assert probe is not None
    entries = "stream=codec_name,profile,level,width,height,duration,nb_frames,sample_rate,channels"
    result = subprocess.run(
        [probe, "-v", "error", "-show_entries", entries, "-of", "compact", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    video, audio = result.stdout.splitlines()
    assert "codec_name=h264|profile=Constrained Baseline|width=1280|height=720|level=40" in video
    assert "duration=4.000000|nb_frames=96" in video
    assert "codec_name=aac|profile=LC|sample_rate=48000|channels=1" in audio
    assert "duration=4.000000" in audio
