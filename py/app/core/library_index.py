"""What the library's queries need per version of the jobs, worked out once: the normalised
search text of each job and the order of the library items under each sort.

A new index is built whenever the jobs change, reusing the text of the jobs that did
not (by ``updated_at``); between changes every search, filter and sort runs against the
same index, so a query sorts nothing and normalises nothing.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.core.job_status import JobStatus
from app.core.library_sort import DEFAULT_SORT, known_sort, newest_first, then_by

if TYPE_CHECKING:
    from app.core.job_record import JobRecord

TAG_PREFIX = "tag:"


def normalise(text: str) -> str:
    """Lower case without accents, so "Café" finds "cafe" and "ﬁlm" finds "film"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def is_item(job: JobRecord, include_archived: bool = False) -> bool:
    """A library item: rendered and stored, and not archived unless asked for."""
    return job.status is JobStatus.SUCCEEDED and (include_archived or job.archived_at is None)


@dataclass(frozen=True)
class SearchTerm:
    text: str
    tag_only: bool = False


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
    """The jobs it was built from, in order, with their search texts in parallel lists, and
    the sort orders asked for so far.

    Queries work on positions in ``jobs``: a search is then one ``in`` per job in a
    comprehension (a dictionary look-up and a freshness check per job cost more than the
    search), and an order is a list of positions computed on first use.
    """

    haystacks: dict[str, _Haystack] = field(default_factory=dict)
    jobs: list[JobRecord] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    tags: list[tuple[str, ...]] = field(default_factory=list)
    _orders: dict[tuple[str, bool], list[int]] = field(default_factory=dict, repr=False, compare=False)

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

    def order(self, sort: str, include_archived: bool = False) -> list[int]:
        """Positions in ``jobs`` of the library items, in ``sort`` order (do not change the list:
        it is kept for the next query). An order other than the default is derived from the
        default one (see :mod:`app.core.library_sort`)."""
        key = (known_sort(sort), include_archived)
        known = self._orders.get(key)
        if known is None:
            if key[0] == DEFAULT_SORT:
                items = [job for job in self.jobs if is_item(job, include_archived)]
                newest_first(items)
            else:
                items = [self.jobs[i] for i in self.order(DEFAULT_SORT, include_archived)]
                then_by(items, key[0])
            known = self._orders[key] = self._positions(items)
        return known

    def _positions(self, items: list[JobRecord]) -> list[int]:
        where = {id(job): position for position, job in enumerate(self.jobs)}
        return [where[id(job)] for job in items]

    def matching(self, positions: Sequence[int], terms: Sequence[SearchTerm]) -> list[int]:
        """The ``positions`` whose job every term matches, in their order."""
        texts, tags = self.texts, self.tags
        found = list(positions)
        for term in terms:
            word = term.text
            if term.tag_only:
                found = [i for i in found if any(word in tag for tag in tags[i])]
            else:
                found = [i for i in found if word in texts[i]]
        return found
