"""What a static build adds to ``index.html``: the manifest, the referrer rule, the demo bridge.

Under ``serve.py`` the page is served as it is in the repository; a static host cannot
add headers and has no simulator, so the built page carries, in its ``<head>``:

- ``<meta name="referrer" content="no-referrer">`` (kept if the page already has it): the
  rule ``serve.py`` sends as a header, so provider calls carry no page address;
- the web app manifest and an icon for home screens (the site is installable);
- ``<meta name="sora-site" content="static">``, by which the app knows it is a static
  build (it then registers ``sw.js``: ``app.browser.site``);
- the module that passes the service worker's demo requests to the in-page simulator.

Everything is inserted, nothing rewritten: all URLs in the page are relative already,
so the same page works at ``/`` and under ``/repo/``.
"""

from __future__ import annotations

import re

STATIC_MARKER = '<meta name="sora-site" content="static">'
REFERRER = '<meta name="referrer" content="no-referrer">'
ADDED = (
    '<link rel="manifest" href="manifest.webmanifest">',
    '<link rel="apple-touch-icon" href="static/icons/icon-192.png">',
    STATIC_MARKER,
    '<script type="module" src="static/js/sim-bridge.mjs"></script>',
)
_REFERRER_META = re.compile(r'<meta\s+name="referrer"\s+content="([^"]*)"\s*/?>')


class PageError(ValueError):
    """``index.html`` cannot be made into a static page (no ``</head>``, a weaker referrer rule)."""


def static_page(html: str) -> str:
    """``html`` with the static build's tags at the end of its ``<head>``."""
    if STATIC_MARKER in html:
        raise PageError("index.html is already a static build's page")
    head_end = html.find("</head>")
    if head_end < 0:
        raise PageError("index.html has no </head>")
    existing = _REFERRER_META.search(html)
    if existing is not None and existing.group(1) != "no-referrer":
        raise PageError(f'index.html sets referrer "{existing.group(1)}"; a static build needs "no-referrer"')
    lines = ([] if existing else [REFERRER]) + list(ADDED)
    added = "".join(f"  {line}\n" for line in lines)
    return html[:head_end] + added + html[head_end:]
