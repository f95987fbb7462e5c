"""Inline SVG icons (decorative: hidden from assistive technology)."""

from __future__ import annotations

from app.browser.dom import Node, svg

_PATHS: dict[str, str] = {
    "film": "M4 5h16v14H4zM8 5v14M16 5v14M4 9h4M4 15h4M16 9h4M16 15h4",
    "queue": "M4 6h16M4 12h16M4 18h10",
    "library": "M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h6v6h-6z",
    "settings": (
        "M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM12 2v3M12 19v3M2 12h3M19 12h3"
        "M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1 7 17M17 7l2.1-2.1"
    ),
    "spark": "M12 3l1.8 5.2L19 10l-5.2 1.8L12 17l-1.8-5.2L5 10l5.2-1.8z",
    "key": "M15 7a4 4 0 1 1-3.9 5H7v3H4v-3H3v-3h8.1A4 4 0 0 1 15 7z",
    "play": "M8 5v14l11-7z",
    "check": "M5 12l5 5 9-10",
    "alert": "M12 3 2 21h20zM12 10v5M12 18v.5",
    "image": "M4 5h16v14H4zM8 10a1.5 1.5 0 1 0 0-.01M20 16l-5-5-8 8",
    "download": "M12 4v11M7 10l5 5 5-5M5 20h14",
    "edit": "M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4",
    "trash": "M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6",
    "close": "M6 6l12 12M18 6 6 18",
}


def icon(name: str, *, size: int = 20, class_: str = "icon") -> Node:
    """An SVG icon by name; ``aria-hidden`` because the text next to it names the action."""
    path = svg(
        "path",
        {
            "d": _PATHS[name],
            "fill": "none",
            "stroke": "currentColor",
            "stroke-width": "1.8",
            "stroke-linecap": "round",
            "stroke-linejoin": "round",
        },
    )
    return svg(
        "svg",
        {
            "viewBox": "0 0 24 24",
            "width": str(size),
            "height": str(size),
            "class": class_,
            "aria-hidden": "true",
            "focusable": "false",
        },
        path,
    )
