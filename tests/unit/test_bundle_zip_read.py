"""The ZIP reader: ordinary archives are read through range reads; damaged and hostile ones
are refused with a typed error naming the entry and what is wrong."""

from __future__ import annotations

import functools
import io
import struct
import tracemalloc
import zipfile
import zlib

import pytest

from app.core.bundle import zip_format as z
from app.core.bundle.errors import ZipError, ZipFault
from app.core.bundle.inflate import EntryDecoder, read_entry
from app.core.bundle.limits import MIB, Limits
from app.core.bundle.zip_read import ZipEntry, read_zip, read_zip_async
from app.core.bundle.zip_write import ZipEntrySpec, plan_zip
from tests.unit.aio import run
from tests.unit.bundle_kit import RawEntry, assemble, craft, deflated, local_record, reader, stored_zip

SAMPLE = [("manifest.json", b'{"format": "x"}'), ("files/a.mp4", b"video bytes " * 50), ("files/b.webp", b"webp")]


def refused(data: bytes, limits: Limits | None = None, *, size: int | None = None) -> ZipError:
    with pytest.raises(ZipError) as caught:
        read_zip(len(data) if size is None else size, reader(data), limits or Limits())
    return caught.value


def test_reads_entries_and_their_data_offsets() -> None:
    data = stored_zip(SAMPLE)
    entries = read_zip(len(data), reader(data))
    assert [e.name for e in entries] == [name for name, _ in SAMPLE]
    for entry, (_, content) in zip(entries, SAMPLE, strict=True):
        assert data[entry.data_offset : entry.data_end] == content
        assert (entry.method, entry.crc32, entry.uncompressed_size) == (z.STORED, zlib.crc32(content), len(content))


def test_reads_through_an_async_range_reader() -> None:
    data = stored_zip(SAMPLE)

    async def read(offset: int, length: int) -> bytes:
        return data[offset : offset + length]

    assert run(read_zip_async(len(data), read)) == read_zip(len(data), reader(data))


