"""Write the first-visit snapshot of New Render into ``index.html`` (``#early-defaults``).

``static/early.js`` draws the form from it before Python runs when this browser has no
snapshot of its own yet; it comes from the same registry and the same code
(``app.core.early.snapshot``) as the snapshots the app writes, so the two never differ.
``tests/unit/test_early_page.py`` fails when the page is out of date.

    python3 -m tools.early_defaults
"""

from __future__ import annotations

import datetime
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INDEX = ROOT / "index.html"
sys.path.insert(0, str(ROOT / "py"))

from app.core.compose import Draft  # noqa: E402
from app.core.early import early_texts, snapshot  # noqa: E402
from app.core.i18n import DEFAULT_LOCALE, LOCALE_NAMES  # noqa: E402
from app.core.providers import registry  # noqa: E402

PATTERN = re.compile(r'(<script type="application/json" id="early-defaults">)(.*?)(</script>)', re.S)


def defaults_json(today: datetime.date | None = None) -> str:
    """The snapshot of a first visit, safe inside a ``<script>`` element."""
    day = today or datetime.date.today()
    data = snapshot(registry.directory(), {}, None, Draft(), day)
    # A first visit has no snapshot to say its language: early.js picks one of these by the
    # browser's languages, as the app will (i18n.resolve_locale), so the first paint is in it.
    data["translations"] = {code: early_texts(code) for code in LOCALE_NAMES if code != DEFAULT_LOCALE}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def embedded(page: str) -> str:
    found = PATTERN.search(page)
    if found is None:
        raise ValueError("index.html has no #early-defaults script element")
    return found.group(2)


def with_defaults(page: str, data: str) -> str:
    embedded(page)
    return PATTERN.sub(lambda m: m.group(1) + data + m.group(3), page, count=1)


def main() -> int:
    INDEX.write_text(with_defaults(INDEX.read_text(), defaults_json()))
    print(f"early_defaults: {INDEX.relative_to(ROOT)} updated")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
