"""An entry's bytes, decoded chunk by chunk and checked against what the ZIP declares.

DEFLATE output is capped at the declared size while it is produced, so a stream that
inflates further (a zip bomb lying about its size) stops at once instead of filling
memory. CRC-32 and length are checked at the end.
"""

from __future__ import annotations

import zlib

from app.core.bundle import zip_format as z
from app.core.bundle.digest import Crc32
from app.core.bundle.errors import ZipError, ZipFault
from app.core.bundle.ranges import RangeRead, ReadRequest, Steps, run_sync
from app.core.bundle.zip_read import ZipEntry
from app.core.i18n import tr


class EntryDecoder:
    """Feed the entry's raw bytes in order; get its uncompressed bytes back."""

    def __init__(self, entry: ZipEntry) -> None:
        self.entry = entry
        self._crc = Crc32()
        self._size = 0
        self._inflater = zlib.decompressobj(-zlib.MAX_WBITS) if entry.method == z.DEFLATED else None

    def _fail(self, message: str) -> ZipError:
        return ZipError(ZipFault.BAD_DATA, message, entry=self.entry.name)

    def feed(self, chunk: bytes) -> bytes:
        """The uncompressed bytes ``chunk`` yields; raises once output passes the declared size."""
        remaining = self.entry.uncompressed_size - self._size
        if self._inflater is None:
            out = chunk
        else:
            if self._inflater.eof and chunk:
                raise self._fail(tr("bchk.data.after_end"))
            try:
                out = self._inflater.decompress(chunk, remaining + 1)  # one byte more reveals a lie
            except zlib.error as exc:
                raise self._fail(tr("bchk.data.damaged", error=str(exc))) from None
        if len(out) > remaining:
            raise self._fail(tr("bchk.data.more", size=str(self.entry.uncompressed_size)))
        self._size += len(out)
        self._crc.update(out)
        return out

    def finish(self) -> None:
        """Raise unless exactly the declared bytes, with the declared CRC-32, came out."""
        if self._inflater is not None and (not self._inflater.eof or self._inflater.unused_data):
            raise self._fail(tr("bchk.data.cut"))
        if self._size != self.entry.uncompressed_size:
            raise self._fail(tr("bchk.data.size", got=str(self._size), size=str(self.entry.uncompressed_size)))
        if self._crc.value != self.entry.crc32:
            raise self._fail(tr("bchk.data.crc", got=f"{self._crc.value:08x}", crc=f"{self.entry.crc32:08x}"))


def entry_steps(entry: ZipEntry, max_bytes: int) -> Steps[bytes]:
    """The whole content of a small entry (the manifest), decoded and checked."""
    if entry.uncompressed_size > max_bytes:
        raise ZipError(
            ZipFault.ENTRY_TOO_LARGE,
            tr("bchk.data.entry_large", size=str(entry.uncompressed_size), limit=str(max_bytes)),
            entry=entry.name,
        )
    decoder = EntryDecoder(entry)
    if entry.compressed_size > max_bytes + 1024:  # DEFLATE may grow incompressible data a little
        raise ZipError(
            ZipFault.ENTRY_TOO_LARGE, tr("bchk.data.stores", size=str(entry.compressed_size)), entry=entry.name
        )
    raw = yield ReadRequest(entry.data_offset, entry.compressed_size)
    content = decoder.feed(raw)
    decoder.finish()
    return content


def read_entry(entry: ZipEntry, read: RangeRead, max_bytes: int) -> bytes:
    """:func:`entry_steps` over a synchronous range reader."""
    return run_sync(entry_steps(entry, max_bytes), read)
