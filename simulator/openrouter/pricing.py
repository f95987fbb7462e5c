"""What a simulated job bills (``usage.cost``), computed from its model's ``pricing_skus``.

The rules are those open-source parsers apply to OpenRouter's SKUs (values are decimal
strings, a key with ``cent`` is in cents): pick one rate, the eligible key matching
the most of resolution, then audio, then mode (text / image / reference, video input);
add per-image charges; apply a ``minimum_*`` floor. Token SKUs bill
``width × height × 24 fps × seconds ÷ 1024`` tokens. A model whose keys match no
pattern bills the simulator's own ``FALLBACK_USD_PER_SECOND`` (the real service would
still bill something). Deterministic, so tests can assert exact costs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from simulator.openrouter.catalogue import VideoModel

Kind = Literal["second", "token", "image", "reference_image", "minimum"]
Mode = Literal["text_to_video", "image_to_video", "reference"]
_MODES: dict[str, Mode] = {
    "text_to_video": "text_to_video",
    "image_to_video": "image_to_video",
    "reference": "reference",
}
TOKEN_FPS = 24
FALLBACK_USD_PER_SECOND = Decimal("0.05")
_RES = r"(480p|720p|768p|1024p|1080p|1k|2k|4k)"
_SECONDS = re.compile(
    rf"(?:(text_to_video|image_to_video|reference)_)?duration_seconds(?:_(with|without)_audio)?(?:_{_RES})?"
)
_CENTS_SECONDS = re.compile(rf"cents_per_(second_output|video_output_second|second_video_continuation)(?:_{_RES})?")
_DOC_SECONDS = re.compile(rf"per-video-second(?:-{_RES})?")
_TOKENS = re.compile(rf"video_tokens(?:_{_RES})?(?:_(without_audio|with_video_input))?")


@dataclass(frozen=True)
class Sku:
    kind: Kind
    usd: Decimal  # per second, per token, per image, or the floor
    resolution: str | None = None
    audio: bool | None = None
    mode: Mode | None = None
    video_input: bool = False


@dataclass(frozen=True)
class Order:
    """What a request asks for, as far as pricing goes."""

    resolution: str  # as the API spells it ("720p", "4K")
    audio: bool
    mode: Mode
    video_input: bool
    seconds: int
    width: int
    height: int
    images: int  # frame images + image references
    reference_images: int
    outputs: int = 1


def parse_sku(key: str, value: str) -> Sku | None:
    """The SKU a key names, or ``None`` when no known pattern fits (the key is skipped)."""
    try:
        amount = Decimal(value)
    except ArithmeticError:
        return None
    usd = amount / 100 if "cent" in key else amount
    if match := _SECONDS.fullmatch(key):
        audio = None if match.group(2) is None else match.group(2) == "with"
        return Sku("second", usd, match.group(3), audio, _MODES.get(match.group(1) or ""))
    if match := _CENTS_SECONDS.fullmatch(key):
        return Sku("second", usd, match.group(2), video_input=match.group(1) == "second_video_continuation")
    if match := _DOC_SECONDS.fullmatch(key):
        return Sku("second", usd, match.group(1))
    if match := _TOKENS.fullmatch(key):
        suffix = match.group(2)
        return Sku(
            "token",
            usd,
            match.group(1),
            False if suffix == "without_audio" else None,
            None,
            suffix == "with_video_input",
        )
    if key == "cents_per_image_input":
        return Sku("image", usd)
    if key == "reference_images":
        return Sku("reference_image", usd)
    if key.startswith("minimum_"):
        return Sku("minimum", usd)
    return None


def _fit(sku: Sku, order: Order) -> tuple[bool, bool, bool, bool] | None:
    """How well a rate fits (resolution, audio, mode, video input), or None when it cannot apply."""
    resolution = order.resolution.lower()
    if sku.resolution not in (None, resolution) or sku.audio not in (None, order.audio):
        return None
    if sku.mode not in (None, order.mode) or (sku.video_input and not order.video_input):
        return None
    return sku.resolution is not None, sku.audio is not None, sku.mode is not None, sku.video_input


def _rate(skus: list[Sku], order: Order) -> Sku | None:
    for kind in ("second", "token"):
        fitting = [(fit, sku) for sku in skus if sku.kind == kind and (fit := _fit(sku, order)) is not None]
        if fitting:
            return max(fitting, key=lambda pair: pair[0])[1]
    return None


def billed_usd(model: VideoModel, order: Order) -> float:
    """The job's cost in USD, rounded to 6 decimals."""
    skus = [sku for key, value in (model.pricing_skus or {}).items() if (sku := parse_sku(key, value)) is not None]
    rate = _rate(skus, order)
    if rate is None:
        per_output = FALLBACK_USD_PER_SECOND * order.seconds
    elif rate.kind == "token":
        tokens = Decimal(order.width * order.height * TOKEN_FPS * order.seconds) / 1024
        per_output = rate.usd * tokens
    else:
        per_output = rate.usd * order.seconds
    for sku in skus:
        if sku.kind == "image":
            per_output += sku.usd * order.images
        elif sku.kind == "reference_image":
            per_output += sku.usd * order.reference_images
    floor = max((sku.usd for sku in skus if sku.kind == "minimum"), default=Decimal(0))
    total = max(per_output, floor) * order.outputs
    return float(round(total, 6))
