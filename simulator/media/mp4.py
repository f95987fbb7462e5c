"""ISO BMFF (MP4) muxer: ftyp, moov, then mdat ("faststart"), tracks interleaved per second.

The index (moov) comes first so a browser can start playing while the file downloads; the
media data is interleaved in one-second chunks so playback never waits for a whole track.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby

MOVIE_TIMESCALE = 1000
_UINT32_MAX = 0xFFFF_FFFF
_UNITY_MATRIX = struct.pack(">9I", 0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000)
_LANGUAGE_UND = 0x55C4  # ISO 639-2 "und", three 5-bit letters


def box(kind: bytes, *parts: bytes) -> bytes:
    payload = b"".join(parts)
    return struct.pack(">I4s", 8 + len(payload), kind) + payload


def full_box(kind: bytes, version: int, flags: int, *parts: bytes) -> bytes:
    return box(kind, struct.pack(">I", (version << 24) | flags), *parts)


def box_header(kind: bytes, payload_size: int) -> bytes:
    """Header of a box whose payload is written separately, 64-bit sized when it must be."""
    if payload_size + 8 <= _UINT32_MAX:
        return struct.pack(">I4s", payload_size + 8, kind)
    return struct.pack(">I4sQ", 1, kind, payload_size + 16)


@dataclass(frozen=True)
class Track:
    handler: bytes  # b"vide" or b"soun"
    timescale: int
    durations: Sequence[int]  # per sample, in the track's timescale
    samples: Sequence[bytes]
    sample_entry: bytes  # the stsd entry box (avc1, mp4a, ...)
    sync_samples: Sequence[int] | None = None  # 1-based; None means every sample is a sync sample
    width: int = 0
    height: int = 0

    @property
    def duration(self) -> int:
        return sum(self.durations)

    def chunks(self) -> list[list[int]]:
        """Sample indices grouped by the whole second in which each sample starts."""
        starts, clock = [], 0
        for duration in self.durations:
            starts.append(clock // self.timescale)
            clock += duration
        return [[index for index, _ in group] for _, group in groupby(enumerate(starts), key=lambda item: item[1])]


def mux(tracks: Sequence[Track], *, mdat_tail: int = 0) -> bytes:
    """The whole file; ``mdat_tail`` zero bytes are appended inside mdat (unreferenced filler)."""
    chunk_lists = [track.chunks() for track in tracks]
    layout = _interleave(chunk_lists)
    chunk_data = [b"".join(tracks[number].samples[index] for index in indices) for number, indices in layout]
    payload_size = sum(map(len, chunk_data))
    ftyp = box(b"ftyp", b"isom", struct.pack(">I", 0x200), b"isom", b"iso2", b"avc1", b"mp41")
    mdat_header = box_header(b"mdat", payload_size + mdat_tail)
    # the moov's size does not depend on the offset values, only on their width
    placeholders = [[0] * len(chunks) for chunks in chunk_lists]
    wide = False
    start = len(ftyp) + len(_moov(tracks, chunk_lists, placeholders, wide=wide)) + len(mdat_header)
    if start + payload_size > _UINT32_MAX:  # 64-bit chunk offsets (co64) only beyond 4 GiB
        wide = True
        start = len(ftyp) + len(_moov(tracks, chunk_lists, placeholders, wide=wide)) + len(mdat_header)
    offsets: list[list[int]] = [[] for _ in tracks]
    for (number, _), data in zip(layout, chunk_data, strict=True):
        offsets[number].append(start)
        start += len(data)
    moov = _moov(tracks, chunk_lists, offsets, wide=wide)
    return b"".join([ftyp, moov, mdat_header, *chunk_data, bytes(mdat_tail)])


def _interleave(chunk_lists: list[list[list[int]]]) -> list[tuple[int, list[int]]]:
    """(track number, sample indices) of every chunk in file order: second by second, track by track."""
    layout: list[tuple[int, list[int]]] = []
    for second in range(max(map(len, chunk_lists))):
        layout += [(number, chunks[second]) for number, chunks in enumerate(chunk_lists) if second < len(chunks)]
    return layout


def _moov(
    tracks: Sequence[Track], chunk_lists: list[list[list[int]]], offsets: list[list[int]], *, wide: bool
) -> bytes:
    durations = [_movie_duration(track) for track in tracks]
    mvhd = full_box(
        b"mvhd", 0, 0,
        struct.pack(">IIII", 0, 0, MOVIE_TIMESCALE, max(durations)),
        struct.pack(">IH10x", 0x10000, 0x100),  # rate 1.0, volume 1.0
        _UNITY_MATRIX,
        bytes(24),  # pre_defined
        struct.pack(">I", len(tracks) + 1),  # next_track_ID
    )  # fmt: skip
    traks = [
        _trak(track, number + 1, duration, chunks, chunk_offsets, wide=wide)
        for number, (track, duration, chunks, chunk_offsets) in enumerate(
            zip(tracks, durations, chunk_lists, offsets, strict=True)
        )
    ]
    return box(b"moov", mvhd, *traks)


def _movie_duration(track: Track) -> int:
    return round(track.duration * MOVIE_TIMESCALE / track.timescale)


def _trak(
    track: Track, track_id: int, duration: int, chunks: list[list[int]], offsets: list[int], *, wide: bool
) -> bytes:
    video = track.handler == b"vide"
    tkhd = full_box(
        b"tkhd", 0, 3,  # enabled, in movie
        struct.pack(">IIIII8x", 0, 0, track_id, 0, duration),
        struct.pack(">hhhH", 0, 0, 0 if video else 0x100, 0),  # layer, alternate group, volume
        _UNITY_MATRIX,
        struct.pack(">II", track.width << 16, track.height << 16),
    )  # fmt: skip
    mdhd = full_box(b"mdhd", 0, 0, struct.pack(">IIIIHH", 0, 0, track.timescale, track.duration, _LANGUAGE_UND, 0))
    name = b"VideoHandler\0" if video else b"SoundHandler\0"
    hdlr = full_box(b"hdlr", 0, 0, struct.pack(">I4s12x", 0, track.handler), name)
    media_header = full_box(b"vmhd", 0, 1, bytes(8)) if video else full_box(b"smhd", 0, 0, bytes(4))
    dinf = box(b"dinf", full_box(b"dref", 0, 0, struct.pack(">I", 1), full_box(b"url ", 0, 1)))
    minf = box(b"minf", media_header, dinf, _stbl(track, chunks, offsets, wide=wide))
    return box(b"trak", tkhd, box(b"mdia", mdhd, hdlr, minf))


def _stbl(track: Track, chunks: list[list[int]], offsets: list[int], *, wide: bool) -> bytes:
    stsd = full_box(b"stsd", 0, 0, struct.pack(">I", 1), track.sample_entry)
    runs = [(len(list(group)), duration) for duration, group in groupby(track.durations)]
    stts = full_box(b"stts", 0, 0, struct.pack(">I", len(runs)), *(struct.pack(">II", *run) for run in runs))
    parts = [stsd, stts]
    if track.sync_samples is not None:
        sync = track.sync_samples
        parts.append(full_box(b"stss", 0, 0, struct.pack(f">I{len(sync)}I", len(sync), *sync)))
    per_chunk = [(number + 1, len(chunk)) for number, chunk in enumerate(chunks)]
    stsc_entries = [entry for index, entry in enumerate(per_chunk) if index == 0 or entry[1] != per_chunk[index - 1][1]]
    parts.append(
        full_box(
            b"stsc",
            0,
            0,
            struct.pack(">I", len(stsc_entries)),
            *(struct.pack(">III", first, count, 1) for first, count in stsc_entries),
        )
    )
    sizes = [len(sample) for sample in track.samples]
    if len(set(sizes)) == 1:
        parts.append(full_box(b"stsz", 0, 0, struct.pack(">II", sizes[0], len(sizes))))
    else:
        parts.append(full_box(b"stsz", 0, 0, struct.pack(f">II{len(sizes)}I", 0, len(sizes), *sizes)))
    if wide:
        parts.append(full_box(b"co64", 0, 0, struct.pack(f">I{len(offsets)}Q", len(offsets), *offsets)))
    else:
        parts.append(full_box(b"stco", 0, 0, struct.pack(f">I{len(offsets)}I", len(offsets), *offsets)))
    return box(b"stbl", *parts)


def avc1_entry(width: int, height: int, decoder_configuration: bytes) -> bytes:
    """Visual sample entry for H.264 with its avcC configuration box."""
    return box(
        b"avc1",
        struct.pack(">6xH", 1),  # reserved, data_reference_index
        struct.pack(">HH12xHH", 0, 0, width, height),
        struct.pack(">III", 0x480000, 0x480000, 0),  # 72 dpi, reserved
        struct.pack(">H32sHh", 1, b"", 0x18, -1),  # frame_count, compressorname, depth, pre_defined
        box(b"avcC", decoder_configuration),
    )


def mp4a_entry(sample_rate: int, channels: int, audio_specific_config: bytes, bitrate: int) -> bytes:
    """Audio sample entry for AAC with its esds (MPEG-4 elementary stream descriptor) box."""
    decoder_specific = _descriptor(5, audio_specific_config)
    decoder_config = _descriptor(
        4,
        struct.pack(">BB", 0x40, 0x15)
        + struct.pack(">I", 6144)[1:]
        + struct.pack(">II", bitrate, bitrate)
        + decoder_specific,
    )  # 0x40: MPEG-4 audio; 0x15: audio stream; then a 24-bit buffer size and the bitrates
    es = _descriptor(3, struct.pack(">HB", 0, 0) + decoder_config + _descriptor(6, b"\x02"))
    return box(
        b"mp4a",
        struct.pack(">6xH8x", 1),
        struct.pack(">HHHHI", channels, 16, 0, 0, sample_rate << 16),
        full_box(b"esds", 0, 0, es),
    )


def _descriptor(tag: int, payload: bytes) -> bytes:
    if len(payload) > 127:
        raise ValueError("descriptor too long for a one-byte size")
    return bytes((tag, len(payload))) + payload
