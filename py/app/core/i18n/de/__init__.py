"""German (Sie-form): the tables of every area in one catalogue."""

from __future__ import annotations

from app.core.i18n.catalogue import merge
from app.core.i18n.de import (
    batch,
    bundle_checks,
    checks,
    compose,
    dialogs,
    errors,
    jobs,
    library,
    platform,
    services,
    settings,
    shell,
    views,
)

MESSAGES = merge(
    shell.MESSAGES,
    views.MESSAGES,
    settings.MESSAGES,
    dialogs.MESSAGES,
    library.MESSAGES,
    batch.MESSAGES,
    compose.MESSAGES,
    errors.MESSAGES,
    jobs.MESSAGES,
    checks.MESSAGES,
    services.MESSAGES,
    bundle_checks.MESSAGES,
    platform.MESSAGES,
)
