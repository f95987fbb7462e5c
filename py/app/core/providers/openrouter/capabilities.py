"""Capability data of OpenRouter's video API, and the models offered before the live list
has been read.

OpenRouter's model list changes week by week, so the app reads ``GET /videos/models``
(``live_catalogue``) and caches it with its date. Until then it offers the entries of a
real answer captured in 2026-04…06 (``FALLBACK_AS_OF``), written as catalogue entries
and read by the same rules as the live list (:mod:`.entries`). Standard library only.
"""

from __future__ import annotations

from app.core.capabilities import Auth, ProviderCapabilities
from app.core.providers.openrouter.entries import HIDDEN_PREFIXES, CatalogueEntry, capability_of

PROVIDER_ID = "openrouter"
DEFAULT_BASE_URL = "https://openrouter.ai/api/v1"
FALLBACK_AS_OF = "2026-06"
PROMPT_MAX_CHARS = 32_000  # [U] OpenRouter publishes none; models may take less

_BOTH_FRAMES = ("first_frame", "last_frame")
_VEO_PASSTHROUGH = ("personGeneration", "aspectRatio", "negativePrompt", "conditioningScale", "enhancePrompt")
_VEO_SIZES = ("1280x720", "1080x1920", "1920x1080", "720x1280")
_SEEDANCE_SIZES = (
    "480x480", "480x640", "480x854", "640x480", "854x480", "1120x480", "720x720", "720x960", "720x1280",
    "720x1680", "960x720", "1280x720", "1680x720", "1080x1080", "1080x1440", "1080x1920", "1440x1080",
    "1920x1080", "2520x1080", "3840x2160", "2160x3840", "2160x2160", "2880x2160", "2160x2880", "5040x2160",
)  # fmt: skip


def _veo(suffix: str, name: str, created: int, resolutions: tuple[str, ...], skus: dict[str, str]) -> CatalogueEntry:
    return CatalogueEntry(
        id=f"google/veo-3.1{suffix}",
        name=f"Google: Veo 3.1{name}",
        description="Google's Veo 3.1: text or image to video with native audio.",
        created=created,
        resolutions=resolutions,
        aspect_ratios=("16:9", "9:16"),
        sizes=(*_VEO_SIZES, "3840x2160", "2160x3840") if "4K" in resolutions else _VEO_SIZES,
        durations=(8, 4, 6) if suffix == "-lite" else (4, 6, 8),
        frame_images=_BOTH_FRAMES,
        generate_audio=True,
        seed=True,
        pricing_skus=skus,
        passthrough=_VEO_PASSTHROUGH,
    )


