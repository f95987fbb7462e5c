"""Dates and times in the viewer's own time zone and locale (Python in Pyodide runs in UTC)."""

from __future__ import annotations

from typing import Any

import js

from app.browser.ffi import js_object
from app.core.i18n import LOCALE_TAGS, active_locale


def local_date(timestamp: float) -> str:
    """``Nov 25, 2026`` in the app's language and the browser's zone.

    One ``Intl.DateTimeFormat`` serves every call: ``toLocaleDateString`` builds a new
    formatter each time, which made dates the dearest part of a library tile. Its
    ``format`` is a bound function, kept too (one crossing a date, not two).
    """
    global _date_format
    tag = LOCALE_TAGS[active_locale()]
    if _date_format is None or _date_format[0] != tag:
        _date_format = (tag, js.Intl.DateTimeFormat.new(tag, js_object(DATE)).format)
    return str(_date_format[1](timestamp * 1000))


def local_datetime(timestamp: float) -> str:
    tag = LOCALE_TAGS[active_locale()]
    return str(js.Date.new(timestamp * 1000).toLocaleString(tag, js_object({**DATE, **TIME})))


def utc_offset_s() -> int:
    """The viewer's offset from UTC now, in seconds (east positive)."""
    return -int(js.Date.new().getTimezoneOffset()) * 60


DATE = {"year": "numeric", "month": "short", "day": "numeric"}
_date_format: tuple[str, Any] | None = None  # (locale tag, an Intl.DateTimeFormat's format)
TIME = {"hour": "2-digit", "minute": "2-digit", "second": "2-digit"}
