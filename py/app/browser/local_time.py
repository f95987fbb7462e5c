"""Dates and times in the viewer's own time zone and locale (Python in Pyodide runs in UTC)."""

from __future__ import annotations

from typing import Any

import js

from app.browser.ffi import js_object


def local_date(timestamp: float) -> str:
    """``Nov 25, 2026`` in the browser's locale and zone.

    One ``Intl.DateTimeFormat`` serves every call: ``toLocaleDateString`` builds a new
    formatter each time, which made dates the dearest part of a library tile.
    """
    global _date_format
    if _date_format is None:
        _date_format = js.Intl.DateTimeFormat.new(js.undefined, js_object(DATE))
    return str(_date_format.format(timestamp * 1000))


def local_datetime(timestamp: float) -> str:
    return str(js.Date.new(timestamp * 1000).toLocaleString(js.undefined, js_object({**DATE, **TIME})))


def utc_offset_s() -> int:
    """The viewer's offset from UTC now, in seconds (east positive)."""
    return -int(js.Date.new().getTimezoneOffset()) * 60


DATE = {"year": "numeric", "month": "short", "day": "numeric"}
_date_format: Any = None
TIME = {"hour": "2-digit", "minute": "2-digit", "second": "2-digit"}
