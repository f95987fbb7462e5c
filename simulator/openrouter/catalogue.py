"""The simulated ``GET /videos/models`` catalogue and what the simulator needs to know per model.

Entries follow OpenRouter's live list as captured in 2026-04…08 (ids, sets, SKU keys and
values), so the app's catalogue parser meets real shapes: ``null`` sets, unsorted
durations, cents-denominated and token SKUs, floors, per-image charges. Like the live
API, entries omit ``upscale_factor`` and ``creativity``. ``simulator/unpriced-video`` is
the simulator's own: a model whose SKU keys no parser knows.

Fields after ``passthrough`` are the simulator's and never listed: the default length,
the provider slug whose ``provider.options`` are checked, and which reference kinds the
model honours (OpenRouter says image references work everywhere, audio/video only on
some providers; the rest are ignored).
"""

from __future__ import annotations

from dataclasses import dataclass

ANY_RESOLUTION = ("480p", "720p", "768p", "1080p", "1K", "2K", "4K")  # the OAS enum
ANY_ASPECT = ("16:9", "9:16", "1:1", "4:3", "3:4", "3:2", "2:3", "21:9", "9:21")
BOTH_FRAMES = ("first_frame", "last_frame")
VEO_PASSTHROUGH = ("personGeneration", "aspectRatio", "negativePrompt", "conditioningScale", "enhancePrompt")
VEO_SIZES = ("1280x720", "1080x1920", "1920x1080", "720x1280", "3840x2160", "2160x3840")
SEEDANCE_SIZES = (
    "480x480", "480x640", "480x854", "640x480", "854x480", "1120x480", "720x720", "720x960", "720x1280",
    "720x1680", "960x720", "1280x720", "1680x720", "1080x1080", "1080x1440", "1080x1920", "1440x1080",
    "1920x1080", "2520x1080", "3840x2160", "2160x3840", "2160x2160", "2880x2160", "2160x2880", "5040x2160",
)  # fmt: skip


@dataclass(frozen=True)
class VideoModel:
    id: str
    name: str
    created: int
    description: str
    resolutions: tuple[str, ...] | None
    aspect_ratios: tuple[str, ...] | None
    sizes: tuple[str, ...] | None
    durations: tuple[int, ...] | None
    frame_images: tuple[str, ...] | None
    generate_audio: bool | None
    seed: bool | None
    pricing_skus: dict[str, str] | None
    passthrough: tuple[str, ...]
    slug_date: str = "20260320"
    # simulator-only
    default_duration: int = 5
    provider_slug: str = ""
    reference_kinds: frozenset[str] = frozenset({"image_url"})
    max_references: int = 4
    shut_down: bool = False  # jobs are accepted, then fail (the provider is gone)

    def listing(self) -> dict[str, object]:
        """The entry as ``GET /videos/models`` lists it."""
        return {
            "id": self.id,
            "canonical_slug": f"{self.id}-{self.slug_date}",
            "hugging_face_id": None,
            "name": self.name,
            "created": self.created,
            "description": self.description,
            "supported_resolutions": _list(self.resolutions),
            "supported_aspect_ratios": _list(self.aspect_ratios),
            "supported_sizes": _list(self.sizes),
            "supported_durations": _list(self.durations),
            "supported_frame_images": _list(self.frame_images),
            "generate_audio": self.generate_audio,
            "seed": self.seed,
            "pricing_skus": dict(self.pricing_skus) if self.pricing_skus is not None else None,
            "allowed_passthrough_parameters": list(self.passthrough),
        }

    @property
    def slug(self) -> str:
        return self.provider_slug or self.id.split("/", 1)[0]


def _list(values: tuple[str, ...] | tuple[int, ...] | None) -> list[object] | None:
    return list(values) if values is not None else None


def _veo(suffix: str, name: str, created: int, resolutions: tuple[str, ...], skus: dict[str, str]) -> VideoModel:
    return VideoModel(
        id=f"google/veo-3.1{suffix}",
        name=f"Google: Veo 3.1{name}",
        created=created,
        description=f"Google's Veo 3.1{name} video model: text or image to video with native audio.",
        resolutions=resolutions,
        aspect_ratios=("16:9", "9:16"),
        sizes=VEO_SIZES if "4K" in resolutions else VEO_SIZES[:4],
        durations=(8, 4, 6) if suffix == "-lite" else (4, 6, 8),
        frame_images=BOTH_FRAMES,
        generate_audio=True,
        seed=True,
        pricing_skus=skus,
        passthrough=VEO_PASSTHROUGH,
        default_duration=8,
        provider_slug="google-vertex",
        max_references=3,
    )


