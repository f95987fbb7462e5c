"""The library's filters, search and sort, pure so they are fast and tested.

Only finished jobs (status succeeded) are library items. Filters live in the URL
hash, so a filtered view survives a reload and can be bookmarked; a search index of
normalised text per job keeps a 5,000-item search well under the frame budget.
"""

from __future__ import annotations

import datetime
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from app.core.capabilities import FrameSize, Orientation
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


@dataclass(frozen=True)
class LibraryQuery:
    text: str = ""
    models: frozenset[str] = frozenset()
    aspect: str = "all"
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    folder: str | None = None
    sort: str = "date_desc"
    utc_offset_s: int = 0  # the viewer's offset, so "today" means their day

    @property
    def filtered(self) -> bool:
        return bool(self.text.strip() or self.models or self.aspect != "all" or self.date_from or self.date_to) or (
            self.folder is not None
        )


def normalise(text: str) -> str:
    """Lower case without accents, so "Café" finds "cafe"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass
class SearchIndex:
    """Normalised search text per job, rebuilt only for jobs that changed."""

    haystacks: dict[str, tuple[float, str, tuple[str, ...]]] = field(default_factory=dict)

    @classmethod
    def build(cls, jobs: Iterable[JobRecord], previous: SearchIndex | None = None) -> SearchIndex:
        old = previous.haystacks if previous is not None else {}
        fresh: dict[str, tuple[float, str, tuple[str, ...]]] = {}
        for job in jobs:
            cached = old.get(job.id)
            if cached is not None and cached[0] == job.updated_at:
                fresh[job.id] = cached
            else:
                tags = tuple(normalise(t) for t in job.tags)
                fresh[job.id] = (job.updated_at, normalise(f"{job.prompt}\n{job.title}\n{' '.join(job.tags)}"), tags)
        return cls(fresh)

    def matches(self, job: JobRecord, terms: Sequence[tuple[bool, str]]) -> bool:
        entry = self.haystacks.get(job.id)
        if entry is None:
            entry = SearchIndex.build([job]).haystacks[job.id]
        _, text, tags = entry
        for tag_only, term in terms:
            if tag_only:
                if not any(term in tag for tag in tags):
                    return False
            elif term not in text:
                return False
        return True


def _terms(text: str) -> list[tuple[bool, str]]:
    terms = []
    for word in normalise(text).split():
        if word.startswith("tag:") and len(word) > 4:
            terms.append((True, word[4:]))
        elif word != "tag:":
            terms.append((False, word))
    return terms


def aspect_of(size: str) -> str:
    try:
        orientation = FrameSize.parse(size).orientation
    except ValueError:
        return "square"
    return {Orientation.LANDSCAPE: "landscape", Orientation.PORTRAIT: "portrait"}.get(orientation, "square")


def _day(job: JobRecord, offset_s: int) -> datetime.date:
    return datetime.datetime.fromtimestamp(job.created_at + offset_s, tz=datetime.UTC).date()


def is_item(job: JobRecord) -> bool:
    """A library item: rendered, stored, not archived."""
    return job.status is JobStatus.SUCCEEDED and job.archived_at is None


def _keep(query: LibraryQuery, job: JobRecord) -> bool:
    if query.models and job.model not in query.models:
        return False
    if query.aspect != "all" and aspect_of(job.size) != query.aspect:
        return False
    if query.folder is not None and job.folder != query.folder:
        return False
    if query.date_from or query.date_to:
        day = _day(job, query.utc_offset_s)
        if (query.date_from and day < query.date_from) or (query.date_to and day > query.date_to):
            return False
    return True


def _sort_key(sort: str, job: JobRecord) -> tuple[int, float, float, str]:
    """(missing last, primary, created_at, id) so ties are stable and newest first."""
    if sort.startswith("cost"):
        missing = job.estimate_usd is None
        value = float(job.estimate_usd or Decimal(0))
    elif sort.startswith("length"):
        missing, value = False, float(job.seconds)
    else:
        missing, value = False, job.created_at
    if sort.endswith("_desc"):
        value = -value
    return (1 if missing else 0, value, -job.created_at, job.id)


def run(query: LibraryQuery, jobs: Iterable[JobRecord], index: SearchIndex | None = None) -> list[JobRecord]:
    """The library items ``query`` selects, in its order."""
    terms = _terms(query.text)
    search = index or SearchIndex()
    items = [j for j in jobs if is_item(j) and _keep(query, j) and (not terms or search.matches(j, terms))]
    sort = query.sort if query.sort in SORTS else "date_desc"
    items.sort(key=lambda j: _sort_key(sort, j))
    return items


def _date(text: str | None) -> datetime.date | None:
    if not text:
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def query_from_params(params: Mapping[str, str], *, utc_offset_s: int = 0) -> LibraryQuery:
    """The query a ``#/library?…`` hash describes; anything malformed is ignored, never raised."""
    models = frozenset(m for m in params.get("model", "").split(",") if m)
    aspect = params.get("aspect", "all")
    sort = params.get("sort", "date_desc")
    return LibraryQuery(
        text=params.get("q", "")[:500],
        models=models,
        aspect=aspect if aspect in ASPECTS else "all",
        date_from=_date(params.get("from")),
        date_to=_date(params.get("to")),
        folder=params.get("folder") or None,
        sort=sort if sort in SORTS else "date_desc",
        utc_offset_s=utc_offset_s,
    )


def query_to_params(query: LibraryQuery) -> dict[str, str]:
    """Only what differs from the defaults, for a short, readable hash."""
    params: dict[str, str] = {}
    if query.text.strip():
        params["q"] = query.text.strip()
    if query.models:
        params["model"] = ",".join(sorted(query.models))
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
    return params


@dataclass(frozen=True)
class Facets:
    models: tuple[str, ...]
    folders: tuple[str, ...]
    tags: tuple[str, ...]


def facets(jobs: Iterable[JobRecord]) -> Facets:
    """What the filter pickers offer: the values present in the library."""
    items = [j for j in jobs if is_item(j)]
    return Facets(
        models=tuple(sorted({j.model for j in items})),
        folders=tuple(sorted({j.folder for j in items if j.folder})),
        tags=tuple(sorted({t for j in items for t in j.tags})),
    )
