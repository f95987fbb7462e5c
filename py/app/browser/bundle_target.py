"""Where an export bundle is written (port ``BundleTarget``): a file the user picks, or a download.

With the File System Access API (Chromium) the user picks the file first and the parts
are streamed into it as they come: headers as small byte arrays, each stored file as its
Blob, which the browser copies from its own storage to the disk. The browser writes to a
temporary file and only puts it in place on ``close()``, so a failed export leaves no
half-written bundle.

Elsewhere the bundle is a download of ``new Blob(parts)``. A Blob made of other Blobs
holds references to them, not copies, so even a multi-GB library is never in memory;
the browser reads the parts from its storage while it saves the download. (A streamed
service-worker download would add a worker and a fake URL for no gain in memory.)
"""

from __future__ import annotations

from contextlib import suppress
from typing import Any

import js
from pyodide.ffi import JsException

from app.browser.ffi import is_null, js_bytes, js_object
from app.browser.files import download
from app.core.errors import StorageError
from app.core.i18n import tr

ZIP = "application/zip"


def _part(part: Any) -> Any:
    return js_bytes(part) if isinstance(part, bytes) else part


class FileTarget:
    """A file chosen with ``showSaveFilePicker``, written through its writable stream."""

    def __init__(self, name: str, writable: Any) -> None:
        self._name = name
        self._writable = writable

    @property
    def name(self) -> str:
        return self._name

    async def write(self, part: Any) -> None:
        try:
            await self._writable.write(_part(part))
        except JsException as exc:
            raise StorageError(tr("plat.bundle.write_failed", name=self._name, said=str(exc))) from exc

    async def close(self) -> None:
        try:
            await self._writable.close()
        except JsException as exc:
            raise StorageError(tr("plat.bundle.save_failed", name=self._name, said=str(exc))) from exc

    async def abort(self) -> None:
        with suppress(JsException):  # already closed or aborted
            await self._writable.abort()


class DownloadTarget:
    """A download of one Blob assembled from the parts (Blob parts are references)."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._parts: list[Any] = []

    @property
    def name(self) -> str:
        return self._name

    async def write(self, part: Any) -> None:
        self._parts.append(_part(part))

    async def close(self) -> None:
        blob = js.Blob.new(js_object(self._parts), js_object({"type": ZIP}))
        self._parts = []
        download(blob, self._name)

    async def abort(self) -> None:
        self._parts = []


def can_pick_file() -> bool:
    picker = getattr(js.window, "showSaveFilePicker", None)
    return picker is not None and not is_null(picker)


async def choose_target(name: str) -> FileTarget | DownloadTarget | None:
    """Ask where to save ``name`` (call straight from a click); ``None`` when the user cancelled."""
    if not can_pick_file():
        return DownloadTarget(name)
    options = {
        "suggestedName": name,
        "types": [{"description": tr("plat.bundle.file_type"), "accept": {ZIP: [".zip"]}}],
    }
    try:
        handle = await js.window.showSaveFilePicker(js_object(options))
        writable = await handle.createWritable()
    except JsException as exc:
        if "AbortError" in str(exc):
            return None
        raise StorageError(tr("plat.bundle.open_failed", said=str(exc))) from exc
    return FileTarget(str(handle.name), writable)
