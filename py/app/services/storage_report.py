"""How much this app stores, by kind, next to what the browser reports."""

from __future__ import annotations

from typing import Any

from app.core.storage_report import StorageReport
from app.core.stores import ASSETS
from app.services.ports import RecordStore, StorageInfo

KIND_FIELDS = {"video": "videos", "image": "images", "thumbnail": "thumbnails", "spritesheet": "thumbnails"}


async def build_report(records: RecordStore, info: StorageInfo) -> StorageReport:
    """Sum our asset records by kind; ask the browser for usage, quota and persistence."""
    totals = {"videos": 0, "images": 0, "thumbnails": 0, "other": 0}
    assets: list[Any] = await records.get_all(ASSETS)
    for asset in assets:
        if isinstance(asset, dict):
            field = KIND_FIELDS.get(str(asset.get("kind")), "other")
            totals[field] += int(asset.get("bytes") or 0)
    usage, quota = await info.estimate()
    return StorageReport(**totals, usage=usage, quota=quota, persisted=await info.persisted())
