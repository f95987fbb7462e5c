"""Blobs made from data that arrived inside a JSON answer (a video sent inline, base64),
joined from stored parts, and hashed."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from typing import Any

import js

from app.browser.ffi import js_bytes, js_object


class BrowserBlobs:
    """The :class:`~app.services.ports.Blobs` port."""

    def from_base64(self, data: str, mime: str) -> tuple[Any, int]:
        raw = base64.b64decode(data, validate=False)
        blob = js.Blob.new(js_object([js_bytes(raw)]), js_object({"type": mime}))
        return blob, len(raw)

    def join(self, parts: Sequence[Any], mime: str) -> tuple[Any, int]:
        """A Blob of Blobs refers to their bytes; the browser copies nothing until it is stored."""
        blob = js.Blob.new(js_object(list(parts)), js_object({"type": mime}))
        return blob, int(blob.size)

    async def sha256(self, blob: Any) -> str:
        """WebCrypto's digest of the bytes (read into the JS heap once, never into Python's)."""
        digest = await js.crypto.subtle.digest("SHA-256", await blob.arrayBuffer())
        return bytes(js.Uint8Array.new(digest).to_py()).hex()
