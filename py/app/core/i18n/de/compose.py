"""Das Formular „Neues Video“: Auswahlfelder, Bildplätze, Vorlagen, Fortsetzungshinweis und Sendeschutz."""

from __future__ import annotations

from app.core.i18n.catalogue import Message

MESSAGES: dict[str, Message] = {
    "compose.quoted": "„{title}“",
    # continue_note
    "compose.continue.lead": "Diesen Clip fortsetzen. ",
    "compose.continue.linked": "Setzt „{title}“ fort: Sein letztes Bild ist das erste Bild dieses Videos. "
    "Beschreiben Sie, was als Nächstes passiert.",
    "compose.continue.dropped": "{model} kann nicht mit einem Bild beginnen: Dieser Render würde „{title}“ "
    "nicht fortsetzen. Wählen Sie ein Modell, das ein erstes Bild annimmt.",
    "compose.continue.stop": "Nicht fortsetzen",
    # render_guard
    "compose.after.keep": "Neue Variante (Prompt behalten)",
    "compose.after.clear": "Formular leeren",
    "compose.guard.lead": "Schon gesendet? ",
    "compose.guard.where.before": "Der Auftrag ",
    "compose.guard.where.after": " steht in der Warteschlange.",
    "compose.guard.again": "Noch einmal senden",
    "compose.guard.again_paid": "Noch einmal senden (erneut bezahlen)",
    "compose.guard.dont": "Nicht senden",
    "compose.sent.unconfirmed": "Gesendet, noch nicht bestätigt: ",
    "compose.sent.lead": "Gesendet: ",
    "compose.sent.still": "Das Formular enthält ihn noch. Rendern Sie erneut nur für eine neue Variante "
    "(wird erneut berechnet).",
    # presets
    "compose.preset": "Vorlage",
    "compose.preset.apply": "Anwenden",
    "compose.preset.save": "Als Vorlage speichern…",
    "compose.preset.rename": "Umbenennen…",
    "compose.preset.delete": "Löschen",
    "compose.preset.none": "Keine Vorlage",
    "compose.preset.none_saved": "Noch keine Vorlagen gespeichert",
    "compose.preset.hint": "{count} gespeichert. Eine Vorlage enthält Prompt, Modell, Format, Länge und die übrigen "
    "Einstellungen (nicht die Bilder); Anwenden ersetzt sie. Vorlagen reisen in Sicherungspaketen mit.",
    "compose.preset.hint.empty": "Speichern Sie Prompt und Einstellungen unter einem Namen, um sie wiederzuverwenden "
    "(nicht die Bilder).",
    "compose.preset.applied": "Vorlage „{name}“ angewendet.",
    "compose.preset.save.title": "Als Vorlage speichern",
    "compose.preset.name": "Name der Vorlage",
    "compose.preset.save.confirm": "Vorlage speichern",
    "compose.preset.save.hint": "Der Prompt und die Einstellungen dieses Formulars, nicht seine Bilder. "
    "Eine Vorlage mit demselben Namen wird ersetzt.",
    "compose.preset.saved": "Vorlage „{name}“ gespeichert.",
    "compose.preset.replaced": "Vorlage „{name}“ ersetzt.",
    "compose.preset.rename.title": "„{name}“ umbenennen",
    "compose.preset.rename.confirm": "Umbenennen",
    "compose.preset.renamed": "Vorlage umbenannt.",
    "compose.preset.delete.title": "Vorlage „{name}“ löschen?",
    "compose.preset.delete.text": "Damit erstellte Renders bleiben unberührt.",
    "compose.preset.delete.confirm": "Vorlage löschen",
    "compose.preset.deleted": "Vorlage „{name}“ gelöscht.",
    # image_slot
    "compose.image": "Bild",
    "compose.image.remove": "Bild entfernen",
    "compose.image.first_frame": "Erstes Bild",
    "compose.image.first_frame.remove": "Erstes Bild entfernen",
    "compose.image.first_frame.hint": "Das Video beginnt mit diesem Bild.",
    "compose.image.last_frame": "Letztes Bild",
    "compose.image.last_frame.remove": "Letztes Bild entfernen",
    "compose.image.last_frame.hint": "Das Video endet mit diesem Bild.",
    "compose.image.reference": "Referenzbild {number}",
    "compose.image.reference.remove": "Referenzbild {number} entfernen",
    "compose.image.drop.before": " (optional): hier ablegen, ",
    "compose.image.drop.choose": "eine Datei wählen",
    "compose.image.drop.after": " oder einfügen.",
    "compose.image.kinds": "{some} oder {last}",
    "compose.image.alt": "{label}: {name}, so wie es gesendet wird",
    "compose.image.fit": "Einpassen",
    "compose.image.fit.cover": "Zuschneiden und füllen",
    "compose.image.fit.contain": "Einpassen mit Balken",
    "compose.image.cropped": "zugeschnitten und füllend",
    "compose.image.fitted": "eingepasst mit Balken",
    "compose.image.resized": "{source} → skaliert auf {frame}, {how}",
    "compose.image.sent_as": "{source} → gesendet als {width}×{height}",
    "compose.image.as_is": "{source}, unverändert gesendet",
}
