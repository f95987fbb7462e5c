"""Which entry names are safe to import, and when two names are the same file.

A name is refused when writing it to a file system could land outside the target folder
or confuse a tool: absolute paths, ``..``, backslashes and drive letters (Windows paths),
NUL and other control characters. Names are compared the way case-insensitive,
Unicode-normalising file systems (macOS, Windows) would compare them.
"""

from __future__ import annotations

import re
import unicodedata

_DRIVE = re.compile(r"^[A-Za-z]:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def name_problem(name: str, *, max_bytes: int) -> str | None:
    """Why ``name`` is unsafe as an entry name, or ``None`` when it is fine."""
    if not name:
        return "the name is empty"
    try:
        size = len(name.encode("utf-8"))
    except UnicodeEncodeError:
        return "the name is not valid Unicode"
    if size > max_bytes:
        return f"the name is {size} bytes long; at most {max_bytes} are allowed"
    if "\x00" in name:
        return "the name contains a NUL character"
    if _CONTROL.search(name):
        return "the name contains a control character"
    if _DRIVE.match(name):
        return "the name starts with a drive letter (an absolute Windows path)"
    if name.startswith("/"):
        return "the name is an absolute path"
    if "\\" in name:
        return "the name contains a backslash (a Windows path separator)"
    segments = name.split("/")
    if name.endswith("/"):
        segments.pop()
    if ".." in segments:
        return "the name climbs out of the bundle folder (..)"
    if "" in segments or "." in segments:
        return "the name has an empty or '.' path segment"
    return None


def same_name_key(name: str) -> str:
    """Names with equal keys would be one file on a case-insensitive file system."""
    return unicodedata.normalize("NFC", name).casefold()
