"""Numbers, money, sizes and dates written the active locale's way (pure Python, no Babel).

The app prices in US dollars whatever the locale: the locale only decides how the amount
is written (``$1,234.50`` in English, ``1.234,50 $`` in German).
"""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal

from app.core.i18n import catalogue
from app.core.i18n.plural import Number

CENT = Decimal("0.01")
_SEPARATORS = {"en": (",", "."), "de": (".", ",")}  # (grouping, decimal)
_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "de": ("Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."),
}


def _locale(locale: str | None) -> str:
    return locale or catalogue.active_locale()


def fmt_number(value: Number, decimals: int | None = None, *, locale: str | None = None) -> str:
    """``1,234.5`` / ``1.234,5``; ``decimals`` fixes the digits after the point."""
    group, point = _SEPARATORS.get(_locale(locale), _SEPARATORS["en"])
    if decimals is not None:
        text = format(value, f",.{decimals}f")
    else:  # a Decimal in fixed point ("40", never "4E+1"); ints and floats as Python writes them
        text = format(value, ",f" if isinstance(value, Decimal) else ",")
    return text.replace(",", "\x00").replace(".", point).replace("\x00", group)


def fmt_money(usd: Decimal, *, locale: str | None = None) -> str:
    """A dollar amount rounded half up to the cent: ``$1,234.50`` / ``1.234,50 $``."""
    code = _locale(locale)
    amount = fmt_number(usd.quantize(CENT, ROUND_HALF_UP), 2, locale=code)
    if amount.startswith("-"):
        return "-" + fmt_money(-usd, locale=code)
    return f"{amount}\u00a0$" if code == "de" else f"${amount}"


def fmt_exact_money(usd: Decimal, *, locale: str | None = None) -> str:
    """A dollar amount with every digit it has (a per-token price): ``$0.000007`` / ``0,000007 $``."""
    code = _locale(locale)
    amount = fmt_number(usd.normalize(), locale=code)
    return f"{amount}\u00a0$" if code == "de" else f"${amount}"


def fmt_unit_price(usd: Decimal, *, locale: str | None = None) -> str:
    """A unit price: ``40¢``, ``12.5¢`` below a dollar (``12,5 ¢``), else as :func:`fmt_money`."""
    if usd >= 1:
        return fmt_money(usd, locale=locale)
    code = _locale(locale)
    cents = fmt_number((usd * 100).normalize(), locale=code)
    return f"{cents}\u00a0¢" if code == "de" else f"{cents}¢"


def fmt_bytes(count: int, *, locale: str | None = None) -> str:
    """``1.5 MB`` (decimal units, as browsers and disks report); whole bytes below a kilobyte."""
    code = _locale(locale)
    if count < 1000:
        return catalogue.translate(code, "units.bytes", {"count": count})
    value = count / 1000
    for unit in ("KB", "MB", "GB"):
        if value < 1000:
            return f"{fmt_number(value, 1, locale=code)} {unit}"
        value /= 1000
    return f"{fmt_number(value, 1, locale=code)} TB"


def month_abbr(month: int, *, locale: str | None = None) -> str:
    """``Nov`` / ``Nov.``: the short month name :func:`fmt_date` writes (``month`` is 1–12)."""
    return _MONTHS.get(_locale(locale), _MONTHS["en"])[month - 1]


def fmt_date(day: datetime.date, *, locale: str | None = None) -> str:
    """``Dec 2, 2026`` / ``2. Dez. 2026``."""
    code = _locale(locale)
    month = _MONTHS.get(code, _MONTHS["en"])[day.month - 1]
    return f"{day.day}. {month} {day.year}" if code == "de" else f"{month} {day.day}, {day.year}"


def fmt_time(moment: datetime.datetime | datetime.time) -> str:
    """``14:05:09``: the 24-hour clock in both locales."""
    return f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}"


def fmt_datetime(moment: datetime.datetime, *, locale: str | None = None) -> str:
    """``Dec 2, 2026, 14:05:09`` / ``2. Dez. 2026, 14:05:09`` (in the time zone it carries)."""
    return f"{fmt_date(moment.date(), locale=locale)}, {fmt_time(moment)}"
