"""Every user-visible string by message id, and locale-aware numbers, money and dates.

``tr("queue.title")`` reads the active locale's catalogue (English by default); the shell
switches it from the Language preference. See docs/strings.md.
"""

from __future__ import annotations

from app.core.i18n.catalogue import (
    DEFAULT_LOCALE,
    LOCALE_NAMES,
    LOCALE_TAGS,
    active_locale,
    resolve_locale,
    set_locale,
    template,
    tr,
)
from app.core.i18n.formats import fmt_bytes, fmt_date, fmt_datetime, fmt_money, fmt_number, fmt_unit_price

__all__ = [
    "DEFAULT_LOCALE",
    "LOCALE_NAMES",
    "LOCALE_TAGS",
    "active_locale",
    "fmt_bytes",
    "fmt_date",
    "fmt_datetime",
    "fmt_money",
    "fmt_number",
    "fmt_unit_price",
    "resolve_locale",
    "set_locale",
    "template",
    "tr",
]
