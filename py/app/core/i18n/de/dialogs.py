"""Dialoge und Hinweise über allen Ansichten: Sicherheit, Update-Angebot, Sperre bei Inaktivität."""

from __future__ import annotations

from app.core.i18n.catalogue import Message

MESSAGES: dict[str, Message] = {
    "safety.title": "Bevor Sie ein Video erstellen",
    "safety.rights": "Sie brauchen die Rechte an jedem Bild, das Sie hochladen, und die Erlaubnis aller Personen, "
    "die darauf zu sehen sind.",
    "safety.people": "Verlangen Sie keine realen Personen oder Personen des öffentlichen Lebens ohne deren "
    "Einwilligung; Bilder mit menschlichen Gesichtern werden abgelehnt.",
    "safety.blocked": "Von der Inhaltsrichtlinie des Anbieters blockierte Videos können trotzdem berechnet werden.",
    "safety.accept": "Verstanden, Video erstellen",
    "update.ready": "Eine neue Version von Sora Renderer ist bereit.",
    "update.running": {
        "one": "{count} Video läuft gerade: Es läuft nach dem Neuladen weiter.",
        "other": "{count} Videos laufen gerade: Sie laufen nach dem Neuladen weiter.",
    },
    "update.reload": "Jetzt neu laden",
    "update.later": "Später",
    "idle.locked": "Der Schlüsseltresor hat sich nach {minutes} ohne Aktivität selbst gesperrt. Die Abfrage "
    "Ihrer Videos pausiert, bis Sie ihn entsperren (Einstellungen, Schlüsseltresor).",
    "idle.an_hour": "einer Stunde",
    "idle.minutes": {"one": "{count} Minute", "other": "{count} Minuten"},
    "unlock.title": "API-Schlüssel entsperren",
    "unlock.text": "Ihre Schlüssel{hint} sind mit einer Passphrase geschützt. Geben Sie sie ein, um sie bei "
    "diesem Besuch zu verwenden.",
    "unlock.passphrase": "Passphrase",
    "unlock.not_now": "Nicht jetzt",
    "unlock.action": "Entsperren",
    "unlock.done": "Schlüssel für diesen Besuch entsperrt.",
}
