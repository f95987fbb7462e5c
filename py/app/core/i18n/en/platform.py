"""The platform: browser storage, files and fetches; image headers, price bases, small core
checks; and what the providers' answers mean (Gemini, OpenRouter, every codec)."""

from __future__ import annotations

from app.core.i18n.catalogue import Message

MESSAGES: dict[str, Message] = {
    # image headers
    "plat.image.no_ihdr": "PNG without an IHDR header",
    "plat.image.jpeg_segment": "JPEG segment does not start with 0xFF",
    "plat.image.jpeg_no_frame": "JPEG without a frame header",
    "plat.image.webp_no_header": "WebP without a VP8, VP8L or VP8X header",
    "plat.image.empty_frame": "{mime} image with an empty frame",
    # price bases
    "plat.price.at": "at {place}",
    "plat.price.times_seconds": "× {seconds} s",
    "plat.price.tokens": "≈ {low}–{high} video tokens × {price}",
    "plat.price.per_video": "{price} per video",
    "plat.price.images": {
        "one": "+ {count} input image × {price}",
        "other": "+ {count} input images × {price}",
    },
    # continuing a clip, presets, keys, downloads, batches, deadlines
    "plat.continue.download_first": "To continue this clip, download its video first: its last frame starts the "
    "next one.",
    "plat.continue.no_image_start": "{model} cannot start a render from an image, so this clip cannot be continued.",
    "plat.continue.frame_name": "last frame of {title}.png",
    "plat.preset.no_name": "Give the preset a name.",
    "plat.preset.too_long": "Keep the name under {max} characters.",
    "plat.key.bad_origin": "“{url}” is not a web address a key can be sent to.",
    "plat.download.empty": "the {variant} download was empty",
    "plat.download.wrong_type": "the {variant} download is {mime}, not {expected}",
    "plat.download.no_type": "of no type",
    "plat.batch.sweep_label": "{model} · {frame} · {seconds} s",
    "plat.batch.csv_no_prompt": "The CSV file needs a header row with a “prompt” column.",
    "plat.deadline.overdue": "No result after {minutes} min, so the app stopped checking this render. It may still "
    "finish at {provider}: Check again looks it up (nothing is sent again, nothing is charged again).",
    # every codec
    "plat.api.unreadable": "The API answered with data this app does not understand ({model}).",
    "plat.unsupported.cancel": "{provider} has no way to cancel a video.",
    "plat.unsupported.delete": "{provider} has no way to delete a video.",
    "plat.unsupported.list": "{provider} has no way to list a video.",
    "plat.unsupported.remix": "{provider} has no way to remix a video.",
    "plat.unsupported.sign_in": "{provider} has no way to sign in to get a key.",
    # Gemini: what an error answer means (said before Google's own words)
    "plat.gemini.google_said": "{note} Google said: {said}",
    "plat.gemini.key_invalid": "The API key is invalid: paste a new key from AI Studio.",
    "plat.gemini.interaction_gone": "Gemini no longer has this interaction (expired or deleted).",
    "plat.gemini.source_gone": "The video to continue is no longer stored on Gemini.",
    "plat.gemini.file_expired": "The video file has expired on Gemini (files last about 48 hours).",
    "plat.gemini.model_retired": "Google has retired this model: choose another one.",
    "plat.gemini.model_not_offered": "Gemini does not offer this model to this key.",
    "plat.gemini.file_gone": "The video file is gone from Gemini (expired, or never this key's).",
    "plat.gemini.api_off": "The Generative Language API is off for this key's project.",
    "plat.gemini.limit_zero": "This project has no quota for the model (limit: 0): it needs a paid-tier project with "
    "billing on. Waiting will not help.",
    "plat.gemini.daily_quota": "The project's daily quota is used up; it resets at midnight Pacific time, so waiting "
    "will not help.",
    "plat.gemini.bearer": "Gemini keys go in the x-goog-api-key header, never as a Bearer token.",
    "plat.gemini.maybe_created": "The interaction may still have been created (and billed), so the app does not send "
    "it again.",
    # Gemini: how an interaction ended
    "plat.gemini.budget_exceeded": "Gemini stopped the interaction because it ran over its budget (budget_exceeded).",
    "plat.gemini.incomplete": "Gemini ended the interaction before the video was finished (incomplete).",
    "plat.gemini.requires_action": "Gemini stopped to ask for an action this app cannot give (requires_action), so "
    "no video was made.",
    "plat.gemini.refused": "Gemini finished without a video and without video tokens: the request was refused.",
    "plat.gemini.failed": "Gemini reports that it failed.",
    "plat.gemini.reported": "Gemini reported “{status}”.",
    "plat.gemini.reads_as_failure": "Gemini reported the status “{status}”, which reads as a failure.",
    "plat.gemini.shape_drift": "Gemini reports a finished video ({tokens} video tokens) but its answer holds no video "
    "this app can read: the answer's shape may have changed. Report this with the interaction id.",
    # Gemini: the cost computed from usage
    "plat.gemini.usage_basis": "computed from usage: {tokens} video tokens × {price} per 1M (not billed)",
    "plat.gemini.usage_cost": "Computed from usage: {cost} (not billed)",
    "plat.gemini.usage_source": "Gemini API token price for video output",
    # OpenRouter
    "plat.openrouter.no_key": "OpenRouter answered the sign-in without a key.",
    "plat.openrouter.flagged": "{message} (flagged for: {reasons})",
    "plat.openrouter.veo_full_length": "Veo 3.1 renders {resolutions} only at {seconds} seconds.",
    "plat.openrouter.frame_only_at": "{model} offers {aspect} only at {resolutions}.",
    "plat.openrouter.image_note": "Sent inline with the request; any size (the model fits it to the video).",
    "plat.openrouter.image_not_prepared": "The image “{name}” could not be prepared for sending.",
    "plat.word.and": " and ",
    "plat.word.or": " or ",
    # browser storage (IndexedDB)
    "plat.idb.open": "Opening the database",
    "plat.idb.read": "Reading {store}",
    "plat.idb.list": "Listing {store}",
    "plat.idb.count": "Counting {store}",
    "plat.idb.save": "Saving",
    "plat.idb.delete_database": "Deleting the database",
    "plat.idb.quota": "{action}: the browser's storage quota is exhausted",
    "plat.idb.failed": "{action} failed: {name} {message}",
    "plat.idb.error": "error",
    "plat.idb.save_timeout": "Saving took too long and was given up.",
    "plat.file.gone": "This file is no longer stored in this browser.",
    # files, the clipboard, folders, bundles
    "plat.file.save_failed": "The file could not be saved: {said}",
    "plat.clipboard.no_files": "This browser cannot copy files to the clipboard. Use Download instead.",
    "plat.clipboard.no_type": "This browser cannot put {mime} on the clipboard. Use Download instead.",
    "plat.clipboard.refused": "The browser refused to copy the file ({said}). Use Download instead.",
    "plat.folder.no_permission": "Permission to write to the folder was not given.",
    "plat.folder.unsupported": "This browser cannot write to a folder (no File System Access). Use Download.",
    "plat.folder.write_failed": "The file could not be written to the folder: {said}",
    "plat.prompts.too_large": "{name} is too large for a list of prompts (at most 2 MB).",
    "plat.prompts.unreadable": "{name} could not be read: {said}",
    "plat.bundle.write_failed": "The bundle could not be written to {name}: {said}",
    "plat.bundle.save_failed": "The bundle could not be saved as {name}: {said}",
    "plat.bundle.file_type": "Sora Renderer bundle",
    "plat.bundle.open_failed": "The file could not be opened for writing: {said}",
    # the site's service worker, fetches, downloads, WebCrypto
    "plat.site.no_workers": "this browser offers no service workers here (a private window?)",
    "plat.site.refused": "the browser refused the service worker ({said})",
    "plat.site.no_control": "the service worker did not take over within {seconds} s",
    "plat.fetch.timeout": "no answer within {seconds} s",
    "plat.fetch.cors": "{host} does not accept calls from this web page",
    "plat.fetch.lost": "the connection to {host} was lost mid-request",
    "plat.fetch.cut_off": "the download was cut off before the end",
    "plat.fetch.incomplete": "the download is incomplete: {size} of {expected} bytes arrived",
    "plat.crypto.none": "This browser offers no WebCrypto here (it needs https or localhost).",
    "plat.crypto.undecryptable": "The stored key could not be decrypted.",
}
