"""Opaque, tamper-proof tokens for ``/sim/files/<token>`` (the ``[sim:redirect]`` target).

Like a file host's signed URL, the token alone grants the download (no API key), names
no key, and stops working when the video expires or is deleted.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True)
class FileRef:
    scope: str
    video_id: str
    variant: str


class Signer:
    """Signs and checks file references with a secret made per simulator instance."""

    def __init__(self, secret: bytes | None = None) -> None:
        self._secret = secret or secrets.token_bytes(32)

    def _mac(self, payload: bytes) -> str:
        return _b64(hmac.new(self._secret, payload, hashlib.sha256).digest()[:18])

    def sign(self, ref: FileRef) -> str:
        payload = f"{ref.scope}:{ref.video_id}:{ref.variant}".encode()
        return f"{_b64(payload)}.{self._mac(payload)}"

    def verify(self, token: str) -> FileRef | None:
        encoded, _, mac = token.partition(".")
        try:
            payload = _unb64(encoded)
        except ValueError:
            return None
        if not hmac.compare_digest(mac, self._mac(payload)):
            return None
        parts = payload.decode("utf-8", "replace").split(":")
        return FileRef(*parts) if len(parts) == 3 else None
