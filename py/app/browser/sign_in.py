"""OAuth PKCE's browser side: a random verifier, its SHA-256 challenge, and the pending
sign-in kept in ``sessionStorage`` across the redirect (it dies with the tab, and it is
single use: the page processes a ``?code=`` only while one is pending)."""

from __future__ import annotations

import base64
import json
from typing import Any

import js

from app.browser.ffi import is_null, js_bytes

PENDING_KEY = "sora-renderer-sign-in"
VERIFIER_BYTES = 32


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


class BrowserSignIn:
    """The :class:`~app.services.ports.SignInStore` port."""

    def new_verifier(self) -> str:
        buffer = js.Uint8Array.new(VERIFIER_BYTES)
        js.crypto.getRandomValues(buffer)
        return _b64url(bytes(buffer.to_bytes()))

    async def challenge(self, verifier: str) -> str:
        digest = await js.crypto.subtle.digest("SHA-256", js_bytes(verifier.encode("ascii")))
        return _b64url(bytes(digest.to_bytes()))

    def remember(self, pending: dict[str, str]) -> None:
        js.sessionStorage.setItem(PENDING_KEY, json.dumps(pending))

    def pending(self) -> dict[str, str] | None:
        raw: Any = js.sessionStorage.getItem(PENDING_KEY)
        if is_null(raw):
            return None
        try:
            value = json.loads(str(raw))
        except ValueError:
            return None
        return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else None

    def forget(self) -> None:
        js.sessionStorage.removeItem(PENDING_KEY)
