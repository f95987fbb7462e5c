"""API errors in OpenAI's envelope, and one builder per kind of failure.

Every failure the simulator reports is an :class:`ApiError`; the builders below keep the
wording, status, ``type`` and ``code`` of each kind in one place so the handlers never
hand-write an envelope. Messages copy OpenAI's phrasing where it is known (SDK issues,
captured responses); the rest follow the same style and are listed in README.md.

    ApiError(Exception)            status + {"error": {message, type, param, code}}
    └── raised by validation, auth, routing, fault injection; caught once in api.py
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

INVALID_REQUEST = "invalid_request_error"
SERVER_ERROR = "server_error"
KEYS_URL = "https://platform.openai.com/account/api-keys"


class ApiError(Exception):
    """An HTTP error answer: status code, the error object and any extra headers."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        type: str = INVALID_REQUEST,
        param: str | None = None,
        code: str | None = None,
        headers: Sequence[tuple[str, str]] = (),
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.type = type
        self.param = param
        self.code = code
        self.headers = tuple(headers)

    def envelope(self) -> dict[str, object]:
        return {"error": {"message": self.message, "type": self.type, "param": self.param, "code": self.code}}


def json_type_name(value: object) -> str:
    """How OpenAI names a JSON value's type in "expected X, but got Y instead"."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a decimal"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return "a file"


def quoted_list(values: Iterable[str]) -> str:
    """``'a', 'b', and 'c'`` — the list style of OpenAI's "Supported values are" messages."""
    items = [f"'{v}'" for v in values]
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + ", and " + items[-1]


