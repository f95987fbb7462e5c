"""Reduced motion, from the OS (media emulation) and from Settings: nothing moves, on every
element; with full motion (or the OS not asking) the transitions and animations are there."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import close_welcome, go

# Every element (and its pseudo-elements) that would move: a duration above 0 s with
# something to run (a named animation, a transitioned property).
MOVING_JS = """() => {
    const moving = [];
    const long = (durations) => durations.split(',').some(d => parseFloat(d) > 0);
    for (const el of document.querySelectorAll('*')) {
        for (const pseudo of [null, '::before', '::after']) {
            const s = getComputedStyle(el, pseudo);
            const animated = s.animationName !== 'none' && long(s.animationDuration);
            const transitioned = s.transitionProperty !== 'none' && long(s.transitionDuration);
            if (animated || transitioned) moving.push(el.tagName.toLowerCase() + '.' + el.className + (pseudo || ''));
        }
    }
    return moving;
}"""


def set_motion(page: Page, value: str) -> None:
    go(page, "Settings")
    page.locator("select[name=reduced_motion]").select_option(value)
    expect(page.locator("html")).to_have_attribute("data-motion", value)


def moving(page: Page) -> list[str]:
    found: list[str] = page.evaluate(MOVING_JS)
    return found


@pytest.mark.parametrize(
    ("os_motion", "setting", "still"),
    [
        ("reduce", "system", True),
        ("no-preference", "reduce", True),
        ("no-preference", "system", False),
        ("reduce", "full", False),
    ],
)
def test_reduced_motion_stops_every_transition_and_animation(
    demo_app: Page, os_motion: str, setting: str, still: bool
) -> None:
    demo_app.emulate_media(reduced_motion=os_motion)  # type: ignore[arg-type]
    close_welcome(demo_app)
    set_motion(demo_app, setting)
    for view in ("New Render", "Queue", "Library", "Settings"):
        go(demo_app, view)
        found = moving(demo_app)
        if still:
            assert found == [], view
        else:
            assert any(name.startswith("a.") for name in found), view  # the nav links fade their colour
