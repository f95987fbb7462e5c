"""Bounds and defaults of user preferences, importable before pydantic is loaded."""

from __future__ import annotations

POLL_MIN_MS = 1000
POLL_MAX_MS = 60_000
POLL_DEFAULT_MS = 2500
