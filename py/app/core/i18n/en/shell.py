"""The page frame: skip link, navigation, endpoint badge, page titles, units."""

from __future__ import annotations

from app.core.i18n.catalogue import Message

MESSAGES: dict[str, Message] = {
    "app.name": "Sora Renderer",
    "shell.skip": "Skip to content",
    "shell.home": "Sora Renderer home",
    "shell.nav": "Main",
    "shell.nav.new": "New Render",
    "shell.nav.queue": "Queue",
    "shell.nav.library": "Library",
    "shell.nav.settings": "Settings",
    "shell.page_title": "{view} · Sora Renderer",
    "shell.endpoint.demo_badge": "Demo",
    "shell.endpoint.simulated": "simulated",
    "shell.endpoint.demo_title": "Demo mode: {provider} is simulated at {path} on this server",
    "shell.endpoint.title": "Renders go to {provider} at {url}",
    "units.bytes": {"one": "{count} byte", "other": "{count} bytes"},
}