def test_reads_what_zipfile_writes_deflate_and_data_descriptors_included() -> None:
    class Unseekable(io.RawIOBase):  # zipfile then streams, with data descriptors (flag bit 3)
        def __init__(self) -> None:
            self.buffer = bytearray()

        def writable(self) -> bool:
            return True

        def write(self, data: bytes) -> int:  # type: ignore[override]
            self.buffer += data
            return len(data)

    sink = Unseekable()
    with zipfile.ZipFile(sink, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in SAMPLE:
            archive.writestr(name, content)
    data = bytes(sink.buffer)
    entries = read_zip(len(data), reader(data))
    assert all(e.method == z.DEFLATED and e.flags & z.FLAG_DATA_DESCRIPTOR for e in entries)
    assert [read_entry(e, reader(data), MIB) for e in entries] == [content for _, content in SAMPLE]


def test_an_archive_comment_is_allowed() -> None:
    data = craft([RawEntry(b"a.txt", b"abc")], comment=b"made by a tool PK\x05\x06 with a fake signature")
    assert [e.name for e in read_zip(len(data), reader(data))] == ["a.txt"]


def test_an_empty_archive_has_no_entries() -> None:
    data = stored_zip([])
    assert read_zip(len(data), reader(data)) == ()


@pytest.mark.parametrize("cut", ["end record", "central directory", "mid-data", "every offset"])
def test_a_truncated_zip_is_refused_wherever_it_is_cut(cut: str) -> None:
    data = stored_zip(SAMPLE)
    entries = read_zip(len(data), reader(data))
    directory_start = z.END.unpack_from(data, len(data) - z.END.size)[6]
    offsets = {
        "end record": range(len(data) - z.END.size, len(data)),
        "central directory": range(directory_start, len(data) - z.END.size),
        "mid-data": range(entries[1].data_offset, entries[1].data_end),
        "every offset": range(len(data)),
    }[cut]
    for size in offsets:
        error = refused(data[:size])
        assert error.fault is ZipFault.TRUNCATED, size
        assert "truncated" in error.message or "too short" in error.message


def test_a_file_that_shrinks_while_it_is_read_is_refused() -> None:
    data = stored_zip(SAMPLE)
    error = refused(data[:-5], size=len(data))
    assert error.fault is ZipFault.TRUNCATED and "ended early" in error.message


def _patch_end(data: bytes, **fields: int) -> bytes:
    names = ["signature", "disk", "directory_disk", "count_here", "count", "size", "offset", "comment"]
    values = list(z.END.unpack_from(data, len(data) - z.END.size))
    for name, value in fields.items():
        values[names.index(name)] = value
    return data[: -z.END.size] + z.END.pack(*values)


@pytest.mark.parametrize(
    "fields",
    [{"offset": 10_000}, {"size": 10_000}, {"offset": 1, "size": 5000}],
)
def test_a_central_directory_outside_the_file_is_refused(fields: dict[str, int]) -> None:
    data = stored_zip(SAMPLE)
    count = len(SAMPLE)
    error = refused(_patch_end(data, count=count, count_here=count, **fields))
    assert error.fault is ZipFault.DIRECTORY_OUTSIDE and "outside" in error.message


def test_a_corrupt_central_directory_is_refused() -> None:
    data = bytearray(stored_zip(SAMPLE))
    start = z.END.unpack_from(data, len(data) - z.END.size)[6]
    data[start : start + 4] = b"JUNK"
    error = refused(bytes(data))
    assert error.fault is ZipFault.DIRECTORY_CORRUPT and "entry #1" in error.message


def test_an_entry_count_the_directory_cannot_hold_is_refused() -> None:
    data = stored_zip(SAMPLE)
    error = refused(_patch_end(data, count=40, count_here=40))
    assert error.fault is ZipFault.DIRECTORY_CORRUPT and "cannot fit" in error.message


def test_zip64_markers_without_zip64_records_are_refused() -> None:
    error = refused(_patch_end(stored_zip(SAMPLE), offset=z.MAX_U32))
    assert error.fault is ZipFault.DIRECTORY_CORRUPT and "ZIP64" in error.message


def test_a_multi_disk_zip_is_refused() -> None:
    error = refused(_patch_end(stored_zip(SAMPLE), disk=1))
    assert error.fault is ZipFault.SPANNED and "multi-disk" in error.message


@pytest.mark.parametrize("flags", [0x0801, 0x0841])
def test_an_encrypted_entry_is_refused(flags: int) -> None:
    error = refused(craft([RawEntry(b"ok.txt", b"x"), RawEntry(b"secret.txt", b"xxxx", flags=flags)]))
    assert (error.fault, error.entry) == (ZipFault.ENCRYPTED, "secret.txt")
    assert "secret.txt" in str(error) and "encrypted" in str(error)


def test_an_entry_encrypted_only_in_its_local_header_is_refused() -> None:
    error = refused(craft([RawEntry(b"secret.txt", b"xxxx", local_flags=0x0801)]))
    assert (error.fault, error.entry) == (ZipFault.ENCRYPTED, "secret.txt")


@pytest.mark.parametrize(("method", "label"), [(12, "bzip2"), (14, "LZMA"), (93, "Zstandard"), (77, "unknown")])
def test_a_compression_method_other_than_stored_and_deflate_is_refused(method: int, label: str) -> None:
    error = refused(craft([RawEntry(b"data.bin", b"xxxx", method=method)]))
    assert (error.fault, error.entry) == (ZipFault.METHOD, "data.bin")
    assert f"method {method} ({label})" in error.message


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("../x", "climbs out"),
        ("files/../../x", "climbs out"),
        ("/abs", "absolute path"),
        ("C:\\x", "drive letter"),
        ("C:/x", "drive letter"),
        ("files\\a.mp4", "backslash"),
        ("a\x00b", "NUL"),
        ("a\x1bb", "control character"),
        ("a\x85b", "control character"),
        ("files//a", "empty or '.'"),
        ("./a", "empty or '.'"),
        ("", "empty"),
        ("x" * 600, "600 bytes long"),
    ],
)
def test_an_unsafe_name_is_refused(name: str, fragment: str) -> None:
    error = refused(craft([RawEntry(b"fine.txt", b""), RawEntry(name.encode(), b"x")]))
    assert (error.fault, error.entry) == (ZipFault.UNSAFE_NAME, name)
    assert fragment in error.message


