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
    # presets
    "compose.preset": "Preset",
    "compose.preset.apply": "Apply",
    "compose.preset.save": "Save as preset…",
    "compose.preset.rename": "Rename…",
    "compose.preset.delete": "Delete",
    "compose.preset.none": "No preset",
    "compose.preset.none_saved": "No presets saved yet",
    "compose.preset.hint": "{count} saved. A preset holds the prompt, model, shape, length and the other choices "
    "(not the images); applying one replaces them. Presets travel in backup bundles.",
    "compose.preset.hint.empty": "Save the prompt and choices under a name to use them again (not the images).",
    "compose.preset.applied": "Applied the preset “{name}”.",
    "compose.preset.save.title": "Save as a preset",
    "compose.preset.name": "Preset name",
    "compose.preset.save.confirm": "Save preset",
    "compose.preset.save.hint": "The prompt and the choices of this form, not its images. "
    "A preset of the same name is replaced.",
    "compose.preset.saved": "Saved the preset “{name}”.",
    "compose.preset.replaced": "Replaced the preset “{name}”.",
    "compose.preset.rename.title": "Rename “{name}”",
    "compose.preset.rename.confirm": "Rename",
    "compose.preset.renamed": "Preset renamed.",
    "compose.preset.delete.title": "Delete the preset “{name}”?",
    "compose.preset.delete.text": "Renders made with it are not touched.",
    "compose.preset.delete.confirm": "Delete preset",
    "compose.preset.deleted": "Deleted the preset “{name}”.",
    # image_slot
    "compose.image": "Image",
    "compose.image.remove": "Remove image",
    "compose.image.first_frame": "First frame",
    "compose.image.first_frame.remove": "Remove first frame",
    "compose.image.first_frame.hint": "The video starts from this image.",
    "compose.image.last_frame": "Last frame",
    "compose.image.last_frame.remove": "Remove last frame",
    "compose.image.last_frame.hint": "The video ends on this image.",
    "compose.image.reference": "Reference image {number}",
    "compose.image.reference.remove": "Remove reference image {number}",
    "compose.image.drop.before": " (optional): drop it here, ",
    "compose.image.drop.choose": "choose a file",
    "compose.image.drop.after": ", or paste it.",
    "compose.image.kinds": "{some} or {last}",
    "compose.image.alt": "{label}: {name}, as it will be sent",
    "compose.image.fit": "Fit",
    "compose.image.fit.cover": "Crop to fill",
    "compose.image.fit.contain": "Fit with bars",
    "compose.image.cropped": "cropped to fill",
    "compose.image.fitted": "fitted with bars",
    "compose.image.resized": "{source} → resized to {frame}, {how}",
    "compose.image.sent_as": "{source} → sent as {width}×{height}",
    "compose.image.as_is": "{source}, sent as it is",
}
