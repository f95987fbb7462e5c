"""Check create and remix fields against the app's own capability data.

Models, sizes, durations, prompt limits and image types come from
``app.core.providers.openai_videos.capabilities`` (standard library only), so the
simulator refuses exactly what the app's validators refuse and the two cannot drift.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.core.capabilities import FrameSize, ModelCapability
from app.core.providers.openai_videos.capabilities import CAPABILITIES
from simulator import errors
from simulator.datauri import Base64Error, DataUriError, parse_data_uri
from simulator.faults import JobFaults, MarkerError, parse_prompt_markers
from simulator.images import ImageError, read_image_info, sniff_mime
from simulator.multipart import FilePart

DEFAULT_MODEL = "sora-2"
DEFAULT_SECONDS = "4"
DEFAULT_SIZE = "720x1280"  # the API's default; the app's UI may pick another
CREATE_FIELDS = ("prompt", "model", "seconds", "size", "input_reference")
REMIX_FIELDS = ("prompt",)
IMAGE_PARAM = "input_reference"
SIZE_MISMATCH = "Inpaint image must match the requested width and height"


@dataclass(frozen=True)
class ReferenceImage:
    """What arrived as ``input_reference``: sniffed type and size, plus the client's claims."""

    source: str  # "file" (multipart part) or "image_url" (data URL in JSON)
    mime: str
    width: int
    height: int
    byte_length: int
    declared_mime: str | None
    filename: str | None

    def describe(self) -> dict[str, object]:
        return {
            "source": self.source,
            "mime": self.mime,
            "width": self.width,
            "height": self.height,
            "bytes": self.byte_length,
            "declared_mime": self.declared_mime,
            "filename": self.filename,
        }


@dataclass(frozen=True)
class CreateParams:
    prompt: str
    model: str
    seconds: str
    size: str
    image: ReferenceImage | None
    faults: JobFaults


def _reject_unknown(fields: Mapping[str, object], allowed: tuple[str, ...]) -> None:
    for name in fields:
        if name not in allowed:
            raise errors.unknown_parameter(name)


def _optional_string(fields: Mapping[str, object], name: str, default: str) -> str:
    value = fields.get(name)
    if value is None:
        return default
    if not isinstance(value, str):
        raise errors.invalid_type(name, "a string", value)
    return value


def check_prompt(fields: Mapping[str, object]) -> tuple[str, JobFaults]:
    """The prompt (required, length-checked) and the fault markers it carries."""
    if "prompt" not in fields:
        raise errors.missing_parameter("prompt")
    prompt = fields["prompt"]
    if not isinstance(prompt, str):
        raise errors.invalid_type("prompt", "a string", prompt)
    if len(prompt) < CAPABILITIES.prompt_min_chars:
        raise errors.string_too_short("prompt", CAPABILITIES.prompt_min_chars)
    if len(prompt) > CAPABILITIES.prompt_max_chars:
        raise errors.string_too_long("prompt", CAPABILITIES.prompt_max_chars, len(prompt))
    try:
        faults = parse_prompt_markers(prompt)
    except MarkerError as exc:
        raise errors.invalid_parameter("prompt", str(exc)) from None
    return prompt, faults


def _check_model(fields: Mapping[str, object]) -> ModelCapability:
    model_id = _optional_string(fields, "model", DEFAULT_MODEL)
    model = CAPABILITIES.model(model_id)
    if model is None:
        raise errors.invalid_value("model", model_id, (m.id for m in CAPABILITIES.models))
    return model


def _check_seconds(fields: Mapping[str, object], model: ModelCapability) -> str:
    seconds = _optional_string(fields, "seconds", DEFAULT_SECONDS)
    allowed = [str(d) for d in model.durations]
    if seconds not in allowed:
        raise errors.invalid_value("seconds", seconds, allowed)
    return seconds


def _check_size(fields: Mapping[str, object], model: ModelCapability) -> str:
    size = _optional_string(fields, "size", DEFAULT_SIZE)
    if not model.allows_size(size):
        raise errors.invalid_value("size", size, model.sizes)
    return size


