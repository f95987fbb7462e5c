"""The library's filters, search and sort, pure so they are fast and tested.

Only finished jobs (status succeeded) are library items; the others live in the queue.
Filters live in the URL hash, so a filtered view survives a reload and can be
bookmarked; the search index (:mod:`app.core.library_index`: normalised text and sort
orders, per version of the jobs) keeps a 5,000-item query well under the frame budget.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.core.capabilities import FrameSize
from app.core.library_index import SearchIndex, SearchTerm, is_item, normalise, search_terms
from app.core.library_sort import SORTS, sort_items

if TYPE_CHECKING:
    from app.core.job_record import JobRecord

__all__ = [
    "ASPECTS",
    "SORTS",
    "SORT_KEYS",
    "Facets",
    "LibraryQuery",
    "SearchIndex",
    "SearchTerm",
    "aspect_of",
    "facets",
    "is_item",
    "local_day",
    "normalise",
    "query_from_params",
    "query_to_params",
    "run",
    "search_terms",
    "sort_items",
]

ASPECTS = ("all", "landscape", "portrait", "square")
SORT_KEYS = ("date_desc", "date_asc", "cost_desc", "cost_asc", "length_desc", "length_asc")  # toolbar order
MAX_TEXT = 500  # a pasted essay in the hash should not make every keystroke slow


@dataclass(frozen=True)
class LibraryQuery:
    text: str = ""
    models: frozenset[str] = frozenset()  # empty = every model
    providers: frozenset[str] = frozenset()  # empty = every provider
    aspect: str = "all"
    date_from: datetime.date | None = None  # inclusive, on the viewer's calendar
    date_to: datetime.date | None = None  # inclusive
    folder: str | None = None  # None = any folder; "" = not in a folder
    batch: str = ""  # a batch id ("" = any batch, or none)
    sort: str = "date_desc"
    utc_offset_s: int = 0  # the viewer's offset, so "today" means their day
    include_archived: bool = False

    @property
    def filtered(self) -> bool:
        """Whether anything narrows the view (so "no match" can offer to clear filters)."""
        narrowed = self.models or self.providers or self.aspect != "all" or self.date_from or self.date_to
        return bool(self.text.strip() or narrowed or self.batch) or self.folder is not None


def aspect_of(size: str) -> str | None:
    """``"landscape"``, ``"portrait"`` or ``"square"``; ``None`` for a size that does not parse."""
    try:
        return FrameSize.parse(size).orientation.value
    except ValueError:
        return None


def local_day(timestamp: float, utc_offset_s: int = 0) -> datetime.date | None:
    """The calendar day of an epoch time at ``utc_offset_s``; ``None`` when out of range (corrupt record)."""
    try:
        return datetime.datetime.fromtimestamp(timestamp + utc_offset_s, tz=datetime.UTC).date()
    except (OverflowError, OSError, ValueError):
        return None


def _in_dates(query: LibraryQuery, job: JobRecord) -> bool:
    if query.date_from is None and query.date_to is None:
        return True
    day = local_day(job.created_at, query.utc_offset_s)
    if day is None:
        return False
    return (query.date_from is None or day >= query.date_from) and (query.date_to is None or day <= query.date_to)


def _narrowed(query: LibraryQuery, items: list[JobRecord]) -> list[JobRecord]:
    """The ``items`` (library items already) the filters keep; one comprehension per active
    filter (calls per job cost)."""
    if query.models:
        items = [j for j in items if j.model in query.models]
    if query.providers:
        items = [j for j in items if j.provider_id in query.providers]
    if query.aspect != "all":
        items = [j for j in items if aspect_of(j.size) == query.aspect]
    if query.folder is not None:
        items = [j for j in items if j.folder == query.folder]
    if query.batch:
        items = [j for j in items if j.batch_id == query.batch]
    if query.date_from is not None or query.date_to is not None:
        items = [j for j in items if _in_dates(query, j)]
    return items


def run(query: LibraryQuery, jobs: Iterable[JobRecord], index: SearchIndex | None = None) -> list[JobRecord]:
    """The library items ``query`` selects, in its order.

    Pass the index built from these very jobs (a C-level list comparison, by identity
    first, checks it): its sort orders and texts are then reused; without one, or with a
    stale one, a throwaway index is built (reusing what is unchanged of ``index``).
    """
    listed = list(jobs)
    if index is None or index.jobs != listed:
        index = SearchIndex.build(listed, index)
    positions = index.order(query.sort, query.include_archived)
    terms = search_terms(query.text)
    if terms:
        positions = index.matching(positions, terms)
    every = index.jobs
    return _narrowed(query, [every[i] for i in positions])


# -- URL hash ------------------------------------------------------------------------------------


def _param(params: Mapping[str, str], key: str) -> str:
    value = params.get(key)
    return value.strip() if isinstance(value, str) else ""


def _date(text: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


def _choice(text: str, allowed: Sequence[str], default: str) -> str:
    return text if text in allowed else default


def query_from_params(params: Mapping[str, str], *, utc_offset_s: int = 0) -> LibraryQuery:
    """The query a ``#/library?…`` hash describes; anything malformed is ignored, never raised."""
    folder = params.get("folder")
    return LibraryQuery(
        text=_param(params, "q")[:MAX_TEXT],
        models=frozenset(m.strip() for m in _param(params, "model").split(",") if m.strip()),
        providers=frozenset(p.strip() for p in _param(params, "provider").split(",") if p.strip()),
        aspect=_choice(_param(params, "aspect"), ASPECTS, "all"),
        date_from=_date(_param(params, "from")),
        date_to=_date(_param(params, "to")),
        folder=folder if isinstance(folder, str) and folder else None,
        batch=_param(params, "batch")[:MAX_TEXT],
        sort=_choice(_param(params, "sort"), SORTS, "date_desc"),
        utc_offset_s=utc_offset_s,
        include_archived=_param(params, "archived") == "1",
    )


