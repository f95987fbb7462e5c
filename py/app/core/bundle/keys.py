"""API keys in a bundle: what is encrypted, and how the encrypted form is written down.

The plaintext is a small JSON document listing each key with the provider and the
endpoint origin it is bound to, so the binding survives the trip: an import stores each
key for exactly that provider and origin again. It is encrypted with AES-GCM under a key
derived from the user's passphrase (PBKDF2-SHA-256, 600,000 rounds, a fresh salt each
export); the additional data names the purpose, so a vault record's ciphertext cannot be
passed off as a bundle's. The plaintext never reaches the bundle or the console.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from typing import Final, Literal

from pydantic import ConfigDict, Field, ValidationError, field_validator, model_validator

from app.core.bundle.manifest import EncryptedKeys
from app.core.errors import VaultError
from app.core.i18n import tr
from app.core.model_base import Model
from app.core.vault_record import PBKDF2_ITERATIONS, PROVIDER_ID_PATTERN, SALT_BYTES, normalised_origin

KEYS_AAD: Final = b"sora-renderer bundle keys v1"
KDF: Final = "PBKDF2-SHA-256"
CIPHER: Final = "AES-GCM"
ITERATIONS = PBKDF2_ITERATIONS
SALT_SIZE = SALT_BYTES
MAX_KEYS = 64


def unreadable() -> str:
    """Why the bundle's keys cannot be opened (a wrong passphrase or altered keys)."""
    return tr("bchk.keys.unreadable")


class BundleKey(Model):
    """One API key with its binding (the same provider and origin as in the vault)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    provider_id: str = Field(pattern=PROVIDER_ID_PATTERN)
    origin: str
    key: str = Field(min_length=1, max_length=4096)

    @field_validator("origin")
    @classmethod
    def _normal_origin(cls, origin: str) -> str:
        return normalised_origin(origin)

    def __repr__(self) -> str:  # never the key itself, even in a traceback
        return f"BundleKey(provider_id={self.provider_id!r}, origin={self.origin!r})"

    __str__ = __repr__


class KeysPayload(Model):
    model_config = ConfigDict(frozen=True, extra="forbid")

    version: Literal[1] = 1
    keys: tuple[BundleKey, ...] = Field(max_length=MAX_KEYS)

    @model_validator(mode="after")
    def _one_per_provider(self) -> KeysPayload:
        providers = [k.provider_id for k in self.keys]
        if len(set(providers)) != len(providers):
            raise ValueError("a provider is listed twice")
        return self


def payload_bytes(keys: Sequence[BundleKey]) -> bytes:
    """The plaintext to encrypt."""
    return KeysPayload(keys=tuple(keys)).model_dump_json().encode("utf-8")


def parse_payload(plaintext: bytes) -> tuple[BundleKey, ...]:
    """The keys of a decrypted payload; ``VaultError`` when it is not one (never echoing it)."""
    try:
        return KeysPayload.model_validate(json.loads(plaintext.decode("utf-8"))).keys
    except (UnicodeDecodeError, json.JSONDecodeError, ValidationError):
        raise VaultError(unreadable()) from None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def encrypted_keys(salt: bytes, iv: bytes, ciphertext: bytes, iterations: int = ITERATIONS) -> EncryptedKeys:
    return EncryptedKeys(
        kdf=KDF, iterations=iterations, salt=_b64(salt), iv=_b64(iv), ciphertext=_b64(ciphertext), cipher=CIPHER
    )


def sealed_parts(sealed: EncryptedKeys) -> tuple[bytes, bytes, bytes]:
    """``(salt, iv, ciphertext)`` of a validated :class:`EncryptedKeys`."""
    return base64.b64decode(sealed.salt), base64.b64decode(sealed.iv), base64.b64decode(sealed.ciphertext)
