"""Every failure the app can meet, as typed exceptions, and what to tell the user.

::

    AppError
    ├── InputError            a field the user filled is not acceptable (field, message)
    ├── ApiError              the API answered with an error envelope
    │   ├── BadRequestError       400 (param says which field)
    │   ├── AuthenticationError   401 invalid or revoked key
    │   ├── AccessDeniedError     403 no access / organisation not verified
    │   ├── NotFoundError         404 (model or video)
    │   ├── GoneError             410 the endpoint no longer serves video
    │   ├── ConflictError         409
    │   ├── UnprocessableError    422
    │   ├── PaymentRequiredError  402 no credit left (OpenRouter)
    │   ├── RateLimitError        429 rate limit
    │   ├── QuotaError            429 insufficient_quota / a daily quota (no credit, waiting won't help)
    │   ├── BlockedError          the prompt or an image was refused by a content policy
    │   └── ServerError           5xx
    ├── NetworkError          no answer: offline, DNS, aborted, timed out
    │   └── CorsError             the server answered, but not to a web page (CORS)
    ├── ContentError          a download is not what it claims (type/length)
    ├── StorageError          IndexedDB failed
    │   └── StorageQuotaError     the browser ran out of space for this site
    └── VaultError            the key vault cannot do what was asked (locked, wrong passphrase)
        └── KeyOriginError        the saved key is bound to another endpoint than this request's
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.i18n import tr


class AppError(Exception):
    """Base of every error the app explains to the user."""


class InputError(AppError):
    """A value the user entered is not acceptable; ``field`` names the control."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class ApiError(AppError):
    """An error answer from the API, with the envelope's fields and the request id."""

    status: int = 0

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        type_: str | None = None,
        code: str | None = None,
        param: str | None = None,
        request_id: str | None = None,
        retry_after_s: float | None = None,
        should_retry: bool | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status
        self.type = type_
        self.code = code
        self.param = param
        self.request_id = request_id
        self.retry_after_s = retry_after_s
        self.should_retry = should_retry  # the server's x-should-retry, when it sent one


class BadRequestError(ApiError):
    status = 400


class AuthenticationError(ApiError):
    status = 401


class AccessDeniedError(ApiError):
    status = 403


class NotFoundError(ApiError):
    status = 404


class ConflictError(ApiError):
    status = 409


class GoneError(ApiError):
    status = 410


class UnprocessableError(ApiError):
    status = 422


class PaymentRequiredError(ApiError):
    status = 402


class RateLimitError(ApiError):
    status = 429


class QuotaError(ApiError):
    status = 429


class BlockedError(ApiError):
    """A content policy refused the request itself (nothing was rendered)."""

    status = 400


class ServerError(ApiError):
    status = 500


class NetworkError(AppError):
    """The request got no HTTP answer (offline, DNS, CORS, timeout, abort)."""

    def __init__(self, message: str, *, timed_out: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.timed_out = timed_out


class CorsError(NetworkError):
    """The server is reachable but does not let a web page call it (a refused CORS preflight).

    The request never left the browser: nothing was sent, nothing can have been charged.
    ``provider`` names who refused (filled in by the client that knows).
    """

    def __init__(self, message: str, *, provider: str = "") -> None:
        super().__init__(message)
        self.provider = provider


class ContentError(AppError):
    """A downloaded file is not what it claims (wrong type, truncated)."""


class StorageError(AppError):
    """IndexedDB refused an operation."""


class StorageQuotaError(StorageError):
    """The browser has no more room for this site's data."""


class VaultError(AppError):
    """The key vault cannot do what was asked (locked, wrong passphrase, no key)."""


class KeyOriginError(VaultError):
    """A saved key would go to an origin the user did not choose for it: ask before rebinding."""

    def __init__(self, message: str, *, provider_id: str, bound_origin: str, requested_origin: str) -> None:
        super().__init__(message)
        self.provider_id = provider_id
        self.bound_origin = bound_origin
        self.requested_origin = requested_origin


_BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: PaymentRequiredError,
    403: AccessDeniedError,
    404: NotFoundError,
    409: ConflictError,
    410: GoneError,
    422: UnprocessableError,
}


def api_error_for(
    status: int,
    message: str,
    *,
    type_: str | None = None,
    code: str | None = None,
    param: str | None = None,
    request_id: str | None = None,
    retry_after_s: float | None = None,
    should_retry: bool | None = None,
    kind: type[ApiError] | None = None,
) -> ApiError:
    """The right :class:`ApiError` subclass for an HTTP status and envelope (``kind`` when
    the provider's envelope says more than the status, e.g. a policy block)."""
    cls: type[ApiError]
    if kind is not None:
        cls = kind
    elif status == 429:
        cls = QuotaError if "insufficient_quota" in (code, type_) else RateLimitError
    elif status >= 500:
        cls = ServerError
    else:
        cls = _BY_STATUS.get(status, ApiError)
    return cls(
        message,
        status=status,
        type_=type_,
        code=code,
        param=param,
        request_id=request_id,
        retry_after_s=retry_after_s,
        should_retry=should_retry,
    )


@dataclass(frozen=True)
class UserMessage:
    """What the UI shows for an error: a title, the detail, and what to do next."""

    title: str
    detail: str
    action: str
    request_id: str | None = None

    def as_text(self) -> str:
        parts = [self.title, self.detail, self.action]
        if self.request_id:
            parts.append(tr("errors.request_id", request_id=self.request_id))
        return " ".join(p for p in parts if p)
