"""Theme and motion on the root element, and the theme name ``theme.js`` paints first."""

from __future__ import annotations

import js

from app.browser.viewport import prefers_light

THEME_KEY = "sora-theme"  # read by static/theme.js before the first frame


def resolve_theme(theme: str) -> str:
    """``dark`` or ``light``; ``system`` follows the operating system."""
    if theme != "system":
        return theme
    return "light" if prefers_light() else "dark"


def apply_look(theme: str, motion: str) -> None:
    root = js.document.documentElement
    root.dataset.theme = resolve_theme(theme)
    root.dataset.motion = motion
    js.localStorage.setItem(THEME_KEY, theme)


def forget_look() -> None:
    js.localStorage.removeItem(THEME_KEY)
