"""Formularprüfungen: der Entwurf „Neues Video“, Referenzbilder, API-Schlüssel und API-Basis-URLs."""

from __future__ import annotations

from app.core.i18n.catalogue import Message

MESSAGES: dict[str, Message] = {
    # compose: Prompt, Modell, Bildformat, Länge
    "checks.prompt.empty": "Beschreiben Sie das gewünschte Video: Der Prompt ist leer.",
    "checks.prompt.too_long": "Der Prompt liegt {over} Zeichen über der Grenze von {limit}.",
    "checks.model.empty": "Geben Sie eine Modell-ID ein.",
    "checks.model.bad_id": "Eine Modell-ID hat keine Leerzeichen und höchstens {max} Zeichen.",
    "checks.model.retired": "{model} wurde am {date} abgeschaltet.",
    "checks.model.retired.instead": "{model} wurde am {date} abgeschaltet. Verwenden Sie stattdessen {replacement}.",
    "checks.model.unknown": "{provider} führt das Modell „{model}“ nicht.",
    "checks.frame.unavailable": "{choice} ist für {model} nicht verfügbar.",
    "checks.frame.no_shape": "Kein Format",
    "checks.frame.no_resolution": "Keine Auflösung",
    "checks.frame.no_size": "Keine Größe",
    "checks.seconds.not_allowed": "{seconds} s ist für {model} keine erlaubte Länge.",
    "checks.extend.none": "{model} kann kein Video verlängern.",
    "checks.extend.range": "Eine Verlängerung fügt {low} bis {high} Sekunden hinzu.",
    "checks.extend.room": "Ein Video kann bis zu {total} s lang werden: Dieses kann höchstens {room} s mehr aufnehmen.",
    "checks.extend.full": "Ein Video kann bis zu {total} s lang werden: Dieses kann nichts mehr aufnehmen.",
    "checks.seed.range": "Ein Seed ist eine ganze Zahl von 0 bis {max}.",
    "checks.seed.none": "{model} nimmt keinen Seed an.",
    "checks.negative.none": "{model} nimmt keinen negativen Prompt an.",
    "checks.too_long": "Bleiben Sie unter {max} Zeichen.",
    "checks.images.no_first_frame": "{model} nimmt kein erstes Bild an.",
    "checks.images.no_last_frame": "{model} nimmt kein letztes Bild an.",
    "checks.images.no_reference": "{model} nimmt kein Referenzbild an.",
    "checks.images.max_references": "Höchstzahl der Referenzbilder für {model}: {max}.",
    "checks.price.custom": "kein veröffentlichter Preis für ein eigenes Modell",
    # compose: die Datei eines Referenzbilds
    "checks.image.unreadable": "Dieses Bild konnte nicht gelesen werden; es ist vielleicht beschädigt. "
    "Versuchen Sie eine andere Datei.",
    "checks.image.too_large": "Dieses Bild hat {width} × {height} Pixel: zu groß zum Verwenden (die Grenze liegt "
    "bei {limit} Megapixeln). Verkleinern Sie es und versuchen Sie es noch einmal.",
    "checks.image.kind": "{kind}-Bilder können nicht verwendet werden; verwenden Sie {allowed}.",
    "checks.image.file": "Diese Datei kann nicht verwendet werden; verwenden Sie {allowed}.",
    # Schlüssel
    "checks.key.empty": "Fügen Sie zuerst Ihren API-Schlüssel ein.",
    "checks.key.spaces": "Der Schlüssel enthält Leerzeichen oder Zeilenumbrüche: Kopieren Sie ihn noch einmal "
    "in einem Stück.",
    "checks.key.characters": "Der Schlüssel enthält Zeichen, die ein API-Schlüssel nie enthält: Kopieren Sie ihn "
    "noch einmal.",
    "checks.key.url": "Das ist eine URL, kein Schlüssel: Tragen Sie Adressen unter „API-Basis-URL“ ein.",
    "checks.key.too_short": "Das ist zu kurz für einen API-Schlüssel.",
    "checks.key.too_long": "Das ist zu lang für einen API-Schlüssel.",
    # Endpunkt
    "checks.url.empty": "Geben Sie die API-Basis-URL ein, zum Beispiel {example}.",
    "checks.url.invalid": "Das ist keine gültige URL.",
    "checks.url.scheme": "Die API-Basis-URL muss mit https:// beginnen (oder mit http:// für ein lokales Gateway).",
    "checks.url.no_host": "Die URL hat keinen Hostnamen.",
    "checks.url.query": "Die Basis-URL darf weder ? noch # enthalten: Geben Sie nur die Adresse an, etwa "
    "https://host/v1.",
    "checks.url.credentials": "Schreiben Sie keine Zugangsdaten in die URL; fügen Sie den Schlüssel in das Feld "
    "„API-Schlüssel“ ein.",
    "checks.url.plain_http": "Dieser Endpunkt verwendet unverschlüsseltes http: Ihr API-Schlüssel und Ihre Prompts "
    "gingen unverschlüsselt durchs Netz, und der Browser blockiert ihn vielleicht. Verwenden Sie https, außer es "
    "ist ein Gateway auf diesem Rechner.",
}