def test_a_name_that_is_not_utf8_is_refused() -> None:
    error = refused(craft([RawEntry(b"\xff\xfe.txt", b"x")]))
    assert error.fault is ZipFault.UNSAFE_NAME and "UTF-8" in error.message


def test_a_legacy_name_without_the_utf8_flag_is_read_as_cp437() -> None:
    data = craft([RawEntry("r\u00e9sum\u00e9.txt".encode("cp437"), b"x", flags=0)])
    assert read_zip(len(data), reader(data))[0].name == "résumé.txt"


@pytest.mark.parametrize(
    ("first", "second"),
    [("files/a.mp4", "files/a.mp4"), ("files/a.mp4", "FILES/A.MP4"), ("caf\u00e9", "cafe\u0301")],
)
def test_duplicate_names_are_refused_ignoring_case_and_normalisation(first: str, second: str) -> None:
    error = refused(craft([RawEntry(first.encode(), b"1"), RawEntry(second.encode(), b"2")]))
    assert (error.fault, error.entry) == (ZipFault.DUPLICATE_NAME, second)
    assert repr(first) in error.message


@pytest.mark.parametrize(
    ("override", "fragment"),
    [
        ({"local_name": b"other.txt"}, "names it 'other.txt'"),
        ({"local_method": 8}, "compression method 8"),
        ({"local_crc32": 1234}, "CRC-32 000004d2"),
        ({"local_csize": 3}, "sizes 3/"),
    ],
)
def test_a_local_header_that_disagrees_with_the_central_directory_is_refused(
    override: dict[str, object], fragment: str
) -> None:
    error = refused(craft([RawEntry(b"a.txt", b"hello", **override)]))  # type: ignore[arg-type]
    assert (error.fault, error.entry) == (ZipFault.HEADER_MISMATCH, "a.txt")
    assert fragment in error.message


def test_a_central_entry_pointing_at_no_local_header_is_refused() -> None:
    error = refused(craft([RawEntry(b"a.txt", b"hello world, hello world"), RawEntry(b"b.txt", b"", header_offset=40)]))
    assert (error.fault, error.entry) == (ZipFault.HEADER_MISMATCH, "b.txt")
    assert "no local header at offset 40" in error.message


def test_overlapping_entries_are_refused() -> None:
    inner = RawEntry(b"inner.txt", b"shared bytes")
    outer = RawEntry(b"outer.txt", local_record(inner, zlib.crc32(inner.data), 12, 12))
    nested = RawEntry(b"inner.txt", b"shared bytes", write_local=False, header_offset=z.LOCAL.size + len(outer.name))
    error = refused(craft([outer, nested]))
    assert (error.fault, error.entry) == (ZipFault.OVERLAP, "inner.txt")
    assert "inside entry 'outer.txt'" in error.message


def test_two_central_entries_claiming_one_local_header_are_refused() -> None:
    shared = RawEntry(b"a.txt", b"abc")
    twin = RawEntry(b"A.txt", b"abc", write_local=False, header_offset=0)
    assert refused(craft([shared, twin])).fault is ZipFault.DUPLICATE_NAME
    other = refused(craft([shared, RawEntry(b"b.txt", b"abc", write_local=False, header_offset=0)]))
    assert (other.fault, other.entry) == (ZipFault.HEADER_MISMATCH, "b.txt")


