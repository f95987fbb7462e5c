"""API key hygiene: trimming, obvious-mistake checks and masking. Pure, no storage."""

from __future__ import annotations

from app.core.errors import InputError

MIN_KEY_LENGTH = 8
MAX_KEY_LENGTH = 1024
DEMO_KEY = "sk-demo-local-simulator"  # sent to the built-in simulator, which needs no real key


def normalize_key(text: str) -> str:
    """The key as it should be stored, or ``InputError`` with what is wrong with it."""
    key = text.strip()
    if key.lower().startswith("bearer "):
        key = key[7:].strip()
    if not key:
        raise InputError("api_key", "Paste your API key first.")
    if any(ch.isspace() for ch in key):
        raise InputError("api_key", "The key contains spaces or line breaks: copy it again as one piece.")
    if not key.isascii() or not key.isprintable():
        raise InputError("api_key", "The key contains characters an API key never has: copy it again.")
    if key.startswith(("http://", "https://")):
        raise InputError("api_key", "That is a URL, not a key: put addresses in “API base URL”.")
    if len(key) < MIN_KEY_LENGTH:
        raise InputError("api_key", "That is too short to be an API key.")
    if len(key) > MAX_KEY_LENGTH:
        raise InputError("api_key", "That is too long to be an API key.")
    return key


def mask_key(key: str) -> str:
    """``sk-…abcd``: enough to recognise a key, never enough to use it."""
    if len(key) <= 8:
        return "…" + key[-2:]
    prefix = key[:3] if key.startswith("sk-") else key[:2]
    return f"{prefix}…{key[-4:]}"
