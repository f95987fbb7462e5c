"""Library filters, search, sort, URL params and facets."""

from __future__ import annotations

import dataclasses
import datetime
import random
from typing import Any

import pytest

from app.core.job_record import JobRecord, JobStatus
from app.core.library_query import (
    SORTS,
    LibraryQuery,
    SearchIndex,
    aspect_of,
    facets,
    is_item,
    local_day,
    normalise,
    query_from_params,
    query_to_params,
    run,
    search_terms,
)
from tests.unit.library_factory import T0, at, item, job, library_of, usd

JAN_2 = datetime.date(2027, 1, 2)


def shelf() -> list[JobRecord]:
    return [
        item("a", prompt="Café by the sea", created_at=at(2027, 1, 1), seconds=8, estimate_usd=usd("0.80")),
        item("b", prompt="A mountain road", size="720x1280", created_at=at(2027, 1, 2), tags=("Travel", "Alps")),
        item("c", prompt="Neon city", model="sora-2-pro", created_at=at(2027, 1, 3), seconds=12, estimate_usd=None),
        item("d", prompt="cafe interior", title="Morning coffee", created_at=at(2027, 1, 4), folder="shoot"),
        item("e", prompt="Straße in 東京", size="1024x1024", created_at=at(2027, 1, 5), tags=("city",)),
        job("x", prompt="failed sea", status=JobStatus.FAILED, created_at=at(2027, 1, 6)),
        item("z", prompt="archived sea", archived_at=T0, created_at=at(2027, 1, 7)),
    ]


def ids(query: LibraryQuery, jobs: list[JobRecord] | None = None) -> list[str]:
    jobs = shelf() if jobs is None else jobs
    return [j.id for j in run(query, jobs, SearchIndex.build(jobs))]


# -- which jobs are items ------------------------------------------------------------------------


@pytest.mark.parametrize("status", [s for s in JobStatus if s is not JobStatus.SUCCEEDED])
def test_only_succeeded_jobs_are_items(status: JobStatus) -> None:
    assert not is_item(job("q", status=status))
    assert ids(LibraryQuery(), [job("q", status=status), item("ok")]) == ["ok"]


def test_archived_items_are_hidden_unless_asked_for() -> None:
    assert ids(LibraryQuery()) == ["e", "d", "c", "b", "a"]
    assert ids(LibraryQuery(include_archived=True)) == ["z", "e", "d", "c", "b", "a"]
    assert ids(LibraryQuery(text="sea", include_archived=True)) == ["z", "a"]  # failed "x" never shows


# -- search --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CAFE", ["d", "a"]),
        ("café", ["d", "a"]),  # accents in the query are ignored too
        ("cafe sea", ["a"]),  # every term must match
        ("sea cafe", ["a"]),
        ("cafe   \t\n sea", ["a"]),
        ("cafe mountain", []),
        ("coffee", ["d"]),  # the title counts
        ("travel", ["b"]),  # tags count in free text
        ("tag:travel", ["b"]),
        ("TAG:ALPS road", ["b"]),
        ("tag:road", []),  # tag: searches tags only
        ("tag:tra", ["b"]),  # tag terms match inside tags, like free text
        ("tag:", ["e", "d", "c", "b", "a"]),  # an empty tag term is no term
        ("strasse", ["e"]),  # casefold: ß is ss
        ("東京", ["e"]),
        ("", ["e", "d", "c", "b", "a"]),
        ("   ", ["e", "d", "c", "b", "a"]),
    ],
)
def test_search(text: str, expected: list[str]) -> None:
    assert ids(LibraryQuery(text=text)) == expected


def test_normalise_and_terms() -> None:
    assert normalise("Crème Brûlée") == "creme brulee"
    assert normalise("ﬁlm") == "film"  # compatibility forms fold too
    assert [(t.text, t.tag_only) for t in search_terms("Tag:Été  soir tag:")] == [("ete", True), ("soir", False)]


def test_search_without_an_index_gives_the_same_answer() -> None:
    jobs = shelf()
    for text in ("cafe", "tag:travel", "neon city", "nothing"):
        query = LibraryQuery(text=text)
        assert run(query, jobs) == run(query, jobs, SearchIndex.build(jobs))


def test_index_reuses_unchanged_jobs_and_sees_edits() -> None:
    jobs = shelf()
    index = SearchIndex.build(jobs)
    renamed = jobs[0].model_copy(update={"title": "Harbour at dusk", "updated_at": jobs[0].updated_at + 1})
    edited = [renamed, *jobs[1:4]]
    again = SearchIndex.build(edited, index)
    assert again.haystacks["b"] is index.haystacks["b"]
    assert again.haystacks["a"] is not index.haystacks["a"]
    assert set(again.haystacks) == {"a", "b", "c", "d"}  # jobs that are gone drop out
    assert ids(LibraryQuery(text="harbour"), edited) == ["a"]


def test_a_stale_index_entry_is_not_trusted() -> None:
    jobs = shelf()
    index = SearchIndex.build(jobs)
    renamed = jobs[1].model_copy(update={"title": "Glacier", "updated_at": jobs[1].updated_at + 5})
    assert [j.id for j in run(LibraryQuery(text="glacier"), [renamed], index)] == ["b"]


