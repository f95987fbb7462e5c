"""The page before Python: the boot screen and the early New Render (static/early.js, boot.js)."""

from __future__ import annotations

from app.core.i18n.catalogue import Message

MESSAGES: dict[str, Message] = {
    "early.endpoint": "The provider renders go to",
    "early.boot.title": "Starting Python in your browser",
    "early.boot.loading": "Loading the runtime…",
    "early.boot.pyodide": "Loading the Python runtime…",
    "early.boot.packages": "Fetching packages…",
    "early.boot.interpreter": "Starting Python…",
    "early.boot.started": "Python started",
    "early.boot.app": "Loading the app…",
    "early.boot.slow": "Still loading… a first visit fetches about 15 MB.",
    "early.boot.failed": "Sora Renderer could not start: {reason}. Reload the page; if it keeps failing, check "
    "that the server is running and the browser is up to date.",
    "early.boot.failed.status": "Start-up failed.",
    "early.render_note": "Images, sound, the price and Render are ready in a few seconds. What you type and choose "
    "now is kept.",
    "early.queue.lead": "Your renders, newest first. They appear here in a moment.",
    "early.library.lead": "Every finished video, kept in this browser. It appears here in a moment.",
    "early.settings.lead": "Providers, keys and preferences. They appear here in a moment.",
    "early.welcome.demo": "Demo mode starts as soon as the app has loaded. You can type your prompt now.",
    "early.welcome.sign_in": "The sign-in page opens as soon as the app has loaded.",
}
