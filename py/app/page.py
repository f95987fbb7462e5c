"""Composition root of the page: build the adapters, services and views, then start.

The only module (with the worker's entry) that names concrete providers and browser
adapters. Order matters for start-up time: the shell and the current view are drawn
and the page is marked ready first; pydantic, IndexedDB and the records follow right
after, and intents sent meanwhile wait for them (:class:`~app.services.intents.Intents`).
"""

from __future__ import annotations

import asyncio
import traceback
from collections.abc import Awaitable
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

from app.browser.boot_screen import mark_hydrated, reveal_app, show_failure
from app.browser.console import error as console_error
from app.browser.console import warn
from app.browser.dom import Scope
from app.browser.media_urls import MediaUrls
from app.browser.page_location import current_query, origin, path_and_hash, replace_url
from app.core.errors import AppError
from app.core.messages import describe
from app.core.providers.openai_videos.capabilities import CAPABILITIES
from app.core.state import AppState, Phase
from app.core.store import Store
from app.core.vault_status import VaultState
from app.services.intents import Intents
from app.services.tasks import spawn
from app.ui.context import UiContext
from app.ui.shell import Shell
from app.ui.toasts import error_toast, toast

if TYPE_CHECKING:
    from app.services.controller import Controller

WORKER_START_ATTEMPTS = 4
_page_scope = Scope()  # listeners that live as long as the page


def run_task(awaitable: Awaitable[Any]) -> None:
    """Run an intent in the background; its failure becomes a message, never silence."""

    async def guarded() -> None:
        try:
            await awaitable
        except AppError as exc:
            error_toast(describe(exc, gone_note=CAPABILITIES.notice))
        except Exception as exc:
            console_error("".join(traceback.format_exception(exc)))
            toast(f"Something went wrong: {exc}", kind="error")

    spawn(guarded())


async def _build_controller(store: Store[AppState]) -> tuple[Controller, list[str]]:
    """Load pydantic, open IndexedDB, and build every service over the browser adapters."""
    from app.browser.runtime import load_deferred_wheels

    wheel_urls = await load_deferred_wheels()
    from app.browser.crypto import WebCryptoCipher
    from app.browser.fetch import FetchTransport
    from app.browser.files import ExportFolder
    from app.browser.idb import Database, delete_database
    from app.browser.images import CanvasImages
    from app.browser.look import forget_look
    from app.browser.page_location import restart_at_path
    from app.browser.storage_info import BrowserStorageInfo
    from app.browser.tabs import TabChannel
    from app.browser.thumbnails import VideoFrames
    from app.core.providers.openai_videos.codec import OpenAIVideosProvider
    from app.services.controller import Controller
    from app.services.ports import SystemClock
    from app.services.provider_client import ProviderClient
    from app.services.vault_service import VaultService

    database = await Database.open()
    clock = SystemClock()
    transport = FetchTransport()
    provider = OpenAIVideosProvider()

    async def hard_reset() -> None:
        database.close()
        await delete_database()
        forget_look()
        restart_at_path()

    controller = Controller(
        store,
        records=database,
        vault=VaultService(database, WebCryptoCipher(), clock),
        client_factory=lambda endpoint: ProviderClient(provider, transport, endpoint),
        capabilities=CAPABILITIES,
        clock=clock,
        images=CanvasImages(CAPABILITIES),
        frames=VideoFrames(),
        folder=ExportFolder(database),
        storage_info=BrowserStorageInfo(),
        tab_channel=TabChannel,
        hard_reset=hard_reset,
        run=run_task,
    )
    return controller, wheel_urls


async def _hydrate(ctx: UiContext) -> None:
    """Build the controller, load the records, hand the controller to the waiting intents."""
    controller, wheel_urls = await _build_controller(ctx.store)
    await controller.hydrate()
    ctx.intents.attach(controller)
    from app.ui.job_watch import watch_jobs

    watch_jobs(ctx.store)
    spawn(_start_queue(ctx, controller, wheel_urls))
    settings = controller.settings
    if "demo" in parse_qs(current_query()) and not settings.welcome_done:
        await controller.set_demo_mode(True)
        replace_url(path_and_hash())
    elif not settings.welcome_done:
        _open_welcome(ctx)
    elif ctx.store.state.vault is not None and ctx.store.state.vault.state is VaultState.LOCKED:
        from app.ui.unlock import UnlockDialog

        UnlockDialog(ctx).open()


async def _start_queue(ctx: UiContext, controller: Controller, wheel_urls: list[str]) -> None:
    """Wait for the poller role, start the worker, resume every job."""
    from app.browser.connectivity import is_online, watch_online
    from app.browser.poller_link import WorkerPoller
    from app.browser.tabs import poller_role
    from app.core.poll_messages import from_message
    from app.core.state import PollerRole

    queue = controller.queue
    online = watch_online(_page_scope, queue.set_online)
    ctx.store.update(online=online)
    await poller_role(on_waiting=lambda: ctx.store.update(poller_role=PollerRole.FOLLOWING))
    ctx.store.update(poller_role=PollerRole.STARTING)

    def on_message(data: Any) -> None:
        try:
            queue.deliver(from_message(data))
        except (ValueError, TypeError, KeyError) as exc:
            console_error(f"polling worker: unreadable message ({exc})")

    poller: WorkerPoller | None = None
    for attempt in range(WORKER_START_ATTEMPTS):
        try:
            poller = poller or await WorkerPoller.create(on_message)
            await poller.connect(wheel_urls)
            break
        except Exception as exc:
            reason = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
            warn(f"polling worker: could not start ({reason})")
            if attempt == WORKER_START_ATTEMPTS - 1:
                ctx.store.update(poller_role=PollerRole.UNAVAILABLE, poller_error=reason)
                return
            await _until_online(ctx.store)
            await asyncio.sleep(2.0 * (attempt + 1))
    assert poller is not None
    await queue.become_poller(poller, online=is_online())


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


def _open_welcome(ctx: UiContext) -> None:
    from app.ui.welcome import WelcomeDialog

    WelcomeDialog(ctx, on_demo=lambda: ctx.intents.do(lambda c: c.set_demo_mode(True))).open()


async def start() -> None:
    """Draw the app, mark it ready, then load the records."""
    store: Store[AppState] = Store(AppState(page_origin=origin()))
    intents = Intents()
    media = MediaUrls(lambda asset_id: intents.do(lambda c: c.job_store.blob(asset_id)))
    ctx = UiContext(store=store, intents=intents, media=media, capabilities=CAPABILITIES, run=run_task)
    try:
        Shell(ctx).start()
    except Exception as exc:
        console_error("".join(traceback.format_exception(exc)))
        show_failure(str(exc))
        return
    reveal_app()
    try:
        await _hydrate(ctx)
    except Exception as exc:
        console_error("".join(traceback.format_exception(exc)))
        intents.fail(exc if isinstance(exc, AppError) else AppError(f"The app could not start: {exc}"))
        store.update(phase=Phase.FAILED, boot_error=str(exc))
        show_failure(describe(exc).detail if isinstance(exc, AppError) else str(exc))
        return
    mark_hydrated()