MODELS: tuple[VideoModel, ...] = (
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
    VideoModel(
        id="kwaivgi/kling-v3.0-pro", name="Kling: Video v3.0 Pro", created=1777496206, slug_date="20260429",
        description="Kuaishou's premium Kling model: text or image to video, first and last frame control.",
        resolutions=("720p",), aspect_ratios=("16:9", "9:16", "1:1"), sizes=("1280x720", "720x1280", "720x720"),
        durations=tuple(range(3, 16)), frame_images=BOTH_FRAMES, generate_audio=True, seed=False,
        pricing_skus={"duration_seconds": "0.112", "duration_seconds_with_audio": "0.168",
                      "text_to_video_duration_seconds_480p": "0.112", "text_to_video_duration_seconds_720p": "0.112",
                      "image_to_video_duration_seconds_720p": "0.112",
                      "text_to_video_duration_seconds_1080p": "0.112",
                      "image_to_video_duration_seconds_1080p": "0.112"},
        passthrough=("negative_prompt", "cfg_scale"),
    ),
    VideoModel(
        id="minimax/hailuo-2.3", name="MiniMax: Hailuo 2.3", created=1776702740, slug_date="20260420",
        description="MiniMax's Hailuo 2.3: text or image to 1080p video.",
        resolutions=("1080p",), aspect_ratios=("16:9",), sizes=("1920x1080",), durations=(6, 10),
        frame_images=("first_frame",), generate_audio=False, seed=None,
        pricing_skus={"duration_seconds": "0.0817"}, passthrough=("prompt_optimizer", "fast_pretreatment"),
        default_duration=6,
    ),
    VideoModel(
        id="bytedance/seedance-2.0", name="ByteDance: Seedance 2.0", created=1776211362, slug_date="20260414",
        description="ByteDance's Seedance 2.0: text, image and multimodal reference to video.",
        resolutions=("480p", "720p", "1080p", "4K"),
        aspect_ratios=("1:1", "3:4", "9:16", "4:3", "16:9", "21:9", "9:21"), sizes=SEEDANCE_SIZES,
        durations=tuple(range(4, 16)), frame_images=BOTH_FRAMES, generate_audio=True,
        seed=True,
        pricing_skus={"video_tokens": "0.000007", "video_tokens_4k": "0.000004", "video_tokens_1080p": "0.0000077",
                      "video_tokens_without_audio": "0.000007", "video_tokens_with_video_input": "0.0000043",
                      "video_tokens_4k_with_video_input": "0.0000024",
                      "video_tokens_1080p_with_video_input": "0.0000047"},
        passthrough=("watermark", "req_key"), provider_slug="byteplus",
        reference_kinds=frozenset({"image_url", "audio_url", "video_url"}), max_references=9,
    ),
    VideoModel(
        id="alibaba/wan-2.6", name="Alibaba: Wan 2.6", created=1774659190, slug_date="20260327",
        description="Alibaba's Wan 2.6: 1080p video at 24 fps from text or an image.",
        resolutions=("720p", "1080p"), aspect_ratios=("16:9", "9:16"),
        sizes=("1280x720", "1080x1920", "720x1280", "1920x1080"), durations=(5, 10), frame_images=("first_frame",),
        generate_audio=True, seed=True,
        pricing_skus={"text_to_video_duration_seconds_480p": "0.04", "text_to_video_duration_seconds_720p": "0.08",
                      "image_to_video_duration_seconds_720p": "0.10", "text_to_video_duration_seconds_1080p": "0.12",
                      "image_to_video_duration_seconds_1080p": "0.15"},
        passthrough=("negative_prompt", "enable_prompt_expansion", "shot_type", "audio", "size"),
    ),
    VideoModel(
        id="openai/sora-2-pro", name="OpenAI: Sora 2 Pro", created=1774277521,
        description="OpenAI's Sora 2 Pro (OpenAI shut its video API down on 2026-09-24).",
        resolutions=("720p", "1080p"), aspect_ratios=("16:9", "9:16"),
        sizes=("1280x720", "1080x1920", "1920x1080", "720x1280"), durations=(4, 8, 12, 16, 20), frame_images=None,
        generate_audio=True, seed=False,
        pricing_skus={"duration_seconds_720p": "0.30", "duration_seconds_1024p": "0.50",
                      "duration_seconds_1080p": "0.50"},
        passthrough=("quality", "style"), default_duration=4, shut_down=True,
    ),
    VideoModel(
        id="black-forest-labs/flux-3-video", name="Black Forest Labs: FLUX.3 Video", created=1785858831,
        slug_date="20260804", description="FLUX.3 Video: text to video, opening and closing keyframes, continuation.",
        resolutions=("720p", "1080p"), aspect_ratios=("21:9", "16:9", "4:3", "1:1", "3:4", "9:16"), sizes=None,
        durations=tuple(range(5, 21)), frame_images=BOTH_FRAMES, generate_audio=True, seed=False,
        pricing_skus={"cents_per_second_output": "17", "cents_per_second_output_720p": "17",
                      "cents_per_second_output_1080p": "29", "cents_per_second_video_continuation_720p": "41",
                      "cents_per_second_video_continuation_1080p": "53"},
        passthrough=("safety_tolerance", "version"),
    ),
    VideoModel(
        id="x-ai/grok-imagine-video-1.5", name="SpaceXAI: Grok Imagine Video 1.5", created=1784548100,
        slug_date="20260719", description="Grok Imagine Video 1.5: text to video with an optional starting image.",
        resolutions=("480p", "720p", "1080p"), aspect_ratios=("16:9", "9:16", "1:1", "4:3", "3:4", "3:2", "2:3"),
        sizes=None, durations=tuple(range(1, 16)), frame_images=("first_frame",), generate_audio=None, seed=None,
        pricing_skus={"cents_per_image_input": "1", "cents_per_video_output_second_480p": "8",
                      "cents_per_video_output_second_720p": "14", "cents_per_video_output_second_1080p": "25"},
        passthrough=(), default_duration=6, provider_slug="xai",
    ),
    VideoModel(
        id="runway/aleph-2", name="Runway: Aleph 2.0", created=1785339484, slug_date="20260729",
        description="Runway Aleph 2.0: instruction-guided video editing (sets unknown: all null).",
        resolutions=None, aspect_ratios=("16:9", "4:3", "3:2", "1:1", "2:3", "3:4", "9:16", "21:9"), sizes=None,
        durations=None, frame_images=None, generate_audio=False, seed=True,
        pricing_skus={"cents_per_second_output": "28", "minimum_cents_per_generation": "56"},
        passthrough=("contentModeration", "keyframes"), reference_kinds=frozenset({"image_url", "video_url"}),
    ),
    VideoModel(
        id="minimax/hailuo-3", name="MiniMax: H3", created=1785366648, slug_date="20260730",
        description="MiniMax H3: multimodal editing and generation at 2K, charged per reference image.",
        resolutions=("2K",), aspect_ratios=("21:9", "16:9", "4:3", "1:1", "3:4", "9:16"), sizes=None,
        durations=tuple(range(5, 16)), frame_images=BOTH_FRAMES, generate_audio=True, seed=False,
        pricing_skus={"duration_seconds": "0.13", "reference_images": "0.04"}, passthrough=("aigc_watermark",),
    ),
    VideoModel(
        id="simulator/unpriced-video", name="Simulator: Unpriced Video (unknown SKU keys)", created=1786000000,
        slug_date="20260901", description="The simulator's own model: its SKU keys match no known pattern.",
        resolutions=("720p",), aspect_ratios=("16:9", "9:16"), sizes=None, durations=(4, 8),
        frame_images=("first_frame",), generate_audio=False, seed=True,
        pricing_skus={"per_generation_credits": "40", "output_megapixel_seconds": "0.002"}, passthrough=(),
        default_duration=4,
    ),
)  # fmt: skip
BY_ID: dict[str, VideoModel] = {model.id: model for model in MODELS}


def find(model_id: str) -> VideoModel | None:
    return BY_ID.get(model_id)
