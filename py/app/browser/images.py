"""Images for a render: checked from their header before any decoding, then re-drawn in a canvas.

A first frame that must match the video size is cropped or padded to it exactly; any
other image is scaled to fit a bound. Either way the upload is a fresh encoding of the
pixels (no metadata of the original, such as a location, leaves the device), and an
image whose header claims an absurd pixel count — a decompression bomb — is refused
before the browser decodes it.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

import js
from pyodide.ffi import JsException

from app.browser.ffi import js_object
from app.core.capabilities import FrameSize
from app.core.compose import ImageFit, PreparedImage
from app.core.compose_images import IMAGE_TYPES, check_image_header, contain_box, cover_crop
from app.core.errors import InputError
from app.core.i18n import tr

ENCODE_QUALITY = 0.92
HEADER_BYTES = 1 << 20  # enough for a JPEG's frame header behind large metadata
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

    async def open(self, file: Any, name: str = "", accepted: tuple[str, ...] = ()) -> SourceImage:
        filename = name or str(getattr(file, "name", "") or "image")
        head = bytes((await file.slice(0, HEADER_BYTES).arrayBuffer()).to_bytes())
        mime = check_image_header(head, filename, accepted or IMAGE_TYPES)
        try:
            bitmap = await js.createImageBitmap(file)
        except JsException as exc:
            raise InputError("image", tr("checks.image.unreadable")) from exc
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
        return await _encoded(canvas, source, frame)

    async def bounded(self, source: SourceImage, max_side: int) -> PreparedImage:
        scale = min(1.0, max_side / max(source.width, source.height))
        frame = FrameSize(max(1, round(source.width * scale)), max(1, round(source.height * scale)))
        canvas = js.OffscreenCanvas.new(frame.width, frame.height)
        context = canvas.getContext("2d")
        context.imageSmoothingQuality = "high"
        bitmap = await js.createImageBitmap(source.blob)
        try:
            context.drawImage(bitmap, 0, 0, frame.width, frame.height)
        finally:
            bitmap.close()
        return await _encoded(canvas, source, frame)

    async def base64(self, blob: Any) -> str:
        data = bytes((await blob.arrayBuffer()).to_bytes())
        return base64.b64encode(data).decode("ascii")


async def _encoded(canvas: Any, source: SourceImage, frame: FrameSize) -> PreparedImage:
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
