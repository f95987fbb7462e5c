"""The idle lock on the page: the user's activity, wake-ups, their chosen time, the vault's state.

Feeds :class:`~app.services.idle_guard.IdleGuard`, which decides; locking goes through the
same intent as "Lock now", so the keys leave the page and the polling worker alike.
"""

from __future__ import annotations

from typing import Any

from app.browser.dom import Scope, document_node, window_node
from app.core.errors import AppError
from app.core.i18n import tr
from app.core.state import AppState
from app.core.vault_status import VaultState
from app.services.idle_guard import IdleGuard
from app.services.ports import SystemClock
from app.ui.context import UiContext
from app.ui.toasts import toast

ACTIVITY_EVENTS = ("pointerdown", "pointermove", "keydown", "wheel", "touchstart")


def passphrase_open(state: AppState) -> bool:
    """A passphrase vault with keys in memory: something an idle lock would protect."""
    vaults = [v for v in state.vaults.values() if v.state is not VaultState.EMPTY]
    return any(v.mode == "passphrase" for v in vaults) and all(v.state is not VaultState.LOCKED for v in vaults)


def _minutes_text(minutes: float) -> str:
    return (
        tr("idle.an_hour")
        if minutes == 60
        else tr("idle.minutes", count=int(minutes) if minutes == int(minutes) else minutes)
    )


def watch_idle(ctx: UiContext, scope: Scope) -> IdleGuard:
    """Start guarding; the guard lives as long as ``scope``."""

    async def lock() -> None:
        minutes = ctx.store.state.settings.lock_after_minutes if ctx.store.state.settings else 0
        try:
            await ctx.intents.do(lambda c: c.keys.lock())
        except AppError:
            return  # the vault changed meanwhile (no passphrase any more): nothing to lock
        toast(tr("idle.locked", minutes=_minutes_text(minutes)), seconds=60)

    guard = IdleGuard(SystemClock(), lock)

    def sync(state: AppState, _old: Any = None) -> None:
        minutes = state.settings.lock_after_minutes if state.settings is not None else 0
        guard.configure(minutes=minutes, armed=passphrase_open(state))

    for event in ACTIVITY_EVENTS:
        scope.on(window_node(), event, lambda _event: guard.activity(), passive=True)
    scope.on(document_node(), "visibilitychange", lambda _event: guard.check())  # back from sleep or hidden
    ctx.store.subscribe(sync)
    sync(ctx.store.state)
    return guard
