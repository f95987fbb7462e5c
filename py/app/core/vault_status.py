"""What the UI may know about the key vault: states, masked hints and origins, never a key.

Standard library only: the boot path reads it before pydantic loads.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

VaultMode = Literal["device", "passphrase"]


class VaultState(StrEnum):
    EMPTY = "empty"  # no key stored
    LOCKED = "locked"  # a passphrase-protected key, not unlocked in this session
    UNLOCKED = "unlocked"  # the key is in memory and usable
    DAMAGED = "damaged"  # stored, but unusable (edited outside the app, or its device key is gone)


@dataclass(frozen=True)
class VaultStatus:
    """One provider's key."""

    state: VaultState = VaultState.EMPTY
    mode: VaultMode | None = None
    hint: str = ""
    updated_at: float | None = None
    origin: str = ""  # the scheme://host[:port] the key may be sent to
    problem: str = ""  # why a DAMAGED key cannot be used, in words for the user


@dataclass(frozen=True)
class VaultOverview:
    """The whole vault: its one protection mode, whether it is locked, and every saved key."""

    mode: VaultMode | None = None  # None: no key is saved
    locked: bool = False  # passphrase mode, and the passphrase is not in this session
    keys: Mapping[str, VaultStatus] = field(default_factory=dict)  # by provider id

    @property
    def can_lock(self) -> bool:
        """Only a passphrase vault can lock: a device key would unlock itself at once."""
        return self.mode == "passphrase" and not self.locked

    def status(self, provider_id: str) -> VaultStatus:
        return self.keys.get(provider_id, VaultStatus())
