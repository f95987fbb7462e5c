"""Contrast beyond axe's text rule, from computed styles: badges, tags, disabled controls and
placeholders (4.5:1), focus rings and input boundaries (3:1), in both themes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

from tests.browser.helpers import close_welcome, go

CONTRAST_JS = (Path(__file__).parent / "contrast.js").read_text()


def test_badges_disabled_controls_placeholders_and_focus_rings_contrast(demo_app: Page) -> None:
    close_welcome(demo_app)
    failures: list[str] = []
    checked = {"text": 0, "placeholder": 0, "focus": 0, "boundary": 0}
    for theme in ("dark", "light"):
        demo_app.evaluate("t => { document.documentElement.dataset.theme = t; }", theme)
        for view in ("New Render", "Queue", "Library", "Settings"):
            go(demo_app, view)
            expect(demo_app.locator("html")).to_have_attribute("data-theme", theme)
            result: dict[str, Any] = demo_app.evaluate(CONTRAST_JS)
            failures += [f"{theme} {view}: {f}" for f in result["failures"]]
            checked = {k: v + result["checked"][k] for k, v in checked.items()}
    assert all(checked.values()), checked  # every kind was found and measured
    assert sorted(set(failures)) == []
