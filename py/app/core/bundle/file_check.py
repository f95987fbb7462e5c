"""File contents checked in one read each: size and CRC-32 against the ZIP, SHA-256 against the manifest.

The browser reads each file's ranges in order, feeds them to its :class:`FileCheck`, and
stores nothing until every check has finished clean. A check never raises: it records
the first problem (and says ``failed`` so reading can stop early) and reports it, with
the file's name, from :meth:`FileCheck.finish`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from typing import Final

from app.core.bundle.errors import Problem, ZipError
from app.core.bundle.inflate import EntryDecoder
from app.core.bundle.limits import MIB
from app.core.bundle.ranges import AsyncRangeRead, RangeRead, ReadRequest, Steps, run_async, run_sync
from app.core.bundle.validate import Bundle, BundleFile
from app.core.i18n import tr

CHUNK_BYTES: Final = 4 * MIB
Sink = Callable[[BundleFile, bytes], None]  # receives each file's uncompressed bytes, in order


class FileCheck:
    """Incremental check of one bundle file; feed it the entry's raw bytes in order."""

    def __init__(self, file: BundleFile) -> None:
        self.file = file
        self._decoder = EntryDecoder(file.zip)
        self._sha256 = hashlib.sha256()
        self._problem: Problem | None = None

    @property
    def path(self) -> str:
        return self.file.entry.path

    @property
    def failed(self) -> bool:
        """True once a problem is certain; further chunks are ignored."""
        return self._problem is not None

    def ranges(self, chunk_bytes: int = CHUNK_BYTES) -> Iterator[ReadRequest]:
        """The byte ranges of the bundle to read for this file, in order."""
        entry = self.file.zip
        for offset in range(entry.data_offset, entry.data_end, chunk_bytes):
            yield ReadRequest(offset, min(chunk_bytes, entry.data_end - offset))

    def feed(self, chunk: bytes) -> bytes:
        """The uncompressed bytes of ``chunk`` (the same object for STORED files)."""
        if self._problem is not None:
            return b""
        try:
            out = self._decoder.feed(chunk)
        except ZipError as exc:
            self._problem = Problem(self.path, exc.message)
            return b""
        self._sha256.update(out)
        return out

    def finish(self) -> list[Problem]:
        """Every problem with this file (empty when it is exactly what the manifest says)."""
        if self._problem is None:
            try:
                self._decoder.finish()
            except ZipError as exc:
                self._problem = Problem(self.path, exc.message)
        if self._problem is None and self._sha256.hexdigest() != self.file.entry.sha256:
            self._problem = Problem(self.path, tr("bchk.file.sha256"))
        return [] if self._problem is None else [self._problem]


def file_checks(bundle: Bundle) -> list[FileCheck]:
    """One check per file, in the order the files lie in the bundle (sequential reading)."""
    return [FileCheck(f) for f in sorted(bundle.files, key=lambda f: f.zip.data_offset)]


def check_steps(bundle: Bundle, chunk_bytes: int = CHUNK_BYTES, sink: Sink | None = None) -> Steps[tuple[Problem, ...]]:
    """Read and check every file; the problems of all files, empty when all are intact."""
    problems: list[Problem] = []
    for check in file_checks(bundle):
        for request in check.ranges(chunk_bytes):
            try:
                chunk = yield request
            except ZipError as exc:  # the file shrank while being read: nothing after it can be read either
                problems.append(Problem(check.path, exc.message))
                return tuple(problems)
            out = check.feed(chunk)
            if check.failed:
                break
            if sink is not None:
                sink(check.file, out)
        problems.extend(check.finish())
    return tuple(problems)


def check_files(
    bundle: Bundle, read: RangeRead, chunk_bytes: int = CHUNK_BYTES, sink: Sink | None = None
) -> tuple[Problem, ...]:
    """:func:`check_steps` over a synchronous range reader."""
    return run_sync(check_steps(bundle, chunk_bytes, sink), read)


async def check_files_async(
    bundle: Bundle, read: AsyncRangeRead, chunk_bytes: int = CHUNK_BYTES, sink: Sink | None = None
) -> tuple[Problem, ...]:
    """:func:`check_steps` over an asynchronous range reader (a File on the page)."""
    return await run_async(check_steps(bundle, chunk_bytes, sink), read)
