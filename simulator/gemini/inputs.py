"""The ``input`` of a create: a string, a content block, blocks, or ``user_input`` steps.

Images arrive as raw base64 ``data`` with a ``mime_type`` (no ``data:`` prefix) and are
judged by their bytes. They bind to roles by prompt tags, not by position:
``<FIRST_FRAME>``, ``<LAST_FRAME>``, ``<IMAGE_REF_n>``, each optionally ``@ImageK``
(1-based, in input order); a tag without ``@`` takes the next unbound image. An image
no tag names is kept but has no role (the real model may ignore it); the debug log
shows the binding. Only the text is echoed back in full: echoed images carry their
type, not their bytes.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Mapping
from dataclasses import dataclass

from simulator.gemini import errors
from simulator.images import ImageError, read_image_info, sniff_mime

IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/webp", "image/heic", "image/heif"})
MAX_IMAGES = 10
MAX_INLINE_BYTES = 20 * 1024 * 1024
TEXT_KEYS = frozenset({"type", "text", "annotations"})
IMAGE_KEYS = frozenset({"type", "data", "mime_type", "uri", "resolution"})
_TAG = re.compile(r"<(FIRST_FRAME|LAST_FRAME|IMAGE_REF_(\d+))>(?:@Image(\d+))?")
_B64_CHARS = re.compile(r"[A-Za-z0-9+/_-]*={0,2}")


@dataclass(frozen=True)
class ImageInput:
    position: int  # 1-based, as @ImageK counts
    mime: str
    byte_length: int
    width: int | None
    height: int | None
    roles: tuple[str, ...] = ()

    def describe(self) -> dict[str, object]:
        return {
            "image": f"Image{self.position}",
            "mime": self.mime,
            "bytes": self.byte_length,
            "width": self.width,
            "height": self.height,
            "roles": list(self.roles) or None,
        }


@dataclass(frozen=True)
class Prompt:
    text: str
    images: tuple[ImageInput, ...]
    echo: tuple[dict[str, object], ...]  # the user_input step's content

    def has(self, role: str) -> bool:
        return any(role in image.roles for image in self.images)

    @property
    def reference_count(self) -> int:
        return sum(1 for image in self.images if any(r.startswith("image_ref_") for r in image.roles))


def _decode(data: str, field: str) -> bytes:
    """Protobuf JSON bytes: standard or URL-safe base64, padding optional."""
    if not _B64_CHARS.fullmatch(data):
        raise errors.bad_value(field, "TYPE_BYTES", f"Base64 decoding failed for {data[:40]!r}")
    try:
        return base64.urlsafe_b64decode(data.replace("+", "-").replace("/", "_") + "=" * (-len(data) % 4))
    except (binascii.Error, ValueError):
        raise errors.bad_value(field, "TYPE_BYTES", f"Base64 decoding failed for {data[:40]!r}") from None


def _image(block: Mapping[str, object], field: str, position: int) -> tuple[ImageInput, int]:
    if "uri" in block:
        raise errors.invalid(f"{field}.uri: the file {str(block['uri'])[:80]!r} does not exist; send inline data")
    data, mime = block.get("data"), block.get("mime_type")
    if not isinstance(data, str) or not data:
        raise errors.invalid(f"{field}.data is required for an image block", field=f"{field}.data")
    if not isinstance(mime, str):
        raise errors.invalid(f"{field}.mime_type is required for inline image data", field=f"{field}.mime_type")
    if mime not in IMAGE_TYPES:
        raise errors.invalid(f"Unsupported MIME type: {mime}", field=f"{field}.mime_type")
    raw = _decode(data, f"{field}.data")
    try:
        info = read_image_info(raw)
    except ImageError:
        info = None
    found = info.mime if info else sniff_mime(raw)
    same = found == mime or (found == "image/heic" and mime == "image/heif")
    if found is None or not same or (info is None and found not in ("image/heic",)):
        raise errors.invalid(f"Unable to process input image: {field} is not a readable {mime} image.")
    width, height = (info.width, info.height) if info else (None, None)
    return ImageInput(position, mime, len(raw), width, height), len(raw)


def _blocks(value: object) -> list[Mapping[str, object]]:
    if isinstance(value, str):
        return [{"type": "text", "text": value}]
    if isinstance(value, Mapping):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(item, Mapping) for item in value):
        raise errors.invalid("input must be a string, a content block or a non-empty list", field="input")
    types = {item.get("type") for item in value}
    if "user_input" in types:
        if types != {"user_input"}:
            raise errors.invalid("input steps must all be user_input steps", field="input")
        blocks = [block for step in value for block in _step_content(step)]
        if not blocks:
            raise errors.invalid("input steps have no content", field="input")
        return blocks
    return list(value)


def _step_content(step: Mapping[str, object]) -> list[Mapping[str, object]]:
    extra = sorted(set(step) - {"type", "content"})
    if extra:
        raise errors.unknown_field("input", extra[0])
    content = step.get("content", [])
    if not isinstance(content, list) or not all(isinstance(item, Mapping) for item in content):
        raise errors.invalid("input[].content must be a list of content blocks", field="input")
    return list(content)


def _bind(text: str, images: list[ImageInput]) -> list[ImageInput]:
    roles: dict[int, list[str]] = {image.position: [] for image in images}
    unbound = [image.position for image in images]
    for match in _TAG.finditer(text):
        role = match.group(1).lower()
        if match.group(3) is not None:
            position = int(match.group(3))
            if position not in roles:
                raise errors.invalid(
                    f"{match.group(0)} names Image{position}, but the input has {len(images)} image(s)"
                )
        elif unbound:
            position = unbound[0]
        else:
            raise errors.invalid(f"<{match.group(1)}> refers to no image: the input has {len(images)} image(s)")
        roles[position].append(role)
        if position in unbound:
            unbound.remove(position)
    return [ImageInput(i.position, i.mime, i.byte_length, i.width, i.height, tuple(roles[i.position])) for i in images]


def read_input(value: object) -> Prompt:
    texts: list[str] = []
    images: list[ImageInput] = []
    echo: list[dict[str, object]] = []
    total = 0
    for i, block in enumerate(_blocks(value)):
        field = f"input[{i}]"
        kind = block.get("type")
        if kind == "text":
            extra = sorted(set(block) - TEXT_KEYS)
            if extra:
                raise errors.unknown_field(field, extra[0])
            if not isinstance(block.get("text"), str):
                raise errors.invalid(f"{field}.text must be a string", field=f"{field}.text")
            texts.append(str(block["text"]))
            echo.append({"type": "text", "text": block["text"]})
        elif kind == "image":
            extra = sorted(set(block) - IMAGE_KEYS)
            if extra:
                raise errors.unknown_field(field, extra[0])
            image, size = _image(block, field, len(images) + 1)
            images.append(image)
            total += size
            echo.append({"type": "image", "mime_type": image.mime})
        else:
            raise errors.invalid(f"{field}: content of type {kind!r} is not supported for video generation")
    if len(images) > MAX_IMAGES:
        raise errors.invalid(f"At most {MAX_IMAGES} images are allowed in one request; got {len(images)}.")
    if total > MAX_INLINE_BYTES:
        raise errors.invalid(f"Request payload size exceeds the limit: {MAX_INLINE_BYTES} bytes.")
    text = "\n".join(texts)
    if not text.strip():
        raise errors.invalid("input must contain a text prompt", field="input")
    return Prompt(text, tuple(_bind(text, images)), tuple(echo))
