"""Every provider the app ships: their capability data (pydantic-free, for the first
screen) and their codecs (loaded with pydantic). Only the composition roots — the page
and the polling worker — read this; everything else is handed what it needs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.core.provider_directory import ProviderDirectory
from app.core.providers.gemini_omni.capabilities import CAPABILITIES as GEMINI
from app.core.providers.openai_videos.capabilities import CAPABILITIES as OPENAI_VIDEOS
from app.core.providers.openrouter.capabilities import CAPABILITIES as OPENROUTER

if TYPE_CHECKING:
    from app.core.providers.base import VideoProvider

DEFAULT_PROVIDER = OPENROUTER.provider_id  # one key → Veo 3.1, Kling, Seedance, Wan …


def directory() -> ProviderDirectory:
    """The providers in the order Settings lists them."""
    return ProviderDirectory((OPENROUTER, GEMINI, OPENAI_VIDEOS), DEFAULT_PROVIDER)


def codecs() -> dict[str, VideoProvider]:
    """One codec per provider (imports pydantic: call it after the first screen)."""
    from app.core.providers.gemini_omni.codec import GeminiOmniProvider
    from app.core.providers.openai_videos.codec import OpenAIVideosProvider
    from app.core.providers.openrouter.codec import OpenRouterProvider

    found: list[VideoProvider] = [OpenRouterProvider(), GeminiOmniProvider(), OpenAIVideosProvider()]
    return {codec.capabilities.provider_id: codec for codec in found}
