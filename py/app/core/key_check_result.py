"""What a key check found: one outcome per way a key, a model or an endpoint can fail.

Pure data (the check itself is :mod:`app.services.key_check`), so the state and the
views can hold it before anything else is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class KeyCheck(StrEnum):
    VALID = "valid"
    INVALID_KEY = "invalid_key"
    NO_ACCESS = "no_access"
    NO_CREDIT = "no_credit"
    RATE_LIMITED = "rate_limited"
    MODEL_MISSING = "model_missing"
    MODEL_RETIRED = "model_retired"
    ENDPOINT_GONE = "endpoint_gone"
    NETWORK = "network"
    SERVER = "server"
    OTHER = "other"


@dataclass(frozen=True)
class KeyCheckResult:
    outcome: KeyCheck
    title: str
    detail: str
    action: str = ""
    request_id: str | None = None

    @property
    def ok(self) -> bool:
        return self.outcome is KeyCheck.VALID
