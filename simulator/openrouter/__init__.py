"""A simulator of OpenRouter's video API (``https://openrouter.ai/api/v1``), with OAuth PKCE."""

from __future__ import annotations

from simulator.openrouter.service import PREFIXES, OpenRouterService

__all__ = ["PREFIXES", "OpenRouterService"]
