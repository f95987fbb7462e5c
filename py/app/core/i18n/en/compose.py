"""New Render's form: the pickers, the image slots, presets, the continue note and the send guard."""

from __future__ import annotations

from app.core.i18n.catalogue import Message

MESSAGES: dict[str, Message] = {
    "compose.quoted": "“{title}”",
    # continue_note
    "compose.continue.lead": "Continue this clip. ",
    "compose.continue.linked": "Continues “{title}”: its last frame is this video's first frame. "
    "Describe what happens next.",
    "compose.continue.dropped": "{model} cannot start from an image: this render would not continue “{title}”. "
    "Choose a model that takes a first frame.",
    "compose.continue.stop": "Don't continue",
    # render_guard
    "compose.after.keep": "New variation (keep the prompt)",
    "compose.after.clear": "Clear the form",
    "compose.guard.lead": "Already sent? ",
    "compose.guard.where.before": "It is ",
    "compose.guard.where.after": " in the Queue.",
    "compose.guard.again": "Send it again",
    "compose.guard.again_paid": "Send it again (pay again)",
    "compose.guard.dont": "Don't send",
    "compose.sent.unconfirmed": "Sent, not confirmed yet: ",
    "compose.sent.lead": "Sent: ",
    "compose.sent.still": "The form still holds it. Render again only for a new variation (billed again).",
}
