"""The library's filters, search and sort, pure so they are fast and tested.

Only finished jobs (status succeeded) are library items; the others live in the queue.
Filters live in the URL hash, so a filtered view survives a reload and can be
bookmarked; a search index of normalised text per job keeps a 5,000-item search well
under the frame budget.
"""

from __future__ import annotations

import datetime
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from operator import attrgetter
from typing import TYPE_CHECKING

from app.core.capabilities import FrameSize
from app.core.job_status import JobStatus

if TYPE_CHECKING:
    from app.core.job_record import JobRecord

SORTS = ("date_desc", "date_asc", "cost_desc", "cost_asc", "length_desc", "length_asc")
ASPECTS = ("all", "landscape", "portrait", "square")
SORT_LABELS = {
    "date_desc": "Newest first",
    "date_asc": "Oldest first",
    "cost_desc": "Most expensive",
    "cost_asc": "Cheapest",
    "length_desc": "Longest",
    "length_asc": "Shortest",
}
MAX_TEXT = 500  # a pasted essay in the hash should not make every keystroke slow
TAG_PREFIX = "tag:"


@dataclass(frozen=True)
class LibraryQuery:
    text: str = ""
    models: frozenset[str] = frozenset()  # empty = every model
    providers: frozenset[str] = frozenset()  # empty = every provider
    aspect: str = "all"
    date_from: datetime.date | None = None  # inclusive, on the viewer's calendar
    date_to: datetime.date | None = None  # inclusive
    folder: str | None = None  # None = any folder; "" = not in a folder
    sort: str = "date_desc"
    utc_offset_s: int = 0  # the viewer's offset, so "today" means their day
    include_archived: bool = False

    @property
    def filtered(self) -> bool:
        """Whether anything narrows the view (so "no match" can offer to clear filters)."""
        narrowed = self.models or self.providers or self.aspect != "all" or self.date_from or self.date_to
        return bool(self.text.strip() or narrowed) or self.folder is not None


def normalise(text: str) -> str:
    """Lower case without accents, so "Café" finds "cafe" and "ﬁlm" finds "film"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True)
class _Haystack:
    updated_at: float
    text: str  # prompt, title and tags
    tags: tuple[str, ...]


def _haystack(job: JobRecord) -> _Haystack:
    tags = tuple(normalise(t) for t in job.tags)
    return _Haystack(job.updated_at, normalise(f"{job.prompt}\n{job.title}\n{' '.join(job.tags)}"), tags)


def _current(cached: _Haystack | None, job: JobRecord) -> _Haystack:
    """``cached`` while the job is unchanged since, else a fresh haystack."""
    return cached if cached is not None and cached.updated_at == job.updated_at else _haystack(job)


@dataclass
class SearchIndex:
    """Normalised search text per job, rebuilt only for jobs that changed (by ``updated_at``).

    It also keeps the jobs it was built from, in order, with their texts in a parallel
    list: a search over those same jobs is then one ``in`` per job in a comprehension
    (a dictionary look-up and a freshness check per job cost more than the search).
    """

    haystacks: dict[str, _Haystack] = field(default_factory=dict)
    jobs: list[JobRecord] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    tags: list[tuple[str, ...]] = field(default_factory=list)

    @classmethod
    def build(cls, jobs: Iterable[JobRecord], previous: SearchIndex | None = None) -> SearchIndex:
        old = previous.haystacks if previous is not None else {}
        listed = list(jobs)
        hays = [_current(old.get(job.id), job) for job in listed]
        return cls(
            {job.id: hay for job, hay in zip(listed, hays, strict=True)},
            listed,
            [hay.text for hay in hays],
            [hay.tags for hay in hays],
        )

    def entry(self, job: JobRecord) -> _Haystack:
        """The job's haystack; a job missing from the index or changed since is normalised now."""
        return _current(self.haystacks.get(job.id), job)

    def matches(self, job: JobRecord, terms: Sequence[SearchTerm]) -> bool:
        hay = self.entry(job)
        return all(_term_matches(term, hay) for term in terms)

    def search(self, terms: Sequence[SearchTerm]) -> list[JobRecord]:
        """The jobs the index was built from that every term matches, in their order."""
        texts, tags = self.texts, self.tags
        found: Iterable[int] = range(len(self.jobs))
        for term in terms:
            word = term.text
            if term.tag_only:
                found = [i for i in found if any(word in tag for tag in tags[i])]
            else:
                found = [i for i in found if word in texts[i]]
        return [self.jobs[i] for i in found]


@dataclass(frozen=True)
class SearchTerm:
    text: str
    tag_only: bool = False


