"""Unit tests of the simulator's building blocks: images, forms, markers, ranges, cache, tokens."""

from __future__ import annotations

import struct
import threading
import time

import pytest

from simulator import errors
from simulator.body import decode_fields
from simulator.cache import BoundedCache
from simulator.errors import ApiError
from simulator.faults import JobFaults, KeyFault, MarkerError, key_faults, parse_prompt_markers
from simulator.images import ImageError, ImageInfo, read_image_info, sniff_mime
from simulator.multipart import FilePart, MultipartError, parse_form
from simulator.ranges import RangeNotSatisfiableError, parse_range, slice_chunks
from simulator.signing import FileRef, Signer
from simulator.testing import encode_multipart, jpeg_image, png_image, webp_image
from simulator.validation import validate_create

# ---- images ------------------------------------------------------------------------------


def test_png_size_is_read_from_ihdr() -> None:
    assert read_image_info(png_image(7, 5)) == ImageInfo("image/png", 7, 5)


def test_jpeg_size_skips_segments_and_fill_bytes() -> None:
    data = jpeg_image(1280, 720)
    with_fill = data[:2] + b"\xff" + data[2:]  # a fill byte before APP0 is legal
    assert read_image_info(data) == ImageInfo("image/jpeg", 1280, 720)
    assert read_image_info(with_fill) == ImageInfo("image/jpeg", 1280, 720)


def test_progressive_jpeg_frame_header_counts() -> None:
    data = jpeg_image(64, 48).replace(b"\xff\xc0", b"\xff\xc2")
    assert read_image_info(data) == ImageInfo("image/jpeg", 64, 48)


def test_webp_vp8x_vp8l_and_vp8_headers() -> None:
    assert read_image_info(webp_image(720, 1280)) == ImageInfo("image/webp", 720, 1280)
    bits = (100 - 1) | ((30 - 1) << 14)
    vp8l = b"VP8L" + struct.pack("<I", 5) + b"\x2f" + struct.pack("<I", bits)
    assert read_image_info(b"RIFF\x00\x00\x00\x00WEBP" + vp8l) == ImageInfo("image/webp", 100, 30)
    vp8 = b"VP8 " + struct.pack("<I", 10) + b"\x00\x00\x00\x9d\x01\x2a" + struct.pack("<HH", 320, 240)
    assert read_image_info(b"RIFF\x00\x00\x00\x00WEBP" + vp8) == ImageInfo("image/webp", 320, 240)


@pytest.mark.parametrize(
    ("data", "mime"),
    [
        (b"GIF89a....", "image/gif"),
        (b"BM......", "image/bmp"),
        (b"%PDF-1.7", "application/pdf"),
        (b"\x00\x00\x00\x18ftypheic", "image/heic"),
        (b"hello", None),
    ],
)
def test_other_types_are_named_but_not_measured(data: bytes, mime: str | None) -> None:
    assert sniff_mime(data) == mime
    assert read_image_info(data) is None


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00",  # no IHDR
        b"\xff\xd8\xff\xda\x00\x02",  # scan before any frame header
        b"\xff\xd8\xff\xe0\x00\x10" + b"x" * 14 + b"\x00\x00\x00\x00",  # garbage after APP0
        b"RIFF\x00\x00\x00\x00WEBPXXXX",  # unknown WebP chunk
        png_image(1, 1)[:16] + struct.pack(">II", 0, 0),  # zero-sized frame
    ],
)
def test_broken_headers_raise_image_error(data: bytes) -> None:
    with pytest.raises(ImageError):
        read_image_info(data)


# ---- multipart and bodies -------------------------------------------------------------------


def test_multipart_round_trips_binary_files_and_unicode_text() -> None:
    payload = bytes(range(256)) * 3 + b"\r\n--not-a-boundary\r\n\r\n"
    content_type, body = encode_multipart(
        {"prompt": "héllo\r\nwörld"}, {"input_reference": ("a.png", "image/png", payload)}
    )
    fields = parse_form(content_type, body)
    assert fields["prompt"] == "héllo\r\nwörld"
    assert fields["input_reference"] == FilePart("a.png", "image/png", payload)


