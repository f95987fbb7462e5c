"""Error explanations, vault and key-check messages, poll notes, the resend guard, storage and bundle reports."""

from __future__ import annotations

from app.core.i18n.catalogue import Message

MESSAGES: dict[str, Message] = {}
