"""A simulator of the Gemini API's Interactions endpoints for Omni Flash video."""

from __future__ import annotations

from simulator.gemini.service import PREFIXES, GeminiService

__all__ = ["PREFIXES", "GeminiService"]
