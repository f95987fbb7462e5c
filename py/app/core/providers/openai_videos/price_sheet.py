"""OpenAI's published Sora 2 prices as price sheets, one per model family, keyed by size.

The table is kept here as data (USD per second); a size OpenAI lists without a price
has no rule, so it prices "unknown" rather than $0.00.
"""

from __future__ import annotations

from decimal import Decimal

from app.core.prices import PerSecond, PriceSheet

SOURCE = "OpenAI API pricing page (Sora 2 Videos API)"
AS_OF = "2026-03"

# family -> ((sizes, USD per second or None = not published), ...)
_TABLE: dict[str, tuple[tuple[tuple[str, ...], str | None], ...]] = {
    "sora-2": ((("1280x720", "720x1280"), "0.10"),),
    "sora-2-pro": (
        (("1280x720", "720x1280"), "0.30"),
        (("1792x1024", "1024x1792"), "0.50"),
        (("1920x1080", "1080x1920"), None),
    ),
}


def _sheet(rows: tuple[tuple[tuple[str, ...], str | None], ...]) -> PriceSheet:
    rules = tuple(PerSecond.flat(Decimal(usd), size=size) for sizes, usd in rows if usd is not None for size in sizes)
    return PriceSheet(rules, SOURCE, AS_OF)


SHEETS: dict[str, PriceSheet] = {family: _sheet(rows) for family, rows in _TABLE.items()}


def sheet_for(family: str) -> PriceSheet:
    """The sheet of a model family (``ModelCapability.family``); unknown families price "unknown"."""
    return SHEETS.get(family) or PriceSheet((), SOURCE, AS_OF)
