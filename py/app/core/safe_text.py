"""Text from users and APIs, shown as written minus what could make it lie about itself.

A prompt, a title or an API error message can carry invisible characters that change how
the text around them reads: a right-to-left override (U+202E) turns ``invoice_fdp.mp4``
into what looks like ``invoice_4pm.pdf``, an isolate or embedding reorders a sentence,
a NUL or escape cuts or hides a part. :func:`shown` drops them; the DOM layer applies it to
every text node and attribute it writes, so no view can forget it. Letters of every script
stay, and so do the marks that only nudge punctuation (LRM, RLM, ALM) and the joiners that
build emoji; a view that shows a whole user string also gives it ``dir="auto"`` so text in a
right-to-left script is isolated from the app's own words around it.
"""

from __future__ import annotations

import re

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Embeddings, overrides, their terminator and the isolates: they reorder what follows."""

LINE_BREAKS = {"\u2028": "\n", "\u2029": "\n", "\r\n": "\n", "\r": "\n", "\x85": "\n"}
"""Line breaks in other spellings become a plain ``\\n`` (kept, not stripped)."""

_UNSAFE = re.compile(
    "\r\n|[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufff9-\ufffb\u2028\u2029]"
)  # C0 and C1 controls but tab and newline, bidi controls, interlinear annotations, odd line breaks
_NOT_FILE_SAFE = re.compile(r"[^a-z0-9]+")


def _replacement(match: re.Match[str]) -> str:
    return LINE_BREAKS.get(match.group(0), "")


def shown(text: str) -> str:
    """``text`` without control characters and bidi overrides; line breaks normalised."""
    if text.isascii() and text.isprintable():  # the common case, checked without the pattern
        return text
    return _UNSAFE.sub(_replacement, text)


def is_clean(text: str) -> bool:
    """Whether :func:`shown` would leave ``text`` as it is."""
    return _UNSAFE.search(text) is None


def file_part(text: str, limit: int = 40) -> str:
    """A piece of a file name: lower-case letters and digits joined by ``-``, at most ``limit``.

    Stricter than :func:`shown`: a file name outlives the page (it is read by other programs
    and people), so only plain ASCII survives; an empty result means nothing was usable.
    """
    return _NOT_FILE_SAFE.sub("-", text.lower()).strip("-")[:limit].rstrip("-")