def test_multipart_part_without_content_type_is_octet_stream() -> None:
    boundary = "XyZ"
    disposition = 'Content-Disposition: form-data; name="f"; filename="x.bin"'
    body = f"--{boundary}\r\n{disposition}\r\n\r\nabc\r\n--{boundary}--\r\n".encode()
    assert parse_form(f"multipart/form-data; boundary={boundary}", body)["f"] == FilePart(
        "x.bin", "application/octet-stream", b"abc"
    )


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("multipart/form-data", b"--x\r\n\r\n--x--"),  # no boundary
        ("multipart/form-data; boundary=x", b"--x\r\nContent-Disposition: form-data\r\n\r\nv\r\n--x--\r\n"),
    ],
)
def test_malformed_multipart_is_rejected(content_type: str, body: bytes) -> None:
    with pytest.raises(MultipartError):
        parse_form(content_type, body)


def test_bodies_decode_by_content_type() -> None:
    assert decode_fields("application/json; charset=utf-8", b'{"prompt": "x"}') == {"prompt": "x"}
    assert decode_fields("", b'{"prompt": "x"}') == {"prompt": "x"}  # sniffed JSON
    assert decode_fields("", b"") == {}
    content_type, body = encode_multipart({"prompt": "y"}, {})
    assert decode_fields(content_type, body) == {"prompt": "y"}


@pytest.mark.parametrize(
    ("content_type", "body", "fragment"),
    [
        ("application/json", b"{nope", "could not parse the JSON body"),
        ("application/json", b"\xff\xfe", "could not parse the JSON body"),
        ("application/json", b"[1, 2]", "expected an object, but got an array"),
        ("text/plain", b"prompt=x", "Unsupported content type: 'text/plain'"),
        ("multipart/form-data", b"x", "multipart/form-data body"),
    ],
)
def test_unreadable_bodies_are_400(content_type: str, body: bytes, fragment: str) -> None:
    with pytest.raises(ApiError) as caught:
        decode_fields(content_type, body)
    assert caught.value.status == 400
    assert fragment in caught.value.message


# ---- validation edge cases not reachable cheaply over HTTP ----------------------------------------


def test_oversized_reference_image_is_rejected_before_decoding() -> None:
    big = FilePart("big.png", "image/png", png_image(720, 1280) + b"\x00" * (20 * 1024 * 1024))
    with pytest.raises(ApiError) as caught:
        validate_create({"prompt": "x", "input_reference": big})
    assert (caught.value.param, caught.value.code) == ("input_reference", "file_too_large")


def test_default_fields_follow_the_api_defaults() -> None:
    params = validate_create({"prompt": "x"})
    assert (params.model, params.seconds, params.size, params.image) == ("sora-2", "4", "720x1280", None)


# ---- markers ----------------------------------------------------------------------------------


def test_every_prompt_marker_parses() -> None:
    prompt = (
        "[sim:moderation] [sim:fail] [sim:canceled] [sim:status=weird_state] [sim:expired=5] "
        "[sim:500=2] [sim:429=3] [sim:content500=4] [sim:truncate=1] [sim:redirect] [sim:slow=250] "
        "[sim:duration=1.5] [sim:bytes=3000000]"
    )
    faults = parse_prompt_markers(prompt)
    assert faults == JobFaults(
        moderation=True,
        fail=True,
        canceled=True,
        final_status="weird_state",
        expires_after_s=5.0,
        status_500=2,
        status_429=3,
        content_500=4,
        truncate=1,
        redirect=True,
        slow_ms=250,
        duration_s=1.5,
        pad_bytes=3_000_000,
        markers=faults.markers,
    )
    assert len(faults.markers) == 13


def test_marker_defaults_and_case() -> None:
    faults = parse_prompt_markers("[SIM:Expired] [sim:500] [sim:429] [sim:content500] [sim:truncate] [sim:slow]")
    assert faults.expires_after_s == 0.0
    assert (faults.status_500, faults.status_429, faults.content_500, faults.truncate) == (1, 1, 1, 1)
    assert faults.slow_ms == 1000
    assert parse_prompt_markers("no markers [sim: spaced] [simfail]") == JobFaults()