# -- filters -------------------------------------------------------------------------------------


def test_model_filter() -> None:
    assert ids(LibraryQuery(models=frozenset({"sora-2-pro"}))) == ["c"]
    assert ids(LibraryQuery(models=frozenset({"sora-2-pro", "sora-2"}))) == ["e", "d", "c", "b", "a"]
    assert ids(LibraryQuery(models=frozenset({"veo"}))) == []


def test_provider_filter() -> None:
    jobs = [
        item("o", provider_id="openai-videos", created_at=at(2027, 1, 1)),
        item("r", provider_id="openrouter", created_at=at(2027, 1, 2)),
        item("g", provider_id="gemini", created_at=at(2027, 1, 3)),
    ]
    assert ids(LibraryQuery(providers=frozenset({"openrouter"})), jobs) == ["r"]
    assert ids(LibraryQuery(providers=frozenset({"openrouter", "gemini"})), jobs) == ["g", "r"]
    assert ids(LibraryQuery(providers=frozenset({"nobody"})), jobs) == []
    assert ids(LibraryQuery(), jobs) == ["g", "r", "o"]
    assert LibraryQuery(providers=frozenset({"openrouter"})).filtered
    assert facets(jobs).providers == ("gemini", "openai-videos", "openrouter")


@pytest.mark.parametrize(
    ("aspect", "expected"),
    [("all", ["e", "d", "c", "b", "a"]), ("landscape", ["d", "c", "a"]), ("portrait", ["b"]), ("square", ["e"])],
)
def test_aspect_filter(aspect: str, expected: list[str]) -> None:
    assert ids(LibraryQuery(aspect=aspect)) == expected


def test_a_size_that_does_not_parse_shows_only_under_all_shapes() -> None:
    odd = [item("odd", size="widescreen")]
    assert aspect_of("widescreen") is None and aspect_of("1024x1024") == "square"
    assert ids(LibraryQuery(), odd) == ["odd"]
    assert [ids(LibraryQuery(aspect=a), odd) for a in ("landscape", "portrait", "square")] == [[], [], []]


def test_folder_filter() -> None:
    assert ids(LibraryQuery(folder="shoot")) == ["d"]
    assert ids(LibraryQuery(folder="")) == ["e", "c", "b", "a"]  # "" is "not in a folder"
    assert ids(LibraryQuery(folder="Shoot")) == []  # folder names are exact


def test_dates_are_inclusive_days() -> None:
    assert ids(LibraryQuery(date_from=JAN_2, date_to=datetime.date(2027, 1, 3))) == ["c", "b"]
    assert ids(LibraryQuery(date_from=datetime.date(2027, 1, 4))) == ["e", "d"]
    assert ids(LibraryQuery(date_to=JAN_2)) == ["b", "a"]
    assert ids(LibraryQuery(date_from=JAN_2, date_to=JAN_2)) == ["b"]
    assert ids(LibraryQuery(date_from=datetime.date(2027, 1, 3), date_to=JAN_2)) == []  # reversed: nothing


def test_dates_follow_the_viewers_calendar() -> None:
    late = [item("late", created_at=at(2027, 1, 1, 23, 30))]  # 23:30 UTC on the 1st is the 2nd in Paris
    assert ids(LibraryQuery(date_from=JAN_2), late) == []
    assert ids(LibraryQuery(date_from=JAN_2, utc_offset_s=3600), late) == ["late"]
    early = [item("early", created_at=at(2027, 1, 2, 0, 30))]  # ...and 00:30 UTC is the 1st in New York
    assert ids(LibraryQuery(date_to=datetime.date(2027, 1, 1), utc_offset_s=-5 * 3600), early) == ["early"]


def test_a_corrupt_timestamp_fails_date_filters_without_raising() -> None:
    broken = [item("inf", created_at=float("inf"))]
    assert local_day(float("inf")) is None
    assert ids(LibraryQuery(), broken) == ["inf"]
    assert ids(LibraryQuery(date_from=JAN_2), broken) == []


def test_filters_combine() -> None:
    query = LibraryQuery(text="cafe", aspect="landscape", folder="shoot", date_from=JAN_2)
    assert ids(query) == ["d"]
    assert ids(dataclasses.replace(query, models=frozenset({"sora-2-pro"}))) == []


# -- sort ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("date_desc", ["e", "d", "c", "b", "a"]),
        ("date_asc", ["a", "b", "c", "d", "e"]),
        ("cost_desc", ["a", "e", "d", "b", "c"]),  # unknown price last; equal prices newest first
        ("cost_asc", ["e", "d", "b", "a", "c"]),  # unknown price last here too
        ("length_desc", ["c", "a", "e", "d", "b"]),
        ("length_asc", ["e", "d", "b", "a", "c"]),
        ("random", ["e", "d", "c", "b", "a"]),  # an unknown sort is the default
    ],
)
def test_sorts(sort: str, expected: list[str]) -> None:
    assert ids(LibraryQuery(sort=sort)) == expected


