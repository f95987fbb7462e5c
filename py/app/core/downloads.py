"""Which files a finished job has, what each must look like, and what it is called.

The transport already checks the length against ``content-length``; this checks the
kind, so an HTML error page or an empty body is never stored as a video.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.core.errors import ContentError
from app.core.i18n import tr
from app.core.job_status import variant_kind
from app.core.safe_text import file_part

if TYPE_CHECKING:
    from app.core.job_record import JobRecord

EXPECTED_TYPES: dict[str, tuple[str, ...]] = {
    "video": ("video/mp4", "video/quicktime", "application/octet-stream"),
    "thumbnail": ("image/webp", "image/png", "image/jpeg"),
    "spritesheet": ("image/jpeg", "image/png", "image/webp"),
}
DEFAULT_TYPES = {"video": "video/mp4", "thumbnail": "image/webp", "spritesheet": "image/jpeg"}
EXTENSIONS = {
    "video/mp4": "mp4",
    "video/quicktime": "mov",
    "image/webp": "webp",
    "image/jpeg": "jpg",
    "image/png": "png",
}
REQUIRED_VARIANT = "video"  # without it a job has no result; the others are extras
MAX_DOWNLOAD_ATTEMPTS = 6


def checked_type(variant: str, content_type: str, size: int) -> str:
    """The stored MIME type for a downloaded ``variant``; ``ContentError`` when it is not that file."""
    if size <= 0:
        raise ContentError(tr("plat.download.empty", variant=variant))
    mime = content_type.split(";")[0].strip().lower()
    allowed = EXPECTED_TYPES.get(variant_kind(variant))
    if allowed is None:
        return mime or "application/octet-stream"
    if mime not in allowed:
        shown = mime or tr("plat.download.no_type")
        raise ContentError(tr("plat.download.wrong_type", variant=variant, mime=shown, expected=allowed[0]))
    return DEFAULT_TYPES[variant_kind(variant)] if mime == "application/octet-stream" else mime


def file_name(job: JobRecord, mime: str, variant: str = "video") -> str:
    """A safe, recognisable file name: ``sora-2_forest-at-dawn_1a2b3c.mp4``."""
    words = file_part(job.display_title) or "video"
    model = file_part(job.model) or "model"  # a model id comes from the API: no path, no bidi override
    suffix = "" if variant == REQUIRED_VARIANT else f"_{file_part(variant)}"
    return f"{model}_{words}_{file_part(job.id, 6)}{suffix}.{EXTENSIONS.get(mime, 'bin')}"
