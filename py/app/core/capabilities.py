"""What a video provider and each of its models can do, as data.

Model ids, frame shapes, durations, image inputs, audio, prices and life cycles differ
per provider and change over time; keeping them as plain frozen data (standard library
only) lets the pickers, the validators, the price estimate and the simulators read one
copy. A model frames its video either by pixel sizes (``1280x720``, the OpenAI Videos
API) or by an aspect ratio and a resolution (``16:9`` at ``720p``: OpenRouter, Gemini).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Literal

from app.core.prices import PriceSheet

RETIRING_WARNING_DAYS = 30
UNPRICED = PriceSheet((), "no published price", "")


class Orientation(StrEnum):
    """Aspect family of a frame, used by pickers and library filters."""

    LANDSCAPE = "landscape"
    PORTRAIT = "portrait"
    SQUARE = "square"


@dataclass(frozen=True)
class FrameSize:
    """A frame size in pixels, written ``WIDTHxHEIGHT`` as the Videos API does."""

    width: int
    height: int

    @classmethod
    def parse(cls, text: str) -> FrameSize:
        """Parse ``"1280x720"``; raises ``ValueError`` on anything else."""
        parts = text.strip().lower().split("x")
        if len(parts) != 2 or not all(p.isdigit() for p in parts):
            raise ValueError(f"not a WIDTHxHEIGHT size: {text!r}")
        width, height = int(parts[0]), int(parts[1])
        if width <= 0 or height <= 0:
            raise ValueError(f"size must be positive: {text!r}")
        return cls(width, height)

    @property
    def orientation(self) -> Orientation:
        if self.width > self.height:
            return Orientation.LANDSCAPE
        if self.width < self.height:
            return Orientation.PORTRAIT
        return Orientation.SQUARE

    @property
    def label(self) -> str:
        """Human form with a real multiplication sign: ``1280×720``."""
        return f"{self.width}\u00d7{self.height}"

    def __str__(self) -> str:
        return f"{self.width}x{self.height}"


# -- frames from an aspect ratio and a resolution ----------------------------------------------
_SHORT_SIDE = {"360p": 360, "480p": 480, "720p": 720, "768p": 768, "1024p": 1024, "1080p": 1080, "1k": 1080}
_LONG_SIDE = {"2k": 2048, "4k": 3840}


def aspect_parts(aspect_ratio: str) -> tuple[int, int]:
    """``"16:9"`` → ``(16, 9)``; ``ValueError`` on anything else."""
    left, sep, right = aspect_ratio.partition(":")
    if not sep or not left.isdigit() or not right.isdigit() or not int(left) or not int(right):
        raise ValueError(f"not an aspect ratio: {aspect_ratio!r}")
    return int(left), int(right)


def frame_of(aspect_ratio: str, resolution: str) -> FrameSize:
    """The pixel frame a provider renders for an aspect ratio at a resolution (even sides).

    ``720p`` is the short side (16:9 → 1280×720, 9:16 → 720×1280); ``4k`` and ``2k`` name
    the long side (16:9 → 3840×2160).
    """
    w, h = aspect_parts(aspect_ratio)
    res = resolution.strip().lower()
    if res in _SHORT_SIDE:
        short = _SHORT_SIDE[res]
        scale = short / min(w, h)
    elif res in _LONG_SIDE:
        scale = _LONG_SIDE[res] / max(w, h)
    else:
        raise ValueError(f"unknown resolution: {resolution!r}")
    return FrameSize(round(w * scale / 2) * 2, round(h * scale / 2) * 2)


def orientation_of(aspect_ratio: str) -> Orientation:
    w, h = aspect_parts(aspect_ratio)
    return FrameSize(w, h).orientation


# -- the parts of a model's capabilities --------------------------------------------------------
class Audio(StrEnum):
    """Whether a model's videos have sound."""

    ALWAYS = "always"
    OPTIONAL = "optional"  # the request says (generate_audio); often dearer with it
    NONE = "none"