FALLBACK_ENTRIES: tuple[CatalogueEntry, ...] = (
    _veo(
        "", "", 1774277148, ("720p", "1080p", "4K"),
        {"duration_seconds_with_audio": "0.40", "duration_seconds_with_audio_4k": "0.60",
         "duration_seconds_without_audio": "0.20", "duration_seconds_without_audio_4k": "0.40"},
    ),
    _veo(
        "-fast", " Fast", 1776994666, ("720p", "1080p", "4K"),
        {"duration_seconds_with_audio": "0.12", "duration_seconds_with_audio_4k": "0.30",
         "duration_seconds_without_audio": "0.10", "duration_seconds_with_audio_720p": "0.10",
         "duration_seconds_without_audio_4k": "0.25", "duration_seconds_without_audio_720p": "0.08"},
    ),
    _veo(
        "-lite", " Lite", 1776978818, ("720p", "1080p"),
        {"duration_seconds_with_audio": "0.08", "duration_seconds_without_audio": "0.05",
         "duration_seconds_with_audio_720p": "0.05", "duration_seconds_without_audio_720p": "0.03"},
    ),
    CatalogueEntry(
        id="kwaivgi/kling-v3.0-pro", name="Kling: Video v3.0 Pro", created=1777496206,
        description="Kuaishou's premium Kling model: text or image to video, first and last frame control.",
        resolutions=("720p",), aspect_ratios=("16:9", "9:16", "1:1"), sizes=("1280x720", "720x1280", "720x720"),
        durations=tuple(range(3, 16)), frame_images=_BOTH_FRAMES, generate_audio=True, seed=False,
        pricing_skus={"duration_seconds": "0.112", "duration_seconds_with_audio": "0.168",
                      "text_to_video_duration_seconds_480p": "0.112", "text_to_video_duration_seconds_720p": "0.112",
                      "image_to_video_duration_seconds_720p": "0.112",
                      "text_to_video_duration_seconds_1080p": "0.112",
                      "image_to_video_duration_seconds_1080p": "0.112"},
        passthrough=("negative_prompt", "cfg_scale"),
    ),
    CatalogueEntry(
        id="minimax/hailuo-2.3", name="MiniMax: Hailuo 2.3", created=1776702740,
        description="MiniMax's Hailuo 2.3: text or image to 1080p video.",
        resolutions=("1080p",), aspect_ratios=("16:9",), sizes=("1920x1080",), durations=(6, 10),
        frame_images=("first_frame",), generate_audio=False, seed=None,
        pricing_skus={"duration_seconds": "0.0817"}, passthrough=("prompt_optimizer", "fast_pretreatment"),
    ),
    CatalogueEntry(
        id="bytedance/seedance-2.0", name="ByteDance: Seedance 2.0", created=1776211362,
        description="ByteDance's Seedance 2.0: text, image and multimodal reference to video.",
        resolutions=("480p", "720p", "1080p", "4K"),
        aspect_ratios=("1:1", "3:4", "9:16", "4:3", "16:9", "21:9", "9:21"),
        sizes=_SEEDANCE_SIZES, durations=tuple(range(4, 16)), frame_images=_BOTH_FRAMES, generate_audio=True, seed=True,
        pricing_skus={"video_tokens": "0.000007", "video_tokens_4k": "0.000004", "video_tokens_1080p": "0.0000077",
                      "video_tokens_without_audio": "0.000007", "video_tokens_with_video_input": "0.0000043",
                      "video_tokens_4k_with_video_input": "0.0000024",
                      "video_tokens_1080p_with_video_input": "0.0000047"},
        passthrough=("watermark", "req_key"),
    ),
    CatalogueEntry(
        id="alibaba/wan-2.6", name="Alibaba: Wan 2.6", created=1774659190,
        description="Alibaba's Wan 2.6: 1080p video at 24 fps from text or an image.",
        resolutions=("720p", "1080p"), aspect_ratios=("16:9", "9:16"),
        sizes=("1280x720", "1080x1920", "720x1280", "1920x1080"), durations=(5, 10), frame_images=("first_frame",),
        generate_audio=True, seed=True,
        pricing_skus={"text_to_video_duration_seconds_480p": "0.04", "text_to_video_duration_seconds_720p": "0.08",
                      "image_to_video_duration_seconds_720p": "0.10", "text_to_video_duration_seconds_1080p": "0.12",
                      "image_to_video_duration_seconds_1080p": "0.15"},
        passthrough=("negative_prompt", "enable_prompt_expansion", "shot_type", "audio", "size"),
    ),
)  # fmt: skip

FALLBACK_MODELS = tuple(
    model for entry in FALLBACK_ENTRIES if (model := capability_of(entry, as_of=FALLBACK_AS_OF)) is not None
)

CAPABILITIES = ProviderCapabilities(
    provider_id=PROVIDER_ID,
    name="OpenRouter video API",
    short_name="OpenRouter",
    default_base_url=DEFAULT_BASE_URL,
    models=FALLBACK_MODELS,
    prompt_min_chars=1,
    prompt_max_chars=PROMPT_MAX_CHARS,
    auth=Auth.BEARER,
    operations=frozenset(),  # no cancel, delete, list, remix or extend route
    live_catalogue=True,
    hidden_models=HIDDEN_PREFIXES,
    variants=("video",),
    notice=(
        "OpenRouter's video API is in alpha. It has no way to cancel or delete a job: once sent, "
        "a render runs to the end and OpenRouter bills it. Models and prices "
        "come from OpenRouter's live list; the bill it reports replaces the estimate."
    ),
    demo_path="/sim/openrouter/api/v1",
    key_hint="sk-or-v1-…",
    key_url="https://openrouter.ai/settings/keys",
    sign_in=True,
)
