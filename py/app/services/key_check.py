"""“Validate key”: a free, read-only check of the key against the chosen endpoint.

``GET /models`` proves the key works; ``GET /models/{model}`` proves the model is
served (and not retired). Every outcome gets its own plain message and next step.
"""

from __future__ import annotations

import datetime

from app.core import errors as e
from app.core.key_check_result import KeyCheck, KeyCheckResult
from app.core.messages import describe
from app.services.provider_client import ProviderClient

_OUTCOMES: tuple[tuple[type[BaseException], KeyCheck], ...] = (
    (e.AuthenticationError, KeyCheck.INVALID_KEY),
    (e.AccessDeniedError, KeyCheck.NO_ACCESS),
    (e.QuotaError, KeyCheck.NO_CREDIT),
    (e.RateLimitError, KeyCheck.RATE_LIMITED),
    (e.GoneError, KeyCheck.ENDPOINT_GONE),
    (e.NetworkError, KeyCheck.NETWORK),
    (e.ServerError, KeyCheck.SERVER),
)


def _from_error(error: e.AppError, host: str, gone_note: str) -> KeyCheckResult:
    outcome = next((o for cls, o in _OUTCOMES if isinstance(error, cls)), KeyCheck.OTHER)
    message = describe(error, host=host, gone_note=gone_note)
    return KeyCheckResult(outcome, message.title, message.detail, message.action, message.request_id)


def _retired(shutdown_date: str | None, today: datetime.date) -> bool:
    if not shutdown_date:
        return False
    try:
        return datetime.date.fromisoformat(shutdown_date[:10]) <= today
    except ValueError:
        return False


async def check_key(
    client: ProviderClient, model: str, *, host: str, today: datetime.date, gone_note: str = ""
) -> KeyCheckResult:
    """Check the key and ``model`` on the client's endpoint."""
    try:
        await client.list_models()
    except e.AppError as error:
        return _from_error(error, host, gone_note)
    try:
        info = await client.get_model(model)
    except e.NotFoundError as error:
        return KeyCheckResult(
            KeyCheck.MODEL_MISSING,
            "The key works, but this endpoint does not serve the model",
            f"{host} does not list “{model}” (404).",
            "Choose another model, or point the API base URL at an endpoint that serves video.",
            error.request_id,
        )
    except e.AppError as error:
        return _from_error(error, host, gone_note)
    if _retired(info.shutdown_date, today):
        return KeyCheckResult(
            KeyCheck.MODEL_RETIRED,
            "The key works, but the model is retired",
            f"“{model}” was shut down on {info.shutdown_date}; renders will fail.",
            "Use an OpenAI-compatible endpoint that still serves video, or try demo mode.",
        )
    note = f" (scheduled to shut down on {info.shutdown_date})" if info.shutdown_date else ""
    return KeyCheckResult(KeyCheck.VALID, "The key works", f"{host} accepts it and serves “{model}”{note}.")
