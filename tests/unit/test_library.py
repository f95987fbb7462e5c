"""Library core: filters, search, sort, URL params, virtual-grid math, selection, ledger."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from app.core import selection as sel
from app.core.job_record import JobRecord, JobStatus
from app.core.ledger import build_ledger, chart_bars
from app.core.library_query import LibraryQuery, SearchIndex, facets, query_from_params, query_to_params, run
from app.core.virtual_grid import GridLayout, move_focus, scroll_to_reveal, visible_range
from tests.unit.jobs_factory import T0, make_job

DAY = 86_400.0


def library() -> list[JobRecord]:
    return [
        make_job("a", prompt="Café by the sea", created_at=T0, seconds=8, estimate_usd=Decimal("0.80")),
        make_job("b", prompt="A mountain road", size="720x1280", created_at=T0 + DAY, tags=("travel",)),
        make_job("c", prompt="Neon city", model="sora-2-pro", created_at=T0 + 2 * DAY, seconds=12, estimate_usd=None),
        make_job("d", prompt="cafe interior", title="Morning coffee", created_at=T0 + 3 * DAY, folder="shoot"),
        make_job("e", prompt="failed one", status=JobStatus.FAILED, created_at=T0 + 4 * DAY),
        make_job("f", prompt="archived", archived_at=T0, created_at=T0 + 5 * DAY),
    ]


def ids(query: LibraryQuery) -> list[str]:
    jobs = library()
    return [j.id for j in run(query, jobs, SearchIndex.build(jobs))]


def test_only_stored_unarchived_renders_newest_first() -> None:
    assert ids(LibraryQuery()) == ["d", "c", "b", "a"]


def test_search_ignores_case_and_accents_and_needs_every_word() -> None:
    assert ids(LibraryQuery(text="CAFE")) == ["d", "a"]
    assert ids(LibraryQuery(text="cafe sea")) == ["a"]
    assert ids(LibraryQuery(text="coffee")) == ["d"]  # the title counts
    assert ids(LibraryQuery(text="tag:travel")) == ["b"]
    assert ids(LibraryQuery(text="tag:road")) == []  # tag: searches tags only


def test_filters() -> None:
    assert ids(LibraryQuery(models=frozenset({"sora-2-pro"}))) == ["c"]
    assert ids(LibraryQuery(aspect="portrait")) == ["b"]
    assert ids(LibraryQuery(aspect="landscape")) == ["d", "c", "a"]
    assert ids(LibraryQuery(folder="shoot")) == ["d"]
    start = datetime.datetime.fromtimestamp(T0 + DAY, tz=datetime.UTC).date()
    assert ids(LibraryQuery(date_from=start, date_to=start + datetime.timedelta(days=1))) == ["c", "b"]


def test_sorts_put_unknown_prices_last_and_break_ties_by_date() -> None:
    assert ids(LibraryQuery(sort="cost_desc")) == ["a", "d", "b", "c"]
    assert ids(LibraryQuery(sort="cost_asc")) == ["d", "b", "a", "c"]
    assert ids(LibraryQuery(sort="length_desc")) == ["c", "a", "d", "b"]
    assert ids(LibraryQuery(sort="date_asc")) == ["a", "b", "c", "d"]


def test_params_round_trip_and_garbage_is_ignored() -> None:
    query = LibraryQuery(
        text="neon",
        models=frozenset({"sora-2"}),
        aspect="portrait",
        date_from=datetime.date(2027, 1, 2),
        sort="cost_asc",
    )
    assert query_from_params(query_to_params(query)) == query
    assert query_to_params(LibraryQuery()) == {}
    junk = query_from_params({"aspect": "round", "sort": "random", "from": "yesterday", "to": "2027-13-45"})
    assert junk == LibraryQuery()


def test_facets_and_a_large_library() -> None:
    found = facets(library())
    assert found.models == ("sora-2", "sora-2-pro") and found.folders == ("shoot",) and found.tags == ("travel",)
    many = [make_job(f"j{i}", prompt=f"shot {i} {'ocean' if i % 5 == 0 else 'forest'}") for i in range(5000)]
    index = SearchIndex.build(many)
    assert len(run(LibraryQuery(text="ocean"), many, index)) == 1000
    again = SearchIndex.build(many, index)
    assert again.haystacks["j1"] is index.haystacks["j1"]  # unchanged jobs are not re-normalised


def test_grid_window_does_not_grow_with_the_library() -> None:
    layout = GridLayout(viewport_width=1000, tile_min_width=240, tile_height=250, gap=16)
    assert layout.columns == 3
    small = visible_range(layout, 1000, scroll_top=5000, viewport_height=800)
    large = visible_range(layout, 50_000, scroll_top=5000, viewport_height=800)
    assert small.end - small.first == large.end - large.first <= 3 * 9
    assert small.first % 3 == 0 and small.first <= 5000 // 266 * 3
    assert visible_range(layout, 0, 0, 800).end == 0
    assert visible_range(layout, 10, scroll_top=-50, viewport_height=800).first == 0
    end = visible_range(layout, 10, scroll_top=99_999, viewport_height=800)
    assert end.end == 10
    assert GridLayout(viewport_width=0).columns == 1


def test_keyboard_moves_and_scrolls_into_view() -> None:
    assert move_focus(4, "ArrowRight", 3, 10) == 5
    assert move_focus(4, "ArrowUp", 3, 10) == 1
    assert move_focus(8, "ArrowDown", 3, 10) == 9
    assert move_focus(1, "ArrowUp", 3, 10) == 0
    assert move_focus(5, "End", 3, 10) == 9 and move_focus(5, "Home", 3, 10) == 0
    assert move_focus(0, "PageDown", 3, 100, page_rows=2) == 6
    layout = GridLayout(viewport_width=1000)
    assert scroll_to_reveal(layout, 0, 0, 800) is None
    assert scroll_to_reveal(layout, 30, 0, 800) == 10 * 266 + 250 - 800
    assert scroll_to_reveal(layout, 0, 500, 800) == 0


ORDER = ["a", "b", "c", "d", "e"]


def test_click_toggle_and_shift_ranges() -> None:
    s = sel.click(sel.clear(), "b")
    assert s.ids == {"b"}
    s = sel.extend(s, "d", ORDER)
    assert s.ids == {"b", "c", "d"}
    s = sel.extend(s, "a", ORDER)  # a new shift-click replaces the range
    assert s.ids == {"a", "b"}
    s = sel.toggle(s, "e")
    assert s.ids == {"a", "b", "e"} and s.anchor == "e"
    s = sel.extend(s, "c", ORDER)  # keeps what was selected before the anchor
    assert s.ids == {"a", "b", "c", "d", "e"}
    assert sel.ordered(sel.toggle(s, "c"), ORDER) == ["a", "b", "d", "e"]


def test_select_all_clear_and_prune() -> None:
    s = sel.select_all(ORDER)
    assert len(s) == 5
    s = sel.prune(s, ["a", "c"])
    assert s.ids == {"a", "c"} and s.anchor == "a"
    assert len(sel.clear()) == 0
    assert sel.extend(sel.clear(), "c", ORDER).ids == {"c"}  # no anchor: a plain click


def test_ledger_totals_models_months_and_failures_apart() -> None:
    jobs = [
        make_job("1", estimate_usd=Decimal("0.40"), finished_at=T0),
        make_job("2", model="sora-2-pro", estimate_usd=Decimal("3.00"), finished_at=T0 + 70 * DAY),
        make_job("3", estimate_usd=None, finished_at=T0),
        make_job("4", status=JobStatus.BLOCKED, remote_id="v4", estimate_usd=Decimal("0.80")),
        make_job("5", status=JobStatus.FAILED, remote_id=None, estimate_usd=Decimal("0.80")),  # never reached the API
        make_job("6", status=JobStatus.RUNNING, remote_id="v6", estimate_usd=Decimal("1.20")),
        make_job("7", status=JobStatus.CANCELED, remote_id="v7"),
    ]
    ledger = build_ledger(jobs)
    assert ledger.total_usd == Decimal("3.40") and ledger.count == 3 and ledger.unknown_price_count == 1
    assert [(m.model, m.count, m.usd) for m in ledger.by_model] == [
        ("sora-2-pro", 1, Decimal("3.00")),
        ("sora-2", 1, Decimal("0.40")),
    ]
    assert ledger.failed_usd == Decimal("0.80") and ledger.failed_count == 1
    assert ledger.running_usd == Decimal("1.20")
    assert [m for m, _ in ledger.by_month] == ["2027-01", "2027-02", "2027-03"]  # the empty month is there
    assert ledger.by_month[1][1] == Decimal("0.00")
    bars = chart_bars(ledger.by_month, 300, 100)
    assert bars[2] == (200.0, 100.0) and bars[0][1] == pytest.approx(100 * 0.4 / 3)


def test_empty_ledger() -> None:
    ledger = build_ledger([])
    assert ledger.total_usd == 0 and ledger.by_month == () and chart_bars((), 10, 10) == []


def test_scrub_frames_follow_the_pointer() -> None:
    from app.core.scrub import SpriteLayout

    layout = SpriteLayout()
    assert [layout.frame_at(f) for f in (-1, 0, 0.15, 0.5, 0.99, 1, 2)] == [0, 0, 1, 5, 9, 9, 9]
    assert layout.background_position(0) == "0% 0%" and layout.background_position(9) == "100% 100%"
    assert layout.background_position(6) == "25% 100%" and layout.background_size() == "500% 200%"
