"""Kacheln und Werkzeugleiste der Bibliothek."""

from __future__ import annotations

from app.core.i18n.catalogue import Message

MESSAGES: dict[str, Message] = {
    "units.seconds_short": "{seconds} s",
    "tile.action.play": "Abspielen",
    "tile.action.open": "Details öffnen",
    "tile.action.download": "Herunterladen",
    "tile.action.rename": "Umbenennen",
    "tile.action.delete": "Löschen",
    "tile.missing": "Die Videodatei fehlt in diesem Browser",
    "tile.remix": "Ein Remix eines anderen Videos",
    "tile.no_price": "Kein veröffentlichter Preis für diese Größe",
    "tile.label": {"one": "{title}, {count} Sekunde", "other": "{title}, {count} Sekunden"},
    "tile.select": "{title} auswählen",
    "toolbar.find": "Videos finden",
    "toolbar.search": "Suche",
    "toolbar.search.hint": "Prompt, Titel oder tag:name",
    "toolbar.model": "Nach Modell filtern",
    "toolbar.all_models": "Alle Modelle",
    "toolbar.provider": "Anbieter",
    "toolbar.all_providers": "Alle Anbieter",
    "toolbar.shape": "Format",
    "toolbar.aspect.all": "Jedes Format",
    "toolbar.aspect.landscape": "Querformat",
    "toolbar.aspect.portrait": "Hochformat",
    "toolbar.aspect.square": "Quadratisch",
    "toolbar.from": "Von",
    "toolbar.to": "Bis",
    "toolbar.sort": "Sortieren nach",
    "toolbar.sort.date_desc": "Neueste zuerst",
    "toolbar.sort.date_asc": "Älteste zuerst",
    "toolbar.sort.cost_desc": "Teuerste zuerst",
    "toolbar.sort.cost_asc": "Günstigste zuerst",
    "toolbar.sort.length_desc": "Längste zuerst",
    "toolbar.sort.length_asc": "Kürzeste zuerst",
    "files.downloading": {
        "one": "{count} Video wird heruntergeladen.",
        "other": "{count} Videos werden heruntergeladen.",
    },
    "files.saved": "{name} gespeichert.",
    "files.copied": "Das Video ist in der Zwischenablage.",
    "files.no_folder": "Dieser Browser kann nicht in einen lokalen Ordner schreiben (die File System Access API "
    "fehlt). Verwenden Sie stattdessen „Herunterladen“: Die Dateien landen in Ihrem Download-Ordner.",
    "files.to_folder": {
        "one": "{count} Video im Ordner „{folder}“ gespeichert.",
        "other": "{count} Videos im Ordner „{folder}“ gespeichert.",
    },
    "files.other_ways": "Weitere Speicherwege",
}
