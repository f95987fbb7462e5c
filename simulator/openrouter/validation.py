"""Check a ``POST /videos`` body against the simulated catalogue, as OpenRouter does.

A value outside the model's sets is a 400 (OpenRouter documents this and advises
validating client-side), an unknown model a 404, an unknown top-level field a 400.
Where the catalogue says ``null`` (unknown), any value of the API's own enum passes.
Veo's conditional rule (1080p and 4K only at 8 s) is enforced as the provider does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from simulator.faults import OPENROUTER_MARKERS, JobFaults, MarkerError, parse_prompt_markers
from simulator.frames import frame_size, parse_size
from simulator.openrouter import catalogue
from simulator.openrouter.catalogue import ANY_ASPECT, ANY_RESOLUTION, VideoModel
from simulator.openrouter.errors import bad_request, listed, model_not_found
from simulator.openrouter.inputs import InputMedia, read_frame_images, read_references
from simulator.openrouter.pricing import Mode, Order

CREATE_FIELDS = frozenset(
    {
        "model", "prompt", "duration", "resolution", "aspect_ratio", "size", "seed", "generate_audio",
        "frame_images", "input_references", "provider", "callback_url", "upscale_factor", "creativity",
    }
)  # fmt: skip
MAX_PROMPT_CHARS = 32_000
MAX_FREE_DURATION = 60  # for models whose supported_durations is null
VEO_FULL_LENGTH_ONLY = frozenset({"1080p", "4K"})


@dataclass(frozen=True)
class CreateParams:
    model: VideoModel
    prompt: str | None
    duration: int
    resolution: str
    aspect_ratio: str
    width: int
    height: int
    audio: bool
    seed: int | None
    frames: tuple[InputMedia, ...]
    references: tuple[InputMedia, ...]
    callback_url: str | None
    faults: JobFaults

    def order(self) -> Order:
        honoured = [r for r in self.references if r.honoured]
        images = [m for m in (*self.frames, *honoured) if m.role in ("first_frame", "last_frame", "image_url")]
        mode: Mode = "image_to_video" if self.frames else "reference" if honoured else "text_to_video"
        return Order(
            resolution=self.resolution,
            audio=self.audio,
            mode=mode,
            video_input=any(r.role == "video_url" for r in honoured),
            seconds=self.duration,
            width=self.width,
            height=self.height,
            images=len(images),
            reference_images=sum(1 for r in honoured if r.role == "image_url"),
            outputs=self.faults.outputs,
        )


def _integer(body: Mapping[str, object], name: str) -> int | None:
    """An optional integer field; present but ``null`` or of another type is a 400."""
    if name not in body:
        return None
    value = body[name]
    if isinstance(value, bool) or not isinstance(value, int):
        raise bad_request(f"{name} must be an integer")
    return value


def _string(body: Mapping[str, object], name: str) -> str | None:
    """An optional string field; present but ``null`` or of another type is a 400."""
    if name not in body:
        return None
    value = body[name]
    if not isinstance(value, str):
        raise bad_request(f"{name} must be a string")
    return value


def _model(body: Mapping[str, object]) -> VideoModel:
    model_id = _string(body, "model")
    if not model_id:
        raise bad_request("model is required")
    model = catalogue.find(model_id)
    if model is None:
        raise model_not_found(model_id)
    return model


def _prompt(body: Mapping[str, object], *, has_frames: bool) -> tuple[str | None, JobFaults]:
    prompt = _string(body, "prompt")
    if prompt is None:
        if not has_frames:
            raise bad_request("prompt is required unless the video is made from frame_images alone")
        return None, JobFaults()
    if not prompt.strip():
        raise bad_request("prompt must not be empty")
    if len(prompt) > MAX_PROMPT_CHARS:
        raise bad_request(f"prompt is {len(prompt)} characters long; the limit is {MAX_PROMPT_CHARS}")
    try:
        return prompt, parse_prompt_markers(prompt, OPENROUTER_MARKERS)
    except MarkerError as exc:
        raise bad_request(f"prompt: {exc}") from None


def _duration(body: Mapping[str, object], model: VideoModel) -> int:
    duration = _integer(body, "duration")
    if duration is None:
        return model.default_duration
    allowed = model.durations or tuple(range(1, MAX_FREE_DURATION + 1))
    if duration not in allowed:
        raise bad_request(f"duration {duration} is not supported by {model.id}; supported durations: {listed(allowed)}")
    return duration


def _choice(body: Mapping[str, object], name: str, enum: tuple[str, ...], supported: tuple[str, ...] | None) -> str:
    value = body.get(name)
    if not isinstance(value, str):
        raise bad_request(f"{name} must be a string")
    if value not in enum:
        raise bad_request(f"{name} must be one of {listed(enum)}; got '{value}'")
    if supported is not None and value not in supported:
        raise bad_request(f"{name} '{value}' is not supported by this model; supported: {listed(supported)}")
    return value


def _default(preferred: str, supported: tuple[str, ...] | None) -> str:
    return preferred if supported is None or preferred in supported else supported[0]


def _frame(body: Mapping[str, object], model: VideoModel) -> tuple[str, str, int, int]:
    """Resolution, aspect ratio, width and height from ``size`` or ``resolution`` + ``aspect_ratio``."""
    resolutions, aspects = model.resolutions or ANY_RESOLUTION, model.aspect_ratios or ANY_ASPECT
    asked_resolution = _choice(body, "resolution", ANY_RESOLUTION, model.resolutions) if "resolution" in body else None
    asked_aspect = _choice(body, "aspect_ratio", ANY_ASPECT, model.aspect_ratios) if "aspect_ratio" in body else None
    size = _string(body, "size")
    if size is not None:
        dims = parse_size(size)
        if dims is None:
            raise bad_request(f"size must be WIDTHxHEIGHT, e.g. 1280x720; got '{size}'")
        if model.sizes is not None and size not in model.sizes:
            raise bad_request(f"size {size} is not supported by {model.id}; supported sizes: {listed(model.sizes)}")
        named = [(r, a) for r in resolutions for a in aspects if frame_size(r, a) == dims]
        if not named and model.sizes is None:
            raise bad_request(f"size {size} matches no supported resolution and aspect ratio of {model.id}")
        resolution, aspect = named[0] if named else (asked_resolution or "720p", asked_aspect or "16:9")
        if asked_resolution not in (None, resolution) or asked_aspect not in (None, aspect):
            raise bad_request(f"size {size} contradicts resolution / aspect_ratio; send one or the other")
        return resolution, aspect, dims[0], dims[1]
    resolution = asked_resolution or _default("720p", model.resolutions)
    aspect = asked_aspect or _default("16:9", model.aspect_ratios)
    width, height = frame_size(resolution, aspect)
    if model.sizes is not None and f"{width}x{height}" not in model.sizes:
        raise bad_request(f"{model.id} does not offer {resolution} at {aspect} ({width}x{height})")
    return resolution, aspect, width, height


def _audio(body: Mapping[str, object], model: VideoModel) -> bool:
    if "generate_audio" not in body:
        return bool(model.generate_audio)
    value = body["generate_audio"]
    if not isinstance(value, bool):
        raise bad_request("generate_audio must be a boolean")
    if value and model.generate_audio is False:
        raise bad_request(f"{model.id} does not generate audio")
    return value


def _seed(body: Mapping[str, object], model: VideoModel) -> int | None:
    seed = _integer(body, "seed")
    if seed is not None and model.seed is not True:
        raise bad_request(f"{model.id} does not support seed")
    return seed


def _provider(body: Mapping[str, object], model: VideoModel) -> None:
    """``provider.options.<slug>``: only the model's passthrough parameters (other slugs are ignored)."""
    if "provider" not in body:
        return
    provider = body["provider"]
    if not isinstance(provider, Mapping) or set(provider) - {"options"}:
        raise bad_request("provider must be an object with only 'options'")
    options = provider.get("options", {})
    if not isinstance(options, Mapping) or not all(isinstance(v, Mapping) for v in options.values()):
        raise bad_request("provider.options must map provider slugs to objects")
    own = options.get(model.slug)
    if not isinstance(own, Mapping):
        return
    names = [k for k in own if k != "parameters"]
    parameters = own.get("parameters", {})
    if not isinstance(parameters, Mapping):
        raise bad_request(f"provider.options.{model.slug}.parameters must be an object")
    for name in [*names, *parameters]:
        if name not in model.passthrough:
            allowed = listed(model.passthrough) or "none"
            raise bad_request(
                f"provider.options.{model.slug}: '{name}' is not an allowed passthrough parameter of {model.id} "
                f"(allowed: {allowed})"
            )


