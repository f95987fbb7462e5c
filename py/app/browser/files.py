"""Getting stored files out of the browser: download, save as, clipboard, a local folder.

Each path says plainly when the browser lacks the API (File System Access is
Chromium-only; most browsers refuse video on the clipboard) and falls back to a
normal download.
"""

from __future__ import annotations

from typing import Any

import js
from pyodide.ffi import JsException

from app.browser.dom import h
from app.browser.ffi import is_null, js_object
from app.core.errors import AppError, InputError, StorageError
from app.core.i18n import tr
from app.core.stores import META
from app.services.ports import Put, RecordStore

FOLDER_KEY = "export-folder"


class UnsupportedError(AppError):
    """The browser has no such capability; the message says what to do instead."""


def _has(obj: Any, name: str) -> bool:
    return hasattr(obj, name) and not is_null(getattr(obj, name))


def download(blob: Any, name: str) -> None:
    """A normal browser download of ``blob`` as ``name``."""
    url = js.URL.createObjectURL(blob)
    link = h("a", {"href": url, "download": name, "hidden": True})
    js.document.body.appendChild(link)
    link.click()
    link.remove()
    js.setTimeout(js.URL.revokeObjectURL, 60_000, url)  # give the download time to start


def _aborted(exc: JsException) -> bool:
    return "AbortError" in str(exc)


async def save_as(blob: Any, name: str, mime: str) -> bool:
    """``showSaveFilePicker`` where available; returns False when the user cancelled."""
    if not _has(js.window, "showSaveFilePicker"):
        download(blob, name)
        return True
    extension = "." + name.rsplit(".", 1)[-1]
    options = js_object({"suggestedName": name, "types": [{"accept": {mime: [extension]}}]})
    try:
        handle = await js.window.showSaveFilePicker(options)
        await _write(handle, blob)
    except JsException as exc:
        if _aborted(exc):
            return False
        raise StorageError(tr("plat.file.save_failed", said=str(exc))) from exc
    return True


async def _write(file_handle: Any, blob: Any) -> None:
    writable = await file_handle.createWritable()
    await writable.write(blob)
    await writable.close()


async def copy_text(text: str) -> None:
    """Put ``text`` on the clipboard (a prompt, a key the user chose to copy)."""
    await js.navigator.clipboard.writeText(text)


async def copy_to_clipboard(blob: Any, mime: str) -> None:
    """Put the file on the clipboard; ``UnsupportedError`` when the browser refuses this type."""
    clipboard = js.navigator.clipboard if _has(js.navigator, "clipboard") else None
    if clipboard is None or not _has(js.window, "ClipboardItem") or not _has(clipboard, "write"):
        raise UnsupportedError(tr("plat.clipboard.no_files"))
    supports = getattr(js.ClipboardItem, "supports", None)
    if supports is not None and not is_null(supports) and not js.ClipboardItem.supports(mime):
        raise UnsupportedError(tr("plat.clipboard.no_type", mime=mime))
    try:
        await clipboard.write(js_object([js.ClipboardItem.new(js_object({mime: blob}))]))
    except JsException as exc:
        raise UnsupportedError(tr("plat.clipboard.refused", said=str(exc))) from exc


class ExportFolder:
    """A local folder chosen once (File System Access), remembered in IndexedDB."""

    def __init__(self, records: RecordStore) -> None:
        self._records = records

    @staticmethod
    def supported() -> bool:
        return _has(js.window, "showDirectoryPicker")

    async def _handle(self, *, choose: bool) -> Any:
        handle = None if choose else await self._records.get(META, FOLDER_KEY)
        if handle is None:
            try:
                handle = await js.window.showDirectoryPicker(js_object({"mode": "readwrite", "id": "sora-renderer"}))
            except JsException as exc:
                if _aborted(exc):
                    return None
                raise
            await self._records.write([Put(META, handle, FOLDER_KEY)])
        mode = js_object({"mode": "readwrite"})
        granted = str(await handle.queryPermission(mode)) == "granted"
        if not granted and str(await handle.requestPermission(mode)) != "granted":
            raise StorageError(tr("plat.folder.no_permission"))
        return handle

    async def write(self, blob: Any, name: str, *, choose: bool = False) -> str | None:
        """Write ``blob`` into the folder (asking for one the first time); its name, or None if cancelled."""
        if not self.supported():
            raise UnsupportedError(tr("plat.folder.unsupported"))
        try:
            folder = await self._handle(choose=choose)
            if folder is None:
                return None
            file_handle = await folder.getFileHandle(name, js_object({"create": True}))
            await _write(file_handle, blob)
        except JsException as exc:
            raise StorageError(tr("plat.folder.write_failed", said=str(exc))) from exc
        return str(folder.name)


MAX_TEXT_FILE = 2 * 1024 * 1024  # a prompt list (CSV or lines) larger than this is not a prompt list


async def read_text_file(file: Any) -> str:
    """A small text file the user picked (UTF-8); too large or unreadable says so."""
    if int(file.size) > MAX_TEXT_FILE:
        raise InputError("batch_csv", tr("plat.prompts.too_large", name=str(file.name)))
    try:
        return str(await file.text())
    except JsException as exc:
        raise InputError("batch_csv", tr("plat.prompts.unreadable", name=str(file.name), said=str(exc))) from exc
