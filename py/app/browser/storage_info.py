"""``navigator.storage``: usage, quota and persistent storage (implements ``StorageInfo``)."""

from __future__ import annotations

import js


def _manager() -> object | None:
    return getattr(js.navigator, "storage", None)


class BrowserStorageInfo:
    async def estimate(self) -> tuple[int | None, int | None]:
        manager = _manager()
        if manager is None:
            return None, None
        estimate = await js.navigator.storage.estimate()
        usage = getattr(estimate, "usage", None)
        quota = getattr(estimate, "quota", None)
        return (int(usage) if usage is not None else None, int(quota) if quota is not None else None)

    async def persisted(self) -> bool:
        if _manager() is None:
            return False
        return bool(await js.navigator.storage.persisted())

    async def request_persist(self) -> bool:
        if _manager() is None:
            return False
        return bool(await js.navigator.storage.persist())
