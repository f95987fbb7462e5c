"""Die Ansichten Warteschlange und Bibliothek."""

from __future__ import annotations

from app.core.i18n.catalogue import Message

MESSAGES: dict[str, Message] = {
    "queue.lead": "Laufende und kürzlich fertige Videos, auch nach dem Neuladen noch da.",
    "queue.in_progress": "In Arbeit",
    "queue.finished": "Fertig",
    "queue.show_archived": "Archivierte zeigen",
    "queue.show_archived_n": "Archivierte zeigen ({count})",
    "queue.hide_archived_n": "Archivierte ausblenden ({count})",
    "queue.empty.title": "Noch keine Videos",
    "queue.empty.text": "Sobald Sie ein Video starten, erscheint es hier mit Fortschritt, geschätzten Kosten "
    "und Ergebnis.",
    "queue.empty.action": "Video starten",
    "queue.following": "Ein anderer geöffneter Tab verfolgt Ihre Videos; dieser zeigt, was er speichert.",
    "queue.no_cancel": "{provider} kann ein gesendetes Video nicht abbrechen: Es läuft bis zum Ende und wird "
    "berechnet.",
    "queue.offline": "Sie sind offline: Die Abfrage pausiert und läuft weiter, sobald die Verbindung zurück ist.",
    "queue.poller_failed": "Ihre Videos können in diesem Tab nicht abgefragt werden: Der Hintergrundabruf ist "
    "nicht gestartet ({error}). Nichts geht verloren; laden Sie die Seite neu, um es erneut zu versuchen.",
    "queue.poller_slow": "Die Abfrage Ihrer Videos verzögert sich: Der Hintergrundabruf braucht länger als üblich "
    "zum Starten. Ihre Aufträge sind gespeichert; ihr Status wird aktualisiert, sobald er läuft.",
    "queue.poller_retrying": "Die Abfrage Ihrer Videos verzögert sich: Der Hintergrundabruf ist nicht gestartet "
    "({error}). Neuer Versuch ({attempt} von {attempts}) … Ihre Aufträge sind gespeichert, nichts wird doppelt "
    "gesendet.",
    "queue.retry_blocked.title": "Denselben Prompt erneut senden?",
    "queue.retry_blocked.text": "Der Anbieter hat diesen Prompt wegen seiner Inhaltsrichtlinie blockiert. "
    "Unverändert erneut gesendet, wird er sehr wahrscheinlich wieder blockiert, und blockierte Videos können "
    "berechnet werden. Bearbeiten Sie ihn zuerst mit „Bearbeiten und erneut versuchen“.",
    "queue.retry_unconfirmed.title": "Dieses Video erneut senden?",
    "queue.retry_unconfirmed.text": "Die App kann nicht erkennen, ob der Anbieter es beim ersten Mal erhalten hat. "
    "Falls ja, entsteht es beim erneuten Senden zweimal, und Sie zahlen zweimal. Prüfen Sie zuerst die "
    "Aktivitätsseite Ihres Anbieters.",
    "queue.send_again": "Erneut senden",
    "library.lead": "Ihre fertigen Videos, gespeichert in diesem Browser.",
    "library.select_all": "Alle auswählen",
    "library.count": {"one": "{count} Video", "other": "{count} Videos"},
    "library.count_of": {"one": "{count} Video von {total}", "other": "{count} Videos von {total}"},
    "library.empty.title": "Ihre Bibliothek ist leer",
    "library.empty.text": "Fertige Videos werden hier gespeichert, in diesem Browser, mit Vorschaubildern und Dateien.",
    "library.empty.action": "Erstes Video erstellen",
    "library.no_match.title": "Keine passenden Videos",
    "library.no_match.text": "Versuchen Sie andere Wörter oder weniger Filter.",
    "library.clear_filters": "Filter zurücksetzen",
    "library.rename.title": "Video umbenennen",
    "library.rename.label": "Titel",
    "library.rename.action": "Umbenennen",
    "card.action.cancel": "Abbrechen",
    "card.action.download": "Jetzt herunterladen",
    "card.action.resume": "Download fortsetzen",
    "card.action.retry": "Erneut versuchen",
    "card.action.retry-blocked": "Unverändert erneut versuchen",
    "card.action.retry-unconfirmed": "Erneut senden",
    "card.action.check": "Erneut nachsehen",
    "card.action.edit": "Bearbeiten und erneut versuchen",
    "card.action.play": "Abspielen",
    "card.action.open": "In der Bibliothek öffnen",
    "card.action.archive": "Archivieren",
    "card.action.unarchive": "Aus dem Archiv holen",
    "card.action.remove": "Entfernen",
    "card.code": "Code:",
    "card.request_id": "Anfrage-ID:",
    "card.video": "Video: {title}",
}
