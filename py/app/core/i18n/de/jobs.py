"""Auftragstexte aus dem Kern: Statusangaben der Warteschlange, Zeiten, Restzeit, Kosten."""

from __future__ import annotations

from app.core.i18n.catalogue import Message

MESSAGES: dict[str, Message] = {
    "prices.basis_or": "{first} oder {then}",
    "prices.minimum": "(mindestens {amount} pro Video)",
    "jobs.error.expired": "Die Dateien sind bei der API abgelaufen, bevor sie gespeichert werden konnten "
    "(Download-Links gelten etwa eine Stunde nach dem Rendern). Das Rendering selbst wurde möglicherweise trotzdem "
    "berechnet.",
    "jobs.error.blocked": "Die Anfrage wurde von der Inhaltsrichtlinie des Anbieters blockiert.",
    "jobs.error.failed": "Das Rendering ist fehlgeschlagen.",
    "jobs.error.canceled_remote": "Die API meldet, dass dieser Auftrag abgebrochen wurde.",
    "jobs.error.unknown_status": "Die API hat einen unbekannten Status „{status}“ gemeldet; die App verfolgt diesen "
    "Auftrag daher nicht weiter.",
    "jobs.error.canceled_by_user": "Sie haben dieses Rendering abgebrochen.",
    "guard.unconfirmed": "Genau dieses Rendering (gleicher Anbieter, gleiches Modell, gleiche Einstellungen und "
    "gleicher Prompt) wurde schon gesendet, und die App weiß noch nicht, ob der Anbieter es erhalten hat. Falls ja, "
    "wird es bei erneutem Senden zweimal gerendert und Sie zahlen zweimal.",
    "guard.sent": {
        "one": "Sie haben genau dieses Rendering (gleicher Anbieter, gleiches Modell, gleiche Einstellungen und "
        "gleicher Prompt) vor einer Minute gesendet. Erneutes Senden rendert es ein zweites Mal, und Sie zahlen "
        "erneut.",
        "other": "Sie haben genau dieses Rendering (gleicher Anbieter, gleiches Modell, gleiche Einstellungen und "
        "gleicher Prompt) vor {count} Minuten gesendet. Erneutes Senden rendert es ein zweites Mal, und Sie zahlen "
        "erneut.",
    },
    "guard.demo": {
        "one": "Sie haben genau dieses Rendering (gleicher Anbieter, gleiches Modell, gleiche Einstellungen und "
        "gleicher Prompt) vor einer Minute gesendet. Erneutes Senden rendert es ein zweites Mal (simuliert: es wird "
        "nichts berechnet).",
        "other": "Sie haben genau dieses Rendering (gleicher Anbieter, gleiches Modell, gleiche Einstellungen und "
        "gleicher Prompt) vor {count} Minuten gesendet. Erneutes Senden rendert es ein zweites Mal (simuliert: es "
        "wird nichts berechnet).",
    },
    "prices.note": "Beruht auf den veröffentlichten Preisen des Anbieters mit ihrem Stand. Ohne Wiederholungen; auch "
    "von einer Inhaltsrichtlinie blockierte Renderings können berechnet werden.",
    "prices.unknown": "Preis unbekannt",
    "prices.unpublished": "kein veröffentlichter Preis",
    "prices.unpublished_for": "kein veröffentlichter Preis für {what}",
    "prices.per_token_no_frame": "Preis pro Video-Token, und die Bildgröße ist unbekannt",
    "prices.with_audio": "mit Ton",
    "prices.without_audio": "ohne Ton",
    "prices.mode.text": "Text zu Video",
    "prices.mode.image": "Bild zu Video",
    "prices.mode.reference": "Referenz zu Video",
    "prices.mode.extend": "Verlängerung",
    "prices.per_second": "{rate}/s",
    "prices.estimated": "Geschätzt: {amount}",
    "prices.estimated_rate": "Geschätzt: {amount} ({rate})",
    "prices.total": "Geschätzt insgesamt: {amount}",
    "prices.total_partly": "Geschätzt insgesamt: Preis unbekannt ({unknown} von {parts} ohne Preis; der Rest {rest})",
    "prices.quote_source": "Preise: {source}, Stand {date}",
    "jobs.news.running": "„{title}“ wird gerendert.",
    "jobs.news.succeeded": "„{title}“ ist fertig.",
    "jobs.news.failed": "„{title}“ ist fehlgeschlagen.",
    "jobs.news.blocked": "„{title}“ wurde von der Inhaltsrichtlinie blockiert.",
    "jobs.news.canceled": "„{title}“ wurde abgebrochen.",
    "jobs.label.overdue": "Überfällig",
    "jobs.label.sending": "Wird gesendet",
    "jobs.label.reconciling": "API wird geprüft",
    "jobs.label.queued": "Wartet",
    "jobs.label.rendering": "Wird gerendert",
    "jobs.label.downloading": "Wird geladen",
    "jobs.label.paused": "Pausiert",
    "jobs.label.rendered": "Gerendert",
    "jobs.label.ready": "Fertig",
    "jobs.label.failed": "Fehlgeschlagen",
    "jobs.label.expired": "Abgelaufen",
    "jobs.label.unconfirmed": "Unbestätigt",
    "jobs.label.blocked": "Blockiert",
    "jobs.label.canceled": "Abgebrochen",
    "jobs.percent": "{value} %",
    "jobs.megabytes": "{value} MB",
    "jobs.progress.of": "{done} von {total}",
    "jobs.progress.preparing": "Download wird vorbereitet…",
    "jobs.progress.stored_of": "{done} von {total} gespeichert",
    "jobs.progress.stored": "{done} gespeichert",
    "jobs.progress.not_stored": "Dateien noch nicht gespeichert",
    "jobs.times.took": "Dauer {time}",
    "jobs.times.ended": "Beendet nach {time}",
    "jobs.times.elapsed": "Läuft seit {time}",
    "jobs.times.left": "noch etwa {duration}",
    "jobs.expiry.gone": "Die Download-Links sind abgelaufen.",
    "jobs.expiry.in": "Die Dateien verfallen bei der API in {time}",
    "jobs.duration.seconds": "{value} s",
    "jobs.duration.minutes": "{value} Min.",
    "jobs.duration.hours": "{hours} Std. {minutes} Min.",
    "jobs.note.downloading": "Wird heruntergeladen…",
    "jobs.note.no_ranges": "Dieser Server setzt Downloads nicht fort: Bricht der Download ab, beginnt er wieder von "
    "vorn.",
    "jobs.disk_full.where": "Geben Sie unter Einstellungen → Speicher Platz frei (löschen Sie Videos, die Sie nicht "
    "mehr brauchen), und drücken Sie dann „Download fortsetzen“.",
    "jobs.disk_full.joining": "Der Speicher des Browsers ist voll. Alle {total} sind heruntergeladen und bleiben "
    "erhalten, aber um sie zu einer Datei zusammenzufügen, werden etwa {needed} freier Platz gebraucht. {where}",
    "jobs.disk_full.partial": "Der Speicher des Browsers ist voll: {stored} von {total} sind gespeichert und bleiben "
    "erhalten. Zum Fertigstellen werden etwa {needed} freier Platz gebraucht (der Rest der Datei und Platz zum "
    "Zusammenfügen). {where}",
    "jobs.locked.queue": "Der Schlüsseltresor ist gesperrt: Ihre Renderings werden erst wieder abgefragt, wenn Sie "
    "ihn in den Einstellungen entsperren.",
    "jobs.locked.card": "Pausiert: Der Schlüsseltresor ist gesperrt. Entsperren Sie ihn in den Einstellungen, um "
    "dieses Rendering weiter abzufragen.",
    "jobs.meta.seconds": "{value} s",
    "jobs.cost.not_published": "Preis nicht veröffentlicht",
    "jobs.cost.simulated": "simuliert: würde {estimate} kosten",
    "jobs.cost.simulated_free": "simuliert: keine Kosten",
    "jobs.cost.billed": "abgerechnet {amount}",
    "jobs.cost.usage": "≈ {amount} laut Nutzung",
    "jobs.cost.estimated": "geschätzt {estimate}",
    "jobs.facts.estimate": "Schätzung",
    "jobs.facts.estimate_value": "{estimate} (vor dem Senden angezeigt)",
    "jobs.facts.cost": "Kosten",
    "jobs.facts.demo": "keine: ein simuliertes Rendering (Demomodus)",
    "jobs.facts.billed": "Abgerechnet",
    "jobs.facts.billed_value": "{amount} (wie vom Anbieter gemeldet)",
    "jobs.facts.usage_value": "≈ {amount} berechnet aus {tokens} (nicht abgerechnet)",
    "jobs.facts.tokens": {"one": "{count} Video-Token", "other": "{count} Video-Tokens"},
    "jobs.facts.the_usage": "der Nutzung",
    "jobs.facts.unknown": "unbekannt: Der Anbieter hat es nicht angegeben",
}
