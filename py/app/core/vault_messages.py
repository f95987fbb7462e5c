"""What the key vault tells the user, in one place, naming providers as the user knows them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

LOCKED = "The key vault is locked. Unlock it with your passphrase first."
WRONG_PASSPHRASE = "That passphrase is not right. Check it and try again."
UNOPENABLE = "None of the saved keys can be opened any more: remove them and paste them again."
NOTHING_TO_PROTECT = "Save a key first: the passphrase protects the saved keys."
CANNOT_LOCK = (
    "Keys protected by this device cannot be locked: the browser would unlock them again by itself. "
    "Set a passphrase to be able to lock the vault."
)


@dataclass(frozen=True)
class VaultWords:
    names: Mapping[str, str] = field(default_factory=dict)  # provider id -> display name

    def name(self, provider_id: str) -> str:
        return self.names.get(provider_id, provider_id)

    def no_key(self, provider_id: str) -> str:
        return f"No key is saved for {self.name(provider_id)}. Add one in Settings, or switch on demo mode."

    def changed(self, provider_id: str) -> str:
        return f"The stored key for {self.name(provider_id)} was changed outside the app; paste it again."

    def damaged(self, provider_id: str) -> str:
        return f"The stored key for {self.name(provider_id)} is damaged; paste it again."

    def lost(self, provider_id: str) -> str:
        return f"This browser lost the key that protected your {self.name(provider_id)} key; paste it again."

    def unopened(self, provider_id: str) -> str:
        return (
            f"The stored key for {self.name(provider_id)} cannot be opened: paste it again or remove it "
            "before changing how the keys are protected."
        )

    def other_origin(self, provider_id: str, bound: str, requested: str) -> str:
        return (
            f"Your {self.name(provider_id)} key is saved for {bound}. "
            f"Confirm in Settings before it is sent to {requested}."
        )
