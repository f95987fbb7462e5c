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
    "welcome.title": "Willkommen bei Sora Renderer",
    "welcome.lead": "Erstellen Sie Videos aus Text oder Bildern, sehen Sie zuerst den Preis und behalten Sie "
    "jedes Ergebnis in diesem Browser. Ihre Schlüssel und Videos verlassen dieses Gerät nur zu der API, die Sie "
    "wählen.",
    "welcome.demo": "Demomodus ausprobieren",
    "welcome.sign_in": "Mit {provider} anmelden",
    "welcome.key": "API-Schlüssel einfügen",
    "welcome.note": "Der Demomodus simuliert jeden Anbieter in dieser App: kein Schlüssel, keine Kosten, echte "
    "abspielbare Videos. Schlüssel werden in diesem Browser verschlüsselt: {providers}.",
    "welcome.key_dialog.title": "API-Schlüssel einfügen",
    "welcome.key_dialog.text": "Er wird mit einem Schlüssel verschlüsselt, der diesen Browser nie verlässt, und "
    "nur an den Anbieter gesendet, für den er bestimmt ist. Endpunkte und eine optionale Passphrase finden Sie "
    "unter Einstellungen.",
    "welcome.key_saved": "Schlüssel gespeichert und in diesem Browser verschlüsselt.",
    "import.title": "Dieses Paket importieren?",
    "import.facts": "{name}: {size}, erstellt am {made} von Sora Renderer {version}, enthält {holding}. Jede Datei "
    "wurde geprüft und ist unversehrt.",
    "import.scope.everything": "alles",
    "import.scope.selection": "eine Auswahl aus der Bibliothek",
    "import.settings": "Meine Einstellungen durch die des Pakets ersetzen",
    "import.settings.hint": "Aus: Ihre Einstellungen bleiben, wie sie sind. Ihre Schlüssel bleiben in jedem Fall an "
    "ihre Endpunkte gebunden.",
    "import.table": "Was der Import bewirkt",
    "import.col.what": "Was",
    "import.col.added": "Hinzugefügt",
    "import.col.merged": "Zusammengeführt",
    "import.col.skipped": "Übersprungen",
    "import.details": {
        "one": "Details: {count} Eintrag und warum",
        "other": "Details: {count} Einträge und warum",
    },
    "import.go": "Importieren",
    "import.nothing": "Nichts zu importieren",
    "import.keys": "API-Schlüssel",
    "import.keys.table": "Die API-Schlüssel des Pakets",
    "import.col.bound_to": "Gebunden an",
    "import.col.result": "Ergebnis",
    "import.col.why": "Warum",
    "import.key.added": "hinzugefügt",
    "import.key.skipped": "übersprungen",
    "import.passphrase": "Die Passphrase des Pakets",
    "import.passphrase.hint": "Das Paket enthält verschlüsselte API-Schlüssel. Entsperren Sie sie, um sie ebenfalls "
    "zu importieren; ohne Passphrase bleiben sie draußen.",
    "import.unlock": "Schlüssel entsperren",
    "import.unlocked": {
        "one": "{count} API-Schlüssel entsperrt.",
        "other": "{count} API-Schlüssel entsperrt.",
    },
    "import.failed": "Nichts wurde importiert: {detail}",
    "import.done": "{name} importiert. {outcome}",
}
