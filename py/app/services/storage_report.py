"""How much this app stores, by kind, next to what the browser reports."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from app.services.ports import RecordStore

ASSETS_STORE = "assets"


class StorageInfo(Protocol):
    """The browser's own view of this site's storage (``navigator.storage``)."""

    async def estimate(self) -> tuple[int | None, int | None]:
        """``(usage, quota)`` in bytes, ``None`` where the browser does not say."""
        ...

    async def persisted(self) -> bool: ...

    async def request_persist(self) -> bool: ...


@dataclass(frozen=True)
class StorageReport:
    videos: int = 0
    images: int = 0
    thumbnails: int = 0
    other: int = 0
    usage: int | None = None
    quota: int | None = None
    persisted: bool = False

    @property
    def ours(self) -> int:
        return self.videos + self.images + self.thumbnails + self.other


KIND_FIELDS = {"video": "videos", "image": "images", "thumbnail": "thumbnails", "spritesheet": "thumbnails"}


async def build_report(records: RecordStore, info: StorageInfo) -> StorageReport:
    """Sum our asset records by kind; ask the browser for usage, quota and persistence."""
    totals = {"videos": 0, "images": 0, "thumbnails": 0, "other": 0}
    assets: list[Any] = await records.get_all(ASSETS_STORE)
    for asset in assets:
        if isinstance(asset, dict):
            field = KIND_FIELDS.get(str(asset.get("kind")), "other")
            totals[field] += int(asset.get("bytes") or 0)
    usage, quota = await info.estimate()
    return StorageReport(**totals, usage=usage, quota=quota, persisted=await info.persisted())


def format_bytes(count: int | None) -> str:
    """``1.5 MB`` style (decimal units, as browsers and disks report)."""
    if count is None:
        return "unknown"
    value = float(count)
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if value < 1000 or unit == "TB":
            return f"{int(value)} bytes" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{value:.1f} TB"
