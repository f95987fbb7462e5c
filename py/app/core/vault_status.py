"""What the UI may know about the key vault: its state and a masked hint, never the key."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

VaultMode = Literal["device", "passphrase"]


class VaultState(StrEnum):
    EMPTY = "empty"  # no key stored
    LOCKED = "locked"  # a passphrase-protected key, not unlocked in this session
    UNLOCKED = "unlocked"  # the key is in memory and usable


@dataclass(frozen=True)
class VaultStatus:
    state: VaultState = VaultState.EMPTY
    mode: VaultMode | None = None
    hint: str = ""
    updated_at: float | None = None
