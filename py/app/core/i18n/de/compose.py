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
}
