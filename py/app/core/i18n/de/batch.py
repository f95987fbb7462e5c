"""Stapel-Renders: der Stapelmodus in „Neues Video“, die Stapelgruppe der Warteschlange, der Stapelfilter."""

from __future__ import annotations

from app.core.i18n.catalogue import Message

MESSAGES: dict[str, Message] = {
    "batch.mode": "Was gerendert wird",
    "batch.mode.single": "Ein Video",
    "batch.mode.batch": "Ein Stapel",
    "batch.kind": "Stapel aus",
    "batch.kind.sweep": "Ein Prompt, mehrere Einstellungen",
    "batch.kind.prompts": "Mehrere Prompts, diese Einstellung",
    "batch.models": "Modelle",
    "batch.frames": "Bildformate",
    "batch.durations": "Längen",
    "batch.seconds": "{seconds} s",
    "batch.prompts": "Prompts, einer pro Zeile",
    "batch.prompts.hint": "Jede Zeile wird ein Render, mit Modell, Format und Länge des Stapels.",
    "batch.prompts.placeholder": "Ein Rotmilan über einem winterlichen Feld\n"
    "Dasselbe Feld in der Dämmerung, Nebel zieht auf",
    "batch.csv": "Oder eine CSV-Datei laden",
    "batch.csv.hint": "Eine Kopfzeile mit einer Spalte „prompt“; alle anderen Spalten werden ignoriert.",
    "batch.csv.loaded": {
        "one": "{count} Prompt aus {name} geladen.",
        "other": "{count} Prompts aus {name} geladen.",
    },
    "batch.no_images": "Bilder gehören nicht zu einem Stapel: Jeder Render beginnt nur mit seinem Prompt.",
    "batch.count": {"one": "{count} Render", "other": "{count} Renders"},
    "batch.count.none": "Noch kein Render in diesem Stapel: Wählen Sie von allem mindestens eines.",
    "batch.demo": "Demomodus: Nichts geht an einen Anbieter, nichts wird berechnet.",
    "batch.left_out": {
        "one": "{count} Kombination ausgelassen",
        "other": "{count} Kombinationen ausgelassen",
    },
    "batch.render": {"one": "{count} rendern", "other": "Alle {count} rendern"},
    "batch.too_many": "Ein Stapel umfasst höchstens {limit} Renders.",
    "batch.nothing": "Nichts zu rendern: Jede Kombination wurde ausgelassen.",
    "batch.started": {
        "one": "Stapel mit {count} Render gespeichert. Er wird im Tempo des Anbieters gesendet.",
        "other": "Stapel mit {count} Renders gespeichert. Sie werden im Tempo des Anbieters gesendet.",
    },
    "batch.title": {"one": "Stapel mit {count} Render", "other": "Stapel mit {count} Renders"},
    "batch.progress": "{done} von {total} fertig",
    "batch.cost": "{spent} von geschätzt {total} ausgegeben",
    "batch.cost.unknown": "bisherige Kosten unbekannt",
    "batch.cost.spent": "bisher {spent} ausgegeben",
    "batch.cost.demo": "simuliert: würde {total} kosten",
    "batch.ended": {"one": "{count} nicht fertig geworden", "other": "{count} nicht fertig geworden"},
    "batch.waiting": {"one": "{count} wartet, bis er dran ist", "other": "{count} warten, bis sie dran sind"},
    "batch.cancel_all": "Alle abbrechen",
    "batch.cancel_all.title": "Den ganzen Stapel abbrechen?",
    "batch.cancel_all.text": "Noch nicht gesendete Renders werden verworfen und nie berechnet. Laufende Renders "
    "werden beim Anbieter abgebrochen, wo das geht; ein fertiger bleibt in Ihrer Bibliothek.",
    "batch.cancel_all.confirm": "Stapel abbrechen",
    "batch.cancel_all.problems": "Einige Renders ließen sich nicht stoppen: {problems}",
    "batch.retry_failed": {
        "one": "{count} fehlgeschlagenen wiederholen",
        "other": "{count} fehlgeschlagene wiederholen",
    },
    "batch.retried": {"one": "{count} Render erneut gesendet.", "other": "{count} Renders erneut gesendet."},
    "batch.view_queue": "Warteschlange ansehen",
    "batch.in_library": "In der Bibliothek zeigen",
    "batch.members": "Renders dieses Stapels",
    "batch.busy": "Der Anbieter ist ausgelastet (429): Dieser Stapel wartet, bevor er weitere sendet.",
    "batch.not_sent": "Noch nicht gesendet: {error}",
    "batch.turn": "Wartet, bis er dran ist",
    "batch.filter": "Stapel",
    "batch.filter.any": "Alle Videos",
    "batch.filter.option": "Stapel vom {date}, {count} Videos",
}
