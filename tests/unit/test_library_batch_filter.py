"""The library's batch filter: narrows to one batch, survives the hash, offered as a facet."""

from __future__ import annotations

from app.core.library_query import LibraryQuery, facets, query_from_params, query_to_params, run
from tests.unit.jobs_factory import T0, make_job


def test_filter_keeps_one_batch_and_round_trips_the_hash() -> None:
    jobs = [make_job("a", batch_id="b1"), make_job("b", batch_id="b2"), make_job("c")]
    query = LibraryQuery(batch="b1")
    assert [j.id for j in run(query, jobs)] == ["a"]
    assert query.filtered
    assert query_from_params(query_to_params(query)).batch == "b1"
    assert len(run(LibraryQuery(), jobs)) == 3


def test_facets_list_batches_oldest_first() -> None:
    jobs = [make_job("a", batch_id="late", created_at=T0 + 9), make_job("b", batch_id="early"), make_job("c")]
    assert facets(jobs).batches == ("early", "late")
