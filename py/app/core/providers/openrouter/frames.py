"""How a catalogue entry frames its videos, and which aspect ratio × resolution pairs it
really offers, from its pixel sizes.

An entry lists resolutions, aspect ratios and, often, the exact sizes; some pairs have
no size (Seedance 2.0 has 9:21 at 720p only) and OpenRouter refuses them. Each size is
named by its aspect ratio (within 1 %) and its short side. Providers do not agree on
how a name maps to pixels (4:3 at 480p is 640×480 on one model, 752×560 on another),
so the sizes are trusted only when **every** one of them is named that way; otherwise
the lists stay as given, no rule is made and the API has the last word.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.core.capabilities import Constraint, aspect_parts
from app.core.i18n import tr

_SHORT_SIDES: dict[str, tuple[int, ...]] = {
    "360p": (360,),
    "480p": (480,),
    "720p": (720,),
    "768p": (768,),
    "1024p": (1024,),
    "1080p": (1080,),
    "1k": (1024, 1080),
    "2k": (1440,),
    "4k": (2160,),
}
_RATIO_TOLERANCE = 0.01
ANY_RESOLUTION = ("480p", "720p", "768p", "1080p", "1K", "2K", "4K")  # the API's enums
ANY_ASPECT = ("16:9", "9:16", "1:1", "4:3", "3:4", "3:2", "2:3", "21:9", "9:21")


def _size(text: str) -> tuple[int, int] | None:
    left, sep, right = text.lower().partition("x")
    if not sep or not left.isdigit() or not right.isdigit() or not int(left) or not int(right):
        return None
    return int(left), int(right)


def _aspect_of(width: int, height: int, aspects: Sequence[str]) -> str | None:
    for aspect in aspects:
        try:
            across, down = aspect_parts(aspect)
        except ValueError:
            continue
        if abs(width * down / (height * across) - 1) <= _RATIO_TOLERANCE:
            return aspect
    return None


def _resolution_of(width: int, height: int, resolutions: Sequence[str]) -> str | None:
    short = min(width, height)
    return next((r for r in resolutions if short in _SHORT_SIDES.get(r.lower(), ())), None)


def offered_pairs(
    aspects: Sequence[str], resolutions: Sequence[str], sizes: Sequence[str]
) -> set[tuple[str, str]] | None:
    """The (aspect, resolution) pairs the sizes name; ``None`` when a size names none."""
    pairs: set[tuple[str, str]] = set()
    for text in sizes:
        dims = _size(text)
        if dims is None:
            return None
        aspect, resolution = _aspect_of(*dims, aspects), _resolution_of(*dims, resolutions)
        if aspect is None or resolution is None:
            return None
        pairs.add((aspect, resolution))
    return pairs


@dataclass(frozen=True)
class FrameChoices:
    """How a model is framed: pixel sizes, or aspect ratios × resolutions and the pairs to refuse."""

    aspect_ratios: tuple[str, ...] = ()
    resolutions: tuple[str, ...] = ()
    rules: tuple[Constraint, ...] = ()
    sizes: tuple[str, ...] = ()


def read_frames(
    label: str,
    resolutions: Sequence[str] | None,
    aspects: Sequence[str] | None,
    sizes: Sequence[str] | None,
) -> FrameChoices:
    """Aspect ratio × resolution when both are listed; else the sizes; else the API's own
    sets in place of what is unknown (the API then has the last word)."""
    if resolutions and aspects:
        return frame_choices(label, aspects, resolutions, sizes or ())
    readable = tuple(s for s in sizes or () if _size(s) is not None)
    if readable:
        return FrameChoices(sizes=readable)
    return FrameChoices(tuple(aspects or ANY_ASPECT), tuple(resolutions or ANY_RESOLUTION))


def frame_choices(label: str, aspects: Sequence[str], resolutions: Sequence[str], sizes: Sequence[str]) -> FrameChoices:
    """Drop a value no size has; one rule per aspect ratio offered at only some
    resolutions ("9:21 only at 720p"). Unreadable sizes: the lists as given, no rules."""
    pairs = offered_pairs(aspects, resolutions, sizes) if sizes else None
    if pairs is None:
        return FrameChoices(tuple(aspects), tuple(resolutions))
    kept_aspects = tuple(a for a in aspects if any(p[0] == a for p in pairs))
    kept_resolutions = tuple(r for r in resolutions if any(p[1] == r for p in pairs))
    rules = []
    for aspect in kept_aspects:
        allowed = tuple(r for r in kept_resolutions if (aspect, r) in pairs)
        if len(allowed) < len(kept_resolutions):
            rules.append(
                Constraint(
                    when="aspect_ratio",
                    values=(aspect,),
                    field="resolution",
                    allowed=allowed,
                    message=tr(
                        "plat.openrouter.frame_only_at",
                        model=label,
                        aspect=aspect,
                        resolutions=tr("plat.word.or").join(allowed),
                    ),
                )
            )
    return FrameChoices(kept_aspects, kept_resolutions, tuple(rules))
