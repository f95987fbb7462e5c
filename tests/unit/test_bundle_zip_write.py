"""The ZIP writer: Python's zipfile reads what it plans, ZIP64 included, without GBs in memory."""

from __future__ import annotations

import bisect
import hashlib
import io
import itertools
import struct
import zipfile
import zlib
from collections.abc import Sequence

import pytest

from app.core.bundle import zip_format as z
from app.core.bundle.digest import Crc32, FileDigest, digest_of
from app.core.bundle.limits import GIB
from app.core.bundle.zip_read import read_zip
from app.core.bundle.zip_write import (
    ContentRef,
    Part,
    ZipEntrySpec,
    central_directory,
    end_records,
    local_header,
    parts_size,
    plan_zip,
)
from tests.unit.bundle_kit import NOW, assemble, stored_zip

FILES = [("manifest.json", b'{"a": 1}'), ("files/été.mp4", bytes(range(256)) * 9), ("empty.txt", b"")]


class VirtualArchive(io.RawIOBase):
    """A seekable file over planned parts where huge contents are runs of zeros never allocated."""

    def __init__(self, parts: Sequence[Part], contents: dict[int, bytes]) -> None:
        self._pieces: list[bytes | int] = [
            contents.get(p.index, p.size) if isinstance(p, ContentRef) else p for p in parts
        ]
        self._starts: list[int] = []
        total = 0
        for piece in self._pieces:
            self._starts.append(total)
            total += piece if isinstance(piece, int) else len(piece)
        self.size = total
        self._position = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: self.size}[whence]
        self._position = base + offset
        return self._position

    def tell(self) -> int:
        return self._position

    def read_range(self, offset: int, length: int) -> bytes:
        out = bytearray()
        end = min(offset + length, self.size)
        index = bisect.bisect_right(self._starts, offset) - 1
        while offset < end:
            piece, start = self._pieces[index], self._starts[index]
            size = piece if isinstance(piece, int) else len(piece)
            take = min(end, start + size) - offset
            out += bytes(take) if isinstance(piece, int) else piece[offset - start : offset - start + take]
            offset += take
            index += 1
        return bytes(out)

    def read(self, size: int | None = -1) -> bytes:
        length = self.size - self._position if size is None or size < 0 else size
        data = self.read_range(self._position, length)
        self._position += len(data)
        return data


def test_zipfile_reads_every_entry_with_its_crc_name_and_time() -> None:
    data = stored_zip(FILES)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None  # every CRC-32 checks out
        infos = archive.infolist()
        assert [i.filename for i in infos] == [name for name, _ in FILES]
        assert [archive.read(i) for i in infos] == [content for _, content in FILES]
        assert all(i.compress_type == zipfile.ZIP_STORED and i.flag_bits & 0x800 for i in infos)
        assert infos[0].date_time == (2026, 1, 1, 0, 0, 0)


def test_parts_join_headers_and_point_at_each_content() -> None:
    contents = [content for _, content in FILES]
    parts = plan_zip([ZipEntrySpec(name, len(c), zlib.crc32(c)) for name, c in FILES])
    data = assemble(parts, contents)
    refs = [p for p in parts if isinstance(p, ContentRef)]
    assert [r.index for r in refs] == [0, 1]  # the empty entry has no content part
    assert all(data[r.offset : r.offset + r.size] == contents[r.index] for r in refs)
    assert not any(isinstance(a, bytes) and isinstance(b, bytes) for a, b in itertools.pairwise(parts))
    assert parts_size(parts) == len(data)


def test_headers_are_exactly_what_the_planner_joins() -> None:
    spec = ZipEntrySpec("a.txt", 3, zlib.crc32(b"abc"), NOW)
    header = local_header(spec)
    directory = central_directory([(spec, 0)])
    tail = directory + end_records(1, len(header) + 3, len(directory))
    assert plan_zip([spec]) == [header, ContentRef(0, len(header), 3), tail]


def test_incremental_digests_match_one_shot_hashes() -> None:
    data = bytes(range(256)) * 1000
    crc, digest = Crc32(), FileDigest()
    for start in range(0, len(data), 4099):
        crc.update(data[start : start + 4099])
        digest.update(data[start : start + 4099])
    assert crc.value == zlib.crc32(data)
    assert digest.result() == digest_of(data)
    assert digest.result().sha256 == hashlib.sha256(data).hexdigest()
    assert digest.result().size == len(data)


