"""Job texts built in core: queue card labels, status, ETA, costs, prices and estimates, compose validation."""

from __future__ import annotations

from app.core.i18n.catalogue import Message

MESSAGES: dict[str, Message] = {}
