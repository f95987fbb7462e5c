"""The whole app state as one frozen value (see :mod:`app.core.store`).

Typed records (pydantic) are imported for type checking only: the boot path renders
the first screen before pydantic is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from app.core.routes import Location, Route

if TYPE_CHECKING:
    from app.core.settings import Settings


class Phase(StrEnum):
    """Where the app is in its start-up."""

    BOOTING = "booting"  # Python runs, first screen drawn, records not loaded yet
    READY = "ready"  # records loaded and validated
    FAILED = "failed"  # storage could not be opened


@dataclass(frozen=True)
class AppState:
    location: Location = field(default_factory=lambda: Location(Route.NEW))
    phase: Phase = Phase.BOOTING
    page_origin: str = ""
    settings: Settings | None = None
    online: bool = True
    boot_error: str = ""
