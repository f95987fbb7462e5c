"""API key hygiene: trimming, obvious-mistake checks and masking. Pure, no storage."""

from __future__ import annotations

from app.core.errors import InputError
from app.core.i18n import tr

MIN_KEY_LENGTH = 8
MAX_KEY_LENGTH = 1024
DEMO_KEY = "sk-demo-local-simulator"  # sent to the built-in simulator, which needs no real key


def normalize_key(text: str) -> str:
    """The key as it should be stored, or ``InputError`` with what is wrong with it."""
    key = text.strip()
    if key.lower().startswith("bearer "):
        key = key[7:].strip()
    if not key:
        raise InputError("api_key", tr("checks.key.empty"))
    if any(ch.isspace() for ch in key):
        raise InputError("api_key", tr("checks.key.spaces"))
    if not key.isascii() or not key.isprintable():
        raise InputError("api_key", tr("checks.key.characters"))
    if key.startswith(("http://", "https://")):
        raise InputError("api_key", tr("checks.key.url"))
    if len(key) < MIN_KEY_LENGTH:
        raise InputError("api_key", tr("checks.key.too_short"))
    if len(key) > MAX_KEY_LENGTH:
        raise InputError("api_key", tr("checks.key.too_long"))
    return key


def mask_key(key: str) -> str:
    """``sk-…abcd``: enough to recognise a key, never enough to use it."""
    if len(key) <= 8:
        return "…" + key[-2:]
    prefix = key[:3] if key.startswith("sk-") else key[:2]
    return f"{prefix}…{key[-4:]}"