def _term_matches(term: SearchTerm, hay: _Haystack) -> bool:
    if term.tag_only:
        return any(term.text in tag for tag in hay.tags)
    return term.text in hay.text


def search_terms(text: str) -> list[SearchTerm]:
    """Whitespace-separated terms, all of which must match; ``tag:x`` looks in tags only."""
    terms = []
    for word in normalise(text).split():
        if word.startswith(TAG_PREFIX):
            if len(word) > len(TAG_PREFIX):
                terms.append(SearchTerm(word[len(TAG_PREFIX) :], tag_only=True))
        else:
            terms.append(SearchTerm(word))
    return terms


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


def is_item(job: JobRecord, include_archived: bool = False) -> bool:
    """A library item: rendered and stored, and not archived unless asked for."""
    return job.status is JobStatus.SUCCEEDED and (include_archived or job.archived_at is None)


def _in_dates(query: LibraryQuery, job: JobRecord) -> bool:
    if query.date_from is None and query.date_to is None:
        return True
    day = local_day(job.created_at, query.utc_offset_s)
    if day is None:
        return False
    return (query.date_from is None or day >= query.date_from) and (query.date_to is None or day <= query.date_to)


def _narrowed(query: LibraryQuery, jobs: Iterable[JobRecord]) -> list[JobRecord]:
    """The items the filters keep; one comprehension per active filter (calls per job cost)."""
    items = [j for j in jobs if is_item(j, query.include_archived)]
    if query.models:
        items = [j for j in items if j.model in query.models]
    if query.providers:
        items = [j for j in items if j.provider_id in query.providers]
    if query.aspect != "all":
        items = [j for j in items if aspect_of(j.size) == query.aspect]
    if query.folder is not None:
        items = [j for j in items if j.folder == query.folder]
    if query.date_from is not None or query.date_to is not None:
        items = [j for j in items if _in_dates(query, j)]
    return items


def _searched(jobs: list[JobRecord], terms: Sequence[SearchTerm], index: SearchIndex | None) -> list[JobRecord]:
    """The jobs every term matches: from the index when it was built from these very jobs
    (a C-level list comparison, by identity first), else job by job."""
    if index is not None and index.jobs == jobs:
        return index.search(terms)
    search = index if index is not None else SearchIndex()
    return [j for j in jobs if search.matches(j, terms)]


_BY_ID = attrgetter("id")
_BY_CREATED = attrgetter("created_at")
_BY_SECONDS = attrgetter("seconds")


def _cost(job: JobRecord) -> float:
    return float(job.estimate_usd or Decimal(0))


def _unpriced(job: JobRecord) -> bool:
    return job.estimate_usd is None


def sort_items(items: list[JobRecord], sort: str) -> None:
    """Sort in place by ``sort``; ties newest first, then by id, so the order never depends
    on the input's. Stable sorts from the least to the most significant key, each with a
    C-level key where there is one (a tuple key per job cost more than the search)."""
    field, _, direction = (sort if sort in SORTS else "date_desc").partition("_")
    descending = direction == "desc"
    items.sort(key=_BY_ID)
    items.sort(key=_BY_CREATED, reverse=True)
    if field == "date":
        if not descending:
            items.sort(key=_BY_CREATED)
    elif field == "length":
        items.sort(key=_BY_SECONDS, reverse=descending)
    else:
        items.sort(key=_cost, reverse=descending)
        items.sort(key=_unpriced)  # no published price: last whichever the direction


def run(query: LibraryQuery, jobs: Iterable[JobRecord], index: SearchIndex | None = None) -> list[JobRecord]:
    """The library items ``query`` selects, in its order (pass a built ``index`` for speed)."""
    items = list(jobs)
    terms = search_terms(query.text)
    if terms:
        items = _searched(items, terms, index)
    items = _narrowed(query, items)
    sort_items(items, query.sort)
    return items


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


def facets(jobs: Iterable[JobRecord], include_archived: bool = False) -> Facets:
    """What the filter pickers offer: the values present in the library, in reading order."""
    items = [j for j in jobs if is_item(j, include_archived)]
    return Facets(
        models=_sorted({j.model for j in items}),
        providers=_sorted({j.provider_id for j in items}),
        folders=_sorted({j.folder for j in items if j.folder}),
        tags=_sorted({t for j in items for t in j.tags if t}),
    )


def _sorted(values: Iterable[str]) -> tuple[str, ...]:
    """Case- and accent-blind order ("Alps", "city", "Travel"), exact text as the tie-break."""
    return tuple(sorted(values, key=lambda v: (normalise(v), v)))
