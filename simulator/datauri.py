"""``data:`` URIs (RFC 2397) as the APIs accept them for images: base64 only."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass


class DataUriError(ValueError):
    """Not a base64 ``data:`` URI the simulator can read; the message says why."""


class Base64Error(DataUriError):
    """The shape is right but the payload is not valid base64."""


@dataclass(frozen=True)
class DataUri:
    data: bytes
    declared_mime: str | None


def decode_base64(text: str) -> bytes:
    """Strict standard base64 (padding required, no whitespace or URL-safe letters)."""
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise Base64Error("the payload is not valid base64") from None


def parse_data_uri(url: str) -> DataUri:
    """The bytes and declared type of ``data:[<mime>][;…];base64,<payload>``."""
    if not url.startswith("data:"):
        raise DataUriError("not a data: URI")
    meta, comma, payload = url[5:].partition(",")
    if not comma or not meta.endswith(";base64"):
        raise DataUriError("expected a base64-encoded data: URI")
    declared = meta.removesuffix(";base64").split(";", 1)[0].strip().lower() or None
    return DataUri(decode_base64(payload), declared)
