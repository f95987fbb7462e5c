"""The JSON body of ``POST /videos``, in OpenRouter's words, from a provider-neutral request.

The request was checked against the model before (the New Render rules), so this only
translates: ``duration`` as an integer, ``aspect_ratio`` + ``resolution`` or ``size``,
images inline as ``data:`` URLs (``frame_images`` for the first and last frame,
``input_references`` for references; [U] whether OpenRouter accepts ``data:`` URLs),
and a negative prompt through ``provider.options`` (:mod:`.model_rules`).
``generate_audio`` is sent only for a model whose sound is optional; for an unknown
model, whenever the request chose.
"""

from __future__ import annotations

from typing import Any

from app.core.capabilities import Audio, ImageRole, ModelCapability
from app.core.errors import InputError
from app.core.i18n import tr
from app.core.providers.base import ImageInput, RenderRequest
from app.core.providers.openrouter.model_rules import negative_prompt_route

_FRAME_TYPES = {ImageRole.FIRST_FRAME: "first_frame", ImageRole.LAST_FRAME: "last_frame"}


def data_url(image: ImageInput) -> str:
    """``data:<mime>;base64,<data>``; an image that was not encoded for sending is an input error."""
    if not image.data_b64:
        raise InputError(f"image_{image.role.value}", tr("plat.openrouter.image_not_prepared", name=image.name))
    return f"data:{image.mime};base64,{image.data_b64}"


def _image_url(image: ImageInput) -> dict[str, Any]:
    return {"type": "image_url", "image_url": {"url": data_url(image)}}


def _audio(request: RenderRequest, model: ModelCapability | None) -> bool | None:
    if model is None:
        return request.audio
    if model.audio is not Audio.OPTIONAL:
        return None
    return model.audio_default if request.audio is None else request.audio


def create_body(request: RenderRequest, model: ModelCapability | None) -> dict[str, Any]:
    """The body for ``request``; ``model`` is its catalogue entry (``None``: not listed)."""
    body: dict[str, Any] = {"model": request.model}
    if request.prompt:
        body["prompt"] = request.prompt
    body["duration"] = int(request.seconds)
    if request.size and not (request.aspect_ratio or request.resolution):
        body["size"] = request.size
    else:
        if request.aspect_ratio:
            body["aspect_ratio"] = request.aspect_ratio
        if request.resolution:
            body["resolution"] = request.resolution
    audio = _audio(request, model)
    if audio is not None:
        body["generate_audio"] = audio
    if request.seed is not None:
        body["seed"] = request.seed
    frames = [
        {**_image_url(image), "frame_type": _FRAME_TYPES[image.role]}
        for role in _FRAME_TYPES
        for image in request.images
        if image.role is role
    ]
    if frames:
        body["frame_images"] = frames
    references = [_image_url(image) for image in request.images if image.role is ImageRole.REFERENCE]
    if references:
        body["input_references"] = references
    negative = request.negative_prompt.strip()
    if negative:
        body["provider"] = {"options": negative_prompt_route(request.model).options(negative)}
    return body