def test_data_running_into_the_central_directory_is_refused() -> None:
    error = refused(craft([RawEntry(b"a.txt", b"abc", csize=5000, usize=5000)]))
    assert (error.fault, error.entry) == (ZipFault.DATA_OUTSIDE, "a.txt")
    assert "5000 bytes" in error.message and "runs past" in error.message


def test_a_local_header_outside_the_data_area_is_refused() -> None:
    error = refused(craft([RawEntry(b"a.txt", b"abc", write_local=False, header_offset=10_000)]))
    assert (error.fault, error.entry) == (ZipFault.DATA_OUTSIDE, "a.txt")


def test_a_stored_entry_whose_sizes_differ_is_refused() -> None:
    error = refused(craft([RawEntry(b"a.txt", b"abc", usize=300)]))
    assert (error.fault, error.entry) == (ZipFault.DIRECTORY_CORRUPT, "a.txt")
    assert "STORED" in error.message


def test_too_many_entries_are_refused_before_the_directory_is_read() -> None:
    error = refused(stored_zip(SAMPLE), Limits(max_entries=2))
    assert error.fault is ZipFault.TOO_MANY_ENTRIES and "3 entries; at most 2" in error.message


def test_an_oversized_central_directory_is_refused() -> None:
    error = refused(stored_zip(SAMPLE), Limits(max_central_directory_bytes=100))
    assert error.fault is ZipFault.TOO_MANY_ENTRIES and "central directory" in error.message


def test_an_oversized_entry_is_refused() -> None:
    error = refused(stored_zip(SAMPLE), Limits(max_entry_bytes=100))
    assert (error.fault, error.entry) == (ZipFault.ENTRY_TOO_LARGE, "files/a.mp4")
    assert "600 bytes; at most 100" in error.message


def test_an_oversized_total_is_refused() -> None:
    error = refused(stored_zip(SAMPLE), Limits(max_total_bytes=500))
    assert error.fault is ZipFault.TOTAL_TOO_LARGE and "at most 500" in error.message


def test_a_zip_bomb_entry_is_refused_by_its_compression_ratio() -> None:
    bomb = deflated("files/bomb.mp4", bytes(20 * MIB))  # ~20 KB that inflate to 20 MiB
    error = refused(craft([RawEntry(b"manifest.json", b"{}"), bomb]))
    assert (error.fault, error.entry) == (ZipFault.RATIO, "files/bomb.mp4")
    assert "zip bomb" in error.message


def test_a_tightened_ratio_catches_small_entries_too() -> None:
    data = craft([deflated("a.txt", b"a" * 4000)])
    assert read_zip(len(data), reader(data))  # small entries are harmless by default
    error = refused(data, Limits(ratio_floor_bytes=0, max_entry_ratio=5))
    assert (error.fault, error.entry) == (ZipFault.RATIO, "a.txt")


def test_the_overall_ratio_is_bounded_too() -> None:
    data = craft([deflated(f"part{i}.txt", bytes(range(64)) * 64) for i in range(4)])
    error = refused(data, Limits(ratio_floor_bytes=0, max_entry_ratio=1000, max_total_ratio=3))
    assert error.fault is ZipFault.RATIO and error.entry is None and "overall" in error.message


def _entry(data: bytes, name: str) -> ZipEntry:
    return next(e for e in read_zip(len(data), reader(data)) if e.name == name)


def test_a_deflate_stream_that_inflates_past_its_declared_size_stops_at_once() -> None:
    lying = deflated("a.txt", bytes(1000), usize=10)
    data = craft([lying])
    decoder = EntryDecoder(_entry(data, "a.txt"))
    with pytest.raises(ZipError, match="more than its declared 10 bytes") as caught:
        decoder.feed(lying.data)
    assert caught.value.fault is ZipFault.BAD_DATA


