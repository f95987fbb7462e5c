"""Composition root of the page: build the adapters, services and views, then start.

Order matters for start-up time: the shell and the current view are drawn and the page
is marked ready first; pydantic, IndexedDB and the records follow right after.
"""

from __future__ import annotations

import traceback
from collections.abc import Awaitable
from typing import Any
from urllib.parse import parse_qs

import js

from app.browser.dom import by_id
from app.core.errors import AppError
from app.core.messages import describe
from app.core.routes import Route, href
from app.core.state import AppState, Phase
from app.core.store import Store
from app.services.tasks import spawn
from app.ui.context import UiContext
from app.ui.shell import Shell
from app.ui.toasts import error_toast, toast


def run_task(awaitable: Awaitable[Any]) -> None:
    """Run an intent in the background; its failure becomes a message, never silence."""

    async def guarded() -> None:
        try:
            await awaitable
        except AppError as exc:
            error_toast(describe(exc))
        except Exception as exc:
            js.console.error("".join(traceback.format_exception(exc)))
            toast(f"Something went wrong: {exc}", kind="error")

    spawn(guarded())


def _reveal() -> None:
    by_id("boot").hidden = True
    by_id("views").hidden = False
    by_id("app").dataset.ready = "true"


def _show_boot_failure(reason: str) -> None:
    """Hand the failure to the boot screen (static/boot.js), which explains it."""
    by_id("app").dataset.ready = "error"
    js.soraBootFailed(reason)


async def _hydrate(ctx: UiContext) -> None:
    """Load pydantic, open IndexedDB, read and validate the records."""
    from app.browser.runtime import load_deferred_wheels

    await load_deferred_wheels()
    from app.browser.idb import Database
    from app.services.controller import Controller
    from app.services.settings_service import SettingsService

    database = await Database.open()
    controller = Controller(ctx.store, SettingsService(database))
    ctx.controller = controller
    await controller.hydrate()
    settings = controller.settings
    query = parse_qs(str(js.location.search).lstrip("?"))
    if "demo" in query and not settings.welcome_done:
        await controller.set_demo_mode(True)
        js.history.replaceState(None, "", str(js.location.pathname) + str(js.location.hash))
    elif not settings.welcome_done:
        _open_welcome(ctx, controller)


def _open_welcome(ctx: UiContext, controller: Any) -> None:
    from app.ui.welcome import WelcomeDialog

    def choose_key() -> None:
        run_task(controller.change_settings(welcome_done=True))
        js.location.hash = href(Route.SETTINGS)

    WelcomeDialog(on_demo=lambda: controller.set_demo_mode(True), on_key=choose_key, run=run_task).open()


async def start() -> None:
    """Draw the app, mark it ready, then load the records."""
    store: Store[AppState] = Store(AppState(page_origin=str(js.location.origin)))
    ctx = UiContext(store=store, controller=None, run=run_task)
    try:
        Shell(ctx).start()
    except Exception as exc:
        js.console.error("".join(traceback.format_exception(exc)))
        _show_boot_failure(str(exc))
        return
    _reveal()
    try:
        await _hydrate(ctx)
    except Exception as exc:
        js.console.error("".join(traceback.format_exception(exc)))
        store.update(phase=Phase.FAILED, boot_error=str(exc))
        _show_boot_failure(describe(exc).detail if isinstance(exc, AppError) else str(exc))
        return
    by_id("app").dataset.hydrated = "true"
