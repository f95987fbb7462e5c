"""WebCrypto AES-GCM-256 and PBKDF2-SHA-256 for the key vault (implements ``Cipher``).

Keys are created non-extractable: JavaScript (and so this app) can use them but never
read their bytes. Python bytes (IV, data, additional data) go through ``to_js`` before
WebCrypto (docs/runtime.md).
"""

from __future__ import annotations

from typing import Any

import js
from pyodide.ffi import JsException

from app.browser.ffi import is_null, js_bytes, js_object
from app.core.errors import VaultError
from app.core.i18n import tr

AES = "AES-GCM"
KEY_USAGES = ["encrypt", "decrypt"]


def _subtle() -> Any:
    subtle = js.crypto.subtle
    if is_null(subtle):
        raise VaultError(tr("plat.crypto.none"))
    return subtle


def _gcm(iv: bytes, aad: bytes) -> Any:
    """AES-GCM parameters; empty additional data is left out (GCM treats both the same)."""
    params: dict[str, Any] = {"name": AES, "iv": js_bytes(iv)}
    if aad:
        params["additionalData"] = js_bytes(aad)
    return js_object(params)


class WebCryptoCipher:
    async def new_device_key(self) -> Any:
        return await _subtle().generateKey(js_object({"name": AES, "length": 256}), False, js_object(KEY_USAGES))

    async def derive_key(self, passphrase: str, salt: bytes, iterations: int) -> Any:
        subtle = _subtle()
        material = await subtle.importKey(
            "raw", js_bytes(passphrase.encode("utf-8")), "PBKDF2", False, js_object(["deriveKey"])
        )
        params = js_object({"name": "PBKDF2", "salt": js_bytes(salt), "iterations": iterations, "hash": "SHA-256"})
        return await subtle.deriveKey(
            params, material, js_object({"name": AES, "length": 256}), False, js_object(KEY_USAGES)
        )

    async def encrypt(self, key: Any, plaintext: bytes, aad: bytes = b"") -> tuple[bytes, bytes]:
        iv = self.random_bytes(12)
        sealed = await _subtle().encrypt(_gcm(iv, aad), key, js_bytes(plaintext))
        return iv, sealed.to_bytes()

    async def decrypt(self, key: Any, iv: bytes, ciphertext: bytes, aad: bytes = b"") -> bytes:
        try:
            opened = await _subtle().decrypt(_gcm(iv, aad), key, js_bytes(ciphertext))
        except JsException as exc:
            raise VaultError(tr("plat.crypto.undecryptable")) from exc
        return bytes(opened.to_bytes())

    def random_bytes(self, count: int) -> bytes:
        buffer = js.Uint8Array.new(count)
        js.crypto.getRandomValues(buffer)
        return bytes(buffer.to_bytes())