def test_a_lying_bomb_is_stopped_without_inflating_it_in_memory() -> None:
    lying = deflated("a.txt", bytes(64 * MIB), usize=10)  # 64 KB of DEFLATE claiming 10 bytes
    decoder = EntryDecoder(_entry(craft([lying]), "a.txt"))
    tracemalloc.start()
    try:
        with pytest.raises(ZipError, match="more than its declared"):
            decoder.feed(lying.data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < MIB


@pytest.mark.parametrize(
    ("entry", "fragment"),
    [
        (RawEntry(b"a.txt", b"abc", crc32=1), "CRC-32"),
        (deflated("a.txt", b"hello" * 10, usize=60), "holds 50 bytes"),
        (RawEntry(b"a.txt", b"\xff\xff\xff", method=8, plain=b"abc"), "damaged"),
    ],
)
def test_bad_entry_data_is_refused_when_read(entry: RawEntry, fragment: str) -> None:
    data = craft([entry])
    with pytest.raises(ZipError, match=fragment) as caught:
        read_entry(_entry(data, "a.txt"), reader(data), MIB)
    assert caught.value.fault is ZipFault.BAD_DATA and caught.value.entry == "a.txt"


def test_a_cut_deflate_stream_is_refused() -> None:
    whole = deflated("a.txt", bytes(range(256)) * 20)
    cut = RawEntry(b"a.txt", whole.data[:-10], method=8, plain=whole.plain)
    data = craft([cut])
    with pytest.raises(ZipError, match="cut short"):
        read_entry(_entry(data, "a.txt"), reader(data), MIB)


def test_an_entry_larger_than_asked_is_not_read() -> None:
    data = stored_zip(SAMPLE)
    with pytest.raises(ZipError, match="at most 100 are read") as caught:
        read_entry(_entry(data, "files/a.mp4"), reader(data), 100)
    assert caught.value.fault is ZipFault.ENTRY_TOO_LARGE


def test_zip64_extra_fields_must_be_present_when_marked() -> None:
    data = bytearray(craft([RawEntry(b"a.txt", b"abc")]))
    start = z.END.unpack_from(data, len(data) - z.END.size)[6]
    struct.pack_into("<II", data, start + 20, z.MAX_U32, z.MAX_U32)  # sizes marked "see ZIP64 extra"
    error = refused(bytes(data))
    assert (error.fault, error.entry) == (ZipFault.DIRECTORY_CORRUPT, "a.txt")
    assert "no ZIP64 extra field" in error.message


@functools.cache
def _zip64_bytes() -> bytes:
    return assemble(plan_zip([ZipEntrySpec(f"{i}.txt", 0, 0) for i in range(z.MAX_U16)]), [])


def _zip64_archive() -> bytearray:
    """An archive whose 65,535 entries need ZIP64 end records, to damage."""
    return bytearray(_zip64_bytes())


def test_zip64_end_records_that_point_outside_the_file_are_refused() -> None:
    data = _zip64_archive()
    locator = len(data) - z.END.size - z.ZIP64_LOCATOR.size
    struct.pack_into("<Q", data, locator + 8, len(data))  # the ZIP64 end record "after" the locator
    error = refused(bytes(data))
    assert error.fault is ZipFault.DIRECTORY_OUTSIDE and "ZIP64 end record" in error.message


def test_a_missing_zip64_end_record_is_refused() -> None:
    data = _zip64_archive()
    end64 = len(data) - z.END.size - z.ZIP64_LOCATOR.size - z.ZIP64_END.size
    data[end64 : end64 + 4] = b"JUNK"
    error = refused(bytes(data))
    assert error.fault is ZipFault.DIRECTORY_CORRUPT and "no ZIP64 end record" in error.message


def test_a_zip64_locator_of_a_multi_disk_archive_is_refused() -> None:
    data = _zip64_archive()
    locator = len(data) - z.END.size - z.ZIP64_LOCATOR.size
    struct.pack_into("<I", data, locator + 16, 3)  # three disks
    assert refused(bytes(data)).fault is ZipFault.SPANNED
