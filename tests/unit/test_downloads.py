"""Download checks and the byte-range plan of large files."""

from __future__ import annotations

import pytest

from app.core.downloads import (
    checked_type,
    first_part_range,
    range_header,
    range_total,
    remaining_parts,
)
from app.core.errors import ContentError


def test_first_request_asks_for_one_part() -> None:
    assert first_part_range(100) == "bytes=0-99"


@pytest.mark.parametrize(
    ("value", "total"),
    [
        ("bytes 0-99/1234", 1234),
        ("Bytes 0-99/200000000", 200_000_000),
        ("bytes 0-99/*", None),  # the total is unknown to the server
        ("", None),
        (None, None),
        ("items 0-1/2", None),
    ],
)
def test_total_comes_from_content_range(value: str | None, total: int | None) -> None:
    assert range_total(value) == total


def test_remaining_parts_cover_the_rest_exactly_once() -> None:
    parts = remaining_parts(total=250, received=100, part_bytes=64)
    assert parts == [(100, 163), (164, 227), (228, 249)]
    covered = [byte for first, last in parts for byte in range(first, last + 1)]
    assert covered == list(range(100, 250))
    assert [range_header(part) for part in parts[:1]] == ["bytes=100-163"]


def test_nothing_remains_when_the_first_part_was_the_whole_file() -> None:
    assert remaining_parts(total=100, received=100, part_bytes=64) == []


def test_html_error_page_is_not_stored_as_a_video() -> None:
    with pytest.raises(ContentError, match="text/html"):
        checked_type("video", "text/html; charset=utf-8", 500)
    with pytest.raises(ContentError, match="empty"):
        checked_type("video", "video/mp4", 0)
    assert checked_type("video", "application/octet-stream", 10) == "video/mp4"
    assert checked_type("thumbnail", "image/webp", 10) == "image/webp"
