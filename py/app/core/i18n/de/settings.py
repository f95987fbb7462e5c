"""Die Ansicht Einstellungen und ihre Vorlieben."""

from __future__ import annotations

from app.core.i18n.catalogue import Message

MESSAGES: dict[str, Message] = {
    "settings.lead": "Ihre Anbieter, Schlüssel und Vorlieben. Alles bleibt in diesem Browser.",
    "settings.providers": "Anbieter",
    "prefs.rendering": "Erstellen",
    "prefs.appearance": "Darstellung",
    "prefs.poll.label": "Abfrageintervall (ms)",
    "prefs.poll.hint": "Wie oft laufende Aufträge anfangs abgefragt werden ({low}–{high} ms). Unveränderte "
    "Aufträge werden seltener abgefragt, höchstens alle 30 s.",
    "prefs.poll.error": "Geben Sie eine ganze Zahl an Millisekunden von {low} bis {high} ein.",
    "prefs.auto.label": "Ergebnisse automatisch herunterladen",
    "prefs.auto.hint": "Jedes fertige Video sofort in diesem Browser speichern (Ergebnisse verfallen bei der "
    "API nach etwa einer Stunde).",
    "prefs.notify.label": "Benachrichtigen, wenn ein Video fertig ist",
    "prefs.notify.hint": "Eine Browser-Benachrichtigung, wenn der Tab im Hintergrund ist.",
    "prefs.notify.denied": "Dieser Browser blockiert Benachrichtigungen für diese Seite; die Warteschlange "
    "meldet fertige Videos trotzdem.",
    "prefs.notify.unsupported": "Dieser Browser kennt keine Benachrichtigungen; die Warteschlange meldet fertige "
    "Videos trotzdem.",
    "prefs.advanced.label": "Erweiterte Einstellungen zeigen",
    "prefs.advanced.hint": "Modell-Snapshots und eigene Modell-IDs unter „Neues Video“.",
    "prefs.theme": "Farbschema",
    "prefs.theme.dark": "Dunkel",
    "prefs.theme.light": "Hell",
    "prefs.theme.system": "Wie das System",
    "prefs.motion": "Bewegung",
    "prefs.motion.system": "Systemeinstellung folgen",
    "prefs.motion.reduce": "Bewegung reduzieren",
    "prefs.motion.full": "Volle Bewegung",
    "prefs.language": "Sprache",
    "prefs.language.browser": "Wie der Browser",
    "storage.title": "Speicher",
    "storage.lead": "Videos, Bilder und Einträge liegen im Speicher dieses Browsers für diese Seite. Browser "
    "können nicht dauerhaften Speicher leeren, wenn der Platz knapp wird.",
    "storage.clean_up": "Aufräumen",
    "storage.purge": "Fehlgeschlagene Aufträge entfernen",
    "storage.thumbnails": "Alle Vorschaubilder löschen",
    "storage.reset": "App vollständig zurücksetzen",
    "storage.unknown": "unbekannt",
    "storage.of_quota": "{used} von {quota}, die dieser Seite zur Verfügung stehen",
    "storage.videos": "Videos",
    "storage.images": "Bilder",
    "storage.thumbs": "Vorschaubilder",
    "storage.total": "Gesamt (Einträge dieser App)",
    "storage.browser": "Schätzung des Browsers",
    "storage.persist.request": "Dauerhaften Speicher anfordern",
    "storage.persist.granted": "Dauerhafter Speicher: gewährt – der Browser leert ihn nicht von sich aus.",
    "storage.persist.not": "Dauerhafter Speicher: nicht gewährt – der Browser kann Daten bei Platzmangel löschen.",
    "storage.persist.toast_yes": "Dauerhafter Speicher gewährt.",
    "storage.persist.toast_no": "Der Browser hat keinen dauerhaften Speicher gewährt.",
    "storage.purged": {
        "one": "{count} fehlgeschlagener Auftrag entfernt.",
        "other": "{count} fehlgeschlagene Aufträge entfernt.",
    },
    "storage.purged_none": "Keine fehlgeschlagenen Aufträge zu entfernen.",
    "storage.thumbs_deleted": {
        "one": "{count} Vorschaubild gelöscht. Die Bibliothek erzeugt es neu aus dem Video, sobald sie es zeigt.",
        "other": "{count} Vorschaubilder gelöscht. Die Bibliothek erzeugt sie neu aus den Videos, sobald sie sie "
        "zeigt.",
    },
    "storage.reset.type": "Geben Sie zur Bestätigung {word} ein",
    "storage.reset.go": "Alles löschen",
    "storage.reset.title": "Sora Renderer vollständig zurücksetzen?",
    "storage.reset.text": "Damit wird alles gelöscht, was diese App in diesem Browser speichert: der API-Schlüssel, "
    "die Einstellungen, die Aufträge und jedes Video und Bild der Bibliothek. Das lässt sich nicht rückgängig "
    "machen.",
    "common.cancel": "Abbrechen",
    "common.close": "Schließen",
    "demo.title": "Ohne Schlüssel ausprobieren",
    "demo.label": "Demomodus",
    "demo.hint": "Die simulierte API jedes Anbieters, in diese App eingebaut: kein Schlüssel, keine Kosten, echte "
    "abspielbare Videos.",
    "prices.title": "Preise",
    "prices.source": "{source}, Stand {date}",
    "prices.none": "keine veröffentlichten Preise",
    "prices.lead": "{provider}: {sources}. Die Schätzungen folgen diesen Regeln. Wiederholungen sind nicht "
    "enthalten, und von der Inhaltsrichtlinie blockierte Videos können trotzdem berechnet werden.",
    "prices.caption": "Preise der Modelle von {provider}",
    "prices.model": "Modell",
    "prices.price": "Preis",
    "key.save": "Schlüssel speichern",
    "key.label": "API-Schlüssel für {provider}",
    "key.hint": "Fügen Sie den Schlüssel genau so ein, wie {provider} ihn anzeigt.",
    "key.get_one": "Einen erhalten Sie unter {url}.",
    "key.safe": "Schützen Sie Ihre Schlüssel.",
    "key.security": "Jede Web-App, die einen API-Schlüssel hält, ist gefährdet, wenn dieses Gerät oder dieser "
    "Browser kompromittiert ist (Schadsoftware, eine feindliche Erweiterung, jemand mit Zugriff auf dieses "
    "Profil). Jeder Schlüssel wird in diesem Browser verschlüsselt und nur an den Endpunkt gesendet, für den er "
    "gespeichert wurde. Verwenden Sie am besten einen Schlüssel mit Ausgabenlimit, und löschen Sie ihn, wenn Sie "
    "fertig sind.",
    "export.renders": {"one": "{count} Rendering", "other": "{count} Renderings"},
    "export.files": {"one": "{count} Datei", "other": "{count} Dateien"},
    "export.keys": {
        "one": ", {count} API-Schlüssel (verschlüsselt)",
        "other": ", {count} API-Schlüssel (verschlüsselt)",
    },
    "export.done": "{renders}, {files}{keys} nach {name} exportiert ({size}).",
    "export.missing": {
        "one": " Nicht mehr in diesem Browser gespeichert und daher nicht enthalten: {count} Datei.",
        "other": " Nicht mehr in diesem Browser gespeichert und daher nicht enthalten: {count} Dateien.",
    },
    "export.unreadable": {
        "one": " Ausgelassene unlesbare Einträge: {count}.",
        "other": " Ausgelassene unlesbare Einträge: {count}.",
    },
    "export.not_finished": "Der Export wurde nicht abgeschlossen; es wurde kein Paket gespeichert.",
    "export.cancelled": "Export abgebrochen: Es wurde nichts gespeichert.",
    "export.saved_as": "Paket gespeichert als {name}",
    "backup.title": "Sicherung",
    "backup.lead": "Eine ZIP-Datei mit allem, was diese App in diesem Browser aufbewahrt: Einstellungen, jedes "
    "Rendering mit seiner Anfrage, die Titel, Tags und Ordner der Bibliothek, Vorlagen sowie jedes gespeicherte Video "
    "und Bild. Importieren Sie sie hier nach einem Zurücksetzen oder in einem anderen Browser. Die Ausgabenübersicht "
    "ergibt sich aus den Renderings.",
    "backup.keys": "Meine API-Schlüssel einschließen, mit einer Passphrase verschlüsselt",
    "backup.keys.hint": "Ohne diese Option verlässt kein Schlüssel diesen Browser. Mit ihr werden die Schlüssel "
    "verschlüsselt (AES-GCM, mit einem Schlüssel, der per PBKDF2-SHA-256 mit 600.000 Runden aus Ihrer Passphrase "
    "abgeleitet wird) und nie im Klartext geschrieben.",
    "backup.passphrase": "Passphrase für die Schlüssel",
    "backup.passphrase.hint": "Mindestens 8 Zeichen. Beim Importieren der Schlüssel wird sie abgefragt; sie wird "
    "nirgends gespeichert.",
    "backup.passphrase.repeat": "Passphrase der Sicherung wiederholen",
    "backup.passphrase.mismatch": "Die beiden Passphrasen stimmen nicht überein.",
    "backup.export": "Export",
    "backup.export.go": "Alles exportieren…",
    "backup.export.not_started": "Der Export wurde nicht gestartet.",
    "backup.import": "Import",
    "backup.import.go": "Ein Paket importieren…",
    "backup.import.lead": "Das ganze Paket wird geprüft, bevor etwas geschrieben wird; Sie sehen, was es hinzufügt, "
    "zusammenführt und überspringt, und dann wird es auf einmal geschrieben oder gar nicht.",
    "backup.file": "Paketdatei",
    "backup.more": "…und {count} weitere.",
    "backup.refused": "„{name}“ kann nicht importiert werden. Es wurde nichts geändert.",
    "backup.refused.said": {
        "one": "{name} kann nicht importiert werden: {count} Problem gefunden. Es wurde nichts geändert.",
        "other": "{name} kann nicht importiert werden: {count} Probleme gefunden. Es wurde nichts geändert.",
    },
    "backup.unreadable": "„{name}“ konnte nicht gelesen werden. Es wurde nichts geändert.",
    "provider.use": "{provider} verwenden",
    "provider.in_use": "In Verwendung",
    "provider.key_saved": "Schlüssel gespeichert und verschlüsselt.",
    "provider.sign_in.hint": "Damit erhält diese App einen Schlüssel Ihres Kontos; dort können Sie seine Ausgaben "
    "begrenzen. Oder fügen Sie einen Schlüssel ein:",
    "provider.reveal": "Schlüssel anzeigen",
    "provider.hide": "Schlüssel verbergen",
    "provider.copy": "Schlüssel kopieren",
    "provider.copied": "Schlüssel in die Zwischenablage kopiert.",
    "provider.validate": "Schlüssel prüfen",
    "provider.validating": "Wird geprüft…",
    "provider.request_id": "Anfrage-ID: {id}",
    "provider.wipe": "Schlüssel löschen",
    "provider.wipe.title": "Den {provider}-Schlüssel löschen?",
    "provider.wipe.text": "Der verschlüsselte Schlüssel wird aus diesem Browser gelöscht. Aufträge und Videos "
    "bleiben. Sie können jederzeit wieder einen Schlüssel hinzufügen.",
    "provider.wiped": "{provider}-Schlüssel aus diesem Browser gelöscht.",
    "provider.advanced": "Erweitert: Endpunkt",
    "provider.base_url": "Basis-URL",
    "provider.base_url.hint": "Die eigene von {provider}: {url}. Ändern Sie sie nur für einen Proxy oder ein Gateway, "
    "das Sie betreiben oder dem Sie vertrauen; lassen Sie sie leer für die eigene des Anbieters.",
    "provider.save_endpoint": "Endpunkt speichern",
    "provider.relay": "Über das lokale Relay leiten (serve.py --relay)",
    "provider.url_saved": "Gespeichert. Der Demo-Modus ist aus: Aufrufe gehen jetzt an diesen Endpunkt.",
    "provider.moved": "Gespeichert. Ihr {provider}-Schlüssel geht jetzt an {new}.",
    "provider.kept": "Gespeichert. Ihr Schlüssel bleibt für {old}: Fügen Sie einen Schlüssel für {new} hinzu.",
    "provider.move.title": "Ihren {provider}-Schlüssel an {new} senden?",
    "provider.move.text": "Ihr {provider}-Schlüssel ist für {old} gespeichert. Mit dieser Basis-URL ginge jede "
    "Anfrage samt Schlüssel an {new}. Tun Sie das nur für einen Proxy oder ein Gateway, das Sie betreiben oder dem "
    "Sie vertrauen.",
    "provider.move.keep": "Den Schlüssel für {old} behalten",
    "provider.move.go": "An {new} senden",
    "provider.no_key": "Kein Schlüssel gespeichert.",
    "provider.no_key.demo": "Kein Schlüssel gespeichert. Der Demo-Modus braucht keinen.",
    "provider.damaged": "Der gespeicherte Schlüssel ist nicht verwendbar; fügen Sie ihn erneut ein.",
    "provider.where": " für {origin}",
    "provider.saved.locked": "Gespeichert{where}: {hint} · gesperrt (Passphrase). Entsperren Sie den "
    "Schlüsseltresor, um ihn zu verwenden.",
    "provider.saved": "Gespeichert{where}: {hint} · verschlüsselt mit {protection}.",
    "provider.by_passphrase": "Ihrer Passphrase",
    "provider.by_browser": "einem Schlüssel, den dieser Browser verwahrt",
    "vault.title": "Schlüsseltresor",
    "vault.lock_now": "Jetzt sperren",
    "vault.lock": "Den Tresor sperren",
    "vault.lock.manual": "Nur wenn ich ihn sperre",
    "vault.lock.minutes": {"one": "Nach {count} Minute Inaktivität", "other": "Nach {count} Minuten Inaktivität"},
    "vault.lock.hour": "Nach einer Stunde Inaktivität",
    "vault.locked_now": "Gesperrt: Ihre Schlüssel sind aus dem Speicher dieser Seite (und dem der Abfrage) entfernt, "
    "bis Sie entsperren; die Prüfung laufender Renderings wartet bis dahin.",
    "vault.none": "Noch keine Schlüssel gespeichert.",
    # "Schlüssel" is the same word in the singular and the plural: both forms alike
    "vault.locked": {
        "one": "{count} Schlüssel gespeichert, mit Ihrer Passphrase gesperrt.",
        "other": "{count} Schlüssel gespeichert, mit Ihrer Passphrase gesperrt.",
    },
    "vault.unlocked": {
        "one": "{count} Schlüssel gespeichert, durch Ihre Passphrase geschützt und für diesen Besuch entsperrt.",
        "other": "{count} Schlüssel gespeichert, durch Ihre Passphrase geschützt und für diesen Besuch entsperrt.",
    },
    "vault.by_browser": {
        "one": "{count} Schlüssel gespeichert, verschlüsselt mit einem Schlüssel, den dieser Browser verwahrt.",
        "other": "{count} Schlüssel gespeichert, verschlüsselt mit einem Schlüssel, den dieser Browser verwahrt.",
    },
    "vault.new": "Neue Passphrase",
    "vault.new.hint": "Mindestens 8 Zeichen. Sie wird nie gespeichert: Wenn Sie sie vergessen, löschen Sie den "
    "Schlüssel und fügen Sie ihn erneut ein.",
    "vault.repeat": "Passphrase wiederholen",
    "vault.protect": "Mit einer Passphrase schützen (optional)",
    "vault.protect.text": "Mit einer Passphrase wird der Schlüssel mit einem daraus abgeleiteten Schlüssel "
    "verschlüsselt (PBKDF2, 600.000 Runden), und die App fragt einmal pro Besuch danach.",
    "vault.set": "Passphrase festlegen",
    "vault.set.done": "Passphrase gespeichert. Ihre Schlüssel sind jetzt durch sie geschützt.",
    "vault.current": "Aktuelle Passphrase",
    "vault.current.missing": "Geben Sie Ihre aktuelle Passphrase ein.",
    "vault.change": "Passphrase ändern",
    "vault.remove": "Passphrase entfernen",
    "vault.remove.done": "Passphrase entfernt. Ihre Schlüssel sind wieder durch diesen Browser geschützt.",
}
