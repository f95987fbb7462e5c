"""The stored, encrypted API key (pydantic record in the ``vault`` store).

Only ciphertext, its IV, the KDF salt and a masked hint are stored. In ``device`` mode
the AES-GCM key is a non-extractable CryptoKey in the ``keys`` store (its raw bytes
never exist anywhere we can read); in ``passphrase`` mode it is derived with PBKDF2 each
time and never stored.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from app.core.vault_status import VaultMode

PBKDF2_ITERATIONS = 600_000
SALT_BYTES = 16
IV_BYTES = 12
MIN_PASSPHRASE = 8
DEVICE_KEY_ID = "vault-device-key"


class VaultRecord(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore", ser_json_bytes="base64", val_json_bytes="base64")

    id: Literal["api-key"] = "api-key"
    version: int = 1
    mode: VaultMode
    ciphertext: bytes = Field(min_length=17)  # at least the 16-byte GCM tag and one byte
    iv: bytes = Field(min_length=IV_BYTES, max_length=IV_BYTES)
    salt: bytes | None = None
    iterations: int | None = None
    hint: str
    created_at: float
    updated_at: float

    @model_validator(mode="after")
    def _passphrase_needs_kdf(self) -> VaultRecord:
        if self.mode == "passphrase" and (self.salt is None or (self.iterations or 0) < PBKDF2_ITERATIONS):
            raise ValueError("a passphrase record needs a salt and at least 600,000 PBKDF2 iterations")
        return self