class Stage(StrEnum):
    """Where a model is in its life, on a given day (see :meth:`ModelLife.stage_on`)."""

    UPCOMING = "upcoming"  # not released yet on that day
    PREVIEW = "preview"
    LIVE = "live"
    RETIRING = "retiring"  # shuts down within RETIRING_WARNING_DAYS
    RETIRED = "retired"


@dataclass(frozen=True)
class ModelLife:
    """Dated life-cycle facts; the stage on a day follows from them."""

    preview: bool = False
    released: str | None = None  # ISO date
    shutdown: str | None = None  # ISO date: gone from this day on
    replacement: str | None = None  # the model id to use instead

    def stage_on(self, today: datetime.date) -> Stage:
        shutdown = _date(self.shutdown)
        if shutdown is not None and today >= shutdown:
            return Stage.RETIRED
        released = _date(self.released)
        if released is not None and today < released:
            return Stage.UPCOMING
        if shutdown is not None and (shutdown - today).days <= RETIRING_WARNING_DAYS:
            return Stage.RETIRING
        return Stage.PREVIEW if self.preview else Stage.LIVE


def _date(text: str | None) -> datetime.date | None:
    if not text:
        return None
    try:
        return datetime.date.fromisoformat(text[:10])
    except ValueError:
        return None


@dataclass(frozen=True)
class Constraint:
    """A rule between two choices: when ``when`` has one of ``values``, ``field`` must be in ``allowed``.

    E.g. Veo 3.1: when ``resolution`` is ``1080p`` or ``4k``, ``seconds`` must be ``8``.
    """

    when: str
    values: tuple[str, ...]
    field: str
    allowed: tuple[str, ...]
    message: str

    def broken_by(self, choices: Mapping[str, str]) -> bool:
        return choices.get(self.when) in self.values and choices.get(self.field) not in self.allowed


class ImageRole(StrEnum):
    FIRST_FRAME = "first_frame"
    LAST_FRAME = "last_frame"
    REFERENCE = "reference"


@dataclass(frozen=True)
class ImageInputs:
    """Which images a model takes, of what kinds, and how they are sent."""

    first_frame: bool = False
    last_frame: bool = False
    max_references: int = 0
    mime_types: tuple[str, ...] = ("image/jpeg", "image/png", "image/webp")
    max_bytes: int = 20 * 1024 * 1024
    must_match_size: bool = False  # the first frame must have exactly the video's pixel size
    note: str = ""

    def allows(self, role: ImageRole) -> bool:
        if role is ImageRole.FIRST_FRAME:
            return self.first_frame
        if role is ImageRole.LAST_FRAME:
            return self.last_frame
        return self.max_references > 0

    @property
    def any(self) -> bool:
        return self.first_frame or self.last_frame or self.max_references > 0


NO_IMAGES = ImageInputs()


@dataclass(frozen=True)
class ModelCapability:
    """One model id a provider accepts, and every value it allows."""

    id: str
    label: str
    family: str
    durations: tuple[int, ...]
    default_duration: int
    sizes: tuple[str, ...] = ()  # pixel sizes (WxH), or else:
    aspect_ratios: tuple[str, ...] = ()  # aspect ratios × resolutions
    resolutions: tuple[str, ...] = ()
    default_size: str = ""
    default_aspect_ratio: str = ""
    default_resolution: str = ""
    durations_are_range: bool = False  # every whole second between the ends (a slider, not tiles)
    constraints: tuple[Constraint, ...] = ()
    images: ImageInputs = NO_IMAGES
    audio: Audio = Audio.NONE
    audio_default: bool = False
    seed: bool = False
    negative_prompt: bool = False
    life: ModelLife = field(default_factory=ModelLife)
    prices: PriceSheet = UNPRICED
    extend_seconds: tuple[int, ...] = ()  # seconds one extend may add (Operation.EXTEND)
    max_total_seconds: int = 0  # the longest a video may grow to by extends (0: no limit known)
    description: str = ""
    is_snapshot: bool = False  # an older pinned version: only under Advanced

    @property
    def uses_sizes(self) -> bool:
        return bool(self.sizes)

    def allows_size(self, size: str) -> bool:
        return size in self.sizes

    def allows_duration(self, seconds: int) -> bool:
        return seconds in self.durations

    def stage_on(self, today: datetime.date) -> Stage:
        return self.life.stage_on(today)

    def frame(self, size: str, aspect_ratio: str, resolution: str) -> FrameSize | None:
        """The pixel frame of a choice (``None`` when it names none)."""
        try:
            if self.uses_sizes:
                return FrameSize.parse(size)
            return frame_of(aspect_ratio, resolution)
        except ValueError:
            return None


