"""Reference images before they are sent: their type and size read from the first bytes
(refused before decoding), and the geometry that fits them to the video frame."""

from __future__ import annotations

from app.core.errors import InputError
from app.core.i18n import tr
from app.core.image_header import ImageError, read_image_info, sniff_mime

IMAGE_TYPES = ("image/jpeg", "image/png", "image/webp")  # what a browser canvas can re-encode
MAX_IMAGE_PIXELS = 50_000_000  # larger is a decompression bomb, or a photo far beyond any video frame


def check_image_header(head: bytes, name: str, accepted: tuple[str, ...]) -> str:
    """The type of an image from its first bytes, refused before decoding when it is not one
    the model takes, is damaged, or claims an absurd pixel count; raises ``InputError``."""
    try:
        info = read_image_info(head)
    except ImageError as exc:
        raise InputError("image", tr("checks.image.unreadable")) from exc
    usable = tuple(m for m in accepted if m in IMAGE_TYPES) or IMAGE_TYPES
    if info is None or info.mime not in usable:
        found = sniff_mime(head) or ""
        raise InputError("image", image_type_message(found, name, usable))
    if info.width * info.height > MAX_IMAGE_PIXELS:
        limit = MAX_IMAGE_PIXELS // 1_000_000
        raise InputError("image", tr("checks.image.too_large", width=info.width, height=info.height, limit=limit))
    return info.mime


def image_type_message(mime: str, name: str, allowed: tuple[str, ...]) -> str:
    """``GIF images can't be used; use JPEG, PNG or WebP.`` (never MIME words)."""
    kind = mime.split("/")[-1].upper() if "/" in mime else ""
    if not kind and "." in name:
        kind = name.rsplit(".", 1)[-1].upper()
    names = [a.split("/")[-1].upper().replace("WEBP", "WebP") for a in allowed]
    listed = tr("compose.image.kinds", some=", ".join(names[:-1]), last=names[-1]) if len(names) > 1 else names[0]
    return tr("checks.image.kind", kind=kind, allowed=listed) if kind else tr("checks.image.file", allowed=listed)


def cover_crop(src_w: int, src_h: int, dst_w: int, dst_h: int) -> tuple[float, float, float, float]:
    """The centred source rectangle ``(x, y, w, h)`` that fills ``dst`` without distortion."""
    scale = max(dst_w / src_w, dst_h / src_h)
    w, h = dst_w / scale, dst_h / scale
    return (src_w - w) / 2, (src_h - h) / 2, w, h


def contain_box(src_w: int, src_h: int, dst_w: int, dst_h: int) -> tuple[float, float, float, float]:
    """The centred destination rectangle ``(x, y, w, h)`` that shows all of ``src`` (padded)."""
    scale = min(dst_w / src_w, dst_h / src_h)
    w, h = src_w * scale, src_h * scale
    return (dst_w - w) / 2, (dst_h - h) / 2, w, h