@pytest.mark.parametrize("sort", SORTS)
def test_order_does_not_depend_on_input_order(sort: str) -> None:
    same_time = [item(f"tie-{name}", created_at=T0, estimate_usd=usd("0.40")) for name in "qwerty"]
    jobs = same_time + shelf()
    shuffled = jobs[:]
    random.Random(7).shuffle(shuffled)
    assert ids(LibraryQuery(sort=sort), jobs) == ids(LibraryQuery(sort=sort), shuffled)
    tied = [i for i in ids(LibraryQuery(sort=sort), jobs) if i.startswith("tie-")]
    assert tied == sorted(tied) and len(tied) == 6  # full ties fall back to the id


# -- URL params ----------------------------------------------------------------------------------


def test_params_round_trip() -> None:
    query = LibraryQuery(
        text="neon city",
        models=frozenset({"sora-2", "sora-2-pro"}),
        aspect="portrait",
        date_from=datetime.date(2027, 1, 2),
        date_to=datetime.date(2027, 2, 28),
        folder="Paris shoot",
        sort="cost_asc",
        include_archived=True,
    )
    params = query_to_params(query)
    assert params == {
        "q": "neon city",
        "model": "sora-2,sora-2-pro",
        "aspect": "portrait",
        "from": "2027-01-02",
        "to": "2027-02-28",
        "folder": "Paris shoot",
        "sort": "cost_asc",
        "archived": "1",
    }
    assert query_from_params(params) == query


def test_provider_params_round_trip() -> None:
    query = LibraryQuery(providers=frozenset({"openrouter", "gemini"}))
    params = query_to_params(query)
    assert params == {"provider": "gemini,openrouter"}
    assert query_from_params(params) == query
    tidied = query_from_params({"provider": " openrouter, ,gemini,"})
    assert tidied.providers == {"openrouter", "gemini"}
    assert query_from_params({"provider": " , "}) == LibraryQuery()


def test_defaults_make_no_params() -> None:
    assert query_to_params(LibraryQuery()) == {}
    assert query_to_params(LibraryQuery(text="   ")) == {}
    assert query_to_params(LibraryQuery(text="  sea ")) == {"q": "sea"}
    assert query_from_params({}) == LibraryQuery()


@pytest.mark.parametrize(
    "params",
    [
        {"aspect": "round"},
        {"sort": "random"},
        {"sort": "DATE_ASC"},
        {"from": "yesterday"},
        {"to": "2027-13-45"},
        {"from": "20270102"},
        {"from": "2027-01-02T10:00"},
        {"model": " , ,"},
        {"archived": "yes"},
        {"folder": ""},
        {"q": None, "model": None, "folder": None, "sort": 3},
        {"unknown": "x"},
    ],
)
def test_garbage_params_are_ignored(params: dict[str, Any]) -> None:
    assert query_from_params(params) == LibraryQuery()


def test_params_are_tidied() -> None:
    query = query_from_params({"q": " sea ", "model": "sora-2, sora-2-pro,", "aspect": "square", "from": "2027-01-02"})
    assert query.text == "sea" and query.models == {"sora-2", "sora-2-pro"}
    assert query.aspect == "square" and query.date_from == JAN_2
    assert len(query_from_params({"q": "x" * 10_000}).text) == 500
    assert query_from_params({}, utc_offset_s=3600).utc_offset_s == 3600


# -- facets and scale ----------------------------------------------------------------------------


def test_facets_list_what_the_library_holds() -> None:
    found = facets(shelf())
    assert found.models == ("sora-2", "sora-2-pro")
    assert found.folders == ("shoot",)
    assert found.tags == ("Alps", "city", "Travel")  # in reading order, not code-point order
    assert facets([]) == facets([job("x", status=JobStatus.FAILED, folder="f", tags=("t",))])
    assert facets([]).models == ()
    archived = [item("z", archived_at=T0, folder="old")]
    assert facets(archived).folders == () and facets(archived, include_archived=True).folders == ("old",)


def test_filtered_flag() -> None:
    assert not LibraryQuery().filtered
    assert not LibraryQuery(sort="cost_asc", text="  ").filtered
    assert LibraryQuery(folder="").filtered and LibraryQuery(date_to=JAN_2).filtered


def test_five_thousand_jobs() -> None:
    many = library_of(5000)
    index = SearchIndex.build(many)
    found = run(LibraryQuery(text="ocean"), many, index)
    assert len(found) == 1000 and found[0].id == "j04995"
    assert len(run(LibraryQuery(text="ocean", models=frozenset({"sora-2"})), many, index)) == 500  # even i
    assert len(run(LibraryQuery(text="ocean", aspect="portrait"), many, index)) == 333
    assert len(run(LibraryQuery(), many, index)) == 5000
    day = local_day(T0)  # all 5,000 were made on this day, a second apart
    assert day is not None and local_day(T0 + 4999) == day
    assert len(run(LibraryQuery(date_from=day, date_to=day), many, index)) == 5000
    assert run(LibraryQuery(date_to=day - datetime.timedelta(days=1)), many, index) == []
