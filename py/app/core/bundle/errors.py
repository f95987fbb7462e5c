"""Typed failures of bundle reading and validation, each naming what is wrong and where.

ZIP-level damage stops reading at once (a :class:`ZipError`); manifest and content checks
collect every :class:`Problem` so the user sees all of them in one go (a :class:`Refusal`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.core.errors import AppError
from app.core.i18n import tr


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a bundle: ``where`` is a file, a record or ``manifest.json``."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class BundleError(AppError):
    """Base of every bundle failure; ``where`` names the entry, file or record at fault."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


class ZipFault(StrEnum):
    """What kind of damage or hostility a ZIP shows (stable codes for tests and the UI)."""

    TRUNCATED = "truncated"
    SPANNED = "spanned"
    DIRECTORY_OUTSIDE = "directory_outside"
    DIRECTORY_CORRUPT = "directory_corrupt"
    ENCRYPTED = "encrypted"
    METHOD = "method"
    UNSAFE_NAME = "unsafe_name"
    DUPLICATE_NAME = "duplicate_name"
    HEADER_MISMATCH = "header_mismatch"
    OVERLAP = "overlap"
    DATA_OUTSIDE = "data_outside"
    TOO_MANY_ENTRIES = "too_many_entries"
    ENTRY_TOO_LARGE = "entry_too_large"
    TOTAL_TOO_LARGE = "total_too_large"
    RATIO = "ratio"
    BAD_DATA = "bad_data"


class ZipError(BundleError):
    """The ZIP itself is damaged or hostile; ``fault`` says how, ``where`` names the entry."""

    def __init__(self, fault: ZipFault, message: str, *, entry: str | None = None) -> None:
        super().__init__(
            tr("bchk.where.bundle") if entry is None else tr("bchk.where.entry", name=repr(entry)), message
        )
        self.fault = fault
        self.entry = entry


def corrupt(message: str, entry: str | None = None) -> ZipError:
    """A central directory (or its end records) that contradicts itself."""
    return ZipError(ZipFault.DIRECTORY_CORRUPT, message, entry=entry)


class ManifestError(BundleError):
    """``manifest.json`` cannot be used; ``problems`` lists every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("manifest.json", "; ".join(p.message for p in problems))
        self.problems = tuple(problems)


class ExportError(BundleError):
    """The stored data cannot be exported as asked (a file disagrees with its record…)."""


@dataclass(frozen=True)
class Refusal:
    """A bundle that must not be imported, with every problem found."""

    problems: tuple[Problem, ...]

    @property
    def message(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class BundleRefusedError(AppError):
    """An import that did not happen because the bundle is unusable; nothing was written."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(tr("bchk.refused", problems=refusal.message))
        self.problems = refusal.problems
