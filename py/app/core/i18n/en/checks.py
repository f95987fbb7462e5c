"""Form checks: the New Render draft, reference images, API keys and API base URLs."""

from __future__ import annotations

from app.core.i18n.catalogue import Message

MESSAGES: dict[str, Message] = {
    # compose: the prompt, the model, the frame, the duration
    "checks.prompt.empty": "Describe the video you want: the prompt is empty.",
    "checks.prompt.too_long": "The prompt is {over} characters over the limit of {limit}.",
    "checks.model.empty": "Enter a model id.",
    "checks.model.bad_id": "A model id has no spaces and at most {max} characters.",
    "checks.model.retired": "{model} was retired on {date}.",
    "checks.model.retired.instead": "{model} was retired on {date}. Use {replacement} instead.",
    "checks.model.unknown": "{provider} does not list the model “{model}”.",
    "checks.frame.unavailable": "{choice} is not available for {model}.",
    "checks.frame.no_shape": "No shape",
    "checks.frame.no_resolution": "No resolution",
    "checks.frame.no_size": "No size",
    "checks.seconds.not_allowed": "{seconds} s is not an allowed duration for {model}.",
    "checks.extend.none": "{model} cannot extend a video.",
    "checks.extend.range": "An extend adds {low} to {high} seconds.",
    "checks.extend.room": "A video can grow to {total} s: this one can take at most {room} s more.",
    "checks.extend.full": "A video can grow to {total} s: this one can take no more.",
    "checks.seed.range": "A seed is a whole number from 0 to {max}.",
    "checks.seed.none": "{model} does not take a seed.",
    "checks.negative.none": "{model} does not take a negative prompt.",
    "checks.too_long": "Keep it under {max} characters.",
    "checks.images.no_first_frame": "{model} does not take a first frame.",
    "checks.images.no_last_frame": "{model} does not take a last frame.",
    "checks.images.no_reference": "{model} does not take a reference image.",
    "checks.images.max_references": "{model} takes at most {max} references.",
    "checks.price.custom": "no published price for a custom model",
    # compose: a reference image's file
    "checks.image.unreadable": "This image could not be read; it may be damaged. Try another file.",
    "checks.image.too_large": "This image is {width} × {height} pixels: too large to use (the limit is "
    "{limit} megapixels). Resize it and try again.",
    "checks.image.kind": "{kind} images can't be used; use {allowed}.",
    "checks.image.file": "This file can't be used; use {allowed}.",
    # keys
    "checks.key.empty": "Paste your API key first.",
    "checks.key.spaces": "The key contains spaces or line breaks: copy it again as one piece.",
    "checks.key.characters": "The key contains characters an API key never has: copy it again.",
    "checks.key.url": "That is a URL, not a key: put addresses in “API base URL”.",
    "checks.key.too_short": "That is too short to be an API key.",
    "checks.key.too_long": "That is too long to be an API key.",
    # endpoint
    "checks.url.empty": "Enter the API base URL, for example {example}.",
    "checks.url.invalid": "This is not a valid URL.",
    "checks.url.scheme": "The API base URL must start with https:// (or http:// for a local gateway).",
    "checks.url.no_host": "The URL has no host name.",
    "checks.url.query": "The base URL cannot contain ? or #: give only the address, like https://host/v1.",
    "checks.url.credentials": "Do not put credentials in the URL; paste the key in the API key field.",
    "checks.url.plain_http": "This endpoint uses plain http: your API key and prompts would cross the network "
    "unencrypted, and the browser may block it. Use https unless it is a gateway on this computer.",
}
