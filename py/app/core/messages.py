"""Plain-words explanations for every :mod:`app.core.errors` type.

One place decides what a user reads for a 401, a quota error, a CORS failure or a full
disk, so every view says the same thing and each message tells what to do next.
"""

from __future__ import annotations

from app.core import errors as e


def _retry_hint(error: e.ApiError) -> str:
    if error.retry_after_s is not None and error.retry_after_s > 0:
        return f"The API asked to wait {error.retry_after_s:g} s before trying again."
    return "Wait a moment and try again."


def describe(error: BaseException, *, host: str = "the API", gone_note: str = "") -> e.UserMessage:
    """The title, detail and next step to show for ``error``.

    ``gone_note`` is what the provider's data says about an endpoint that stopped serving
    video (shown with a 410 Gone).
    """
    request_id = getattr(error, "request_id", None)
    if isinstance(error, e.InputError):
        return e.UserMessage("Check this field", error.message, "Correct it and try again.")
    if isinstance(error, e.AuthenticationError):
        return e.UserMessage(
            "Invalid API key",
            f"{host} rejected this key (401): it may be mistyped, revoked, or belong to another account.",
            "Paste a current key from your provider's dashboard, then choose Validate key.",
            request_id,
        )
    if isinstance(error, e.AccessDeniedError):
        return e.UserMessage(
            "No access",
            f"{host} refused this key (403): the organisation may not be verified, or it has no access to this model.",
            "Verify the organisation or use a key with access to video models.",
            request_id,
        )
    if isinstance(error, e.QuotaError):
        return e.UserMessage(
            "No credit left",
            "The account behind this key has run out of quota (insufficient_quota).",
            "Add credit or raise the spending limit in the provider's billing page, then try again.",
            request_id,
        )
    if isinstance(error, e.RateLimitError):
        return e.UserMessage(
            "Rate limited", f"{host} is receiving too many requests from this key.", _retry_hint(error), request_id
        )
    if isinstance(error, e.GoneError):
        return e.UserMessage(
            "This endpoint no longer serves video generation",
            f"{host} answered 410 Gone.{' ' + gone_note if gone_note else ''}",
            "Point the API base URL at an OpenAI-compatible endpoint in Settings, or try demo mode.",
            request_id,
        )
    if isinstance(error, e.NotFoundError):
        return e.UserMessage(
            "Not found",
            error.message or f"{host} does not know this resource (404).",
            "If this is the model, choose another one or check the endpoint; if it is a video, it may have "
            "been deleted or expired.",
            request_id,
        )
    if isinstance(error, e.BadRequestError | e.UnprocessableError | e.ConflictError):
        field = f" ({error.param})" if error.param else ""
        return e.UserMessage(
            f"The API refused the request{field}",
            error.message,
            "Correct the highlighted value and try again.",
            request_id,
        )
    if isinstance(error, e.ServerError):
        return e.UserMessage(
            "The API had a problem",
            f"{host} answered {error.status}: {error.message}",
            "This is usually temporary; the app retries on its own. Try again later if it persists.",
            request_id,
        )
    if isinstance(error, e.ApiError):
        return e.UserMessage(f"The API answered {error.status}", error.message, "Try again later.", request_id)
    if isinstance(error, e.CorsError):
        who = error.provider or host
        return e.UserMessage(
            f"{who} refused a call from this web page (CORS)",
            f"The browser asked {who} whether this page may call it, and it said no, so nothing was sent and "
            "nothing was charged. This is a rule of the provider's server, not a fault of your key or network.",
            "Two ways out: run the app from this computer with `python3 serve.py --relay` and turn on "
            "“Route through the local relay” (Settings → the provider → Advanced), or set the base URL of a "
            "proxy you run there.",
        )
    if isinstance(error, e.NetworkError):
        if error.timed_out:
            detail = f"{host} did not answer in time."
        else:
            detail = (
                f"No answer from {host}: this device may be offline, the address may be wrong, or the "
                "endpoint does not accept requests from a web page (CORS)."
            )
        return e.UserMessage("Cannot reach the API", detail, "Check the connection and the API base URL in Settings.")
    if isinstance(error, e.StorageQuotaError):
        return e.UserMessage(
            "Browser storage is full",
            "This browser has no room left for Sora Renderer's data, so nothing was saved.",
            "Free space: delete videos in the Library or purge failed jobs in Settings, then try again.",
        )
    if isinstance(error, e.StorageError):
        return e.UserMessage(
            "Could not save",
            f"The browser's storage refused the operation: {error}",
            "Reload the page; if it persists, check that this site may store data (private windows may not).",
        )
    if isinstance(error, e.ContentError):
        return e.UserMessage("Download incomplete", str(error), "The app retries the download on its own.")
    if isinstance(error, e.VaultError):
        return e.UserMessage("Key vault", str(error), "")
    return e.UserMessage(
        "Something went wrong", str(error) or type(error).__name__, "Try again; reload the page if it persists."
    )
