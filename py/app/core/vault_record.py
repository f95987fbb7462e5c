"""The stored, encrypted API keys: one pydantic record per provider in the ``vault`` store.

Only ciphertext, its IV, the KDF salt and a masked hint are stored. In ``device`` mode
the AES-GCM key is a non-extractable CryptoKey in the ``keys`` store (its raw bytes
never exist anywhere we can read); in ``passphrase`` mode it is derived with PBKDF2 each
time and never stored. The mode is vault-wide: every record has the same one (and, with a
passphrase, the same salt), so unlocking derives one key for all of them.

A v2 record is bound to its provider and endpoint origin (:func:`binding_aad`); the v1
record (one key, id ``"api-key"``) had neither and is read by :class:`LegacyVaultRecord`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field, field_validator, model_validator

from app.core.errors import VaultError
from app.core.key_binding import LEGACY_PROVIDER_ID, binding_aad, origin_of, record_id
from app.core.model_base import Model
from app.core.vault_status import VaultMode

PBKDF2_ITERATIONS = 600_000
SALT_BYTES = 16
IV_BYTES = 12
MIN_PASSPHRASE = 8
DEVICE_KEY_ID = "vault-device-key"
PROVIDER_ID_PATTERN = r"^[a-z0-9][a-z0-9._-]{0,63}$"


def normalised_origin(origin: str) -> str:
    """``origin`` itself when it is already written the one way ``origin_of`` writes it
    (a stored or imported record must not smuggle in another spelling); ``ValueError`` else."""
    try:
        normal = origin_of(origin)
    except VaultError as exc:
        raise ValueError(str(exc)) from exc
    if normal != origin:
        raise ValueError(f"the origin must be written {normal!r}")
    return origin


class SealedKey(Model):
    """What both record versions share: the ciphertext and how its key is protected."""

    model_config = ConfigDict(frozen=True, extra="ignore", ser_json_bytes="base64", val_json_bytes="base64")

    mode: VaultMode
    ciphertext: bytes = Field(min_length=17)  # at least the 16-byte GCM tag and one byte
    iv: bytes = Field(min_length=IV_BYTES, max_length=IV_BYTES)
    salt: bytes | None = None
    iterations: int | None = None
    hint: str
    created_at: float
    updated_at: float

    @model_validator(mode="after")
    def _passphrase_needs_kdf(self) -> SealedKey:
        if self.mode == "passphrase" and (self.salt is None or (self.iterations or 0) < PBKDF2_ITERATIONS):
            raise ValueError("a passphrase record needs a salt and at least 600,000 PBKDF2 iterations")
        return self


class VaultRecord(SealedKey):
    """Version 2: one provider's key, bound to the origin of the endpoint it is for."""

    id: str
    version: Literal[2] = 2
    provider_id: str = Field(pattern=PROVIDER_ID_PATTERN)
    origin: str

    @field_validator("origin")
    @classmethod
    def _origin_is_normalised(cls, origin: str) -> str:
        return normalised_origin(origin)

    @property
    def aad(self) -> bytes:
        return binding_aad(self.provider_id, self.origin)

    @property
    def moved(self) -> bool:
        """Stored under another provider's id (copied or renamed outside the app)."""
        return self.id != record_id(self.provider_id)


class LegacyVaultRecord(SealedKey):
    """Version 1: the one API key, encrypted without additional data, for no stated endpoint."""

    id: Literal["api-key"] = "api-key"  # key_binding.LEGACY_RECORD_ID
    version: Literal[1] = 1

    def bound_to(self, origin: str) -> VaultRecord:
        """The same ciphertext as the ``openai-videos`` key for ``origin`` (not yet re-encrypted)."""
        fields = self.model_dump(exclude={"id", "version"})
        return VaultRecord(id=record_id(LEGACY_PROVIDER_ID), provider_id=LEGACY_PROVIDER_ID, origin=origin, **fields)
