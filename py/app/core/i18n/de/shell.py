"""Der Seitenrahmen: Sprunglink, Navigation, Endpunkt-Anzeige, Seitentitel, Einheiten."""

from __future__ import annotations

from app.core.i18n.catalogue import Message

MESSAGES: dict[str, Message] = {
    "app.name": "Sora Renderer",
    "shell.skip": "Zum Inhalt springen",
    "shell.home": "Sora Renderer – Startseite",
    "shell.nav": "Hauptnavigation",
    "shell.nav.new": "Neues Video",
    "shell.nav.queue": "Warteschlange",
    "shell.nav.library": "Bibliothek",
    "shell.nav.settings": "Einstellungen",
    "shell.page_title": "{view} · Sora Renderer",
    "shell.endpoint.demo_badge": "Demo",
    "shell.endpoint.simulated": "simuliert",
    "shell.endpoint.demo_title": "Demomodus: {provider} wird unter {path} auf diesem Server simuliert",
    "shell.endpoint.title": "Videos werden bei {provider} unter {url} erstellt",
    "units.bytes": {"one": "{count} Byte", "other": "{count} Bytes"},
}
