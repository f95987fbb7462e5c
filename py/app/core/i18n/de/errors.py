"""Fehlererklärungen, Meldungen des Schlüsseltresors und der Schlüsselprüfung, Abfragehinweise, Berichte."""

from __future__ import annotations

from app.core.i18n.catalogue import Message

MESSAGES: dict[str, Message] = {
    "bundle.step.reading": "Gespeicherte Dateien werden gelesen",
    "bundle.step.writing": "Das Paket wird geschrieben",
    "bundle.step.checking": "Jede Datei des Pakets wird geprüft",
    "bundle.step.saving": "Der Import wird gespeichert",
    "bundle.step.count": "{step}: {done} von {total} ({percent} %)",
    "bundle.label.jobs": "Renderings",
    "bundle.label.assets": "Dateien",
    "bundle.label.presets": "Vorlagen",
    "bundle.label.settings": "Einstellungen",
    "bundle.count.presets": {"one": "{count} Vorlage", "other": "{count} Vorlagen"},
    "bundle.count.settings": {"one": "{count} Einstellungseintrag", "other": "{count} Einstellungseinträge"},
    "bundle.one.jobs": "Rendering",
    "bundle.one.assets": "Datei",
    "bundle.one.presets": "Vorlage",
    "bundle.one.settings": "Einstellungseintrag",
    "bundle.head.add": "fügt {what} hinzu",
    "bundle.head.merge": "führt {what} zusammen",
    "bundle.head.skip": "überspringt {what}",
    "bundle.headline": "{parts}.",
    "bundle.and": "{first} und {last}",
    "bundle.nothing": "Das Paket enthält nichts zum Importieren.",
    "bundle.quoted": "„{name}“",
    "bundle.line.add": "Hinzugefügt: {kind} {name} — {reason}",
    "bundle.line.merge": "Zusammengeführt: {kind} {name} — {reason}",
    "bundle.line.skip": "Übersprungen: {kind} {name} — {reason}",
    "errors.the_api": "die API",
    "errors.request_id": "Anfrage-ID: {request_id}",
    "errors.input": "Bitte dieses Feld prüfen",
    "errors.input.next": "Korrigieren Sie es und versuchen Sie es noch einmal.",
    "errors.401": "Ungültiger API-Schlüssel",
    "errors.401.detail": "{host} hat diesen Schlüssel abgelehnt (401): Er ist vielleicht falsch eingegeben, "
    "widerrufen oder gehört zu einem anderen Konto.",
    "errors.401.next": "Fügen Sie einen aktuellen Schlüssel aus dem Dashboard Ihres Anbieters ein und wählen Sie "
    "dann „Schlüssel prüfen“.",
    "errors.403": "Kein Zugriff",
    "errors.403.detail": "{host} hat diesen Schlüssel zurückgewiesen (403): Die Organisation ist vielleicht nicht "
    "verifiziert, oder sie hat keinen Zugriff auf dieses Modell.",
    "errors.403.next": "Verifizieren Sie die Organisation oder verwenden Sie einen Schlüssel mit Zugriff auf "
    "Videomodelle.",
    "errors.quota": "Kein Guthaben mehr",
    "errors.quota.detail": "Das Konto hinter diesem Schlüssel hat sein Kontingent aufgebraucht (insufficient_quota).",
    "errors.quota.next": "Laden Sie Guthaben auf oder erhöhen Sie das Ausgabenlimit auf der Abrechnungsseite des "
    "Anbieters, und versuchen Sie es dann noch einmal.",
    "errors.429": "Zu viele Anfragen",
    "errors.429.detail": "{host} erhält zu viele Anfragen mit diesem Schlüssel.",
    "errors.rate.wait": "Die API bittet, {seconds} s zu warten, bevor Sie es noch einmal versuchen.",
    "errors.rate.moment": "Warten Sie einen Moment und versuchen Sie es noch einmal.",
    "errors.410": "Dieser Endpunkt erzeugt keine Videos mehr",
    "errors.410.detail": "{host} hat mit 410 Gone geantwortet.",
    "errors.410.next": "Richten Sie die API-Basis-URL in den Einstellungen auf einen OpenAI-kompatiblen Endpunkt, "
    "oder probieren Sie den Demomodus.",
    "errors.404": "Nicht gefunden",
    "errors.404.detail": "{host} kennt diese Ressource nicht (404).",
    "errors.404.next": "Ist es das Modell, wählen Sie ein anderes oder prüfen Sie den Endpunkt; ist es ein Video, "
    "wurde es vielleicht gelöscht oder ist abgelaufen.",
    "errors.400": "Die API hat die Anfrage abgelehnt",
    "errors.400.field": "Die API hat die Anfrage abgelehnt ({field})",
    "errors.400.next": "Korrigieren Sie den markierten Wert und versuchen Sie es noch einmal.",
    "errors.5xx": "Die API hatte ein Problem",
    "errors.5xx.detail": "{host} hat mit {status} geantwortet: {said}",
    "errors.5xx.next": "Das ist meist vorübergehend; die App versucht es von selbst erneut. Versuchen Sie es später "
    "noch einmal, wenn es anhält.",
    "errors.status": "Die API hat mit {status} geantwortet",
    "errors.later": "Versuchen Sie es später noch einmal.",
    "errors.cors": "{who} hat einen Aufruf von dieser Webseite abgelehnt (CORS)",
    "errors.cors.detail": "Der Browser hat {who} gefragt, ob diese Seite es aufrufen darf, und die Antwort war nein: "
    "Es wurde nichts gesendet und nichts berechnet. Das ist eine Regel des Anbieterservers, kein Fehler Ihres "
    "Schlüssels oder Netzes.",
    "errors.cors.next": "Zwei Auswege: Starten Sie die App auf diesem Rechner mit `python3 serve.py --relay` und "
    "schalten Sie „Über das lokale Relay leiten“ ein (Einstellungen → der Anbieter → Erweitert), oder tragen Sie die "
    "Basis-URL eines Proxys ein, den Sie dort betreiben.",
    "errors.network": "Die API ist nicht erreichbar",
    "errors.network.timeout": "{host} hat nicht rechtzeitig geantwortet.",
    "errors.network.detail": "Keine Antwort von {host}: Dieses Gerät ist vielleicht offline, die Adresse falsch, "
    "oder der Endpunkt nimmt keine Anfragen von Webseiten an (CORS).",
    "errors.network.next": "Prüfen Sie die Verbindung und die API-Basis-URL in den Einstellungen.",
    "errors.disk_full": "Der Browserspeicher ist voll",
    "errors.disk_full.detail": "Dieser Browser hat keinen Platz mehr für die Daten von Sora Renderer; es wurde nichts "
    "gespeichert.",
    "errors.disk_full.next": "Geben Sie Platz frei: Löschen Sie Videos in der Bibliothek oder entfernen Sie "
    "fehlgeschlagene Aufträge in den Einstellungen, und versuchen Sie es dann noch einmal.",
    "errors.storage": "Speichern nicht möglich",
    "errors.storage.detail": "Der Speicher des Browsers hat den Vorgang abgelehnt: {said}",
    "errors.storage.next": "Laden Sie die Seite neu; hält es an, prüfen Sie, ob diese Seite Daten speichern darf "
    "(private Fenster dürfen es vielleicht nicht).",
    "errors.content": "Download unvollständig",
    "errors.content.next": "Die App lädt die Datei von selbst erneut herunter.",
    "errors.vault": "Schlüsseltresor",
    "errors.other": "Etwas ist schiefgegangen",
    "errors.other.next": "Versuchen Sie es noch einmal; laden Sie die Seite neu, wenn es anhält.",
    "storage.size_unknown": "unbekannt",
    "vault.error.locked": "Der Schlüsseltresor ist gesperrt. Entsperren Sie ihn zuerst mit Ihrer Passphrase.",
    "vault.error.wrong_passphrase": "Diese Passphrase stimmt nicht. Prüfen Sie sie und versuchen Sie es noch einmal.",
    "vault.error.unopenable": "Keiner der gespeicherten Schlüssel lässt sich mehr öffnen: Entfernen Sie sie und fügen "
    "Sie sie neu ein.",
    "vault.error.nothing_to_protect": "Speichern Sie zuerst einen Schlüssel: Die Passphrase schützt die gespeicherten "
    "Schlüssel.",
    "vault.error.cannot_lock": "Vom Gerät geschützte Schlüssel lassen sich nicht sperren: Der Browser würde sie von "
    "selbst wieder entsperren. Legen Sie eine Passphrase fest, um den Tresor sperren zu können.",
    "vault.error.no_key": "Für {provider} ist kein Schlüssel gespeichert. Fügen Sie einen in den Einstellungen hinzu "
    "oder schalten Sie den Demomodus ein.",
    "vault.error.changed": "Der gespeicherte Schlüssel für {provider} wurde außerhalb der App geändert; fügen Sie ihn "
    "neu ein.",
    "vault.error.damaged": "Der gespeicherte Schlüssel für {provider} ist beschädigt; fügen Sie ihn neu ein.",
    "vault.error.lost": "Dieser Browser hat den Schlüssel verloren, der Ihren {provider}-Schlüssel schützte; fügen "
    "Sie ihn neu ein.",
    "vault.error.unopened": "Der gespeicherte Schlüssel für {provider} lässt sich nicht öffnen: Fügen Sie ihn neu ein "
    "oder entfernen Sie ihn, bevor Sie ändern, wie die Schlüssel geschützt werden.",
    "vault.error.other_origin": "Ihr {provider}-Schlüssel ist für {bound} gespeichert. Bestätigen Sie in den "
    "Einstellungen, bevor er an {requested} gesendet wird.",
}
