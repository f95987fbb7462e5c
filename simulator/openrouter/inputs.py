"""``frame_images`` and ``input_references`` of a create body: shape, roles, and the bytes.

The simulator cannot download anything, so media must come as base64 ``data:`` URIs;
an ``http(s)`` URL is refused with a clear 400 (the real API fetches it, and refuses
URLs it cannot download). Bytes are judged by their signature, as providers do: a PNG
labelled ``image/jpeg`` is refused. Audio and video references count only on models
that honour them; elsewhere they are ignored, as OpenRouter documents.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from simulator.datauri import DataUriError, parse_data_uri
from simulator.images import ImageError, read_image_info, sniff_mime
from simulator.openrouter.catalogue import VideoModel
from simulator.openrouter.errors import bad_request

IMAGE_TYPES = frozenset({"image/jpeg", "image/png", "image/webp"})
MAX_MEDIA_BYTES = 20 * 1024 * 1024
REFERENCE_KINDS = ("image_url", "audio_url", "video_url")
FRAME_TYPES = ("first_frame", "last_frame")


@dataclass(frozen=True)
class InputMedia:
    """One received image, audio or video input, as sniffed; ``honoured`` False if ignored."""

    field: str  # e.g. "frame_images[0]"
    role: str  # first_frame, last_frame, image_url, audio_url, video_url
    mime: str
    byte_length: int
    width: int | None = None
    height: int | None = None
    honoured: bool = True

    def describe(self) -> dict[str, object]:
        return {
            "field": self.field,
            "role": self.role,
            "mime": self.mime,
            "bytes": self.byte_length,
            "width": self.width,
            "height": self.height,
            "honoured": self.honoured,
        }


def _sniff_audio_video(data: bytes) -> str | None:
    if data[4:8] == b"ftyp":
        return "audio/mp4" if data[8:12] in (b"M4A ", b"M4B ") else "video/mp4"
    if data.startswith(b"\x1a\x45\xdf\xa3"):
        return "video/webm"
    if data.startswith(b"ID3") or (len(data) > 1 and data[0] == 0xFF and data[1] & 0xE0 == 0xE0):
        return "audio/mpeg"
    if data[:4] == b"RIFF" and data[8:12] == b"WAVE":
        return "audio/wav"
    if data.startswith(b"OggS"):
        return "audio/ogg"
    return None


def _payload(field: str, value: object, url_key: str) -> tuple[bytes, str | None]:
    """The bytes behind ``{url_key: {"url": …}}`` (data: URIs only)."""
    if not isinstance(value, Mapping) or not isinstance(value.get("url"), str):
        raise bad_request(f"{field}.{url_key}.url must be a string")
    extra = sorted(set(value) - {"url"})
    if extra:
        raise bad_request(f"{field}.{url_key}: unrecognized key '{extra[0]}'")
    url: str = value["url"]
    if url.startswith(("http://", "https://")):
        raise bad_request(
            f"{field}: the simulator cannot download remote URLs ({url[:80]}); send the file as a base64 data: URI"
        )
    try:
        parsed = parse_data_uri(url)
    except DataUriError as exc:
        raise bad_request(f"{field}: invalid data URI: {exc}") from None
    if len(parsed.data) > MAX_MEDIA_BYTES:
        raise bad_request(f"{field}: the file is {len(parsed.data)} bytes; the limit is {MAX_MEDIA_BYTES}")
    return parsed.data, parsed.declared_mime


def _image(field: str, role: str, value: object) -> InputMedia:
    data, declared = _payload(field, value, "image_url")
    try:
        info = read_image_info(data)
    except ImageError as exc:
        raise bad_request(f"{field}: the image could not be read ({exc})") from None
    found = info.mime if info else sniff_mime(data) or "application/octet-stream"
    if info is None or found not in IMAGE_TYPES:
        raise bad_request(f"{field}: unsupported image type {found}; use image/jpeg, image/png or image/webp")
    if declared != found:
        raise bad_request(f"{field}: the data URI says {declared or 'no type'} but the bytes are {found}")
    return InputMedia(field, role, found, len(data), info.width, info.height)


def _media(field: str, kind: str, value: object, honoured: bool) -> InputMedia:
    data, declared = _payload(field, value, kind)
    found = _sniff_audio_video(data)
    wanted = kind.removesuffix("_url")
    if found is None or not found.startswith(wanted) or (declared or "").split("/")[0] != wanted:
        raise bad_request(f"{field}: expected {wanted} data (declared {declared or 'no type'}, found {found})")
    return InputMedia(field, kind, found, len(data), honoured=honoured)


def _items(name: str, value: object) -> list[Mapping[str, object]]:
    if not isinstance(value, list) or not all(isinstance(item, Mapping) for item in value):
        raise bad_request(f"{name} must be an array of objects")
    return list(value)


def read_frame_images(value: object, model: VideoModel) -> list[InputMedia]:
    items = _items("frame_images", value)
    allowed = model.frame_images or ()
    seen: list[str] = []
    frames = []
    for i, item in enumerate(items):
        field = f"frame_images[{i}]"
        extra = sorted(set(item) - {"type", "image_url", "frame_type"})
        if extra:
            raise bad_request(f"{field}: unrecognized key '{extra[0]}'")
        if item.get("type") != "image_url":
            raise bad_request(f"{field}.type must be 'image_url'")
        frame_type = item.get("frame_type")
        if frame_type not in FRAME_TYPES:
            raise bad_request(f"{field}.frame_type must be 'first_frame' or 'last_frame'")
        if frame_type not in allowed:
            supported = ", ".join(allowed) or "none"
            raise bad_request(f"{model.id} does not support {frame_type} images (supported: {supported})")
        if frame_type in seen:
            raise bad_request(f"{field}: more than one {frame_type} image")
        seen.append(str(frame_type))
        frames.append(_image(field, str(frame_type), item.get("image_url")))
    if "last_frame" in seen and "first_frame" not in seen:
        raise bad_request("frame_images: a last_frame image needs a first_frame image")
    return frames


def read_references(value: object, model: VideoModel, *, ignored: bool) -> list[InputMedia]:
    """The references; all marked not honoured when ``frame_images`` win (``ignored``)."""
    items = _items("input_references", value)
    references = []
    for i, item in enumerate(items):
        field = f"input_references[{i}]"
        kind = item.get("type")
        if kind not in REFERENCE_KINDS:
            raise bad_request(f"{field}.type must be one of {', '.join(REFERENCE_KINDS)}")
        extra = sorted(set(item) - {"type", str(kind)})
        if extra:
            raise bad_request(f"{field}: unrecognized key '{extra[0]}'")
        honoured = not ignored and kind in model.reference_kinds
        if kind == "image_url":
            image = _image(field, "image_url", item.get("image_url"))
            references.append(replace(image, honoured=not ignored))
        else:
            references.append(_media(field, str(kind), item.get(str(kind)), honoured))
    if sum(1 for r in references if r.honoured) > model.max_references:
        raise bad_request(f"{model.id} accepts at most {model.max_references} references")
    return references
