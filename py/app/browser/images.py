"""Reference images: decode, then crop or pad to exactly the video size in a canvas.

The API requires the first-frame image to match the requested size exactly, so the
page re-encodes it (same format as the original) before upload.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import js
from pyodide.ffi import JsException

from app.browser.ffi import js_object
from app.core.capabilities import FrameSize, ProviderCapabilities
from app.core.compose import ImageFit, PreparedImage, check_image_type, contain_box, cover_crop
from app.core.errors import InputError

ENCODE_QUALITY = 0.92
PAD_COLOR = "#000000"


@dataclass(frozen=True)
class SourceImage:
    """The user's original file, checked and measured."""

    blob: Any
    mime: str
    name: str
    width: int
    height: int


class CanvasImages:
    """Implements the ``ImageProcessor`` port with ``createImageBitmap`` + ``OffscreenCanvas``."""

    def __init__(self, capabilities: ProviderCapabilities) -> None:
        self._caps = capabilities

    async def open(self, file: Any, name: str = "") -> SourceImage:
        mime = str(getattr(file, "type", "") or "")
        filename = name or str(getattr(file, "name", "") or "image")
        check_image_type(self._caps, mime, filename)
        try:
            bitmap = await js.createImageBitmap(file)
        except JsException as exc:
            raise InputError("image", "This image could not be read; it may be damaged. Try another file.") from exc
        try:
            return SourceImage(file, mime, filename, int(bitmap.width), int(bitmap.height))
        finally:
            bitmap.close()

    async def fit(self, source: SourceImage, size: str, fit: ImageFit) -> PreparedImage:
        frame = FrameSize.parse(size)
        canvas = js.OffscreenCanvas.new(frame.width, frame.height)
        context = canvas.getContext("2d")
        context.imageSmoothingQuality = "high"
        bitmap = await js.createImageBitmap(source.blob)
        try:
            if fit == "cover":
                sx, sy, sw, sh = cover_crop(source.width, source.height, frame.width, frame.height)
                context.drawImage(bitmap, sx, sy, sw, sh, 0, 0, frame.width, frame.height)
            else:
                context.fillStyle = PAD_COLOR
                context.fillRect(0, 0, frame.width, frame.height)
                dx, dy, dw, dh = contain_box(source.width, source.height, frame.width, frame.height)
                context.drawImage(bitmap, dx, dy, dw, dh)
        finally:
            bitmap.close()
        blob = await canvas.convertToBlob(js_object({"type": source.mime, "quality": ENCODE_QUALITY}))
        stem = source.name.rsplit(".", 1)[0] or "image"
        extension = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}.get(str(blob.type), "png")
        return PreparedImage(
            blob=blob,
            mime=str(blob.type),
            width=frame.width,
            height=frame.height,
            bytes=int(blob.size),
            name=f"{stem}-{frame.width}x{frame.height}.{extension}",
        )
