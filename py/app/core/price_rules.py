"""The facts of a render being priced, and the kinds of price rule a provider publishes.

Each rule says when it applies (its conditions) and what it charges for given facts;
choosing among rules is :class:`app.core.prices.PriceSheet`'s job. Import these names
from :mod:`app.core.prices`, which re-exports them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from app.core.i18n import tr
from app.core.i18n.formats import fmt_exact_money, fmt_money, fmt_number, fmt_unit_price

Mode = Literal["text", "image", "reference"]
RuleMode = Literal["text", "image", "reference", "extend"]  # "extend" continues a video: never a fresh render
CENT = Decimal("0.01")
TOKEN_FPS = (24, 30)  # frame rates a token estimate spans (tokens ≈ w × h × fps × s ÷ 1024)
PIXELS_PER_TOKEN = 1024
MODE_IDS: dict[str, str] = {  # message ids of the modes' names (shown when a price is missing)
    "text": "prices.mode.text",
    "image": "prices.mode.image",
    "reference": "prices.mode.reference",
    "extend": "prices.mode.extend",
}

Specificity = tuple[bool, ...]


def normalise_resolution(text: str | None) -> str | None:
    """``"4K"`` → ``"4k"``: providers spell the same tier in either case."""
    cleaned = (text or "").strip().lower()
    return cleaned or None


def normalise_size(text: str | None) -> str | None:
    """``"1280X720"`` or ``"1280×720"`` → ``"1280x720"``."""
    cleaned = (text or "").strip().lower().replace("×", "x").replace(" ", "")
    return cleaned or None


@dataclass(frozen=True, kw_only=True)
class PriceFacts:
    """What is being priced. An unknown fact (``None``) satisfies no rule conditioned on it,
    so callers resolve defaults first (e.g. a model's audio default) to get a price."""

    seconds: int
    resolution: str | None = None
    size: str | None = None
    aspect_ratio: str | None = None
    width: int | None = None
    height: int | None = None
    audio: bool | None = None
    mode: Mode = "text"
    input_images: int = 0
    input_videos: int = 0

    def __post_init__(self) -> None:
        if self.seconds < 0 or self.input_images < 0 or self.input_videos < 0:
            raise ValueError(f"negative seconds or inputs: {self}")
        object.__setattr__(self, "resolution", normalise_resolution(self.resolution))
        object.__setattr__(self, "size", normalise_size(self.size))

    @property
    def frame(self) -> tuple[int, int] | None:
        """Pixel frame for token estimates: ``width``/``height``, else parsed from ``size``."""
        if self.width and self.height:
            return self.width, self.height
        parts = (self.size or "").split("x")
        if len(parts) == 2 and all(p.isdigit() and int(p) > 0 for p in parts):
            return int(parts[0]), int(parts[1])
        return None


def _condition(wanted: object | None, actual: object | None) -> bool | None:
    """``True`` when a condition holds, ``False`` when there is none, ``None`` when it fails."""
    if wanted is None:
        return False
    return True if wanted == actual else None


def _specificity(
    facts: PriceFacts,
    *,
    resolution: str | None = None,
    size: str | None = None,
    audio: bool | None = None,
    mode: str | None = None,
    video_input: bool | None = None,
    timed: bool = True,
) -> Specificity | None:
    """How closely a rule fits, compared lexicographically: resolution or size, then audio,
    then mode, then video input, then time-based over flat; ``None`` when it contradicts."""
    checks = (
        _condition(resolution, facts.resolution),
        _condition(size, facts.size),
        _condition(audio, facts.audio),
        _condition(mode, facts.mode),
        _condition(video_input, facts.input_videos > 0),
    )
    if None in checks:
        return None
    at_resolution, at_size, with_audio, in_mode, with_video = (bool(c) for c in checks)
    return (at_resolution or at_size, with_audio, in_mode, with_video, timed)


@dataclass(frozen=True)
class PricePart:
    """One priced piece of a quote: a low–high amount and how it was reached."""

    low: Decimal
    high: Decimal
    basis: str
    rate: Decimal | None = None  # the single USD/s rate, for "(10¢/sec)"


@dataclass(frozen=True)
class PerSecond:
    """USD per second of output; a range where the source gives one, else low == high."""

    usd_low: Decimal
    usd_high: Decimal
    resolution: str | None = None
    size: str | None = None
    audio: bool | None = None
    mode: RuleMode | None = None

    def __post_init__(self) -> None:
        if not Decimal(0) <= self.usd_low <= self.usd_high:
            raise ValueError(f"need 0 ≤ low ≤ high: {self}")
        object.__setattr__(self, "resolution", normalise_resolution(self.resolution))
        object.__setattr__(self, "size", normalise_size(self.size))

    @classmethod
    def flat(
        cls,
        usd: Decimal,
        *,
        resolution: str | None = None,
        size: str | None = None,
        audio: bool | None = None,
        mode: RuleMode | None = None,
    ) -> PerSecond:
        """One rate, not a range."""
        return cls(usd, usd, resolution=resolution, size=size, audio=audio, mode=mode)

    def specificity(self, facts: PriceFacts) -> Specificity | None:
        return _specificity(facts, resolution=self.resolution, size=self.size, audio=self.audio, mode=self.mode)

    def price(self, facts: PriceFacts) -> PricePart:
        where = [tr("plat.price.at", place=place) for place in (self.resolution, self.size) if place]
        if self.audio is not None:
            where.append(tr("prices.with_audio") if self.audio else tr("prices.without_audio"))
        if self.mode is not None:
            where.append(f"({tr(MODE_IDS[self.mode])})")
        rate = money_range(self.usd_low, self.usd_high, per="/s")
        basis = " ".join([rate, *where, tr("plat.price.times_seconds", seconds=facts.seconds)])
        single = self.usd_low if self.usd_low == self.usd_high else None
        return PricePart(self.usd_low * facts.seconds, self.usd_high * facts.seconds, basis, single)


@dataclass(frozen=True)
class PerToken:
    """USD per video output token; tokens are estimated from the frame, fps and seconds."""

    usd_per_token: Decimal
    audio: bool | None = None
    video_input: bool | None = None
    resolution: str | None = None

    def __post_init__(self) -> None:
        if self.usd_per_token < 0:
            raise ValueError(f"negative price: {self}")
        object.__setattr__(self, "resolution", normalise_resolution(self.resolution))

    def specificity(self, facts: PriceFacts) -> Specificity | None:
        if facts.frame is None:
            return None  # no frame, no token count: the rule cannot price this render
        return _specificity(facts, resolution=self.resolution, audio=self.audio, video_input=self.video_input)

    def price(self, facts: PriceFacts) -> PricePart:
        width, height = facts.frame or (0, 0)
        per_fps = Decimal(width * height * facts.seconds) / PIXELS_PER_TOKEN
        low, high = (per_fps * fps for fps in TOKEN_FPS)
        price = fmt_exact_money(self.usd_per_token)
        basis = tr("plat.price.tokens", low=_count(low), high=_count(high), price=price)
        return PricePart(low * self.usd_per_token, high * self.usd_per_token, basis)


@dataclass(frozen=True)
class PerVideo:
    """A flat USD price per generated video, whatever its length (ranked below timed rates)."""

    usd: Decimal

    def specificity(self, facts: PriceFacts) -> Specificity | None:
        return _specificity(facts, timed=False)

    def price(self, facts: PriceFacts) -> PricePart:
        return PricePart(self.usd, self.usd, tr("plat.price.per_video", price=money(self.usd)))


@dataclass(frozen=True)
class PerImage:
    """USD per input image, added to the time-based price (optionally in one mode only)."""

    usd: Decimal
    mode: Mode | None = None

    def specificity(self, facts: PriceFacts) -> Specificity | None:
        return _specificity(facts, mode=self.mode)

    def price(self, facts: PriceFacts) -> PricePart:
        count = facts.input_images
        amount = self.usd * count
        return PricePart(amount, amount, tr("plat.price.images", count=count, price=money(self.usd)))


@dataclass(frozen=True)
class Minimum:
    """The least a video costs, applied as a floor on both ends of the estimate."""

    usd: Decimal


PriceRule = PerSecond | PerToken | PerVideo | PerImage | Minimum


def dollars(usd: Decimal) -> str:
    """``$1,234.50`` (``1.234,50 $`` in German): rounded half up to the cent."""
    return fmt_money(usd)


def money(usd: Decimal) -> str:
    """A unit price: ``40¢``, ``12.5¢`` below a dollar, ``$1.50`` from one up (the locale's way)."""
    return fmt_unit_price(usd)


def money_range(low: Decimal, high: Decimal, *, per: str = "") -> str:
    """``40¢/s`` or ``7¢–10¢/s``."""
    return f"{money(low)}{per}" if low == high else f"{money(low)}–{money(high)}{per}"


def _count(tokens: Decimal) -> str:
    """``108k``, ``1.8M`` (``1,8M``): token counts are estimates, so shown rounded."""
    if tokens >= 1_000_000:
        return f"{fmt_number((tokens / 1_000_000).quantize(Decimal('0.1'), ROUND_HALF_UP), 1)}M"
    if tokens >= 1000:
        return f"{(tokens / 1000).quantize(Decimal(1), ROUND_HALF_UP)}k"
    return f"{tokens.quantize(Decimal(1), ROUND_HALF_UP)}"
