"""Die Dienste: Hinweise zu Aufträgen, Wiederholungen der Abfrage, Download- und Importprobleme, Meldungen."""

from __future__ import annotations

from app.core.i18n.catalogue import Message

MESSAGES: dict[str, Message] = {
    # die Abfrage: warum sie vor dem nächsten Versuch wartet
    "svc.retry.rate": "Die API begrenzt die Anfragen; neuer Versuch in {when}.",
    "svc.retry.reason": "{reason}; neuer Versuch in {when}.",
    "svc.retry.seconds": "{seconds} s",
    "svc.retry.moment": "einem Moment",
    "svc.retry.network": "Keine Antwort von der API",
    "svc.retry.incomplete": "Der Download war unvollständig",
    "svc.retry.http": "Die API antwortete mit HTTP {status}",
    "svc.retry.failed": "Die Anfrage ist fehlgeschlagen",
    "svc.download.gone_early": "laut API ist die Datei weg ({said}), dabei sollte sie dort noch liegen",
    "svc.retry.download": "Das {variant} konnte nicht heruntergeladen werden ({error}); neuer Versuch.",
    # die Dateien eines Auftrags
    "svc.variant.video": "Video",
    "svc.variant.video_n": "Video {n}",
    "svc.variant.thumbnail": "Vorschaubild",
    "svc.variant.spritesheet": "Sprite-Sheet",
    # eine Datei in Bytebereichen
    "svc.fetch.disk_full": "der Speicher des Browsers ist voll",
    "svc.fetch.shorter": "die Datei auf dem Server ist kürzer als die gespeicherten Teile",
    "svc.fetch.changed": "die Datei auf dem Server hat sich geändert, seit ihre ersten Teile gespeichert wurden",
    "svc.fetch.offers": "der Server bietet {total} Bytes an, die API nannte {size}",
    "svc.fetch.again": "{why}; sie wird noch einmal von vorn geladen",
    "svc.fetch.part_status": "der Server antwortete auf einen Teil der Datei mit {status}",
    "svc.fetch.part_short": "ein Teil des Downloads ist unvollständig: {got} von {expected} Bytes",
    "svc.fetch.no_range": "ein Teil des Downloads kam ohne seinen Bytebereich",
    "svc.fetch.part_missing": "ein gespeicherter Teil des Downloads fehlt",
    "svc.fetch.parts_hold": "die gespeicherten Teile enthalten {size} von {total} Bytes",
    "svc.fetch.length": "der Download hat {size} Bytes, die API nannte {expected}",
    "svc.fetch.checksum": "die heruntergeladene Datei passt nicht zur Prüfsumme der API",
    # „Schlüssel prüfen“
    "svc.key.missing": "Der Schlüssel funktioniert, aber dieser Endpunkt bietet das Modell nicht an",
    "svc.key.missing.detail": "{host} führt „{model}“ nicht.",
    "svc.key.missing.next": "Wählen Sie ein anderes Modell, oder richten Sie die Basis-URL auf einen Endpunkt, der "
    "es anbietet.",
    "svc.key.retired": "Der Schlüssel funktioniert, aber das Modell ist abgeschaltet",
    "svc.key.retired.detail": "„{model}“ wurde am {date} abgeschaltet; Renderings schlagen fehl.{account}",
    "svc.key.retired.next": "Wählen Sie ein Modell, das noch angeboten wird.",
    "svc.key.valid": "Der Schlüssel funktioniert",
    "svc.key.valid.detail": "{host} akzeptiert ihn und bietet „{model}“ an{note}.{account}",
    "svc.key.valid.scheduled": " (Abschaltung geplant am {date})",
    # die Warteschlange
    "svc.queue.check_later": "Die API konnte für dieses Rendering noch nicht abgefragt werden ({error}); ein neuer "
    "Versuch folgt.",
    "svc.queue.key_wait": "Wartet auf Ihren API-Schlüssel: {error}",
    "svc.queue.other_tab.download": "Ein anderer Tab verfolgt die Warteschlange; laden Sie dort herunter, oder "
    "schließen Sie ihn zuerst.",
    "svc.queue.other_tab.check": "Ein anderer Tab verfolgt die Warteschlange; sehen Sie dort nach, oder schließen "
    "Sie ihn zuerst.",
    "svc.queue.no_cancel": "{provider} kann kein Rendering abbrechen: Es läuft dort weiter und wird berechnet.",
    "svc.queue.extend_source_gone": (
        "Das Video, das hier verlängert wurde, ist nicht mehr in der Bibliothek; es lässt sich nicht erneut verlängern."
    ),
    "svc.queue.not_cancelled": "{provider} hat es nicht abgebrochen ({said}); es wird weiter verfolgt.",
    "svc.queue.not_stopped": (
        "{provider} konnte es gerade nicht abbrechen ({said}); es wird weiter verfolgt, damit ein "
        "fertiges Video erhalten bleibt. Abbrechen erneut versuchen."
    ),
    "svc.reconcile.not_submitted": "Die Seite wurde geschlossen, bevor die API dieses Rendering angenommen hat, und "
    "die API kennt keinen solchen Auftrag: Nichts wurde gestartet oder berechnet. Senden Sie es mit „Erneut "
    "versuchen“.",
    "svc.reconcile.unknown": "Die Seite wurde geschlossen, während dieses Rendering gesendet wurde, und die API führt "
    "{many}, die es sein könnten; die App kann daher nicht erkennen, ob es gestartet wurde. Sehen Sie im Dashboard "
    "Ihres Anbieters nach, bevor Sie es erneut versuchen, damit Sie nicht doppelt bezahlen.",
    "svc.reconcile.several": "mehrere Renderings",
    "svc.reconcile.too_many": "zu viele Renderings",
    "svc.reconcile.unconfirmed": "Die Seite wurde geschlossen, während dieses Rendering gesendet wurde, und bei "
    "{provider} lassen sich Renderings nicht nachschlagen; die App kann daher nicht erkennen, ob es angekommen ist. "
    "Prüfen Sie Ihre Aktivität bei {provider}, bevor Sie es erneut senden: „Erneut versuchen“ kann doppelt "
    "berechnet werden.",
    "svc.reconcile.found": "Dieses Rendering wurde nach der Unterbrechung bei der API gefunden; es wird verfolgt.",
    # was von der Abfrage kommt
    "svc.inbox.store_failed": "Die Dateien konnten nicht gespeichert werden ({error}). Geben Sie unter "
    "Einstellungen → Speicher Platz frei und drücken Sie dann „Download fortsetzen“.",
    "svc.inbox.paused": "Das Rendering ist fertig, aber sein {variant} konnte nicht heruntergeladen werden "
    "({reason}). Nichts geht verloren und nichts wird erneut berechnet: Drücken Sie „Jetzt herunterladen“, um es "
    "noch einmal zu versuchen.",
    "svc.inbox.skipped": "Kein {variant} von diesem Endpunkt ({reason}).",
    "svc.inbox.parts_kept": "Der Download konnte nicht gespeichert werden ({reason}). Die bisher gespeicherten Teile "
    "bleiben erhalten; setzen Sie ihn später fort.",
    "svc.inbox.no_video": "Die Videodatei konnte nicht gespeichert werden.",
    # die Bibliothek
    "svc.library.gone": "Dieses Video ist nicht mehr in der Bibliothek.",
    "svc.library.remix.empty": "Beschreiben Sie die gewünschte Änderung.",
    "svc.library.remix.none": "{provider} kann dieses Video nicht remixen.",
    "svc.library.extend.none": "{provider} kann dieses Video nicht verlängern.",
    "svc.clip.extend": "{provider} setzt seine eigenen Videos fort: Verwenden Sie „Verlängern“.",
    "svc.clip.unfinished": "Nur ein fertiges Video kann fortgesetzt werden.",
    "svc.clip.no_file": "Die Videodatei ist nicht mehr in diesem Browser gespeichert.",
    "svc.clip.unreadable": "Dieses Video konnte nicht gelesen werden, um sein letztes Bild zu entnehmen.",
    "svc.video.not_stored": "Die Videodatei dieses Renderings ist nicht in diesem Browser gespeichert.",
    "svc.image.gone": "Ein Referenzbild dieses Renderings ist nicht mehr gespeichert; hängen Sie es erneut an.",
    # Pakete
    "svc.import.locked": "Entsperren Sie zuerst Ihren Schlüsseltresor (Einstellungen → Schlüsseltresor): Importierte "
    "Schlüssel werden so gespeichert wie Ihre anderen Schlüssel.",
    "svc.import.stored_keys": {
        "one": " {count} API-Schlüssel gespeichert.",
        "other": " {count} API-Schlüssel gespeichert.",
    },
    "svc.import.no_keys": "Dieses Paket enthält keine API-Schlüssel.",
    "svc.import.key.none_here": "hier ist dafür kein Schlüssel gespeichert",
    "svc.import.key.damaged": "ersetzt den beschädigten Schlüssel, der hier gespeichert ist",
    "svc.import.key.kept": "hier ist schon ein Schlüssel gespeichert (Ihrer bleibt erhalten)",
    "svc.export.locked": "Entsperren Sie zuerst den Schlüsseltresor (Einstellungen → Schlüsseltresor): Gesperrte "
    "Schlüssel können nicht exportiert werden.",
    "svc.export.no_keys": "In diesem Browser ist kein API-Schlüssel gespeichert, also kann keiner aufgenommen werden.",
    "svc.export.file_gone": "seine Datei ist während des Exports verschwunden",
    "svc.export.short_read": "seine gespeicherte Datei konnte nicht bis zum Ende gelesen werden",
    "svc.backup.busy": "Ein Export oder Import läuft bereits: Warten Sie, bis er fertig ist.",
    # Schlüssel, Tresor und Vorlagen
    "svc.passphrase.short": "Verwenden Sie eine Passphrase mit mindestens {min} Zeichen.",
    "svc.sign_in.none": "{provider} bietet keine Anmeldung an: Fügen Sie stattdessen einen Schlüssel ein.",
    "svc.sign_in.not_waiting": "In diesem Tab wartet keine Anmeldung: Starten Sie sie in den Einstellungen neu.",
    "svc.preset.gone": "Diese Vorlage gibt es nicht mehr (in einem anderen Tab gelöscht?).",
    "svc.preset.exists": "Eine Vorlage namens „{name}“ gibt es bereits.",
    "svc.provider.unknown": "Diese App kennt diesen Anbieter nicht.",
    "svc.compose.refused": "Der Anbieter hat diese Anfrage abgelehnt: {said}",
    # die Seite
    "svc.page.failed": "Etwas ist schiefgegangen: {error}",
    "svc.page.signed_in": "Angemeldet: Ihr {provider}-Schlüssel ist verschlüsselt in diesem Browser gespeichert.",
    "svc.page.no_site_worker": "Demomodus und Offline-Start sind nicht verfügbar: {error}. Renderings mit Ihrem "
    "eigenen Schlüssel funktionieren weiterhin.",
    "svc.page.no_start": "Die App konnte nicht starten: {error}",
}
