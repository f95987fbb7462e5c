"""The ledger of a download in progress: which byte ranges of one file are stored already.

Each part of a file is stored (``stores.PARTS``) in the same transaction as the ledger
that lists it (``stores.DOWNLOADS``), so the ledger never names a part that is not there.
After a reload, a worker restart or a network cut the download goes on from the first
missing byte; once every byte is there the parts become the one stored file and the
ledger and parts are deleted with the same transaction that stores it. Plain data (no
pydantic), so the first screen can show what is stored before pydantic loads.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from app.core.byte_ranges import Span, covered, missing, plan_parts


def ledger_id(job_id: str, variant: str) -> str:
    return f"{job_id}/{variant}"


def part_key(job_id: str, variant: str, start: int) -> str:
    """The key of the part that starts at byte ``start`` (zero-padded: keys sort by offset)."""
    return f"{job_id}/{variant}/{start:013d}"


@dataclass(frozen=True)
class Ledger:
    """One file of one job being downloaded, and the byte ranges of it already stored."""

    job_id: str
    variant: str
    total: int
    mime: str = ""
    validator: str = ""  # the server's ETag / Last-Modified: parts of another version are never joined
    parts: tuple[Span, ...] = ()  # stored, as they were fetched (each one part record)
    updated_at: float = 0.0

    @property
    def id(self) -> str:
        return ledger_id(self.job_id, self.variant)

    @property
    def stored(self) -> int:
        return covered(self.parts)

    @property
    def complete(self) -> bool:
        return not missing(self.total, self.parts)

    @property
    def first_missing(self) -> int | None:
        gaps = missing(self.total, self.parts)
        return gaps[0][0] if gaps else None

    def to_fetch(self) -> tuple[Span, ...]:
        """The part requests still to make, first missing byte first."""
        return plan_parts(self.total, self.parts)

    def with_part(self, span: Span, now: float) -> Ledger:
        return replace(self, parts=tuple(sorted({*self.parts, span})), updated_at=now)

    def part_keys(self) -> tuple[str, ...]:
        return tuple(part_key(self.job_id, self.variant, start) for start, _ in self.parts)

    def space_needed(self) -> int:
        """Bytes of free space this download still needs: the rest of the file, then the
        whole file again while its parts are joined into one (the parts go once it is stored)."""
        return self.total - self.stored + self.total

    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "job_id": self.job_id,
            "variant": self.variant,
            "total": self.total,
            "mime": self.mime,
            "validator": self.validator,
            "parts": [list(span) for span in self.parts],
            "updated_at": self.updated_at,
        }

    @classmethod
    def from_record(cls, raw: object) -> Ledger | None:
        """A stored ledger, or ``None`` when it cannot be read (then its parts are dropped)."""
        if not isinstance(raw, dict):
            return None
        try:
            parts = tuple((int(start), int(end)) for start, end in raw.get("parts") or ())
            ledger = cls(
                job_id=str(raw["job_id"]),
                variant=str(raw["variant"]),
                total=int(raw["total"]),
                mime=str(raw.get("mime") or ""),
                validator=str(raw.get("validator") or ""),
                parts=parts,
                updated_at=float(raw.get("updated_at") or 0.0),
            )
        except (KeyError, TypeError, ValueError):
            return None
        sane = ledger.total > 0 and all(0 <= start < end <= ledger.total for start, end in parts)
        return ledger if sane else None


@dataclass(frozen=True)
class PartialDownload:
    """What the queue card says about a job's file while it is not whole yet."""

    stored: int
    total: int | None
    resumable: bool = True  # False: the server ignores ``Range``; a cut starts it again


def partial_of(ledgers: Iterable[Ledger]) -> dict[str, PartialDownload]:
    """Per job, the biggest file being downloaded (the video; extras are small)."""
    largest: dict[str, Ledger] = {}
    for ledger in ledgers:
        if ledger.job_id not in largest or ledger.total > largest[ledger.job_id].total:
            largest[ledger.job_id] = ledger
    return {job_id: PartialDownload(ledger.stored, ledger.total) for job_id, ledger in largest.items()}


def without(partials: Mapping[str, PartialDownload], job_id: str) -> dict[str, PartialDownload]:
    return {k: v for k, v in partials.items() if k != job_id}