def mask_key(key: str) -> str:
    """OpenAI's way of naming a rejected key: a few characters each end, stars between.

    At most a quarter of the key shows at each end, so short keys are never echoed whole.
    """
    shown = min(4, len(key) // 4)
    head = min(3, shown)
    return key[:head] + "*" * max(4, len(key) - head - shown) + (key[-shown:] if shown else "")


# ---- request shape -------------------------------------------------------------------


def invalid_url(method: str, path: str) -> ApiError:
    return ApiError(404, f"Invalid URL ({method} {path})")


def unknown_parameter(name: str) -> ApiError:
    return ApiError(400, f"Unknown parameter: '{name}'.", param=name, code="unknown_parameter")


def missing_parameter(name: str) -> ApiError:
    return ApiError(400, f"Missing required parameter: '{name}'.", param=name, code="missing_required_parameter")


def invalid_type(name: str, expected: str, value: object) -> ApiError:
    got = json_type_name(value)
    return ApiError(
        400,
        f"Invalid type for '{name}': expected {expected}, but got {got} instead.",
        param=name,
        code="invalid_type",
    )


def invalid_value(name: str, value: object, supported: Iterable[str]) -> ApiError:
    return ApiError(
        400,
        f"Invalid value: '{value}'. Supported values are: {quoted_list(supported)}.",
        param=name,
        code="invalid_value",
    )


def invalid_parameter(name: str, detail: str, *, code: str = "invalid_value") -> ApiError:
    """A value of the right type that is still wrong (bad data URL, unknown cursor, …)."""
    return ApiError(400, f"Invalid '{name}': {detail}", param=name, code=code)


def string_too_long(name: str, maximum: int, length: int) -> ApiError:
    return invalid_parameter(
        name,
        f"string too long. Expected a string with maximum length {maximum}, "
        f"but got a string with length {length} instead.",
        code="string_above_max_length",
    )


def string_too_short(name: str, minimum: int) -> ApiError:
    return invalid_parameter(
        name,
        f"string too short. Expected a string with minimum length {minimum}, but got an empty string instead.",
        code="string_below_min_length",
    )


def integer_out_of_range(name: str, value: int, minimum: int, maximum: int) -> ApiError:
    if value < minimum:
        detail, code = f"below minimum value. Expected a value >= {minimum}", "integer_below_min_value"
    else:
        detail, code = f"above maximum value. Expected a value <= {maximum}", "integer_above_max_value"
    return invalid_parameter(name, f"integer {detail}, but got {value} instead.", code=code)


def unparsable_json() -> ApiError:
    return ApiError(
        400,
        "We could not parse the JSON body of your request. (HINT: This likely means you aren't "
        "using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was "
        "sent was not valid JSON.)",
    )


def unparsable_multipart(detail: str) -> ApiError:
    return ApiError(400, f"Could not parse the multipart/form-data body of your request: {detail}")


def unsupported_content_type(content_type: str) -> ApiError:
    return ApiError(
        400,
        f"Unsupported content type: '{content_type}'. This API method only accepts "
        "'application/json' and 'multipart/form-data' requests, but you specified the header "
        f"'Content-Type: {content_type}'. Please try again with a supported content type.",
        code="unsupported_content_type",
    )


def body_too_large(limit: int) -> ApiError:
    return ApiError(413, f"Request body too large: the limit is {limit} bytes.", code="request_too_large")


def server_busy(retry_after_s: int = 1) -> ApiError:
    """Too many request bodies are being read at once (see ``SimConfig.max_body_readers``)."""
    return ApiError(
        503,
        f"The server is busy receiving other requests. Please retry in {retry_after_s}s.",
        type=SERVER_ERROR,
        code="server_busy",
        headers=(("retry-after", str(retry_after_s)),),
    )


# ---- authentication and account -------------------------------------------------------


def missing_api_key() -> ApiError:
    return ApiError(
        401,
        "You didn't provide an API key. You need to provide your API key in an Authorization header "
        "using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank "
        "username) if you're accessing the API from your browser and are prompted for a username and "
        f"password. You can obtain an API key from {KEYS_URL}.",
    )


def invalid_api_key(key: str) -> ApiError:
    return ApiError(
        401,
        f"Incorrect API key provided: {mask_key(key)}. You can find your API key at {KEYS_URL}.",
        code="invalid_api_key",
    )


def organization_not_verified(model: str) -> ApiError:
    return ApiError(
        403,
        f"Your organization must be verified to use the model `{model}`. Please go to: "
        "https://platform.openai.com/settings/organization/general and click on Verify Organization. "
        "If you just verified, it can take up to 15 minutes for access to propagate.",
    )


def missing_scope(scope: str) -> ApiError:
    return ApiError(
        403,
        f"You have insufficient permissions for this operation. Missing scopes: {scope}. Check that "
        "you have the correct role in your organization (Reader, Writer, Owner) and project "
        "(Member, Owner), and if you're using a restricted API key, that it has the necessary scopes.",
    )


def insufficient_quota() -> ApiError:
    return ApiError(
        429,
        "You exceeded your current quota, please check your plan and billing details. For more "
        "information on this error, read the docs: "
        "https://platform.openai.com/docs/guides/error-codes/api-errors.",
        type="insufficient_quota",
        code="insufficient_quota",
    )


def rate_limited(model: str, retry_after_s: int = 1) -> ApiError:
    return ApiError(
        429,
        f"Rate limit reached for {model} in organization org-simulator on requests per minute (RPM): "
        f"Limit 2, Used 2, Requested 1. Please try again in {retry_after_s}s. "
        "Visit https://platform.openai.com/account/rate-limits to learn more.",
        type="requests",
        code="rate_limit_exceeded",
        headers=(
            ("retry-after", str(retry_after_s)),
            ("retry-after-ms", str(retry_after_s * 1000)),
            ("x-ratelimit-remaining-requests", "0"),
        ),
    )


def server_error() -> ApiError:
    return ApiError(
        500,
        "The server had an error while processing your request. Sorry about that!",
        type=SERVER_ERROR,
    )


# ---- models and videos -----------------------------------------------------------------


def model_not_found(model: str) -> ApiError:
    return ApiError(
        404,
        f"The model `{model}` does not exist or you do not have access to it.",
        code="model_not_found",
    )


def api_shut_down(shutdown_date: str) -> ApiError:
    return ApiError(
        410,
        f"The Sora 2 Videos API has been shut down. It was retired on {shutdown_date}; see "
        "https://platform.openai.com/docs/deprecations.",
        code="model_deprecated",
    )


def video_not_found(video_id: str) -> ApiError:
    return ApiError(404, f"Video with id '{video_id}' not found.", code="video_not_found")


def video_not_ready(video_id: str, status: str) -> ApiError:
    return ApiError(
        404,
        f"Video is not ready yet: video '{video_id}' has status '{status}'. Download its content "
        "once GET /v1/videos/{video_id} reports status 'completed'.",
        code="video_not_ready",
    )


def video_expired(video_id: str) -> ApiError:
    return ApiError(
        404,
        f"The content of video '{video_id}' has expired and can no longer be downloaded.",
        code="video_expired",
    )


def remix_source_not_completed(video_id: str, status: str) -> ApiError:
    return ApiError(
        400,
        f"Video '{video_id}' cannot be remixed: its status is '{status}', only completed videos can be remixed.",
        param="video_id",
        code="video_not_completed",
    )


def range_not_satisfiable(total: int) -> ApiError:
    return ApiError(
        416,
        f"Requested range not satisfiable: the content is {total} bytes long.",
        code="range_not_satisfiable",
        headers=(("content-range", f"bytes */{total}"),),
    )