class Operation(StrEnum):
    """What a provider can do to a job besides create and poll it."""

    CANCEL = "cancel"  # stop it remotely (may still be billed)
    DELETE = "delete"  # remove it (and its files) remotely
    LIST = "list"  # list recent jobs: reconcile an interrupted submission
    REMIX = "remix"  # a new video that changes one thing of a finished one
    EXTEND = "extend"  # more seconds after a finished video


class Auth(StrEnum):
    """How a request carries the key."""

    BEARER = "bearer"  # Authorization: Bearer KEY
    GOOG_API_KEY = "x-goog-api-key"  # x-goog-api-key: KEY (never a Bearer token)


@dataclass(frozen=True)
class ProviderCapabilities:
    """Everything the app needs to know about one provider, as data."""

    provider_id: str
    name: str
    default_base_url: str
    models: tuple[ModelCapability, ...]
    prompt_min_chars: int
    prompt_max_chars: int
    auth: Auth = Auth.BEARER
    operations: frozenset[Operation] = frozenset()
    live_catalogue: bool = False  # the model list is read from the API (and cached)
    hidden_models: tuple[str, ...] = ()  # id prefixes never offered (e.g. a shut-down family)
    variants: tuple[str, ...] = ("video",)
    notice: str = ""
    demo_path: str = ""  # where serve.py (and the static site) simulate this API, e.g. "/sim/v1"
    key_hint: str = ""  # how its keys look, e.g. "sk-or-v1-…"
    key_url: str = ""  # where a user gets a key
    sign_in: bool = False  # OAuth PKCE sign-in gives a key (OpenRouter)
    short_name: str = ""
    relay_name: str = ""  # its name in serve.py's local relay (/relay/<name>/…)
    image_upload: Literal["multipart", "inline"] = "multipart"  # a file part, or base64 inside the JSON
    usd_per_video_token: Decimal | None = None  # providers that bill by token and never say the cost
    job_deadline_s: float = 2 * 3600.0  # polling stops if a render has not finished by then (job_deadline.py)
    custom_models: bool = False  # any model id may be typed (OpenAI-compatible gateways)
    max_in_flight: int = 0  # jobs a batch keeps submitted-and-unfinished at once (0: not stated)

    def can(self, operation: Operation) -> bool:
        return operation in self.operations

    def model(self, model_id: str) -> ModelCapability | None:
        """The capability entry for ``model_id``, or ``None`` for an unknown id."""
        for model in self.models:
            if model.id == model_id:
                return model
        return None

    def offered(self, today: datetime.date) -> tuple[ModelCapability, ...]:
        """Models a picker offers on ``today``: not retired, not hidden, not a snapshot."""
        return tuple(m for m in self.models if not m.is_snapshot and self._shown(m, today))

    def selectable(self, today: datetime.date) -> tuple[ModelCapability, ...]:
        """Every model that can still be sent (snapshots included, for Advanced)."""
        return tuple(m for m in self.models if self._shown(m, today))

    def _shown(self, model: ModelCapability, today: datetime.date) -> bool:
        hidden = bool(self.hidden_models) and model.id.startswith(self.hidden_models)
        return model.stage_on(today) not in (Stage.RETIRED, Stage.UPCOMING) and not hidden

    @property
    def primary_models(self) -> tuple[ModelCapability, ...]:
        """Models shown in the basic picker regardless of date (snapshots live under Advanced)."""
        return tuple(m for m in self.models if not m.is_snapshot)

    @property
    def label(self) -> str:
        return self.short_name or self.name
