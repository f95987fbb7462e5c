"""Google's error envelopes, as the Gemini API answers them.

- Front end (keys, quota, routing, field validation):
  ``{"error": {"code": 400, "message", "status": "INVALID_ARGUMENT", "details"?: [{"@type": …}]}}``;
  ``as_list`` sends the same wrapped in a one-element array, as some paths do.
- Interactions service: ``{"error": {"code": "invalid_request", "message"}}`` (a string code).

Messages copy Google's wording where it is well known (API key not valid, unregistered
callers, quota exceeded, "Invalid JSON payload received. Unknown name …").
"""

from __future__ import annotations

from collections.abc import Sequence

from simulator.errors import ApiError

SERVICE = "generativelanguage.googleapis.com"
RATE_LIMITS_URL = "https://ai.google.dev/gemini-api/docs/rate-limits"
STATUS_NAMES = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    409: "ABORTED",
    413: "INVALID_ARGUMENT",
    416: "OUT_OF_RANGE",
    429: "RESOURCE_EXHAUSTED",
    500: "INTERNAL",
    503: "UNAVAILABLE",
    504: "DEADLINE_EXCEEDED",
}
Details = list[dict[str, object]]


class GoogleError(ApiError):
    def __init__(
        self,
        status: int,
        message: str,
        *,
        status_name: str | None = None,
        details: Details | None = None,
        as_list: bool = False,
        headers: Sequence[tuple[str, str]] = (),
    ) -> None:
        super().__init__(status, message, headers=headers)
        self.status_name = status_name or STATUS_NAMES.get(status, "UNKNOWN")
        self.details = details
        self.as_list = as_list

    def envelope(self) -> dict[str, object]:
        error: dict[str, object] = {"code": self.status, "message": self.message, "status": self.status_name}
        if self.details is not None:
            error["details"] = self.details
        return {"error": error}


class ServiceError(ApiError):
    """The Interactions service's own shape, with a string ``code``."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(status, message, code=code)

    def envelope(self) -> dict[str, object]:
        return {"error": {"code": self.code, "message": self.message}}


def adapt(error: ApiError) -> ApiError:
    if isinstance(error, GoogleError | ServiceError):
        return error
    return GoogleError(error.status, error.message, headers=error.headers)


def _info(reason: str, **metadata: str) -> dict[str, object]:
    return {
        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
        "reason": reason,
        "domain": "googleapis.com",
        "metadata": {"service": SERVICE, **metadata},
    }


def invalid(message: str, *, field: str | None = None) -> GoogleError:
    details: Details | None = None
    if field is not None:
        details = [
            {
                "@type": "type.googleapis.com/google.rpc.BadRequest",
                "fieldViolations": [{"field": field, "description": message}],
            }
        ]
    return GoogleError(400, message, details=details)


def unknown_field(path: str, name: str) -> GoogleError:
    where = f"'{path}'" if path else "root"
    return invalid(f'Invalid JSON payload received. Unknown name "{name}" at {where}: Cannot find field.', field=name)


def bad_value(field: str, type_name: str, value: object) -> GoogleError:
    shown = f'"{value}"' if isinstance(value, str) else str(value).lower() if isinstance(value, bool) else value
    return invalid(f"Invalid value at '{field}' ({type_name}), {shown}", field=field)


def method_not_found() -> GoogleError:
    return GoogleError(404, "Method not found.")


def bearer_token() -> GoogleError:
    return GoogleError(
        401,
        "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other "
        "valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.",
        details=[_info("ACCESS_TOKEN_TYPE_UNSUPPORTED")],
    )


def no_key() -> GoogleError:
    return GoogleError(
        403,
        "Method doesn't allow unregistered callers (callers without established identity). Please use API Key "
        "or other form of API consumer identity to call this API.",
    )


def key_invalid() -> GoogleError:
    message = "API key not valid. Please pass a valid API key."
    return GoogleError(
        400,
        message,
        details=[_info("API_KEY_INVALID"), {"@type": "type.googleapis.com/google.rpc.LocalizedMessage",
                                             "locale": "en-US", "message": message}],
    )  # fmt: skip


def service_disabled() -> GoogleError:
    return GoogleError(
        403,
        "Generative Language API has not been used in project 000000000000 before or it is disabled. Enable it "
        "by visiting the Google Cloud console, then retry.",
        details=[_info("SERVICE_DISABLED", consumer="projects/000000000000")],
    )


def _quota(model: str, metric: str, quota_id: str, value: str, retry_s: float) -> GoogleError:
    message = (
        "You exceeded your current quota, please check your plan and billing details. For more information on "
        f"this error, head to: {RATE_LIMITS_URL}. Quota exceeded for metric: {SERVICE}/{metric}, "
        f"limit: {value}, model: {model}. Please retry in {retry_s:g}s."
    )
    return GoogleError(
        429,
        message,
        details=[
            {
                "@type": "type.googleapis.com/google.rpc.QuotaFailure",
                "violations": [
                    {
                        "quotaMetric": f"{SERVICE}/{metric}",
                        "quotaId": quota_id,
                        "quotaDimensions": {"location": "global", "model": model},
                        "quotaValue": value,
                    }
                ],
            },
            {"@type": "type.googleapis.com/google.rpc.Help", "links": [
                {"description": "Learn more about Gemini API quotas", "url": RATE_LIMITS_URL}]},
            {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": f"{int(retry_s)}s"},
        ],
    )  # fmt: skip


def rate_limited(model: str) -> GoogleError:
    """Per-minute quota: waiting ``retryDelay`` (27 s) clears it."""
    return _quota(model, "generate_requests_per_model", "GenerateRequestsPerMinutePerProjectPerModel", "10", 27.4)


def daily_quota(model: str) -> GoogleError:
    """A free-tier project on a paid-only model (``limit: 0``): no wait clears it, whatever RetryInfo says."""
    return _quota(
        model, "generate_requests_per_model_per_day", "GenerateRequestsPerDayPerProjectPerModel-FreeTier", "0", 41.2
    )


def internal() -> GoogleError:
    return GoogleError(
        500,
        "An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting",
    )


def unavailable() -> GoogleError:
    return GoogleError(503, "The model is overloaded. Please try again later.")


def model_not_found(model: str) -> GoogleError:
    return GoogleError(
        404, f"models/{model} is not found for API version v1beta, or is not supported for interactions."
    )


def model_retired(model: str, replacement: str) -> GoogleError:
    return GoogleError(404, f"models/{model} is no longer available. Please use {replacement} instead.")


def invalid_interaction(interaction_id: str) -> GoogleError:
    return invalid(f"Invalid interaction name: interactions/{interaction_id}")


def file_not_accessible(file_id: str) -> GoogleError:
    return GoogleError(403, f"You do not have permission to access the File {file_id} or it may not exist.")


def file_expired(file_id: str) -> GoogleError:
    return GoogleError(404, f"File files/{file_id} has expired and is no longer available.")


def safety_blocked() -> GoogleError:
    return invalid(
        "The request was blocked because the input was flagged for safety reasons (SAFETY: PROHIBITED_CONTENT). "
        "Rephrase the prompt and try again."
    )


def cannot_cancel(interaction_id: str, status: str) -> GoogleError:
    return GoogleError(
        400,
        f"Interaction interactions/{interaction_id} cannot be cancelled: it is already {status}.",
        status_name="FAILED_PRECONDITION",
    )
