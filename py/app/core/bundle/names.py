"""Which entry names are safe to import, and when two names are the same file.

A name is refused when writing it to a file system could land outside the target folder
or confuse a tool: absolute paths, ``..``, backslashes and drive letters (Windows paths),
NUL and other control characters. Names are compared the way case-insensitive,
Unicode-normalising file systems (macOS, Windows) would compare them.
"""

from __future__ import annotations

import re
import unicodedata

from app.core.i18n import tr

_DRIVE = re.compile(r"^[A-Za-z]:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def name_problem(name: str, *, max_bytes: int) -> str | None:
    """Why ``name`` is unsafe as an entry name, or ``None`` when it is fine."""
    if not name:
        return tr("bchk.name.empty")
    try:
        size = len(name.encode("utf-8"))
    except UnicodeEncodeError:
        return tr("bchk.name.unicode")
    if size > max_bytes:
        return tr("bchk.name.long", size=str(size), limit=str(max_bytes))
    if "\x00" in name:
        return tr("bchk.name.nul")
    if _CONTROL.search(name):
        return tr("bchk.name.control")
    if _DRIVE.match(name):
        return tr("bchk.name.drive")
    if name.startswith("/"):
        return tr("bchk.name.absolute")
    if "\\" in name:
        return tr("bchk.name.backslash")
    segments = name.split("/")
    if name.endswith("/"):
        segments.pop()
    if ".." in segments:
        return tr("bchk.name.climbs")
    if "" in segments or "." in segments:
        return tr("bchk.name.segment")
    return None


def same_name_key(name: str) -> str:
    """Names with equal keys would be one file on a case-insensitive file system."""
    return unicodedata.normalize("NFC", name).casefold()
