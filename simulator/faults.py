"""Failure injection: ``[sim:NAME=VALUE]`` markers in a prompt, ``sim-*`` markers in a key.

Markers let a demo or a test pick, per request, any path the real service can take
(moderation block, expiry, 429/500 storms, slow or broken downloads) without a
global switch. Prompt markers stay in the prompt; the full list is in README.md.
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
    markers: tuple[str, ...] = field(default=())


def _count(name: str, value: str | None, *, default: int | None, maximum: int) -> int:
    if value is None and default is not None:
        return default
    if value is None or not value.isdigit() or int(value) > maximum:
        raise MarkerError(f"[sim:{name}=N] needs a whole number from 0 to {maximum}, got {value!r}")
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


def _apply(values: dict[str, Any], name: str, value: str | None) -> None:
    """Set one marker's effect in ``values`` (keyword arguments for JobFaults)."""
    match name:
        case "moderation" | "fail" | "canceled" | "redirect":
            values[name] = _flag(name, value)
        case "noranges":
            values["no_ranges"] = _flag(name, value)
        case "status":
            values["final_status"] = _status(value)
        case "expired":
            values["expires_after_s"] = _seconds(name, value, default=0.0)
        case "500":
            values["status_500"] = _count(name, value, default=1, maximum=1000)
        case "429":
            values["status_429"] = _count(name, value, default=1, maximum=1000)
        case "content500":
            values["content_500"] = _count(name, value, default=1, maximum=1000)
        case "truncate":
            values["truncate"] = _count(name, value, default=1, maximum=1000)
        case "slow":
            values["slow_ms"] = _count(name, value, default=1000, maximum=MAX_SLOW_MS)
        case "duration":
            values["duration_s"] = _seconds(name, value, default=None)
        case "bytes":
            values["pad_bytes"] = _count(name, value, default=None, maximum=MAX_PAD_BYTES)
        case _:
            raise MarkerError(f"unknown simulator marker [sim:{name}]; see simulator/README.md")


def parse_prompt_markers(prompt: str) -> JobFaults:
    """Read every ``[sim:…]`` marker of ``prompt``; a later marker of a name wins."""
    values: dict[str, Any] = {}
    found: list[str] = []
    for match in MARKER.finditer(prompt):
        name, value = match.group(1).lower(), match.group(2)
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
    NO_MODEL = "sim-nomodel"  # the Sora models are not listed; creation → 404
    RETIRED = "sim-retired"  # models carry shutdown_date; creation → 410 Gone


def key_faults(key: str) -> frozenset[KeyFault]:
    lowered = key.lower()
    return frozenset(fault for fault in KeyFault if fault.value in lowered)
