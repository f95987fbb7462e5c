"""Security headers on every answer, and the page's Content-Security-Policy as a header.

``index.html`` carries its policy in a ``<meta>`` tag so that a static host that sets no
headers still enforces it. A meta policy cannot forbid framing (``frame-ancestors`` is
ignored there), so the header version adds it, and ``X-Frame-Options`` covers browsers
that predate it. Everything else (files, simulator and relay answers) gets the framing
rule alone: a page policy on a script or JSON answer would only confuse.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

FRAME_ANCESTORS = "frame-ancestors 'none'"
# Always sent, whatever answers; the relay drops an upstream's copies of these names.
FIXED_HEADERS = (
    ("X-Frame-Options", "DENY"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
)
OWNED_NAMES = frozenset(name.lower() for name, _ in FIXED_HEADERS)

_CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"')


@lru_cache(maxsize=4)
def content_security_policy(index: Path, index_mtime: float) -> str:
    """The policy of ``index.html``'s ``<meta>`` tag (one copy, read again when it changes)."""
    del index_mtime  # cache key only
    match = _CSP_META.search(index.read_text(encoding="utf-8"))
    if match is None:
        raise RuntimeError(f"{index} has no Content-Security-Policy <meta> tag")
    return match.group(1)


def header_policy(page_policy: str) -> str:
    """The page's policy plus the framing rule only a header can carry."""
    if "frame-ancestors" in page_policy:
        return page_policy
    return f"{page_policy.rstrip('; ')}; {FRAME_ANCESTORS}"


def security_headers(page_policy: str | None) -> list[tuple[str, str]]:
    """Headers for one answer; ``page_policy`` for the HTML page, ``None`` for the rest."""
    policy = FRAME_ANCESTORS if page_policy is None else header_policy(page_policy)
    return [("Content-Security-Policy", policy), *FIXED_HEADERS]
