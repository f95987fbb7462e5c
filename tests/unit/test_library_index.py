"""The search index's kept sort orders and position search: the same answers as sorting and
searching afresh, worked out once per index."""

from __future__ import annotations

import random

import pytest

from app.core.job_record import JobRecord, JobStatus
from app.core.library_index import SearchIndex, is_item, search_terms
from app.core.library_query import LibraryQuery, run
from app.core.library_sort import SORTS, sort_items
from tests.unit.library_factory import T0, item, job, usd


def mixed(count: int = 300) -> list[JobRecord]:
    """Items with many ties (dates, prices, lengths), some unpriced, archived or failed, shuffled."""
    rng = random.Random(11)
    jobs = []
    for i in range(count):
        changes = {
            "created_at": T0 + rng.randrange(20),  # about 15 jobs per second: ties everywhere
            "seconds": rng.choice((4, 8, 12)),
            "estimate_usd": rng.choice((None, usd("0.40"), usd("0.80"), usd("1.20"))),
            "prompt": f"take {i} {rng.choice(('harbour', 'forest', 'city'))}",
            "tags": (rng.choice(("night", "day")),),
        }
        if i % 23 == 0:
            jobs.append(job(f"j{i:04d}", status=JobStatus.FAILED, **changes))
        else:
            jobs.append(item(f"j{i:04d}", archived_at=T0 if i % 19 == 0 else None, **changes))
    rng.shuffle(jobs)
    return jobs


@pytest.mark.parametrize("include_archived", [False, True])
@pytest.mark.parametrize("sort", [*SORTS, "not-a-sort"])
def test_kept_orders_equal_a_fresh_sort(sort: str, include_archived: bool) -> None:
    jobs = mixed()
    index = SearchIndex.build(jobs)
    index.order("cost_asc", include_archived)  # orders asked for before do not change later ones
    fresh = [j for j in jobs if is_item(j, include_archived)]
    sort_items(fresh, sort)
    assert [index.jobs[i] for i in index.order(sort, include_archived)] == fresh


def test_an_order_is_worked_out_once_per_index() -> None:
    jobs = mixed(50)
    index = SearchIndex.build(jobs)
    first = index.order("length_desc")
    assert index.order("length_desc") is first
    assert index.order("no-such-sort") is index.order("date_desc")  # an unknown sort is the default
    assert SearchIndex.build(jobs, index).order("length_desc") is not first  # a new index: new jobs


def test_matching_keeps_the_given_order() -> None:
    jobs = mixed(120)
    index = SearchIndex.build(jobs)
    order = index.order("date_asc")
    found = index.matching(order, search_terms("harbour tag:night"))
    assert found == [i for i in order if i in set(found)]  # a sub-sequence of the order
    expected = {j.id for j in jobs if is_item(j) and "harbour" in j.prompt and "night" in j.tags}
    assert {index.jobs[i].id for i in found} == expected and expected


@pytest.mark.parametrize("sort", SORTS)
def test_a_query_gives_what_filtering_then_sorting_gives(sort: str) -> None:
    jobs = mixed()
    query = LibraryQuery(text="city", sort=sort, include_archived=True)
    expected = [j for j in jobs if is_item(j, True) and "city" in j.prompt]
    sort_items(expected, sort)
    index = SearchIndex.build(jobs)
    assert run(query, jobs, index) == expected
    assert run(query, jobs) == expected  # without an index: the same answer
    assert run(query, list(reversed(jobs)), index) == expected  # a stale index is not trusted
