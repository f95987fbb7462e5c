"""Plain-words explanations for every :mod:`app.core.errors` type.

One place decides what a user reads for a 401, a quota error, a CORS failure or a full
disk, so every view says the same thing and each message tells what to do next. The words
come from the catalogue (``errors.*``), in the language chosen when the error is shown.
"""

from __future__ import annotations

from dataclasses import replace

from app.core import errors as e
from app.core.i18n import tr


def _retry_hint(error: e.ApiError) -> str:
    if error.retry_after_s is not None and error.retry_after_s > 0:
        return tr("errors.rate.wait", seconds=f"{error.retry_after_s:g}")
    return tr("errors.rate.moment")


def _api_error(error: e.ApiError, host: str, gone_note: str) -> e.UserMessage:
    """The message for an answer the API gave (a status code)."""
    rid = error.request_id
    if isinstance(error, e.AuthenticationError):
        return e.UserMessage(tr("errors.401"), tr("errors.401.detail", host=host), tr("errors.401.next"), rid)
    if isinstance(error, e.AccessDeniedError):
        return e.UserMessage(tr("errors.403"), tr("errors.403.detail", host=host), tr("errors.403.next"), rid)
    if isinstance(error, e.QuotaError):
        return e.UserMessage(tr("errors.quota"), tr("errors.quota.detail"), tr("errors.quota.next"), rid)
    if isinstance(error, e.RateLimitError):
        return e.UserMessage(tr("errors.429"), tr("errors.429.detail", host=host), _retry_hint(error), rid)
    if isinstance(error, e.GoneError):
        detail = tr("errors.410.detail", host=host) + (f" {gone_note}" if gone_note else "")
        return e.UserMessage(tr("errors.410"), detail, tr("errors.410.next"), rid)
    if isinstance(error, e.NotFoundError):
        detail = error.message or tr("errors.404.detail", host=host)
        return e.UserMessage(tr("errors.404"), detail, tr("errors.404.next"), rid)
    if isinstance(error, e.BadRequestError | e.UnprocessableError | e.ConflictError):
        title = tr("errors.400.field", field=error.param) if error.param else tr("errors.400")
        return e.UserMessage(title, error.message, tr("errors.400.next"), rid)
    if isinstance(error, e.ServerError):
        detail = tr("errors.5xx.detail", host=host, status=str(error.status), said=error.message)
        return e.UserMessage(tr("errors.5xx"), detail, tr("errors.5xx.next"), rid)
    return e.UserMessage(tr("errors.status", status=str(error.status)), error.message, tr("errors.later"), rid)


def _local_error(error: BaseException, host: str) -> e.UserMessage:
    """The message for what failed here: the page's origin rules, the network, storage, the vault."""
    if isinstance(error, e.CorsError):
        who = error.provider or host
        return e.UserMessage(tr("errors.cors", who=who), tr("errors.cors.detail", who=who), tr("errors.cors.next"))
    if isinstance(error, e.NetworkError):
        detail = tr("errors.network.timeout", host=host) if error.timed_out else tr("errors.network.detail", host=host)
        return e.UserMessage(tr("errors.network"), detail, tr("errors.network.next"))
    if isinstance(error, e.StorageQuotaError):
        return e.UserMessage(tr("errors.disk_full"), tr("errors.disk_full.detail"), tr("errors.disk_full.next"))
    if isinstance(error, e.StorageError):
        detail = tr("errors.storage.detail", said=str(error))
        return e.UserMessage(tr("errors.storage"), detail, tr("errors.storage.next"))
    if isinstance(error, e.ContentError):
        return e.UserMessage(tr("errors.content"), str(error), tr("errors.content.next"))
    if isinstance(error, e.VaultError):
        return e.UserMessage(tr("errors.vault"), str(error), "")
    return e.UserMessage(tr("errors.other"), str(error) or type(error).__name__, tr("errors.other.next"))


def describe(error: BaseException, *, host: str | None = None, gone_note: str = "") -> e.UserMessage:
    """The title, detail and next step to show for ``error``.

    ``host`` names who answered ("the API" when not given); ``gone_note`` is what the
    provider's data says about an endpoint that stopped serving video (shown with a 410 Gone).
    """
    who = host or tr("errors.the_api")
    if isinstance(error, e.InputError):
        return e.UserMessage(tr("errors.input"), error.message, tr("errors.input.next"))
    message = _api_error(error, who, gone_note) if isinstance(error, e.ApiError) else _local_error(error, who)
    if host is None and message.detail.startswith(who):  # "The API rejected…", not "the API rejected…"
        return replace(message, detail=who[:1].upper() + message.detail[1:])
    return message
