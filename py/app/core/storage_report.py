"""How much the app stores, by kind, next to what the browser reports (pure data)."""

from __future__ import annotations

from dataclasses import dataclass


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
    """``1.5 MB`` style (decimal units, as browsers and disks report)."""
    if count is None:
        return "unknown"
    value = float(count)
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if value < 1000 or unit == "TB":
            return f"{int(value)} bytes" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{value:.1f} TB"