def _decode_data_url(url: str) -> tuple[bytes, str | None]:
    """Bytes and declared type of a base64 ``data:`` URL; remote URLs are not fetched."""
    if not url.startswith("data:"):
        raise errors.invalid_parameter(
            IMAGE_PARAM,
            "the simulator does not fetch remote image URLs; send a base64 data: URL in "
            "'image_url' or upload the image as a multipart file.",
        )
    try:
        parsed = parse_data_uri(url)
    except Base64Error:
        raise errors.invalid_parameter(IMAGE_PARAM, "the data URL is not valid base64.") from None
    except DataUriError:
        raise errors.invalid_parameter(IMAGE_PARAM, "expected a base64-encoded data URL.") from None
    return parsed.data, parsed.declared_mime


def _image_from_json(value: object) -> tuple[bytes, str | None, str]:
    if not isinstance(value, dict):
        raise errors.invalid_type(IMAGE_PARAM, "an object", value)
    for key in value:
        if key not in ("file_id", "image_url"):
            raise errors.unknown_parameter(f"{IMAGE_PARAM}.{key}")
    if len(value) != 1:
        raise errors.invalid_parameter(IMAGE_PARAM, "provide exactly one of 'file_id' or 'image_url'.")
    if "file_id" in value:
        raise errors.invalid_parameter(
            IMAGE_PARAM,
            "'file_id' references are not supported by the simulator; send the image as a "
            "multipart file or as a base64 data URL in 'image_url'.",
            code="unsupported_parameter",
        )
    url = value["image_url"]
    if not isinstance(url, str):
        raise errors.invalid_type(f"{IMAGE_PARAM}.image_url", "a string", url)
    data, declared = _decode_data_url(url)
    return data, declared, "image_url"


def _check_image(value: object, size: str, *, form: bool) -> ReferenceImage:
    filename: str | None = None
    declared: str | None
    if isinstance(value, FilePart):
        data, declared, source, filename = value.data, value.content_type, "file", value.filename
    elif form:  # a text field where a file belongs
        raise errors.invalid_type(IMAGE_PARAM, "a file", value)
    else:
        data, declared, source = _image_from_json(value)
    rule = CAPABILITIES.image_input
    if len(data) > rule.max_bytes:
        detail = f"file too large ({len(data)} bytes; the limit is {rule.max_bytes})."
        raise errors.invalid_parameter(IMAGE_PARAM, detail, code="file_too_large")
    try:
        info = read_image_info(data)
    except ImageError as exc:
        detail = f"the image could not be read ({exc})."
        raise errors.invalid_parameter(IMAGE_PARAM, detail, code="invalid_image") from None
    if info is None or info.mime not in rule.mime_types:
        found = sniff_mime(data) or declared or "application/octet-stream"
        raise errors.ApiError(
            400,
            f"Invalid file '{IMAGE_PARAM}': unsupported mimetype ('{found}'). Supported file formats "
            f"are {errors.quoted_list(rule.mime_types)}.",
            param=IMAGE_PARAM,
            code="unsupported_file_mimetype",
        )
    frame = FrameSize.parse(size)
    if rule.must_match_size and (info.width, info.height) != (frame.width, frame.height):
        raise errors.ApiError(400, SIZE_MISMATCH, param=IMAGE_PARAM)
    return ReferenceImage(source, info.mime, info.width, info.height, len(data), declared, filename)


def validate_create(fields: Mapping[str, object], *, form: bool = False) -> CreateParams:
    """The checked create request; raises :class:`~simulator.errors.ApiError` on the first fault.

    ``form`` says the fields came as multipart/form-data, where the image must be a file part.
    """
    _reject_unknown(fields, CREATE_FIELDS)
    prompt, faults = check_prompt(fields)
    model = _check_model(fields)
    seconds = _check_seconds(fields, model)
    size = _check_size(fields, model)
    image_value = fields.get(IMAGE_PARAM)
    if image_value == FilePart("", "application/octet-stream", b""):
        image_value = None  # what a browser's FormData sends for an empty file input
    image = None if image_value is None else _check_image(image_value, size, form=form)
    return CreateParams(prompt, model.id, seconds, size, image, faults)


def validate_remix(fields: Mapping[str, object]) -> tuple[str, JobFaults]:
    _reject_unknown(fields, REMIX_FIELDS)
    return check_prompt(fields)
