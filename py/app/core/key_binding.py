"""What a saved key is bound to: its provider and the origin of the endpoint it is for.

The binding is the AES-GCM additional authenticated data of the key's record, so a record
whose provider or origin was edited (or whose ciphertext was moved to another record) no
longer decrypts. Standard library only: the boot path and the settings view use it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from app.core.errors import VaultError
from app.core.i18n import tr

RECORD_PREFIX = "key:"  # v2 records: one per provider, id "key:<provider_id>"
LEGACY_RECORD_ID = "api-key"  # the v1 record: one key, no provider, no origin
LEGACY_PROVIDER_ID = "openai-videos"  # the provider a v1 key was for
AAD_PREFIX = b"sora-renderer key v2|"
DEFAULT_PORTS = {"http": 80, "https": 443}


def record_id(provider_id: str) -> str:
    return RECORD_PREFIX + provider_id


def provider_of(stored_id: str) -> str | None:
    """The provider a v2 record id names, ``None`` for any other id."""
    if not stored_id.startswith(RECORD_PREFIX):
        return None
    return stored_id.removeprefix(RECORD_PREFIX) or None


def binding_aad(provider_id: str, origin: str) -> bytes:
    """The AES-GCM additional data of a v2 record: changing either part breaks decryption."""
    return AAD_PREFIX + provider_id.encode("utf-8") + b"|" + origin.encode("utf-8")


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` of an endpoint (or of an origin), the way keys are bound to it.

    Scheme and host are lowercased and a default port is dropped, so ``https://API.example:443/v1``
    and ``https://api.example`` are the same origin; a path, query or credentials never matter.
    """
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
        port = parts.port
    except ValueError as exc:
        raise VaultError(tr("plat.key.bad_origin", url=url)) from exc
    if parts.scheme not in DEFAULT_PORTS or not host:
        raise VaultError(tr("plat.key.bad_origin", url=url))
    if ":" in host:
        host = f"[{host}]"  # IPv6
    if port is None or port == DEFAULT_PORTS[parts.scheme]:
        return f"{parts.scheme}://{host}"
    return f"{parts.scheme}://{host}:{port}"
