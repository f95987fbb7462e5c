"""Composition root of the page: build the adapters, services and views, then start.

Order matters for start-up time: the shell and the current view are drawn and the page
is marked ready first; pydantic, IndexedDB and the records follow right after.
"""

from __future__ import annotations

import asyncio
import traceback
from collections.abc import Awaitable
from typing import Any
from urllib.parse import parse_qs

import js

from app.browser.dom import Scope, by_id
from app.core.errors import AppError
from app.core.messages import describe
from app.core.state import AppState, Phase
from app.core.store import Store
from app.services.tasks import spawn
from app.ui.context import UiContext
from app.ui.shell import Shell
from app.ui.toasts import error_toast, toast

WORKER_START_ATTEMPTS = 4
_page_scope = Scope()  # listeners that live as long as the page


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

    wheel_urls = await load_deferred_wheels()
    from app.browser.crypto import WebCryptoCipher
    from app.browser.fetch import FetchTransport
    from app.browser.idb import Database, delete_database
    from app.browser.images import CanvasImages
    from app.browser.media_urls import MediaUrls
    from app.browser.storage_info import BrowserStorageInfo
    from app.core.providers.openai_videos.capabilities import CAPABILITIES
    from app.core.providers.openai_videos.codec import OpenAIVideosProvider
    from app.core.vault_status import VaultState
    from app.services.controller import Controller
    from app.services.ports import SystemClock
    from app.services.provider_client import ProviderClient
    from app.services.settings_service import SettingsService
    from app.services.vault_service import VaultService
    from app.ui.job_watch import watch_jobs

    database = await Database.open()
    clock = SystemClock()
    transport = FetchTransport()

    async def hard_reset() -> None:
        database.close()
        await delete_database()
        js.localStorage.removeItem("sora-theme")
        js.location.replace(str(js.location.pathname))

    controller = Controller(
        ctx.store,
        records=database,
        settings=SettingsService(database),
        vault=VaultService(database, WebCryptoCipher(), clock),
        client_factory=lambda endpoint: ProviderClient(OpenAIVideosProvider(), transport, endpoint),
        storage_info=BrowserStorageInfo(),
        clock=clock,
        hard_reset=hard_reset,
        images=CanvasImages(CAPABILITIES),
        capabilities=CAPABILITIES,
    )
    controller.media = MediaUrls(controller.job_store.blob)
    ctx.controller = controller
    await controller.hydrate()
    watch_jobs(ctx.store)
    spawn(_start_queue(ctx, controller, wheel_urls))
    settings = controller.settings
    query = parse_qs(str(js.location.search).lstrip("?"))
    if "demo" in query and not settings.welcome_done:
        await controller.set_demo_mode(True)
        js.history.replaceState(None, "", str(js.location.pathname) + str(js.location.hash))
    elif not settings.welcome_done:
        _open_welcome(ctx, controller)
    elif ctx.store.state.vault is not None and ctx.store.state.vault.state is VaultState.LOCKED:
        from app.ui.unlock import UnlockDialog

        UnlockDialog(ctx).open()


async def _start_queue(ctx: UiContext, controller: Any, wheel_urls: list[str]) -> None:
    """Join the other tabs, wait for the poller role, start the worker, resume every job."""
    from app.browser.connectivity import watch_online
    from app.browser.poller_link import WorkerPoller
    from app.browser.tabs import TabChannel, poller_role
    from app.core.poll_messages import from_message
    from app.core.state import PollerRole

    queue = controller.queue
    queue.channel = TabChannel(lambda job_id: run_task(queue.changed_elsewhere(job_id)))
    online = watch_online(_page_scope, queue.set_online)
    ctx.store.update(online=online)
    await poller_role(on_waiting=lambda: ctx.store.update(poller_role=PollerRole.FOLLOWING))
    ctx.store.update(poller_role=PollerRole.STARTING)

    def on_message(data: Any) -> None:
        try:
            queue.deliver(from_message(data))
        except (ValueError, TypeError, KeyError) as exc:
            js.console.error(f"polling worker: unreadable message ({exc})")

    poller: WorkerPoller | None = None
    for attempt in range(WORKER_START_ATTEMPTS):
        try:
            poller = poller or await WorkerPoller.create(on_message)
            await poller.connect(wheel_urls)
            break
        except Exception as exc:
            reason = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
            js.console.warn(f"polling worker: could not start ({reason})")
            if attempt == WORKER_START_ATTEMPTS - 1:
                ctx.store.update(poller_role=PollerRole.UNAVAILABLE, poller_error=reason)
                return
            await _until_online(ctx.store)
            await asyncio.sleep(2.0 * (attempt + 1))
    assert poller is not None
    await queue.become_poller(poller, online=bool(js.navigator.onLine))


async def _until_online(store: Store[AppState]) -> None:
    """Wait for the browser's ``online`` event (at once when already online)."""
    if store.state.online:
        return
    back: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def changed(state: AppState, _old: AppState) -> None:
        if state.online and not back.done():
            back.set_result(None)

    unsubscribe = store.subscribe(changed)
    try:
        await back
    finally:
        unsubscribe()


def _open_welcome(ctx: UiContext, controller: Any) -> None:
    from app.ui.welcome import WelcomeDialog

    WelcomeDialog(ctx, on_demo=lambda: controller.set_demo_mode(True)).open()


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
