"""The Settings view and its preferences."""

from __future__ import annotations

from app.core.i18n.catalogue import Message

MESSAGES: dict[str, Message] = {
    "settings.lead": "Your providers and keys, and preferences. Everything stays in this browser.",
    "settings.providers": "Providers",
    "prefs.rendering": "Rendering",
    "prefs.appearance": "Appearance",
    "prefs.poll.label": "Polling interval (ms)",
    "prefs.poll.hint": "How often running jobs are checked at first ({low}–{high} ms). Unchanged jobs are "
    "checked less often, up to every 30 s.",
    "prefs.poll.error": "Enter a whole number of milliseconds from {low} to {high}.",
    "prefs.auto.label": "Download results automatically",
    "prefs.auto.hint": "Store each finished video in this browser as soon as it is ready "
    "(results expire on the API after about an hour).",
    "prefs.notify.label": "Notify me when a render finishes",
    "prefs.notify.hint": "A browser notification when the tab is in the background.",
    "prefs.notify.denied": "This browser blocks notifications for this page; the queue still announces "
    "finished renders.",
    "prefs.notify.unsupported": "This browser has no notifications; the queue still announces finished renders.",
    "prefs.advanced.label": "Show advanced controls",
    "prefs.advanced.hint": "Model snapshots and custom model ids in New Render.",
    "prefs.theme": "Theme",
    "prefs.theme.dark": "Dark",
    "prefs.theme.light": "Light",
    "prefs.theme.system": "Same as the system",
    "prefs.motion": "Motion",
    "prefs.motion.system": "Follow the system setting",
    "prefs.motion.reduce": "Reduce motion",
    "prefs.motion.full": "Full motion",
    "prefs.language": "Language",
    "prefs.language.browser": "Same as the browser",
    "storage.title": "Storage",
    "storage.lead": "Videos, images and records live in this browser's storage for this site. Browsers may clear "
    "non-persistent storage when the disk runs low.",
    "storage.clean_up": "Clean up",
    "storage.purge": "Purge failed jobs",
    "storage.thumbnails": "Delete all thumbnails",
    "storage.reset": "Hard-reset app",
    "storage.unknown": "unknown",
    "storage.of_quota": "{used} of {quota} available to this site",
    "storage.videos": "Videos",
    "storage.images": "Images",
    "storage.thumbs": "Thumbnails",
    "storage.total": "Total (this app's records)",
    "storage.browser": "Browser estimate",
    "storage.persist.request": "Request persistent storage",
    "storage.persist.granted": "Persistent storage: granted — the browser will not clear it on its own.",
    "storage.persist.not": "Persistent storage: not granted — the browser may clear data under storage pressure.",
    "storage.persist.toast_yes": "Persistent storage granted.",
    "storage.persist.toast_no": "The browser did not grant persistent storage.",
    "storage.purged": {"one": "Purged {count} failed job.", "other": "Purged {count} failed jobs."},
    "storage.purged_none": "No failed jobs to purge.",
    "storage.thumbs_deleted": {
        "one": "Deleted {count} thumbnail. The library draws it again from the video when it shows it.",
        "other": "Deleted {count} thumbnails. The library draws them again from the videos when it shows them.",
    },
    "storage.reset.type": "Type {word} to confirm",
    "storage.reset.go": "Delete everything",
    "storage.reset.title": "Hard-reset Sora Renderer?",
    "storage.reset.text": "This deletes everything this app stores in this browser: the API key, settings, "
    "jobs, and every video and image in the library. It cannot be undone.",
    "common.cancel": "Cancel",
    "common.close": "Close",
    "demo.title": "Try it without a key",
    "demo.label": "Demo mode",
    "demo.hint": "Each provider's simulated API, built into this app: no key, no cost, real playable videos.",
    "prices.title": "Prices",
    "prices.source": "{source}, as of {date}",
    "prices.none": "no published prices",
    "prices.lead": "{provider}: {sources}. Estimates use these rules. They exclude retries, and policy-blocked "
    "renders may still be charged.",
    "prices.caption": "Prices of {provider}'s models",
    "prices.model": "Model",
    "prices.price": "Price",
    "key.save": "Save key",
    "key.label": "{provider} API key",
    "key.hint": "Paste the key exactly as {provider} shows it.",
    "key.get_one": "Get one at {url}.",
    "key.safe": "Keep your keys safe.",
    "key.security": "Any web app that holds an API key is at risk if this device or browser is compromised "
    "(malware, a hostile extension, someone with access to this profile). Each key is encrypted in this "
    "browser and sent only to the endpoint it was saved for. Prefer a key with a spending limit, and wipe "
    "it when you are done.",
}
