"""What a video provider can do, as data.

Model ids, sizes, durations, image-input rules and prices differ per provider and
change over time; keeping them as plain frozen data (standard library only) lets the
UI, the validators, the price estimate and the simulator read one copy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class Orientation(StrEnum):
    """Aspect family of a frame size, used by pickers and library filters."""

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


@dataclass(frozen=True)
class ModelCapability:
    """One model id a provider accepts, and the values it allows."""

    id: str
    label: str
    family: str
    sizes: tuple[str, ...]
    durations: tuple[int, ...]
    default_size: str
    default_duration: int
    description: str = ""
    is_snapshot: bool = False

    def allows_size(self, size: str) -> bool:
        return size in self.sizes

    def allows_duration(self, seconds: int) -> bool:
        return seconds in self.durations


@dataclass(frozen=True)
class ImageInputRule:
    """How a provider takes a reference image (first frame)."""

    mime_types: tuple[str, ...]
    must_match_size: bool
    max_bytes: int
    note: str


@dataclass(frozen=True)
class PriceRow:
    """USD per second of output for a model at some sizes; ``None`` = not published."""

    model_family: str
    sizes: tuple[str, ...]
    usd_per_second: Decimal | None


@dataclass(frozen=True)
class PriceTable:
    """Published prices with their source and date, shown to the user as they are."""

    rows: tuple[PriceRow, ...]
    source: str
    as_of: str

    def rate(self, model: ModelCapability, size: str) -> Decimal | None:
        """Price per second for ``model`` at ``size``; ``None`` when not published."""
        for row in self.rows:
            if row.model_family == model.family and size in row.sizes:
                return row.usd_per_second
        return None


@dataclass(frozen=True)
class ProviderCapabilities:
    """Everything the app needs to know about one provider, as data."""

    provider_id: str
    name: str
    default_base_url: str
    models: tuple[ModelCapability, ...]
    prompt_min_chars: int
    prompt_max_chars: int
    image_input: ImageInputRule
    prices: PriceTable
    can_delete_remote: bool
    can_remix: bool
    notice: str = ""
    variants: tuple[str, ...] = field(default=("video",))
    demo_path: str = ""  # where serve.py (and the static site) simulate this API, e.g. "/sim/v1"

    def model(self, model_id: str) -> ModelCapability | None:
        """The capability entry for ``model_id``, or ``None`` for an unknown id."""
        for model in self.models:
            if model.id == model_id:
                return model
        return None

    @property
    def primary_models(self) -> tuple[ModelCapability, ...]:
        """Models shown in the basic picker (snapshots live under Advanced)."""
        return tuple(m for m in self.models if not m.is_snapshot)
