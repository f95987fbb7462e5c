"""Blobs made from data that arrived inside a JSON answer (a video sent inline, base64)."""

from __future__ import annotations

import base64
from typing import Any

import js

from app.browser.ffi import js_bytes, js_object


class BrowserBlobs:
    """The :class:`~app.services.ports.Blobs` port: decode once, hand the bytes to a Blob."""

    def from_base64(self, data: str, mime: str) -> tuple[Any, int]:
        raw = base64.b64decode(data, validate=False)
        blob = js.Blob.new(js_object([js_bytes(raw)]), js_object({"type": mime}))
        return blob, len(raw)
