"""Error explanations, vault and key-check messages, poll notes, the resend guard, storage and bundle reports."""

from __future__ import annotations

from app.core.i18n.catalogue import Message

MESSAGES: dict[str, Message] = {
    "errors.the_api": "the API",
    "errors.request_id": "Request ID: {request_id}",
    "errors.input": "Check this field",
    "errors.input.next": "Correct it and try again.",
    "errors.401": "Invalid API key",
    "errors.401.detail": "{host} rejected this key (401): it may be mistyped, revoked, or belong to another account.",
    "errors.401.next": "Paste a current key from your provider's dashboard, then choose Validate key.",
    "errors.403": "No access",
    "errors.403.detail": "{host} refused this key (403): the organisation may not be verified, or it has no access "
    "to this model.",
    "errors.403.next": "Verify the organisation or use a key with access to video models.",
    "errors.quota": "No credit left",
    "errors.quota.detail": "The account behind this key has run out of quota (insufficient_quota).",
    "errors.quota.next": "Add credit or raise the spending limit in the provider's billing page, then try again.",
    "errors.429": "Rate limited",
    "errors.429.detail": "{host} is receiving too many requests from this key.",
    "errors.rate.wait": "The API asked to wait {seconds} s before trying again.",
    "errors.rate.moment": "Wait a moment and try again.",
    "errors.410": "This endpoint no longer serves video generation",
    "errors.410.detail": "{host} answered 410 Gone.",
    "errors.410.next": "Point the API base URL at an OpenAI-compatible endpoint in Settings, or try demo mode.",
    "errors.404": "Not found",
    "errors.404.detail": "{host} does not know this resource (404).",
    "errors.404.next": "If this is the model, choose another one or check the endpoint; if it is a video, it may "
    "have been deleted or expired.",
    "errors.400": "The API refused the request",
    "errors.400.field": "The API refused the request ({field})",
    "errors.400.next": "Correct the highlighted value and try again.",
    "errors.5xx": "The API had a problem",
    "errors.5xx.detail": "{host} answered {status}: {said}",
    "errors.5xx.next": "This is usually temporary; the app retries on its own. Try again later if it persists.",
    "errors.status": "The API answered {status}",
    "errors.later": "Try again later.",
    "errors.cors": "{who} refused a call from this web page (CORS)",
    "errors.cors.detail": "The browser asked {who} whether this page may call it, and it said no, so nothing was "
    "sent and nothing was charged. This is a rule of the provider's server, not a fault of your key or network.",
    "errors.cors.next": "Two ways out: run the app from this computer with `python3 serve.py --relay` and turn on "
    "“Route through the local relay” (Settings → the provider → Advanced), or set the base URL of a proxy you run "
    "there.",
    "errors.network": "Cannot reach the API",
    "errors.network.timeout": "{host} did not answer in time.",
    "errors.network.detail": "No answer from {host}: this device may be offline, the address may be wrong, or the "
    "endpoint does not accept requests from a web page (CORS).",
    "errors.network.next": "Check the connection and the API base URL in Settings.",
    "errors.disk_full": "Browser storage is full",
    "errors.disk_full.detail": "This browser has no room left for Sora Renderer's data, so nothing was saved.",
    "errors.disk_full.next": "Free space: delete videos in the Library or purge failed jobs in Settings, then try "
    "again.",
    "errors.storage": "Could not save",
    "errors.storage.detail": "The browser's storage refused the operation: {said}",
    "errors.storage.next": "Reload the page; if it persists, check that this site may store data (private windows "
    "may not).",
    "errors.content": "Download incomplete",
    "errors.content.next": "The app retries the download on its own.",
    "errors.vault": "Key vault",
    "errors.other": "Something went wrong",
    "errors.other.next": "Try again; reload the page if it persists.",
    "storage.size_unknown": "unknown",
    "vault.error.locked": "The key vault is locked. Unlock it with your passphrase first.",
    "vault.error.wrong_passphrase": "That passphrase is not right. Check it and try again.",
    "vault.error.unopenable": "None of the saved keys can be opened any more: remove them and paste them again.",
    "vault.error.nothing_to_protect": "Save a key first: the passphrase protects the saved keys.",
    "vault.error.cannot_lock": "Keys protected by this device cannot be locked: the browser would unlock them again "
    "by itself. Set a passphrase to be able to lock the vault.",
    "vault.error.no_key": "No key is saved for {provider}. Add one in Settings, or switch on demo mode.",
    "vault.error.changed": "The stored key for {provider} was changed outside the app; paste it again.",
    "vault.error.damaged": "The stored key for {provider} is damaged; paste it again.",
    "vault.error.lost": "This browser lost the key that protected your {provider} key; paste it again.",
    "vault.error.unopened": "The stored key for {provider} cannot be opened: paste it again or remove it before "
    "changing how the keys are protected.",
    "vault.error.other_origin": "Your {provider} key is saved for {bound}. Confirm in Settings before it is sent to "
    "{requested}.",
}
