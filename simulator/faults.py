"""Failure injection: ``[sim:NAME=VALUE]`` markers in a prompt, ``sim-*`` markers in a key.

Markers let a demo or a test pick, per request, any path the real service can take
(moderation block, expiry, 429/500 storms, slow or broken downloads) without a
global switch. Prompt markers stay in the prompt; each simulated API accepts its own
set (``OPENAI_MARKERS``, ``OPENROUTER_MARKERS``, ``GEMINI_MARKERS``) and answers 400
for any other, so a typo or a marker meant for another API shows up at once. The
full lists are in README.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

MARKER = re.compile(r"\[sim:([a-z0-9_]+)(?:=([^\]\s]*))?\]", re.IGNORECASE)
STATUS_WORD = re.compile(r"[a-z][a-z0-9_]{0,39}")
MAX_SLOW_MS = 120_000
MAX_PAD_BYTES = 4 * 1024**3
MAX_DURATION_S = 24 * 3600.0
MAX_OUTPUTS = 4

# Markers every simulated API understands (where a job has the matching behaviour).
COMMON_MARKERS = frozenset(
    {
        "moderation", "fail", "canceled", "cancelled", "status", "expired", "500", "429",
        "content500", "truncate", "noranges", "slow", "duration", "bytes",
    }
)  # fmt: skip
OPENAI_MARKERS = COMMON_MARKERS | {"redirect"}
OPENROUTER_MARKERS = COMMON_MARKERS | {"absolute_poll", "foreign_poll", "outputs", "nocost", "submit429", "submit500"}
GEMINI_MARKERS = COMMON_MARKERS | {
    "safety400", "safetyfail", "stringerror", "arrayerror", "submit429", "submit500", "poll400", "skipqueue",
}  # fmt: skip


class MarkerError(ValueError):
    """A ``[sim:…]`` marker that cannot be understood; answered as a 400 on ``prompt``."""


@dataclass(frozen=True)
class JobFaults:
    """What a job's prompt asked the simulator to do to it."""

    moderation: bool = False
    fail: bool = False
    canceled: bool = False
    final_status: str | None = None
    expires_after_s: float | None = None
    status_500: int = 0
    status_429: int = 0
    content_500: int = 0
    truncate: int = 0
    redirect: bool = False
    no_ranges: bool = False
    slow_ms: int = 0
    duration_s: float | None = None
    pad_bytes: int | None = None
    # OpenRouter
    absolute_poll: bool = False
    foreign_poll: bool = False
    outputs: int = 1
    no_cost: bool = False
    # OpenRouter and Gemini: the first N creates with this prompt (per key) are refused
    submit_429: int = 0
    submit_500: int = 0
    # Gemini
    safety_400: bool = False
    safety_fail: bool = False
    string_error: bool = False
    array_error: bool = False
    poll_400: int = 0
    skip_queue: bool = False
    markers: tuple[str, ...] = field(default=())


def _count(name: str, value: str | None, *, default: int | None, maximum: int, minimum: int = 0) -> int:
    if value is None and default is not None:
        return default
    if value is None or not value.isdigit() or not minimum <= int(value) <= maximum:
        raise MarkerError(f"[sim:{name}=N] needs a whole number from {minimum} to {maximum}, got {value!r}")
    return int(value)


def _seconds(name: str, value: str | None, *, default: float | None) -> float:
    if value is None and default is not None:
        return default
    try:
        seconds = float(value or "")
    except ValueError:
        seconds = -1.0
    if not 0.0 <= seconds <= MAX_DURATION_S:
        raise MarkerError(f"[sim:{name}=S] needs seconds from 0 to {MAX_DURATION_S:g}, got {value!r}")
    return seconds


def _flag(name: str, value: str | None) -> bool:
    if value is not None:
        raise MarkerError(f"[sim:{name}] takes no value, got {value!r}")
    return True


def _status(value: str | None) -> str:
    if value is None or not STATUS_WORD.fullmatch(value):
        raise MarkerError(f"[sim:status=WORD] needs a lower-case word, got {value!r}")
    return value


_FLAGS = {
    "moderation": "moderation",
    "fail": "fail",
    "canceled": "canceled",
    "cancelled": "canceled",
    "redirect": "redirect",
    "noranges": "no_ranges",
    "absolute_poll": "absolute_poll",
    "foreign_poll": "foreign_poll",
    "nocost": "no_cost",
    "safety400": "safety_400",
    "safetyfail": "safety_fail",
    "stringerror": "string_error",
    "arrayerror": "array_error",
    "skipqueue": "skip_queue",
}
_COUNTERS = {
    "500": "status_500",
    "429": "status_429",
    "content500": "content_500",
    "truncate": "truncate",
    "submit429": "submit_429",
    "submit500": "submit_500",
    "poll400": "poll_400",
}


def _apply(values: dict[str, Any], name: str, value: str | None) -> None:
    """Set one marker's effect in ``values`` (keyword arguments for JobFaults)."""
    if name in _FLAGS:
        values[_FLAGS[name]] = _flag(name, value)
    elif name in _COUNTERS:
        values[_COUNTERS[name]] = _count(name, value, default=1, maximum=1000)
    elif name == "status":
        values["final_status"] = _status(value)
    elif name == "expired":
        values["expires_after_s"] = _seconds(name, value, default=0.0)
    elif name == "slow":
        values["slow_ms"] = _count(name, value, default=1000, maximum=MAX_SLOW_MS)
    elif name == "duration":
        values["duration_s"] = _seconds(name, value, default=None)
    elif name == "bytes":
        values["pad_bytes"] = _count(name, value, default=None, maximum=MAX_PAD_BYTES)
    elif name == "outputs":
        values["outputs"] = _count(name, value, default=None, maximum=MAX_OUTPUTS, minimum=1)
    else:  # pragma: no cover - the marker sets name only the cases above
        raise MarkerError(f"unknown simulator marker [sim:{name}]; see simulator/README.md")


def parse_prompt_markers(prompt: str, allowed: frozenset[str] = OPENAI_MARKERS) -> JobFaults:
    """Read every ``[sim:…]`` marker of ``prompt``; a later marker of a name wins.

    ``allowed`` is the simulated API's marker set; any other name is a :class:`MarkerError`.
    """
    values: dict[str, Any] = {}
    found: list[str] = []
    for match in MARKER.finditer(prompt):
        name, value = match.group(1).lower(), match.group(2)
        if name not in allowed:
            raise MarkerError(f"unknown simulator marker [sim:{name}] for this API; see simulator/README.md")
        _apply(values, name, value)
        found.append(match.group(0))
    return replace(JobFaults(), **values, markers=tuple(found))


class KeyFault(StrEnum):
    """Markers an API key may contain; each makes the simulator answer as noted."""

    INVALID = "sim-401"  # 401 invalid_api_key everywhere
    FORBIDDEN = "sim-403"  # 403 organisation not verified / missing scope
    QUOTA = "sim-quota"  # 429 insufficient_quota
    RATE_LIMIT = "sim-ratelimit"  # 429 rate_limit_exceeded with retry-after
    SERVER = "sim-500"  # 500 server_error everywhere
    UNAVAILABLE = "sim-503"  # OpenRouter and Gemini: 503 no provider / model overloaded
    NO_MODEL = "sim-nomodel"  # the Sora models are not listed; creation → 404
    RETIRED = "sim-retired"  # models carry shutdown_date; creation → 410 Gone


def key_faults(key: str) -> frozenset[KeyFault]:
    lowered = key.lower()
    return frozenset(fault for fault in KeyFault if fault.value in lowered)
