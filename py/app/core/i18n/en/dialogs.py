"""Dialogs and notes over every view: safety, update offer, idle lock."""

from __future__ import annotations

from app.core.i18n.catalogue import Message

MESSAGES: dict[str, Message] = {
    "safety.title": "Before you render",
    "safety.rights": "You must have the rights to any image you upload, and permission from anyone who appears in it.",
    "safety.people": "Do not ask for real people or public figures without their consent; images with human "
    "faces are refused.",
    "safety.blocked": "Renders blocked by the provider's content policy may still be charged.",
    "safety.accept": "I understand, render",
    "update.ready": "A new version of Sora Renderer is ready.",
    "update.running": {
        "one": "{count} render is running: it goes on after the reload.",
        "other": "{count} renders are running: they go on after the reload.",
    },
    "update.reload": "Reload now",
    "update.later": "Later",
    "idle.locked": "The key vault locked itself after {minutes} without activity. Checking your renders is paused "
    "until you unlock it (Settings, Key vault).",
    "idle.an_hour": "an hour",
    "idle.minutes": {"one": "{count} minute", "other": "{count} minutes"},
    "unlock.title": "Unlock your API keys",
    "unlock.text": "Your keys{hint} are protected by a passphrase. Enter it to use them in this visit.",
    "unlock.passphrase": "Passphrase",
    "unlock.not_now": "Not now",
    "unlock.action": "Unlock",
    "unlock.done": "Keys unlocked for this visit.",
    "welcome.title": "Welcome to Sora Renderer",
    "welcome.lead": "Render videos from text or images, see the price first, and keep every result in this "
    "browser. Your keys and videos never leave this device except to the API you choose.",
    "welcome.demo": "Try demo mode",
    "welcome.sign_in": "Sign in with {provider}",
    "welcome.key": "Paste an API key",
    "welcome.note": "Demo mode simulates every provider in this app: no key, no cost, real playable videos. Keys "
    "are encrypted in this browser: {providers}.",
    "welcome.key_dialog.title": "Paste your API key",
    "welcome.key_dialog.text": "It is encrypted with a key that never leaves this browser, and sent only to the "
    "provider it is for. Endpoints, and an optional passphrase, are in Settings.",
    "welcome.key_saved": "Key saved and encrypted in this browser.",
    "import.title": "Import this bundle?",
    "import.facts": "{name}: {size}, made on {made} by Sora Renderer {version}, holding {holding}. Every file was "
    "checked and is intact.",
    "import.scope.everything": "everything",
    "import.scope.selection": "a selection of the library",
    "import.settings": "Replace my settings with the bundle's",
    "import.settings.hint": "Off: your settings stay as they are. Your keys stay bound to their endpoints either way.",
    "import.table": "What the import does",
    "import.col.what": "What",
    "import.col.added": "Added",
    "import.col.merged": "Merged",
    "import.col.skipped": "Skipped",
    "import.details": {
        "one": "Details: {count} item and why",
        "other": "Details: {count} items and why",
    },
    "import.go": "Import",
    "import.nothing": "Nothing to import",
    "import.keys": "API keys",
    "import.keys.table": "The bundle's API keys",
    "import.col.bound_to": "Bound to",
    "import.col.result": "Result",
    "import.col.why": "Why",
    "import.key.added": "added",
    "import.key.skipped": "skipped",
    "import.passphrase": "The bundle's passphrase",
    "import.passphrase.hint": "The bundle holds encrypted API keys. Unlock them to import them too; without it, they "
    "stay out.",
    "import.unlock": "Unlock keys",
    "import.unlocked": {
        "one": "{count} API key unlocked.",
        "other": "{count} API keys unlocked.",
    },
    "import.failed": "Nothing was imported: {detail}",
    "import.done": "Imported {name}. {outcome}",
}
