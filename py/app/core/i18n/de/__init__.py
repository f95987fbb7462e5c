"""German (Sie-form): the tables of every area in one catalogue."""

from __future__ import annotations

from app.core.i18n.catalogue import locale_tables

MESSAGES = locale_tables("de")
