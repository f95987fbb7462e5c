"""OpenRouter's ``pricing_skus`` (``GET /videos/models``) read into a dated price sheet.

The keys differ from model to model and are not documented as a contract, so each is
matched against the shapes seen in the catalogue; anything else is skipped and
reported, never guessed at. Values are decimal strings in USD, except that any key
naming ``cent`` is in cents.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import partial

from app.core.prices import (
    Minimum,
    Mode,
    PerImage,
    PerSecond,
    PerToken,
    PerVideo,
    PriceRule,
    PriceSheet,
)

SOURCE = "OpenRouter video model catalogue (pricing_skus)"
NOTE = "Estimated from the catalogue; OpenRouter reports the billed cost once a job completes."
_RES = r"(?P<res>\d{3,4}p|\dk)"
_AUDIO = r"(?:_(?P<audio>with|without)_audio)?"
_MODES: dict[str, Mode] = {"text_to_video": "text", "image_to_video": "image", "reference": "reference"}

_Groups = Mapping[str, str | None]
_Build = Callable[[_Groups, Decimal], PriceRule]


def _audio(groups: _Groups) -> bool | None:
    word = groups.get("audio")
    return None if word is None else word == "with"


def _per_second(groups: _Groups, usd: Decimal) -> PriceRule:
    mode = _MODES.get(groups.get("mode") or "")
    return PerSecond.flat(usd, resolution=groups.get("res"), audio=_audio(groups), mode=mode)


def _continuation(groups: _Groups, usd: Decimal) -> PriceRule:
    """Extending an earlier video: priced as its own mode, so a fresh render never uses it."""
    return PerSecond.flat(usd, resolution=groups.get("res"), mode="extend")


def _per_token(groups: _Groups, usd: Decimal) -> PriceRule:
    video_input = True if groups.get("video") else None
    return PerToken(usd, audio=_audio(groups), video_input=video_input, resolution=groups.get("res"))


# Key shapes seen in the catalogue and in OpenRouter's docs, matched on the lower-cased key.
_SHAPES: tuple[tuple[re.Pattern[str], _Build], ...] = (
    (re.compile(rf"(?:(?P<mode>{'|'.join(_MODES)})_)?duration_seconds{_AUDIO}(?:_{_RES})?"), _per_second),
    (re.compile(rf"video_tokens(?:_{_RES})?{_AUDIO}(?P<video>_with_video_input)?"), _per_token),
    (re.compile(rf"cents_per_(?:second_output|video_output_second)(?:_{_RES})?"), _per_second),
    (re.compile(rf"cents_per_second_video_continuation(?:_{_RES})?"), _continuation),
    (re.compile(r"cents_per_image_input"), lambda _groups, usd: PerImage(usd)),
    (re.compile(r"reference_images"), lambda _groups, usd: PerImage(usd, mode="reference")),
    (re.compile(r"minimum_cents_per_generation"), lambda _groups, usd: Minimum(usd)),
    (re.compile(rf"per-video-second(?:-{_RES})?"), _per_second),  # docs example only
    (re.compile(r"generate"), lambda _groups, usd: PerVideo(usd)),  # docs example only: per generation
)


@dataclass(frozen=True)
class SkuParse:
    """The sheet, plus the keys it could not use: for a log line or a "price unknown" hint."""

    sheet: PriceSheet
    unknown_keys: tuple[str, ...] = ()
    bad_values: tuple[str, ...] = ()  # recognised keys whose value is not a usable decimal


def _usd(key: str, raw: object) -> Decimal | None:
    """The value in USD, or ``None`` for anything but a finite, non-negative decimal."""
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        return None
    try:
        value = Decimal(str(raw).strip())
    except InvalidOperation:
        return None
    if not value.is_finite() or value < 0:
        return None  # "NaN", "Infinity" and the router's "-1" (dynamic price) say nothing usable
    return value / 100 if "cent" in key else value


def _shape(key: str) -> Callable[[Decimal], PriceRule] | None:
    """How to build the rule of a (lower-cased) key from its value; ``None`` for an unknown key."""
    for pattern, build in _SHAPES:
        match = pattern.fullmatch(key)
        if match is not None:
            return partial(build, match.groupdict())
    return None


def parse_skus(skus: Mapping[str, object] | None, *, as_of: str) -> SkuParse:
    """Every recognised key as a rule; unknown keys and unusable values listed apart."""
    rules: list[PriceRule] = []
    unknown: list[str] = []
    bad: list[str] = []
    for key, raw in (skus or {}).items():
        normal = key.strip().lower()
        build = _shape(normal)
        usd = _usd(normal, raw)
        if build is None:
            unknown.append(key)
        elif usd is None:
            bad.append(key)
        else:
            rules.append(build(usd))
    sheet = PriceSheet(tuple(rules), SOURCE, as_of, NOTE)
    return SkuParse(sheet, tuple(unknown), tuple(bad))


def sheet_from_skus(skus: Mapping[str, object] | None, *, as_of: str) -> PriceSheet:
    """The price sheet of one catalogue entry; no usable key gives a sheet that prices "unknown"."""
    return parse_skus(skus, as_of=as_of).sheet