def query_to_params(query: LibraryQuery) -> dict[str, str]:
    """Only what differs from the defaults, for a short, readable hash."""
    params: dict[str, str] = {}
    if query.text.strip():
        params["q"] = query.text.strip()
    if query.models:
        params["model"] = ",".join(sorted(query.models))
    if query.providers:
        params["provider"] = ",".join(sorted(query.providers))
    if query.aspect != "all":
        params["aspect"] = query.aspect
    if query.date_from:
        params["from"] = query.date_from.isoformat()
    if query.date_to:
        params["to"] = query.date_to.isoformat()
    if query.folder:
        params["folder"] = query.folder
    if query.batch:
        params["batch"] = query.batch
    if query.sort != "date_desc":
        params["sort"] = query.sort
    if query.include_archived:
        params["archived"] = "1"
    return params


# -- filter pickers ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Facets:
    models: tuple[str, ...]
    providers: tuple[str, ...]
    folders: tuple[str, ...]
    tags: tuple[str, ...]
    batches: tuple[str, ...] = ()  # batch ids present, oldest batch first


def facets(jobs: Iterable[JobRecord], include_archived: bool = False) -> Facets:
    """What the filter pickers offer: the values present in the library, in reading order."""
    items = [j for j in jobs if is_item(j, include_archived)]
    return Facets(
        models=_sorted({j.model for j in items}),
        providers=_sorted({j.provider_id for j in items}),
        folders=_sorted({j.folder for j in items if j.folder}),
        tags=_sorted({t for j in items for t in j.tags if t}),
        batches=tuple(dict.fromkeys(j.batch_id for j in sorted(items, key=lambda j: j.created_at) if j.batch_id)),
    )


def _sorted(values: Iterable[str]) -> tuple[str, ...]:
    """Case- and accent-blind order ("Alps", "city", "Travel"), exact text as the tie-break."""
    return tuple(sorted(values, key=lambda v: (normalise(v), v)))
