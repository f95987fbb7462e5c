"""The byte-range plan of a download and the ledger of what is stored."""

from __future__ import annotations

import pytest

from app.core.byte_ranges import (
    MAX_PART_BYTES,
    MIN_PART_BYTES,
    PARALLEL_PARTS,
    ContentRange,
    covered,
    merged,
    missing,
    parse_content_range,
    part_bytes,
    plan_parts,
    range_header,
)
from app.core.download_ledger import Ledger, PartialDownload, part_key, partial_of


@pytest.mark.parametrize(
    ("value", "parsed"),
    [
        ("bytes 0-99/1234", ContentRange(0, 100, 1234)),
        ("Bytes 0-99/200000000", ContentRange(0, 100, 200_000_000)),
        ("bytes 0-99/*", ContentRange(0, 100, None)),  # the total is unknown to the server
        ("bytes 9-3/20", None),
        ("", None),
        (None, None),
        ("items 0-1/2", None),
    ],
)
def test_content_range_is_read_with_its_end_excluded(value: str | None, parsed: ContentRange | None) -> None:
    assert parse_content_range(value) == parsed


def test_parts_are_a_small_share_of_the_file_within_bounds() -> None:
    assert part_bytes(1000) == MIN_PART_BYTES
    assert part_bytes(10_000_000_000) == MAX_PART_BYTES
    size = part_bytes(24_000_000)
    assert size % (64 << 10) == 0 and 24_000_000 / size <= 48  # a small file: about 48 parts


def test_a_crash_loses_at_most_a_few_mib_whatever_the_size_of_the_file() -> None:
    # A part comes whole or not at all, and the server has usually sent every part in flight
    # in full: a 200 MB file in 4 MiB parts lost 12.5 MB per kill (1.126x after two kills).
    for total in (200_000_000, 2_000_000_000, 10_000_000_000):
        assert PARALLEL_PARTS * part_bytes(total) <= 6 << 20
    assert 2 * PARALLEL_PARTS * part_bytes(200_000_000) <= 0.065 * 200_000_000  # two kills: ≤ 1.065x


def test_the_plan_fetches_every_missing_byte_once_first_gap_first() -> None:
    total = 3 * MIN_PART_BYTES + 10
    stored = [(MIN_PART_BYTES, 2 * MIN_PART_BYTES)]
    parts = plan_parts(total, stored)
    assert parts[0] == (0, MIN_PART_BYTES)
    assert parts[-1] == (3 * MIN_PART_BYTES, total)
    assert covered([*parts, *stored]) == total
    assert sum(end - start for start, end in parts) == total - MIN_PART_BYTES  # nothing twice
    assert range_header(parts[0]) == f"bytes=0-{MIN_PART_BYTES - 1}"


def test_gaps_and_merging_of_touching_spans() -> None:
    assert merged([(5, 9), (0, 5), (20, 30), (25, 28)]) == ((0, 9), (20, 30))
    assert missing(40, [(0, 9), (20, 30)]) == ((9, 20), (30, 40))
    assert missing(10, [(0, 10)]) == ()


def test_a_ledger_knows_its_first_missing_byte_and_what_it_still_needs() -> None:
    ledger = Ledger("job", "video", 1000, "video/mp4").with_part((0, 400), 1.0).with_part((600, 1000), 2.0)
    assert ledger.stored == 800 and ledger.first_missing == 400 and not ledger.complete
    assert ledger.to_fetch() == ((400, 600),)
    assert ledger.space_needed() == 200 + 1000  # the rest, then the joined copy
    assert ledger.part_keys() == (part_key("job", "video", 0), part_key("job", "video", 600))
    assert Ledger.from_record(ledger.to_record()) == ledger
    assert ledger.with_part((400, 600), 3.0).complete


@pytest.mark.parametrize(
    "raw",
    [None, "text", {"job_id": "j"}, {"job_id": "j", "variant": "video", "total": 10, "parts": [[0, 20]]}],
)
def test_an_unreadable_or_impossible_ledger_is_refused(raw: object) -> None:
    assert Ledger.from_record(raw) is None


def test_the_card_shows_the_biggest_file_of_a_job() -> None:
    video = Ledger("a", "video", 1000).with_part((0, 300), 1.0)
    thumb = Ledger("a", "thumbnail", 10).with_part((0, 10), 1.0)
    assert partial_of([thumb, video]) == {"a": PartialDownload(300, 1000)}
