"""What the key vault tells the user, in one place, naming providers as the user knows them.

Functions, not constants: each text is looked up when it is said, in the language chosen then.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from app.core.i18n import tr


def locked() -> str:
    return tr("vault.error.locked")


def wrong_passphrase() -> str:
    return tr("vault.error.wrong_passphrase")


def unopenable() -> str:
    return tr("vault.error.unopenable")


def nothing_to_protect() -> str:
    return tr("vault.error.nothing_to_protect")


def cannot_lock() -> str:
    return tr("vault.error.cannot_lock")


@dataclass(frozen=True)
class VaultWords:
    names: Mapping[str, str] = field(default_factory=dict)  # provider id -> display name

    def name(self, provider_id: str) -> str:
        return self.names.get(provider_id, provider_id)

    def no_key(self, provider_id: str) -> str:
        return tr("vault.error.no_key", provider=self.name(provider_id))

    def changed(self, provider_id: str) -> str:
        return tr("vault.error.changed", provider=self.name(provider_id))

    def damaged(self, provider_id: str) -> str:
        return tr("vault.error.damaged", provider=self.name(provider_id))

    def lost(self, provider_id: str) -> str:
        return tr("vault.error.lost", provider=self.name(provider_id))

    def unopened(self, provider_id: str) -> str:
        return tr("vault.error.unopened", provider=self.name(provider_id))

    def other_origin(self, provider_id: str, bound: str, requested: str) -> str:
        return tr("vault.error.other_origin", provider=self.name(provider_id), bound=bound, requested=requested)
