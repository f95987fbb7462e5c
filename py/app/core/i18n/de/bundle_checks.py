"""Paketprüfungen: beschädigte oder feindliche ZIPs, das Manifest, Einträge und Dateien, Export, Importpläne."""

from __future__ import annotations

from app.core.i18n.catalogue import Message

MESSAGES: dict[str, Message] = {
    # wo ein Problem liegt
    "bchk.where.bundle": "Paket",
    "bchk.where.entry": "Eintrag {name}",
    "bchk.where.store": "Datenbestand {name}",
    "bchk.refused": "Dieses Paket kann nicht importiert werden; es wurde nichts geändert. {problems}",
    # das Ende des ZIPs und sein zentrales Verzeichnis
    "bchk.zip.spanned": "Das ZIP ist auf mehrere Dateien verteilt (mehrteilig); das wird nicht gelesen",
    "bchk.zip.no_end": "Kein Endeintrag des zentralen Verzeichnisses: Die Datei ist abgeschnitten oder kein ZIP",
    "bchk.zip.too_short": "Die Datei ist nur {size} Bytes groß: zu kurz für ein ZIP",
    "bchk.zip.end64_outside": "Der ZIP64-Endeintrag liegt außerhalb der Datei",
    "bchk.zip.end64_absent": "Kein ZIP64-Endeintrag an der Stelle, auf die sein Verweis zeigt",
    "bchk.zip.zip64_missing": "Der Endeintrag verweist auf ZIP64-Einträge, die fehlen",
    "bchk.zip.too_many": "Das ZIP hat {entries} Einträge; höchstens {limit} werden gelesen",
    "bchk.zip.directory_outside": "Das zentrale Verzeichnis ({size} Bytes ab Position {offset}) liegt außerhalb "
    "der Daten der Datei (ihr Endeintrag liegt an Position {end})",
    "bchk.zip.directory_large": "Das zentrale Verzeichnis ist {size} Bytes groß; höchstens {limit} werden gelesen",
    "bchk.zip.directory_small": "{entries} Einträge passen nicht in ein zentrales Verzeichnis von {size} Bytes",
    "bchk.zip.ended_early": "Die Datei endet zu früh: {got} von {length} Bytes ab Position {offset} konnten "
    "gelesen werden",
    # die Einträge des zentralen Verzeichnisses
    "bchk.zip.extra_past": "Ein Zusatzfeld reicht über seinen Header hinaus",
    "bchk.zip.zip64_short": "Sein ZIP64-Zusatzfeld ist zu kurz",
    "bchk.zip.zip64_absent": "Seine Größen sind als ZIP64 markiert, aber es hat kein ZIP64-Zusatzfeld",
    "bchk.zip.name_utf8": "Der Name von Eintrag Nr. {number} ist kein gültiges UTF-8",
    "bchk.zip.entry_past": "Eintrag Nr. {number} reicht über das Ende des zentralen Verzeichnisses hinaus",
    "bchk.zip.no_header": "Kein Header des zentralen Verzeichnisses, wo Eintrag Nr. {number} beginnen sollte",
    "bchk.zip.other_disk": "Er beginnt auf einem anderen Teil eines mehrteiligen ZIPs",
    "bchk.zip.duplicate": "Der Name kommt doppelt vor (ohne Beachtung der Groß-/Kleinschreibung): auch {other}",
    "bchk.zip.trailing": "Das zentrale Verzeichnis hat {size} Bytes nach seinem letzten Eintrag",
    "bchk.zip.encrypted": "Der Eintrag ist verschlüsselt; Einträge eines Pakets sind das nie",
    "bchk.zip.method": "Die Kompressionsmethode {method} ({name}) wird nicht unterstützt; nur STORED und DEFLATE "
    "werden gelesen",
    "bchk.zip.method_unknown": "unbekannt",
    "bchk.zip.stored_sizes": "Ein STORED-Eintrag gibt {stored} gespeicherte, aber {size} unkomprimierte Bytes an",
    "bchk.zip.folder_data": "Ein Ordnereintrag enthält Daten",
    "bchk.zip.entry_large": "Der Eintrag ist {size} Bytes groß; höchstens {limit} sind je Datei erlaubt",
    "bchk.zip.ratio": "{stored} Bytes würden sich auf {size} entpacken ({ratio}×; höchstens {limit}× ist erlaubt): "
    "wahrscheinlich eine ZIP-Bombe",
    # der lokale Header jedes Eintrags und wo seine Daten liegen
    "bchk.zip.mismatch": "Sein lokaler Header nennt als {what} {local}, das zentrale Verzeichnis {central}",
    "bchk.zip.field.method": "Kompressionsmethode",
    "bchk.zip.field.crc": "CRC-32",
    "bchk.zip.field.sizes": "Größen",
    "bchk.zip.local_outside": "Sein lokaler Header (Position {offset}) liegt außerhalb des Datenbereichs, der bei "
    "{end} endet",
    "bchk.zip.no_local": "An Position {offset} steht kein lokaler Header",
    "bchk.zip.local_past": "Sein lokaler Header reicht über den Datenbereich hinaus",
    "bchk.zip.local_name": "Sein lokaler Header nennt ihn {name}",
    "bchk.zip.local_encrypted": "Sein lokaler Header kennzeichnet ihn als verschlüsselt",
    "bchk.zip.data_past": "Seine Daten ({size} Bytes ab Position {offset}) reichen über den Datenbereich hinaus, "
    "der bei {end} endet",
    "bchk.zip.overlap": "Er beginnt an Position {offset}, innerhalb von Eintrag {other} ({start}–{end})",
    "bchk.zip.total_large": "Die Einträge ergeben zusammen {size} Bytes; höchstens {limit} sind erlaubt",
    "bchk.zip.total_ratio": "{stored} Bytes würden sich auf {size} entpacken ({ratio}×; insgesamt höchstens "
    "{limit}× ist erlaubt): wahrscheinlich eine ZIP-Bombe",
    # Namen der Einträge
    "bchk.name.empty": "Der Name ist leer",
    "bchk.name.unicode": "Der Name ist kein gültiges Unicode",
    "bchk.name.long": "Der Name ist {size} Bytes lang; höchstens {limit} sind erlaubt",
    "bchk.name.nul": "Der Name enthält ein NUL-Zeichen",
    "bchk.name.control": "Der Name enthält ein Steuerzeichen",
    "bchk.name.drive": "Der Name beginnt mit einem Laufwerksbuchstaben (ein absoluter Windows-Pfad)",
    "bchk.name.absolute": "Der Name ist ein absoluter Pfad",
    "bchk.name.backslash": "Der Name enthält einen Backslash (ein Windows-Pfadtrenner)",
    "bchk.name.climbs": "Der Name führt aus dem Paketordner hinaus (..)",
    "bchk.name.segment": "Der Name hat einen leeren oder „.“-Pfadabschnitt",
    # die Bytes eines Eintrags
    "bchk.data.after_end": "Er hat Bytes nach dem Ende seines DEFLATE-Datenstroms",
    "bchk.data.damaged": "Seine DEFLATE-Daten sind beschädigt ({error})",
    "bchk.data.more": "Er enthält mehr als die angegebenen {size} Bytes",
    "bchk.data.cut": "Sein DEFLATE-Datenstrom ist abgeschnitten oder von überzähligen Bytes gefolgt",
    "bchk.data.size": "Er enthält {got} Bytes, nicht die angegebenen {size}",
    "bchk.data.crc": "Seine CRC-32 ist {got}, nicht die angegebene {crc}",
    "bchk.data.entry_large": "Der Eintrag ist {size} Bytes groß; höchstens {limit} werden gelesen",
    "bchk.data.stores": "Er speichert {size} Bytes",
    "bchk.file.sha256": "Sein SHA-256 stimmt nicht mit dem Manifest überein: Die Datei ist beschädigt",
    # manifest.json
    "bchk.manifest.must_be": "muss {what} sein",
    "bchk.manifest.id": "1–128 Buchstaben, Ziffern, „_“ oder „-“",
    "bchk.manifest.sha256": "64 hexadezimale Ziffern in Kleinbuchstaben",
    "bchk.manifest.mime": "ein Medientyp in Kleinbuchstaben wie video/mp4",
    "bchk.manifest.store": "ein Name eines Datenbestands (a-z, dann a-z, 0-9 oder _)",
    "bchk.manifest.base64": "muss Standard-Base64 sein",
    "bchk.manifest.base64_size": "muss {low}–{high} Bytes ergeben",
    "bchk.manifest.base64_not": "muss {low}–{high} Bytes ergeben, nicht {size}",
    "bchk.manifest.path": "Der Pfad muss files/{asset}.<ext> lauten (ext: 1–10 Kleinbuchstaben oder Ziffern)",
    "bchk.manifest.key_twice": "Der Schlüssel {key} kommt in einem Objekt doppelt vor",
    "bchk.manifest.constant": "{name} ist keine JSON-Zahl",
    "bchk.manifest.utf8": "ist kein UTF-8-Text (ungültiges Byte an Position {offset})",
    "bchk.manifest.json": "ist kein gültiges JSON: {error} (Zeile {line}, Spalte {column})",
    "bchk.manifest.nesting": "ist kein verwendbares JSON: zu tief verschachtelt",
    "bchk.manifest.unusable": "ist kein verwendbares JSON: {error}",
    "bchk.manifest.object": "muss ein JSON-Objekt sein",
    "bchk.manifest.format": "Dies ist kein Sora-Renderer-Paket (Format ist {found}, erwartet {expected})",
    "bchk.manifest.version": "Die Version muss eine ganze Zahl ab 1 sein, nicht {found}",
    "bchk.manifest.newer": "Das Paket wurde mit einer neueren Version von Sora Renderer erstellt (Paketversion "
    "{version}; diese App liest bis Version {current}): Aktualisieren Sie die App, um es zu importieren",
    "bchk.manifest.no_migration": "Paketversion {version} kann nicht gelesen werden: keine Migration auf Version "
    "{next}",
    "bchk.manifest.migration": "Die Migration von Version {version} hat nicht Version {next} ergeben",
    # Einträge und Dateien im Abgleich
    "bchk.check.unknown_store": "Diese App kennt diesen Datenbestand nicht",
    "bchk.check.no_id": "Der Eintrag hat keine ID",
    "bchk.check.same_id": "Dieselbe ID kommt in diesem Datenbestand doppelt vor",
    "bchk.check.listed_twice": "Das Manifest führt diese Datei (oder ihr Asset) doppelt auf",
    "bchk.check.missing": "Im Manifest aufgeführt, aber im ZIP nicht vorhanden",
    "bchk.check.size": "Das Manifest nennt {listed} Bytes, der ZIP-Eintrag hat {size}",
    "bchk.check.unlisted": "Im ZIP vorhanden, aber nicht im Manifest aufgeführt",
    "bchk.check.no_file": "Zum Asset-Eintrag gibt es keine Datei im Paket",
    "bchk.check.pair": "Der Eintrag nennt {bytes} Bytes {mime}, seine Datei {path} hat {file_bytes} Bytes {file_mime}",
    "bchk.check.no_job": "Er gehört zum Rendering {job}, das nicht im Paket ist",
    "bchk.check.no_record": "Zur Datei gibt es keinen Asset-Eintrag im Paket",
    "bchk.check.no_manifest": "fehlt: Dies ist kein Sora-Renderer-Paket",
    "bchk.check.manifest_large": "ist größer als {limit} Bytes",
    "bchk.check.file_type": "Dateien vom Typ {mime} werden nicht importiert (nur {allowed})",
    "bchk.keys.unreadable": "Die Schlüssel in diesem Paket konnten nicht entschlüsselt werden: Die Passphrase ist "
    "falsch, oder die Schlüssel wurden verändert.",
    # Export
    "bchk.export.asset_fields": "Dem Asset-Eintrag fehlen ID, Bytes oder MIME-Typ",
    "bchk.export.never": "Dieser Datenbestand wird nie exportiert",
    "bchk.export.no_job": "Dieses Rendering ist nicht gespeichert",
    "bchk.export.not_hashed": "Seine Datei wurde nicht gehasht",
    "bchk.export.size": "Die gespeicherte Datei hat {size} Bytes, ihr Eintrag nennt aber {listed}",
    "bchk.export.manifest_large": "Die Einträge brauchen {size} Bytes: zu viele für ein Paket",
    "bchk.export.too_large": "Zu viele oder zu große Dateien für ein Paket: Exportieren Sie eine Auswahl",
    # der Importplan: warum ein Eintrag zusammengeführt, übersprungen oder verändert hinzugefügt wird
    "bchk.plan.newer": "im Paket neuer: ersetzt Ihre Fassung (Ihre Dateien bleiben erhalten)",
    "bchk.plan.identical": "identisch",
    "bchk.plan.yours_newer": "Ihre Fassung ist neuer",
    "bchk.plan.file_stored": "bereits gespeichert (Ihre Datei bleibt erhalten)",
    "bchk.plan.job_newer": "sein Rendering ist hier neuer",
    "bchk.plan.stored": "bereits gespeichert",
    "bchk.plan.renamed": "umbenannt in {new}: Eine Vorlage namens {old} ist vorhanden",
    "bchk.plan.imported": "{name} (importiert)",
    "bchk.plan.imported_n": "{name} (importiert {number})",
    "bchk.plan.settings_kept": "Ihre Einstellungen bleiben erhalten (ihr Import wurde nicht gewählt)",
    "bchk.plan.no_settings": "noch keine Einstellungen gespeichert",
    "bchk.plan.settings_changes": "ersetzt Ihre Einstellungen; ändert {fields}",
    "bchk.plan.settings_warning": "Die importierten Einstellungen senden API-Anfragen an {addresses} (gewählter "
    "Anbieter: {provider}; Demomodus {demo}). Ihre Schlüssel bleiben an die Endpunkte gebunden, für die sie "
    "gespeichert wurden: Die App fragt nach, bevor sie einen anderswohin sendet. Importieren Sie Einstellungen nur "
    "aus einem Paket, das Sie selbst erstellt haben.",
    "bchk.plan.demo_on": "an",
    "bchk.plan.demo_off": "aus",
    "bchk.plan.own_address": "die eigene Adresse jedes Anbieters",
    "bchk.plan.keys": "Das Paket enthält einen verschlüsselten API-Schlüssel; für seinen Import ist die Passphrase "
    "des Pakets nötig.",
}
