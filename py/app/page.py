"""Composition root of the page: build the adapters, services and views, then start.

The only module (with the worker's entry) that names concrete providers and browser
adapters. Order matters for start-up time: the shell and the current view are drawn
and the page is marked ready first; pydantic, IndexedDB and the records follow right
after, and intents sent meanwhile wait for them (:class:`~app.services.intents.Intents`).
"""

from __future__ import annotations

import asyncio
import traceback
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

from app.browser.boot_screen import mark_hydrated, reveal_app, show_failure
from app.browser.console import error as console_error
from app.browser.console import warn
from app.browser.dom import Scope
from app.browser.media_urls import MediaUrls
from app.browser.page_location import current_query, path_and_hash, replace_url, site_address
from app.core.errors import AppError
from app.core.messages import describe
from app.core.provider_directory import ProviderDirectory
from app.core.providers import registry
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
            error_toast(describe(exc))
        except Exception as exc:
            console_error("".join(traceback.format_exception(exc)))
            toast(f"Something went wrong: {exc}", kind="error")

    spawn(guarded())


async def _build_controller(store: Store[AppState], directory: ProviderDirectory) -> tuple[Controller, list[str]]:
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
    from app.browser.sign_in import BrowserSignIn
    from app.browser.storage_info import BrowserStorageInfo
    from app.browser.tabs import TabChannel
    from app.browser.thumbnails import VideoFrames
    from app.core.providers.registry import codecs
    from app.services.controller import Controller
    from app.services.ports import SystemClock
    from app.services.vault_service import VaultService

    database = await Database.open()
    clock = SystemClock()

    async def hard_reset() -> None:
        database.close()
        await delete_database()
        forget_look()
        restart_at_path()

    names = {p.provider_id: p.label for p in directory.providers}
    controller = Controller(
        store,
        records=database,
        vault=VaultService(database, WebCryptoCipher(), clock, names),
        directory=directory,
        codecs=codecs(),
        transport=FetchTransport(),
        clock=clock,
        images=CanvasImages(),
        frames=VideoFrames(),
        folder=ExportFolder(database),
        storage_info=BrowserStorageInfo(),
        sign_in=BrowserSignIn(),
        tab_channel=TabChannel,
        hard_reset=hard_reset,
        run=run_task,
    )
    return controller, wheel_urls


async def _hydrate(ctx: UiContext, site_ready: Awaitable[None]) -> None:
    """Build the controller, load the records, hand the controller to the waiting intents."""
    controller, wheel_urls = await _build_controller(ctx.store, ctx.providers)
    await site_ready  # a static build's demo calls and polling worker need its service worker
    await controller.hydrate()
    ctx.intents.attach(controller)
    from app.browser.relay_probe import relay_available
    from app.ui.job_watch import watch_jobs

    watch_jobs(ctx.store)
    spawn(_start_queue(ctx, controller, wheel_urls))
    spawn(_probe_relay(ctx, relay_available))
    query = parse_qs(current_query())
    settings = controller.settings
    if "code" in query and controller.keys.sign_in_pending():
        await _finish_sign_in(ctx, controller, query["code"][0])
    elif "demo" in query and not settings.welcome_done:
        await controller.set_demo_mode(True)
        replace_url(path_and_hash())
    elif not settings.welcome_done:
        _open_welcome(ctx)
    elif any(v.state is VaultState.LOCKED for v in ctx.store.state.vaults.values()):
        from app.ui.unlock import UnlockDialog

        UnlockDialog(ctx).open()


async def _finish_sign_in(ctx: UiContext, controller: Controller, code: str) -> None:
    """Back from a provider's sign-in page: exchange the code for a key (once), clean the URL."""
    replace_url(path_and_hash())  # the code is single use: never leave it in the address
    try:
        provider_id = await controller.keys.finish_sign_in(code)
    except AppError as exc:
        error_toast(describe(exc))
        return
    if not controller.settings.welcome_done:
        await controller.change_settings(welcome_done=True, demo_mode=False)
    toast(f"Signed in: your {ctx.providers.get(provider_id).label} key is saved and encrypted in this browser.")


async def _probe_relay(ctx: UiContext, probe: Callable[[], Awaitable[bool]]) -> None:
    ctx.store.update(relay_available=await probe())


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


async def _prepare_site(ctx: UiContext) -> None:
    """A static build: register its service worker, wait until it controls the page, offer updates."""
    from app.browser.site import SiteWorker, SiteWorkerError, is_static_build

    if not is_static_build():
        return
    try:
        worker = await SiteWorker.register(_page_scope)
        await worker.until_in_control()
    except SiteWorkerError as exc:
        warn(f"service worker: {exc}")
        toast(
            f"Demo mode and offline start are not available: {exc}. Renders with your own key still work.",
            kind="error",
            seconds=60,
        )
        return
    from app.ui.update_offer import show_update_offer

    worker.watch_updates(lambda: show_update_offer(ctx.store.state, worker.apply_update))


def _open_welcome(ctx: UiContext) -> None:
    from app.ui.welcome import WelcomeDialog

    WelcomeDialog(ctx, on_demo=lambda: ctx.intents.do(lambda c: c.set_demo_mode(True))).open()


async def start() -> None:
    """Draw the app, mark it ready, then load the records."""
    store: Store[AppState] = Store(AppState(page_origin=site_address()))
    intents = Intents()
    media = MediaUrls(lambda asset_id: intents.do(lambda c: c.job_store.blob(asset_id)))
    ctx = UiContext(store=store, intents=intents, media=media, providers=registry.directory(), run=run_task)
    try:
        Shell(ctx).start()
    except Exception as exc:
        console_error("".join(traceback.format_exception(exc)))
        show_failure(str(exc))
        return
    reveal_app()
    site_ready = spawn(_prepare_site(ctx))
    try:
        await _hydrate(ctx, site_ready)
    except Exception as exc:
        console_error("".join(traceback.format_exception(exc)))
        intents.fail(exc if isinstance(exc, AppError) else AppError(f"The app could not start: {exc}"))
        store.update(phase=Phase.FAILED, boot_error=str(exc))
        show_failure(describe(exc).detail if isinstance(exc, AppError) else str(exc))
        return
    mark_hydrated()
