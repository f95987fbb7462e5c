"""The create body of ``POST /interactions``: the input, its image tags, the video format.

Omni binds images to roles by tags in the prompt, not by their position (an untagged
image may be ignored), so the images go first, numbered ``Image1…`` in that order, and
the text last, opened by their tags:

- one first frame: ``<FIRST_FRAME> prompt`` (Google's cookbook form);
- only references: ``<IMAGE_REF_0>@Image1 <IMAGE_REF_1>@Image2 prompt``;
- anything else (a last frame, mixed roles): ``[# Sources <FIRST_FRAME>@Image1 <LAST_FRAME>@Image2] prompt``.

The exact tag syntax beyond the first frame is unverified; the API's 400 has the last word.
"""

from __future__ import annotations

from typing import Any

from app.core.capabilities import ImageRole
from app.core.providers.base import ImageInput, RenderRequest
from app.core.providers.codec_kit import bare_base64
from app.core.providers.gemini_omni.capabilities import Delivery

ROLE_ORDER = (ImageRole.FIRST_FRAME, ImageRole.LAST_FRAME, ImageRole.REFERENCE)
MIME_ALIASES = {"image/jpg": "image/jpeg", "image/pjpeg": "image/jpeg"}
INT32 = 2**31
# The prompt tags Omni reads (sent to the model, never shown): a first frame alone, or a list of sources.
FIRST_FRAME_TAG = "<FIRST_FRAME>"
SOURCES_TAG = "[# Sources"


def ordered(images: tuple[ImageInput, ...]) -> list[ImageInput]:
    """First frame, last frame, then the references in the order given."""
    return sorted(images, key=lambda image: ROLE_ORDER.index(image.role))


def tags(images: list[ImageInput]) -> list[str]:
    """``<ROLE>@ImageN`` for each image, references counted from 0."""
    out: list[str] = []
    references = 0
    for number, image in enumerate(images, start=1):
        if image.role is ImageRole.REFERENCE:
            name, references = f"IMAGE_REF_{references}", references + 1
        else:
            name = image.role.value.upper()  # FIRST_FRAME, LAST_FRAME
        out.append(f"<{name}>@Image{number}")
    return out


def tagged_prompt(prompt: str, images: list[ImageInput]) -> str:
    roles = {image.role for image in images}
    if roles == {ImageRole.FIRST_FRAME} and len(images) == 1:
        return f"{FIRST_FRAME_TAG} {prompt}"
    if roles == {ImageRole.REFERENCE}:
        return " ".join([*tags(images), prompt])
    return f"{SOURCES_TAG} {' '.join(tags(images))}] {prompt}"


def task_of(images: list[ImageInput]) -> str:
    roles = {image.role for image in images}
    if ImageRole.REFERENCE in roles:
        return "reference_to_video"
    return "image_to_video" if roles else "text_to_video"


def _image_block(image: ImageInput) -> dict[str, str]:
    data = bare_base64(image.data_b64)  # Gemini wants no data: prefix
    if not data:
        raise ValueError(f"image {image.name!r} has no base64 data: Gemini takes images inside the JSON")
    mime = image.mime.strip().lower()
    return {"type": "image", "data": data, "mime_type": MIME_ALIASES.get(mime, mime)}


def input_of(request: RenderRequest) -> str | list[dict[str, str]]:
    """A plain string for text only; else the image blocks, then the tagged text."""
    images = ordered(request.images)
    if not images:
        return request.prompt
    return [*(_image_block(image) for image in images), {"type": "text", "text": tagged_prompt(request.prompt, images)}]


def int32(seed: int) -> int:
    """The app's seed (0 … 2³²−1) as the int32 Gemini takes: the same bits, so each seed stays itself."""
    return seed - 2**32 if seed >= INT32 else seed


def create_body(request: RenderRequest, delivery: Delivery) -> dict[str, Any]:
    """The JSON body; an extend sends only the prompt and the seconds to add (the rest is inherited)."""
    video: dict[str, str] = {"type": "video"}
    body: dict[str, Any] = {"model": request.model, "background": True, "store": True}
    if request.extend_of:
        body["previous_interaction_id"] = request.extend_of
        body["input"] = request.prompt
    else:
        body["input"] = input_of(request)
        if request.aspect_ratio:
            video["aspect_ratio"] = request.aspect_ratio
        if request.resolution:
            video["resolution"] = request.resolution.strip().lower()  # "4k", never "4K"
        config: dict[str, Any] = {"video_config": {"task": task_of(ordered(request.images))}}
        if request.seed is not None:
            config["seed"] = int32(request.seed)
        body["generation_config"] = config
    video["duration"] = f"{request.seconds}s"  # a Duration string: a bare number is a 400
    video["delivery"] = delivery.value
    body["response_format"] = video
    return body
