"""Files and Blobs read by byte ranges, and Blobs joined from parts (ports ``ByteSource``, ``BlobBytes``).

``blob.slice(a, b)`` costs nothing until it is read, so a multi-GB bundle is read a few
megabytes at a time and never whole; a slice handed to IndexedDB is copied by the
browser itself. ``new Blob(parts)`` keeps Blob parts as references (no copy).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import js
from pyodide.ffi import JsException

from app.browser.ffi import js_bytes, js_object


class BlobSource:
    """A Blob or File as a :class:`~app.services.ports.ByteSource`."""

    def __init__(self, blob: Any) -> None:
        self._blob = blob
        self._size = int(blob.size)

    @property
    def size(self) -> int:
        return self._size

    async def read(self, offset: int, length: int) -> bytes:
        end = min(offset + length, self._size)
        if end <= offset:
            return b""
        try:
            buffer = await self._blob.slice(offset, end).arrayBuffer()
        except JsException:  # the file changed or vanished on disk since it was chosen
            return b""
        return bytes(buffer.to_bytes())

    def slice(self, offset: int, length: int, mime: str) -> Any:
        return self._blob.slice(offset, offset + length, mime)


class BrowserBlobBytes:
    """The :class:`~app.services.ports.BlobBytes` port."""

    def open(self, blob: Any) -> BlobSource:
        return BlobSource(blob)

    def join(self, parts: Sequence[Any], mime: str) -> Any:
        items = [js_bytes(p) if isinstance(p, bytes) else p for p in parts]
        return js.Blob.new(js_object(items), js_object({"type": mime}))
