"""Plural categories by locale (the CLDR rules for the locales the app speaks)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

Number = int | float | Decimal


def _one_other(count: Number) -> str:
    """English and German: "one" for exactly 1 (an integer), "other" for everything else."""
    return "one" if count == 1 else "other"


RULES: dict[str, Callable[[Number], str]] = {"en": _one_other, "de": _one_other}
CATEGORIES: dict[str, frozenset[str]] = {"en": frozenset({"one", "other"}), "de": frozenset({"one", "other"})}


def plural_category(locale: str, count: Number) -> str:
    return RULES.get(locale, _one_other)(count)
