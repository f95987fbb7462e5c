"""“Validate key”: a free, read-only check of the key against the chosen endpoint.

Each provider's cheapest authenticated call proves the key (the codec says which:
``GET /models/{model}``, ``GET /key``, ``GET /models``); the chosen model is checked by
that answer or against the provider's model list, retired models by their dates.
Every outcome gets its own plain message and next step.
"""

from __future__ import annotations

import datetime

from app.core import errors as e
from app.core.capabilities import ModelCapability, Stage
from app.core.i18n import tr
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


def _missing(model: str, host: str, request_id: str | None = None) -> KeyCheckResult:
    return KeyCheckResult(
        KeyCheck.MODEL_MISSING,
        tr("svc.key.missing"),
        tr("svc.key.missing.detail", host=host, model=model),
        tr("svc.key.missing.next"),
        request_id,
    )


async def check_key(
    client: ProviderClient,
    model: ModelCapability | None,
    model_id: str,
    *,
    host: str,
    today: datetime.date,
    gone_note: str = "",
) -> KeyCheckResult:
    """Check the key on the client's endpoint, and the chosen model (``model``: its data, if known)."""
    try:
        report = await client.check_key(model_id)
    except e.NotFoundError as error:
        return _missing(model_id, host, error.request_id)
    except e.AppError as error:
        return _from_error(error, host, gone_note)
    account = f" {report.account}" if report.account else ""
    if report.checks_model and report.model is None:
        return _missing(model_id, host)
    shutdown = report.model.shutdown_date if report.model else None
    if model is not None and model.life.shutdown:
        shutdown = shutdown or model.life.shutdown
    if _retired(shutdown, today) or (model is not None and model.stage_on(today) is Stage.RETIRED):
        return KeyCheckResult(
            KeyCheck.MODEL_RETIRED,
            tr("svc.key.retired"),
            tr("svc.key.retired.detail", model=model_id, date=str(shutdown), account=account),
            tr("svc.key.retired.next"),
        )
    if not report.checks_model and model is None and client.capabilities.live_catalogue:
        return _missing(model_id, host)
    note = tr("svc.key.valid.scheduled", date=shutdown) if shutdown else ""
    detail = tr("svc.key.valid.detail", host=host, model=model_id, note=note, account=account)
    return KeyCheckResult(KeyCheck.VALID, tr("svc.key.valid"), detail)
