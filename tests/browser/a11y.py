"""axe-core in the page (vendored, same origin), for accessibility checks."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page

AXE_URL = "vendor/axe/axe.min.js"


def axe_violations(page: Page, *, context: str = "body") -> list[dict[str, Any]]:
    """Run axe on ``context``; returns its violations (WCAG 2.x A/AA rules)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(url=AXE_URL)
    result: dict[str, Any] = page.evaluate(
        """async (context) => await axe.run(context, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']},
        })""",
        context,
    )
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]
