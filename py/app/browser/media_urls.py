"""``blob:`` URLs for stored files (posters, players, downloads), made once and released.

A stored Blob is read from IndexedDB and turned into an object URL only when a view
shows it; the URL is revoked when the last view that asked for it lets go, so a long
session does not pin every video it ever showed in memory.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import js

from app.core.errors import StorageError
from app.core.i18n import tr


def object_url(blob: Any) -> str:
    """A ``blob:`` URL for an in-memory Blob (a preview); pair with :func:`revoke`."""
    return str(js.URL.createObjectURL(blob))


def revoke(url: str) -> None:
    js.URL.revokeObjectURL(url)


class MediaUrls:
    def __init__(self, load_blob: Callable[[str], Awaitable[Any]]) -> None:
        self._load_blob = load_blob
        self._urls: dict[str, str] = {}
        self._users: dict[str, int] = {}

    def acquire_held(self, asset_id: str) -> str | None:
        """The URL at once when it is already made (a view holds it), counted as a use as
        :meth:`acquire` counts one; ``None`` when the file must be read first (then nothing
        is counted). Lets a view put a poster in place without waiting a task."""
        url = self._urls.get(asset_id)
        if url is not None:
            self._users[asset_id] = self._users.get(asset_id, 0) + 1
        return url

    async def acquire(self, asset_id: str) -> str:
        """A ``blob:`` URL for a stored file; pair every call with :meth:`release`."""
        url = self.acquire_held(asset_id)
        if url is not None:
            return url
        blob = await self._load_blob(asset_id)
        if blob is None:
            raise StorageError(tr("plat.file.gone"))
        url = self._urls.get(asset_id) or str(js.URL.createObjectURL(blob))
        self._urls[asset_id] = url
        self._users[asset_id] = self._users.get(asset_id, 0) + 1
        return url

    def release(self, asset_id: str) -> None:
        users = self._users.get(asset_id, 0) - 1
        if users > 0:
            self._users[asset_id] = users
            return
        self._users.pop(asset_id, None)
        url = self._urls.pop(asset_id, None)
        if url is not None:
            js.URL.revokeObjectURL(url)

    async def blob(self, asset_id: str) -> Any:
        """The stored Blob itself (downloads, clipboard, folder export)."""
        blob = await self._load_blob(asset_id)
        if blob is None:
            raise StorageError(tr("plat.file.gone"))
        return blob
