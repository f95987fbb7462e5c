"""The WebCrypto half of carrying API keys in a bundle: seal them under a passphrase, open them.

One PBKDF2 derivation per export (with a fresh salt) and one per import; the derived
AES-GCM key is non-extractable and lives only as long as the call.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.core.bundle.keys import (
    ITERATIONS,
    KEYS_AAD,
    SALT_SIZE,
    BundleKey,
    encrypted_keys,
    parse_payload,
    payload_bytes,
    sealed_parts,
    unreadable,
)
from app.core.bundle.manifest import EncryptedKeys
from app.core.errors import InputError, VaultError
from app.core.i18n import tr
from app.core.vault_record import MIN_PASSPHRASE
from app.services.ports import Cipher


def check_passphrase(passphrase: str, confirm: str | None = None, *, field: str = "bundle_passphrase") -> None:
    """``InputError`` for a passphrase too short to protect keys, or one typed differently twice."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise InputError(field, tr("svc.passphrase.short", min=MIN_PASSPHRASE))
    if confirm is not None and confirm != passphrase:
        raise InputError(f"{field}_confirm", tr("backup.passphrase.mismatch"))


class BundleKeySealer:
    def __init__(self, cipher: Cipher) -> None:
        self._cipher = cipher

    async def seal(self, keys: Sequence[BundleKey], passphrase: str) -> EncryptedKeys:
        salt = self._cipher.random_bytes(SALT_SIZE)
        wrapping = await self._cipher.derive_key(passphrase, salt, ITERATIONS)
        iv, ciphertext = await self._cipher.encrypt(wrapping, payload_bytes(keys), KEYS_AAD)
        return encrypted_keys(salt, iv, ciphertext, ITERATIONS)

    async def open(self, sealed: EncryptedKeys, passphrase: str) -> tuple[BundleKey, ...]:
        """The keys, with their bindings; ``VaultError`` for a wrong passphrase or altered keys."""
        salt, iv, ciphertext = sealed_parts(sealed)
        wrapping = await self._cipher.derive_key(passphrase, salt, sealed.iterations)
        try:
            plaintext = await self._cipher.decrypt(wrapping, iv, ciphertext, KEYS_AAD)
        except VaultError:
            raise VaultError(unreadable()) from None
        return parse_payload(plaintext)
