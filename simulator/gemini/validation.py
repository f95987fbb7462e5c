"""Check a ``POST /interactions`` body for Omni Flash video, field by field, as Google does.

Protobuf-JSON strictness is the point: unknown names are 400s ("Unknown name … Cannot
find field"), enums are case-sensitive (``4K`` is not ``4k``), ``duration`` is a
Duration *string* (``"8s"``; a bare number is a 400). Checks that need the previous
interaction (edit / extend) are made when the job is created (``routes.py``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from simulator.faults import GEMINI_MARKERS, JobFaults, MarkerError, parse_prompt_markers
from simulator.gemini import errors
from simulator.gemini.inputs import Prompt, read_input
from simulator.gemini.models import BY_ID, RETIRED, OmniModel

TOP_FIELDS = frozenset(
    {
        "model", "input", "background", "store", "previous_interaction_id", "response_format", "generation_config",
        "response_modalities", "response_mime_type", "system_instruction", "labels", "safety_settings",
        "service_tier", "stream", "tools", "webhook_config", "agent", "agent_config", "environment",
    }
)  # fmt: skip
FORMAT_FIELDS = frozenset({"type", "aspect_ratio", "resolution", "duration", "delivery", "gcs_uri"})
CONFIG_FIELDS = frozenset(
    {
        "image_config", "max_output_tokens", "seed", "speech_config", "stop_sequences", "thinking_level",
        "thinking_summaries", "tool_choice", "transcription_config", "video_config",
    }
)  # fmt: skip
ASPECTS = ("16:9", "9:16")
RESOLUTIONS = ("360p", "720p", "1080p", "4k")
DELIVERIES = ("uri", "inline")
TASKS = ("text_to_video", "image_to_video", "reference_to_video", "edit", "extend")
MODALITIES = ("text", "image", "audio", "video", "document")
DEFAULT_SECONDS = 10.0
EXTEND_SECONDS = (3.0, 10.0)
_DURATION = re.compile(r"\d{1,6}(\.\d{1,9})?s")
_TYPE = "type.googleapis.com/google.ai.generativelanguage.v1beta.interactions."


@dataclass(frozen=True)
class VideoFormat:
    aspect_ratio: str | None
    resolution: str | None
    seconds: float | None
    delivery: str


@dataclass(frozen=True)
class CreateParams:
    model: OmniModel
    prompt: Prompt
    background: bool
    store: bool
    previous_id: str | None
    task: str
    format: VideoFormat
    seed: int | None
    faults: JobFaults


def _reject_unknown(value: Mapping[str, object], allowed: frozenset[str], path: str) -> None:
    unknown = sorted(set(value) - allowed)
    if unknown:
        raise errors.unknown_field(path, unknown[0])


def _bool(body: Mapping[str, object], name: str, default: bool) -> bool:
    value = body.get(name, default)
    if not isinstance(value, bool):
        raise errors.bad_value(name, "TYPE_BOOL", value)
    return value


def _enum(value: Mapping[str, object], name: str, field: str, allowed: tuple[str, ...], type_name: str) -> str | None:
    if name not in value:
        return None
    item = value[name]
    if not isinstance(item, str) or item not in allowed:
        raise errors.bad_value(field, _TYPE + type_name, item)
    return item


def _model(body: Mapping[str, object]) -> OmniModel:
    model_id = body.get("model")
    if not isinstance(model_id, str) or not model_id:
        raise errors.invalid("model is required: name an Omni model, e.g. gemini-omni-1.2-flash", field="model")
    if model_id in RETIRED:
        raise errors.model_retired(model_id, RETIRED[model_id][1])
    model = BY_ID.get(model_id)
    if model is None:
        raise errors.model_not_found(model_id)
    return model


def _unsupported(body: Mapping[str, object], model: OmniModel) -> None:
    if body.get("stream") not in (None, False):
        raise errors.invalid(f"Streaming is not supported by {model.id}; create with background=true and poll.")
    if body.get("tools") not in (None, []):
        raise errors.invalid(f"Tools are not supported by {model.id}.", field="tools")
    for name in ("agent", "agent_config", "environment"):
        if name in body:
            raise errors.invalid(f"'{name}' cannot be used with a model interaction.", field=name)
    mime = body.get("response_mime_type")
    if mime not in (None, "video/mp4"):
        raise errors.invalid(f"response_mime_type {mime!r} is not supported by {model.id}.")
    modalities = body.get("response_modalities")
    if modalities is not None:
        if not isinstance(modalities, list):
            raise errors.bad_value("response_modalities", "TYPE_ENUM", modalities)
        for i, item in enumerate(modalities):
            if item not in MODALITIES:
                raise errors.bad_value(f"response_modalities[{i}]", _TYPE + "ResponseModality", item)
        if modalities != ["video"]:
            raise errors.invalid(f'{model.id} only produces video: response_modalities must be ["video"].')


def _seconds(text: object) -> float:
    if not isinstance(text, str) or not _DURATION.fullmatch(text):
        raise errors.bad_value("response_format.duration", "type.googleapis.com/google.protobuf.Duration", text)
    return float(text[:-1])


def _format(body: Mapping[str, object], model: OmniModel) -> VideoFormat:
    value = body.get("response_format")
    if value is None:
        return VideoFormat(None, None, None, "inline")  # omitted delivery is inline base64
    candidates: list[object] = value if isinstance(value, list) else [value]
    items = [item for item in candidates if isinstance(item, Mapping)]
    if not items or len(items) != len(candidates):
        raise errors.invalid("response_format must be an object or a list of objects", field="response_format")
    for item in items:
        if item.get("type") != "video":
            raise errors.invalid(
                f"response_format of type {item.get('type')!r} is not supported by {model.id}; use type 'video'.",
                field="response_format.type",
            )
    if len(items) > 1:
        raise errors.invalid("response_format lists more than one video format", field="response_format")
    item = items[0]
    _reject_unknown(item, FORMAT_FIELDS, "response_format")
    if "gcs_uri" in item:
        raise errors.invalid("gcs_uri is only supported on Vertex AI.", field="response_format.gcs_uri")
    field = "response_format."
    return VideoFormat(
        _enum(item, "aspect_ratio", field + "aspect_ratio", ASPECTS, "VideoResponseFormat.AspectRatio"),
        _enum(item, "resolution", field + "resolution", RESOLUTIONS, "VideoResponseFormat.Resolution"),
        _seconds(item["duration"]) if "duration" in item else None,
        _enum(item, "delivery", field + "delivery", DELIVERIES, "VideoResponseFormat.Delivery") or "inline",
    )


def _config(body: Mapping[str, object]) -> tuple[int | None, str | None]:
    """``(seed, task)`` from ``generation_config``."""
    value = body.get("generation_config")
    if value is None:
        return None, None
    if not isinstance(value, Mapping):
        raise errors.invalid("generation_config must be an object", field="generation_config")
    _reject_unknown(value, CONFIG_FIELDS, "generation_config")
    seed = value.get("seed")
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int) or not -(2**31) <= seed < 2**31):
        raise errors.bad_value("generation_config.seed", "TYPE_INT32", seed)
    _enum(value, "thinking_level", "generation_config.thinking_level", ("low", "high"), "ThinkingLevel")
    video = value.get("video_config", {})
    if not isinstance(video, Mapping):
        raise errors.invalid("generation_config.video_config must be an object", field="generation_config.video_config")
    _reject_unknown(video, frozenset({"task"}), "generation_config.video_config")
    task = _enum(video, "task", "generation_config.video_config.task", TASKS, "VideoConfig.Task")
    return seed, task


def _task(asked: str | None, prompt: Prompt, previous: str | None, fmt: VideoFormat) -> str:
    inferred = (
        ("extend" if fmt.seconds is not None else "edit")
        if previous
        else "reference_to_video"
        if prompt.reference_count
        else "image_to_video"
        if prompt.has("first_frame") or prompt.has("last_frame")
        else "text_to_video"  # untagged images are accepted (the model may ignore them)
    )
    task = asked or inferred
    if task in ("edit", "extend") and not previous:
        raise errors.invalid(f"task '{task}' needs previous_interaction_id", field="previous_interaction_id")
    if previous and task not in ("edit", "extend"):
        raise errors.invalid(f"previous_interaction_id only works with task 'edit' or 'extend', not '{task}'")
    if task == "image_to_video" and not prompt.has("first_frame"):
        raise errors.invalid("task image_to_video needs an image tagged <FIRST_FRAME> in the prompt")
    if task == "reference_to_video" and not prompt.reference_count:
        raise errors.invalid("task reference_to_video needs images tagged <IMAGE_REF_n> in the prompt")
    if asked == "text_to_video" and prompt.images:
        raise errors.invalid(
            "task text_to_video takes no images; tag them and use image_to_video or reference_to_video"
        )
    return task


def _check_lengths(task: str, prompt: Prompt, fmt: VideoFormat, model: OmniModel) -> None:
    seconds = fmt.seconds
    if task == "edit":
        if seconds is not None or fmt.aspect_ratio or fmt.resolution:
            raise errors.invalid("An edit keeps the source's duration, aspect_ratio and resolution; omit them.")
        return
    low, high = EXTEND_SECONDS if task == "extend" else (model.min_seconds, model.max_seconds)
    if seconds is None:
        if task == "extend":
            raise errors.invalid("task extend needs response_format.duration: the seconds to add")
        seconds = DEFAULT_SECONDS
    if not low <= seconds <= high:
        raise errors.invalid(
            f"The requested duration {seconds:g}s is out of range: "
            f"minimum allowed {low:g}s, maximum allowed {high:g}s.",
            field="response_format.duration",
        )
    if prompt.has("last_frame"):
        if not prompt.has("first_frame"):
            raise errors.invalid("<LAST_FRAME> needs an image tagged <FIRST_FRAME> as well")
        if seconds > model.max_first_last_seconds:
            raise errors.invalid(
                f"First and last frame videos can be at most {model.max_first_last_seconds:g}s long.",
                field="response_format.duration",
            )


def validate_create(body: Mapping[str, object]) -> CreateParams:
    """The checked request; raises a GoogleError (400/404) on the first fault."""
    _reject_unknown(body, TOP_FIELDS, "")
    model = _model(body)
    _unsupported(body, model)
    if "input" not in body:
        raise errors.invalid("input is required", field="input")
    prompt = read_input(body["input"])
    try:
        faults = parse_prompt_markers(prompt.text, GEMINI_MARKERS)
    except MarkerError as exc:
        raise errors.invalid(f"input: {exc}", field="input") from None
    if prompt.reference_count > model.max_references:
        raise errors.invalid(f"{model.id} takes at most {model.max_references} reference images")
    previous = body.get("previous_interaction_id")
    if previous is not None and (not isinstance(previous, str) or not previous):
        raise errors.bad_value("previous_interaction_id", "TYPE_STRING", previous)
    fmt = _format(body, model)
    seed, asked = _config(body)
    task = _task(asked, prompt, previous, fmt)
    _check_lengths(task, prompt, fmt, model)
    return CreateParams(
        model, prompt, _bool(body, "background", False), _bool(body, "store", True), previous, task, fmt, seed, faults
    )