def test_a_file_over_4_gib_gets_zip64_records_that_zipfile_and_our_reader_follow() -> None:
    huge = 5 * GIB
    after = b"the entry after the huge one"
    specs = [
        ZipEntrySpec("files/huge.mp4", huge, 0x12345678, NOW),
        ZipEntrySpec("files/after.txt", len(after), zlib.crc32(after), NOW),
    ]
    parts = plan_zip(specs)
    archive = VirtualArchive(parts, {1: after})
    assert archive.size > huge
    with zipfile.ZipFile(archive) as opened:
        infos = opened.infolist()
        assert [i.file_size for i in infos] == [huge, len(after)]
        assert infos[1].header_offset > z.MAX_U32  # only a ZIP64 extra can say where it starts
        assert opened.read("files/after.txt") == after
    entries = read_zip(archive.size, archive.read_range)
    assert [(e.name, e.uncompressed_size) for e in entries] == [
        ("files/huge.mp4", huge),
        ("files/after.txt", len(after)),
    ]
    assert archive.read_range(entries[1].data_offset, len(after)) == after


def test_zip64_fields_are_marked_and_carried_in_the_extra_fields() -> None:
    spec = ZipEntrySpec("big.bin", z.MAX_U32, 7)  # exactly 0xFFFFFFFF: the marker value itself needs ZIP64
    header = local_header(spec)
    fields = z.LOCAL.unpack_from(header)
    assert fields[1] == z.VERSION_ZIP64 and fields[7] == fields[8] == z.MAX_U32
    assert struct.unpack_from("<HHQQ", header, z.LOCAL.size + len("big.bin")) == (1, 16, z.MAX_U32, z.MAX_U32)
    small = ZipEntrySpec("small.bin", z.MAX_U32 - 1, 7)
    assert z.LOCAL.unpack_from(local_header(small))[7] == z.MAX_U32 - 1
    assert len(local_header(small)) == z.LOCAL.size + len("small.bin")  # no ZIP64 extra below the limit
    central = central_directory([(ZipEntrySpec("late.txt", 1, 7), 6 * GIB)])  # only the offset overflows
    assert z.CENTRAL.unpack_from(central)[16] == z.MAX_U32
    assert struct.unpack_from("<HHQ", central, z.CENTRAL.size + len("late.txt")) == (1, 8, 6 * GIB)
    records = end_records(3, 5 * GIB, 300)
    assert struct.unpack_from("<I", records)[0] == z.ZIP64_END_SIGNATURE
    assert z.END.unpack_from(records, len(records) - z.END.size)[6] == z.MAX_U32


def test_more_than_65535_entries_use_zip64_end_records() -> None:
    count = 70_000
    specs = [ZipEntrySpec(f"files/{i}.txt", 0, 0) for i in range(count)]
    data = assemble(plan_zip(specs), [])
    end = z.END.unpack_from(data, len(data) - z.END.size)
    assert end[3] == end[4] == z.MAX_U16
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert len(archive.infolist()) == count
    entries = read_zip(len(data), lambda offset, length: data[offset : offset + length])
    assert len(entries) == count and entries[-1].name == f"files/{count - 1}.txt"


@pytest.mark.parametrize(
    ("mtime", "expected"),
    [(0.0, (1980, 1, 1, 0, 0, 0)), (NOW + 59, (2026, 1, 1, 0, 0, 58)), (1e12, (2107, 12, 31, 23, 59, 58))],
)
def test_times_are_utc_dos_times_clamped_to_their_range(mtime: float, expected: tuple[int, ...]) -> None:
    data = assemble(plan_zip([ZipEntrySpec("a", 0, 0, mtime)]), [])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.infolist()[0].date_time == expected


@pytest.mark.parametrize(
    ("name", "fragment"),
    [("../x", "climbs out"), ("/abs", "absolute path"), ("C:\\x", "drive letter"), ("a\\b", "backslash"),
     ("a\x00b", "NUL"), ("dir/", "folder entries"), ("", "empty")],
)  # fmt: skip
def test_the_writer_refuses_names_the_reader_would_refuse(name: str, fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        ZipEntrySpec(name, 0, 0)


def test_the_writer_refuses_names_that_clash_ignoring_case() -> None:
    with pytest.raises(ValueError, match="same name"):
        plan_zip([ZipEntrySpec("files/A.mp4", 0, 0), ZipEntrySpec("files/a.MP4", 0, 0)])


def test_the_writer_refuses_impossible_sizes_and_crcs() -> None:
    with pytest.raises(ValueError, match="size"):
        ZipEntrySpec("a", -1, 0)
    with pytest.raises(ValueError, match="CRC"):
        ZipEntrySpec("a", 1, 1 << 32)