def _callback(body: Mapping[str, object]) -> str | None:
    url = _string(body, "callback_url")
    if url is not None and not url.startswith("https://"):
        raise bad_request("callback_url must be an https URL")
    return url


def validate_create(body: Mapping[str, object]) -> CreateParams:
    """The checked request; raises an OpenRouterError (400/404) on the first fault."""
    unknown = sorted(set(body) - CREATE_FIELDS)
    if unknown:
        raise bad_request(f"Unrecognized key in request body: '{unknown[0]}'")
    model = _model(body)
    for name in ("upscale_factor", "creativity"):
        if name in body:
            raise bad_request(f"{name} is only supported by video upscaling models, not by {model.id}")
    frames = read_frame_images(body["frame_images"], model) if "frame_images" in body else []
    prompt, faults = _prompt(body, has_frames=bool(frames))
    duration = _duration(body, model)
    resolution, aspect, width, height = _frame(body, model)
    if model.id.startswith("google/veo-") and resolution in VEO_FULL_LENGTH_ONLY and duration != 8:
        raise bad_request(f"{model.id} generates {resolution} only at duration 8; got {duration}")
    audio, seed = _audio(body, model), _seed(body, model)
    references = (
        read_references(body["input_references"], model, ignored=bool(frames)) if "input_references" in body else []
    )
    _provider(body, model)
    return CreateParams(
        model, prompt, duration, resolution, aspect, width, height, audio, seed,
        tuple(frames), tuple(references), _callback(body), faults,
    )  # fmt: skip
