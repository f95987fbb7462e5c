"""Die Plattform: Browser-Speicher, Dateien und Abrufe; Bildköpfe, Preisgrundlagen, kleine
Prüfungen; und was die Antworten der Anbieter bedeuten (Gemini, OpenRouter, jeder Codec)."""

from __future__ import annotations

from app.core.i18n.catalogue import Message

MESSAGES: dict[str, Message] = {
    # Bildköpfe
    "plat.image.no_ihdr": "PNG ohne IHDR-Kopf",
    "plat.image.jpeg_segment": "JPEG-Segment beginnt nicht mit 0xFF",
    "plat.image.jpeg_no_frame": "JPEG ohne Frame-Kopf",
    "plat.image.webp_no_header": "WebP ohne VP8-, VP8L- oder VP8X-Kopf",
    "plat.image.empty_frame": "{mime}-Bild mit leerer Bildfläche",
    # Preisgrundlagen
    "plat.price.at": "bei {place}",
    "plat.price.times_seconds": "× {seconds} s",
    "plat.price.tokens": "≈ {low}–{high} Video-Tokens × {price}",
    "plat.price.per_video": "{price} pro Video",
    "plat.price.images": {
        "one": "+ {count} Eingabebild × {price}",
        "other": "+ {count} Eingabebilder × {price}",
    },
    # Clips fortsetzen, Vorlagen, Schlüssel, Downloads, Stapel, Fristen
    "plat.continue.download_first": "Um diesen Clip fortzusetzen, laden Sie zuerst sein Video herunter: Sein letztes "
    "Bild beginnt den nächsten.",
    "plat.continue.no_image_start": "{model} kann kein Rendering aus einem Bild beginnen, daher lässt sich dieser "
    "Clip nicht fortsetzen.",
    "plat.continue.frame_name": "letztes Bild von {title}.png",
    "plat.preset.no_name": "Geben Sie der Vorlage einen Namen.",
    "plat.preset.too_long": "Der Name muss kürzer als {max} Zeichen sein.",
    "plat.key.bad_origin": "„{url}“ ist keine Webadresse, an die ein Schlüssel gesendet werden kann.",
    "plat.download.empty": "der Download „{variant}“ war leer",
    "plat.download.wrong_type": "der Download „{variant}“ ist {mime}, nicht {expected}",
    "plat.download.no_type": "ohne Typ",
    "plat.batch.sweep_label": "{model} · {frame} · {seconds} s",
    "plat.batch.csv_no_prompt": "Die CSV-Datei braucht eine Kopfzeile mit einer Spalte „prompt“.",
    "plat.deadline.overdue": "Nach {minutes} Min. noch kein Ergebnis, daher prüft die App dieses Rendering nicht "
    "mehr. Es kann bei {provider} trotzdem noch fertig werden: „Erneut nachsehen“ fragt nach (nichts wird erneut "
    "gesendet, nichts erneut berechnet).",
    # jeder Codec
    "plat.api.unreadable": "Die API hat mit Daten geantwortet, die diese App nicht versteht ({model}).",
    "plat.unsupported.cancel": "{provider} bietet keine Möglichkeit, ein Video abzubrechen.",
    "plat.unsupported.delete": "{provider} bietet keine Möglichkeit, ein Video zu löschen.",
    "plat.unsupported.list": "{provider} bietet keine Möglichkeit, Videos aufzulisten.",
    "plat.unsupported.remix": "{provider} bietet keine Möglichkeit, ein Video zu remixen.",
    "plat.unsupported.sign_in": "{provider} bietet keine Anmeldung, über die Sie einen Schlüssel erhalten.",
    # Gemini: was eine Fehlerantwort bedeutet (vor Googles eigenen Worten)
    "plat.gemini.google_said": "{note} Antwort von Google: {said}",
    "plat.gemini.key_invalid": "Der API-Schlüssel ist ungültig: Fügen Sie einen neuen Schlüssel aus AI Studio ein.",
    "plat.gemini.interaction_gone": "Gemini hat diese Interaktion nicht mehr (abgelaufen oder gelöscht).",
    "plat.gemini.source_gone": "Das fortzusetzende Video ist bei Gemini nicht mehr gespeichert.",
    "plat.gemini.file_expired": "Die Videodatei ist bei Gemini abgelaufen (Dateien bleiben etwa 48 Stunden).",
    "plat.gemini.model_retired": "Google hat dieses Modell abgeschaltet: Wählen Sie ein anderes.",
    "plat.gemini.model_not_offered": "Gemini bietet dieses Modell für diesen Schlüssel nicht an.",
    "plat.gemini.file_gone": "Die Videodatei ist bei Gemini nicht mehr vorhanden (abgelaufen oder nie zu diesem "
    "Schlüssel gehörig).",
    "plat.gemini.api_off": "Die Generative Language API ist für das Projekt dieses Schlüssels ausgeschaltet.",
    "plat.gemini.limit_zero": "Dieses Projekt hat kein Kontingent für das Modell (limit: 0): Es braucht ein "
    "kostenpflichtiges Projekt mit aktivierter Abrechnung. Warten hilft nicht.",
    "plat.gemini.daily_quota": "Das Tageskontingent des Projekts ist aufgebraucht; es wird um Mitternacht "
    "pazifischer Zeit zurückgesetzt, Warten hilft also nicht.",
    "plat.gemini.bearer": "Gemini-Schlüssel gehören in den Header x-goog-api-key, nie als Bearer-Token.",
    "plat.gemini.maybe_created": "Die Interaktion wurde möglicherweise trotzdem angelegt (und berechnet), daher "
    "sendet die App sie nicht erneut.",
    # Gemini: wie eine Interaktion endete
    "plat.gemini.budget_exceeded": "Gemini hat die Interaktion angehalten, weil sie ihr Budget überschritten hat "
    "(budget_exceeded).",
    "plat.gemini.incomplete": "Gemini hat die Interaktion beendet, bevor das Video fertig war (incomplete).",
    "plat.gemini.requires_action": "Gemini hat angehalten, um eine Aktion zu verlangen, die diese App nicht geben "
    "kann (requires_action), daher entstand kein Video.",
    "plat.gemini.refused": "Gemini endete ohne Video und ohne Video-Tokens: Die Anfrage wurde abgelehnt.",
    "plat.gemini.failed": "Gemini meldet, dass es fehlgeschlagen ist.",
    "plat.gemini.reported": "Gemini meldete „{status}“.",
    "plat.gemini.reads_as_failure": "Gemini meldete den Status „{status}“, der nach einem Fehlschlag klingt.",
    "plat.gemini.shape_drift": "Gemini meldet ein fertiges Video ({tokens} Video-Tokens), aber seine Antwort enthält "
    "kein Video, das diese App lesen kann: Der Aufbau der Antwort hat sich vielleicht geändert. Melden Sie dies mit "
    "der Interaktions-ID.",
    # Gemini: die aus der Nutzung berechneten Kosten
    "plat.gemini.usage_basis": "aus der Nutzung berechnet: {tokens} Video-Tokens × {price} pro 1 Mio. (nicht "
    "abgerechnet)",
    "plat.gemini.usage_cost": "Aus der Nutzung berechnet: {cost} (nicht abgerechnet)",
    "plat.gemini.usage_source": "Token-Preis der Gemini API für Videoausgabe",
    # OpenRouter
    "plat.openrouter.no_key": "OpenRouter hat die Anmeldung ohne Schlüssel beantwortet.",
    "plat.openrouter.flagged": "{message} (beanstandet wegen: {reasons})",
    "plat.openrouter.veo_full_length": "Veo 3.1 rendert {resolutions} nur mit {seconds} Sekunden.",
    "plat.openrouter.frame_only_at": "{model} bietet {aspect} nur in {resolutions}.",
    "plat.openrouter.image_note": "Wird mit der Anfrage mitgesendet; jede Größe (das Modell passt es an das Video an).",
    "plat.openrouter.image_not_prepared": "Das Bild „{name}“ konnte nicht zum Senden vorbereitet werden.",
    "plat.word.and": " und ",
    "plat.word.or": " oder ",
    # Browser-Speicher (IndexedDB)
    "plat.idb.open": "Öffnen der Datenbank",
    "plat.idb.read": "Lesen von {store}",
    "plat.idb.list": "Auflisten von {store}",
    "plat.idb.count": "Zählen von {store}",
    "plat.idb.save": "Speichern",
    "plat.idb.delete_database": "Löschen der Datenbank",
    "plat.idb.quota": "{action}: Das Speicherkontingent des Browsers ist erschöpft",
    "plat.idb.failed": "{action} fehlgeschlagen: {name} {message}",
    "plat.idb.error": "Fehler",
    "plat.idb.save_timeout": "Das Speichern hat zu lange gedauert und wurde aufgegeben.",
    "plat.file.gone": "Diese Datei ist in diesem Browser nicht mehr gespeichert.",
    # Dateien, Zwischenablage, Ordner, Pakete
    "plat.file.save_failed": "Die Datei konnte nicht gespeichert werden: {said}",
    "plat.clipboard.no_files": "Dieser Browser kann keine Dateien in die Zwischenablage kopieren. Verwenden Sie "
    "stattdessen „Herunterladen“.",
    "plat.clipboard.no_type": "Dieser Browser kann {mime} nicht in die Zwischenablage legen. Verwenden Sie "
    "stattdessen „Herunterladen“.",
    "plat.clipboard.refused": "Der Browser hat das Kopieren der Datei verweigert ({said}). Verwenden Sie "
    "stattdessen „Herunterladen“.",
    "plat.folder.no_permission": "Die Erlaubnis, in den Ordner zu schreiben, wurde nicht erteilt.",
    "plat.folder.unsupported": "Dieser Browser kann nicht in einen Ordner schreiben (kein File System Access). "
    "Verwenden Sie „Herunterladen“.",
    "plat.folder.write_failed": "Die Datei konnte nicht in den Ordner geschrieben werden: {said}",
    "plat.prompts.too_large": "{name} ist zu groß für eine Liste von Prompts (höchstens 2 MB).",
    "plat.prompts.unreadable": "{name} konnte nicht gelesen werden: {said}",
    "plat.bundle.write_failed": "Das Paket konnte nicht nach {name} geschrieben werden: {said}",
    "plat.bundle.save_failed": "Das Paket konnte nicht als {name} gespeichert werden: {said}",
    "plat.bundle.file_type": "Sora-Renderer-Paket",
    "plat.bundle.open_failed": "Die Datei konnte nicht zum Schreiben geöffnet werden: {said}",
    # der Service Worker der Seite, Abrufe, Downloads, WebCrypto
    "plat.site.no_workers": "dieser Browser bietet hier keine Service Worker an (ein privates Fenster?)",
    "plat.site.refused": "der Browser hat den Service Worker abgelehnt ({said})",
    "plat.site.no_control": "der Service Worker hat nicht innerhalb von {seconds} s übernommen",
    "plat.fetch.timeout": "keine Antwort innerhalb von {seconds} s",
    "plat.fetch.cors": "{host} nimmt keine Aufrufe von dieser Webseite an",
    "plat.fetch.lost": "die Verbindung zu {host} ist mitten in der Anfrage abgebrochen",
    "plat.fetch.cut_off": "der Download wurde vor dem Ende abgebrochen",
    "plat.fetch.incomplete": "der Download ist unvollständig: {size} von {expected} Bytes sind angekommen",
    "plat.crypto.none": "Dieser Browser bietet hier kein WebCrypto an (es braucht https oder localhost).",
    "plat.crypto.undecryptable": "Der gespeicherte Schlüssel konnte nicht entschlüsselt werden.",
}
