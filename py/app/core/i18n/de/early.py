"""Die Seite vor Python: der Startbildschirm und das frühe „Neues Video“ (static/early.js, boot.js)."""

from __future__ import annotations

from app.core.i18n.catalogue import Message

MESSAGES: dict[str, Message] = {
    "early.endpoint": "Der Anbieter, an den die Renders gehen",
    "early.boot.title": "Python startet in Ihrem Browser",
    "early.boot.loading": "Die Laufzeitumgebung wird geladen…",
    "early.boot.pyodide": "Die Python-Laufzeit wird geladen…",
    "early.boot.packages": "Pakete werden abgerufen…",
    "early.boot.interpreter": "Python wird gestartet…",
    "early.boot.started": "Python gestartet",
    "early.boot.app": "Die App wird geladen…",
    "early.boot.slow": "Wird noch geladen… Ein erster Besuch lädt etwa 15 MB.",
    "early.boot.failed": "Sora Renderer konnte nicht starten: {reason}. Laden Sie die Seite neu; wenn es weiter "
    "fehlschlägt, prüfen Sie, ob der Server läuft und der Browser aktuell ist.",
    "early.boot.failed.status": "Start fehlgeschlagen.",
    "early.render_note": "Bilder, Ton, der Preis und „Rendern“ sind in wenigen Sekunden bereit. Was Sie jetzt "
    "eingeben und wählen, bleibt erhalten.",
    "early.queue.lead": "Ihre Renders, die neuesten zuerst. Sie erscheinen hier gleich.",
    "early.library.lead": "Jedes fertige Video, in diesem Browser aufbewahrt. Die Videos erscheinen hier gleich.",
    "early.settings.lead": "Anbieter, Schlüssel und Einstellungen. Sie erscheinen hier gleich.",
    "early.welcome.demo": "Der Demomodus startet, sobald die App geladen ist. Sie können Ihren Prompt schon eingeben.",
    "early.welcome.sign_in": "Die Anmeldeseite öffnet sich, sobald die App geladen ist.",
}
