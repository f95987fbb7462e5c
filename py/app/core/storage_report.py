"""How much the app stores, by kind, next to what the browser reports (pure data)."""

from __future__ import annotations

from dataclasses import dataclass

from app.core.i18n import fmt_bytes, tr


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


def format_bytes(count: int | None) -> str:
    """``1.5 MB`` style (decimal units, as browsers and disks report), the locale's way."""
    return tr("storage.size_unknown") if count is None else fmt_bytes(count)
