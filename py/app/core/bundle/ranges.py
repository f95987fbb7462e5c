"""Byte-range reading without choosing between sync and async.

Parsers here are generators that yield :class:`ReadRequest` and receive the bytes, so the
same code runs over a synchronous reader (tests, a worker's ``FileReaderSync``) and an
asynchronous one (``await file.slice(a, b).arrayBuffer()`` on the page).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Generator
from dataclasses import dataclass
from typing import TypeVar

from app.core.bundle.errors import ZipError, ZipFault
from app.core.i18n import tr

T = TypeVar("T")


@dataclass(frozen=True)
class ReadRequest:
    offset: int
    length: int


Steps = Generator[ReadRequest, bytes, T]
RangeRead = Callable[[int, int], bytes]
AsyncRangeRead = Callable[[int, int], Awaitable[bytes]]


def _short_read(request: ReadRequest, got: int) -> ZipError:
    return ZipError(
        ZipFault.TRUNCATED,
        tr("bchk.zip.ended_early", got=str(got), length=str(request.length), offset=str(request.offset)),
    )


def _answer(steps: Steps[T], request: ReadRequest, data: bytes) -> ReadRequest:
    """Send the bytes on; a short read is thrown into the steps, which may turn it into a refusal."""
    if len(data) != request.length:
        return steps.throw(_short_read(request, len(data)))
    return steps.send(bytes(data))


def run_sync(steps: Steps[T], read: RangeRead) -> T:
    """Drive ``steps`` with ``read(offset, length) -> bytes``."""
    try:
        request = next(steps)
        while True:
            request = _answer(steps, request, read(request.offset, request.length))
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]


async def run_async(steps: Steps[T], read: AsyncRangeRead) -> T:
    """Drive ``steps`` with ``await read(offset, length)``."""
    try:
        request = next(steps)
        while True:
            request = _answer(steps, request, await read(request.offset, request.length))
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]