@pytest.mark.parametrize(
    "prompt",
    [
        "[sim:nosuch]",
        "[sim:moderation=yes]",
        "[sim:500=x]",
        "[sim:500=-1]",
        "[sim:slow=999999]",
        "[sim:duration]",
        "[sim:duration=-1]",
        "[sim:duration=nan]",
        "[sim:bytes]",
        "[sim:status]",
        "[sim:status=Not-A-Word]",
    ],
)
def test_bad_markers_raise(prompt: str) -> None:
    with pytest.raises(MarkerError):
        parse_prompt_markers(prompt)


def test_key_markers_are_found_anywhere_in_the_key() -> None:
    assert key_faults("sk-proj-SIM-401-abc") == {KeyFault.INVALID}
    assert key_faults("sk-sim-quota-sim-500") == {KeyFault.QUOTA, KeyFault.SERVER}
    assert key_faults("sk-plain") == frozenset()


# ---- errors -----------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["sim-401", "sk-proj-abcdefghijklmnopqrstuvwxyz-sim-401-0123456789", "k", ""])
def test_masked_keys_never_show_the_whole_key(key: str) -> None:
    masked = errors.mask_key(key)
    assert "****" in masked
    if key:
        assert key not in masked
    assert sum(c != "*" for c in masked) <= len(key) // 2


def test_supported_values_are_listed_like_openai() -> None:
    assert errors.quoted_list(["4"]) == "'4'"
    assert errors.quoted_list(["4", "8"]) == "'4' and '8'"
    assert errors.quoted_list(["4", "8", "12"]) == "'4', '8', and '12'"


# ---- ranges ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("bytes=0-9", (0, 10)),
        ("bytes=10-", (10, 100)),
        ("bytes=-10", (90, 100)),
        ("bytes=-500", (0, 100)),
        ("bytes=90-500", (90, 100)),
        ("bytes=0-0", (0, 1)),
        ("bytes=5-2", None),  # invalid: ignored
        ("bytes=0-1,5-6", None),  # several ranges: whole content
        ("items=0-1", None),
        ("bytes=-", None),
    ],
)
def test_range_parsing(header: str, expected: tuple[int, int] | None) -> None:
    assert parse_range(header, 100) == expected


@pytest.mark.parametrize("header", ["bytes=100-", "bytes=150-200", "bytes=-0"])
def test_unsatisfiable_ranges(header: str) -> None:
    with pytest.raises(RangeNotSatisfiableError):
        parse_range(header, 100)


def test_slice_chunks_crosses_chunk_boundaries() -> None:
    data = bytes(range(100))
    chunks = [data[i : i + 7] for i in range(0, 100, 7)]
    for start, end in [(0, 100), (3, 4), (6, 8), (13, 99), (98, 100)]:
        assert b"".join(slice_chunks(chunks, start, end)) == data[start:end]


# ---- cache and tokens -------------------------------------------------------------------------------


def test_cache_evicts_least_recently_used_by_count_and_weight() -> None:
    cache: BoundedCache[str, bytes] = BoundedCache(max_entries=2, max_weight=10, weigh=len)
    cache.get_or_compute("a", lambda: b"1234")
    cache.get_or_compute("b", lambda: b"1234")
    cache.get_or_compute("a", lambda: b"never")  # hit: "a" becomes most recent
    cache.get_or_compute("c", lambda: b"1234")  # evicts "b"
    assert cache.get_or_compute("b", lambda: b"new") == b"new"
    assert len(cache) == 2
    cache.get_or_compute("huge", lambda: b"x" * 11)  # heavier than the budget: returned, not kept
    assert cache.get_or_compute("huge", lambda: b"again") == b"again"


def test_cache_computes_once_under_concurrency() -> None:
    cache: BoundedCache[str, bytes] = BoundedCache(4, 100, len)
    calls: list[int] = []

    def slow() -> bytes:
        calls.append(1)
        time.sleep(0.05)
        return b"v"

    threads = [threading.Thread(target=cache.get_or_compute, args=("k", slow)) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1


def test_file_tokens_are_signed_and_opaque() -> None:
    signer = Signer()
    ref = FileRef("scope", "video_abc", "thumbnail")
    token = signer.sign(ref)
    assert signer.verify(token) == ref
    assert Signer().verify(token) is None  # another simulator's secret
    assert signer.verify(token[:-2] + "AA") is None
    assert signer.verify("not-a-token") is None
    assert signer.verify("!!!.x") is None
