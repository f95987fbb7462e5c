"""The library's sort orders: ties newest first, then by id, so an order never depends on
the input's.

Each order is stable sorts from the least to the most significant key, each with a
C-level key where there is one (a tuple key per job cost more than the search). Every
order starts from "newest first" (by id, then by date, descending), so an order can also
be derived from a list already newest first with :func:`then_by`, one or two sorts
instead of three (the search index keeps its orders that way).
"""

from __future__ import annotations

from decimal import Decimal
from operator import attrgetter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.core.job_record import JobRecord

SORTS = ("date_desc", "date_asc", "cost_desc", "cost_asc", "length_desc", "length_asc")
DEFAULT_SORT = "date_desc"

_BY_ID = attrgetter("id")
_BY_CREATED = attrgetter("created_at")
_BY_SECONDS = attrgetter("seconds")


def _cost(job: JobRecord) -> float:
    return float(job.estimate_usd or Decimal(0))


def _unpriced(job: JobRecord) -> bool:
    return job.estimate_usd is None


def known_sort(sort: str) -> str:
    """``sort``, or the default for a name that is not a sort (a hand-edited URL)."""
    return sort if sort in SORTS else DEFAULT_SORT


def newest_first(items: list[JobRecord]) -> None:
    """Sort in place newest first, ties by id: the default order, and where every other starts."""
    items.sort(key=_BY_ID)
    items.sort(key=_BY_CREATED, reverse=True)


def then_by(items: list[JobRecord], sort: str) -> None:
    """Re-sort in place, by ``sort``'s own key, a list that is already :func:`newest_first`."""
    field, _, direction = known_sort(sort).partition("_")
    descending = direction == "desc"
    if field == "date":
        if not descending:
            items.sort(key=_BY_CREATED)
    elif field == "length":
        items.sort(key=_BY_SECONDS, reverse=descending)
    else:
        items.sort(key=_cost, reverse=descending)
        items.sort(key=_unpriced)  # no published price: last whichever the direction


def sort_items(items: list[JobRecord], sort: str) -> None:
    """Sort in place by ``sort`` (see the module's docstring for the ties)."""
    newest_first(items)
    then_by(items, sort)
