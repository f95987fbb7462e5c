"""Composition root of the page: build the adapters, services and views, then start.

The only module (with the worker's entry) that names concrete providers and browser
adapters. Until Python is ready the page is already usable: ``static/early.js`` draws
New Render's prompt and pickers and the navigation from a snapshot. Here pydantic,
IndexedDB and the records are loaded, what the user did on the early page is applied
on top of the saved draft, and the real views replace the early ones in one turn, so
no keystroke is lost and nothing opens late over the user's work.
"""

from __future__ import annotations

import dataclasses
import time
import traceback
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

from app.browser.boot_screen import mark_hydrated, reveal_app, show_failure
from app.browser.console import error as console_error
from app.browser.console import warn
from app.browser.dom import by_id
from app.browser.early_page import (
    early_input,
    finish_early,
    forget_snapshot,
    give_back_focus,
    jobs_were_running,
    remember_snapshot,
)
from app.browser.media_urls import MediaUrls
from app.browser.page_location import current_query, path_and_hash, replace_url, site_address
from app.browser.perf import mark
from app.browser.poller_start import PAGE_SCOPE, EarlyWorker, start_queue
from app.browser.route_log import forget_routes
from app.core.early import EarlyInput, snapshot
from app.core.errors import AppError
from app.core.i18n import tr
from app.core.messages import describe
from app.core.provider_directory import ProviderDirectory, day_of
from app.core.providers import registry
from app.core.state import AppState, Phase
from app.core.store import Store
from app.core.vault_status import VaultState
from app.core.version import APP_VERSION
from app.services.early_adoption import adopt_early_input
from app.services.intents import Intents
from app.services.tasks import spawn
from app.ui.context import UiContext
from app.ui.shell import Shell
from app.ui.toasts import error_toast, toast

if TYPE_CHECKING:
    from app.services.controller import Controller


def run_task(awaitable: Awaitable[Any]) -> None:
    """Run an intent in the background; its failure becomes a message, never silence."""

    async def guarded() -> None:
        try:
            await awaitable
        except AppError as exc:
            error_toast(describe(exc))
        except Exception as exc:
            console_error("".join(traceback.format_exception(exc)))
            toast(tr("svc.page.failed", error=str(exc)), kind="error")

    spawn(guarded())


async def _build_controller(store: Store[AppState], directory: ProviderDirectory) -> tuple[Controller, list[str]]:
    """Load pydantic, open IndexedDB, and build every service over the browser adapters."""
    from app.browser.runtime import load_deferred_wheels

    wheel_urls = await load_deferred_wheels()
    mark("wheels-loaded")
    from app.browser.byte_ranges import BrowserBlobBytes
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

    mark("modules-imported")
    database = await Database.open()
    mark("database-open")
    clock = SystemClock()
    cipher = WebCryptoCipher()

    async def hard_reset() -> None:
        database.close()
        await delete_database()
        forget_look()
        forget_snapshot()
        forget_routes()
        restart_at_path()

    names = {p.provider_id: p.label for p in directory.providers}
    controller = Controller(
        store,
        records=database,
        vault=VaultService(database, cipher, clock, names),
        cipher=cipher,
        blob_bytes=BrowserBlobBytes(),
        app_version=APP_VERSION,
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


async def _hydrate(ctx: UiContext, site_ready: Awaitable[None]) -> tuple[Controller, list[str], EarlyInput]:
    """Build the controller, load the records, take over the early page, draw the views."""
    controller, wheel_urls = await _build_controller(ctx.store, ctx.providers)
    await site_ready  # a static build's demo calls and polling worker need its service worker
    await controller.hydrate()
    mark("records-read")
    ctx.intents.attach(controller)
    try:
        await adopt_early_input(controller, early_input())
    except AppError as exc:  # the prompt is applied first; a refused choice is said, not fatal
        error_toast(describe(exc))
    late = early_input()  # typed while the choices were applied: same turn as the swap below
    draft = ctx.store.state.draft
    if late.prompt is not None and late.prompt != draft.prompt:
        ctx.store.update(draft=dataclasses.replace(draft, prompt=late.prompt))
        run_task(controller.compose.change(prompt=late.prompt))
    Shell(ctx).start()
    finish_early()
    reveal_app()
    prompt = by_id("prompt") if ctx.store.state.location.route.value == "new" else None
    if prompt is not None:
        give_back_focus(prompt, late)
    mark("shell-drawn")
    _keep_snapshot(ctx)
    return controller, wheel_urls, late


async def _after_hydrate(
    ctx: UiContext, controller: Controller, wheel_urls: list[str], early: EarlyInput, worker: EarlyWorker | None
) -> None:
    """Start the queue and answer how the page was opened (sign-in callback, ?demo=1, early choice);
    awaited before the page is marked hydrated, so a setting it changes cannot race the user's."""
    from app.browser.relay_probe import relay_available
    from app.ui.idle_watch import watch_idle
    from app.ui.job_watch import watch_jobs

    watch_jobs(ctx.store)
    watch_idle(ctx, PAGE_SCOPE)
    spawn(start_queue(ctx.store, controller, wheel_urls, worker))
    spawn(_probe_relay(ctx, relay_available))
    query = parse_qs(current_query())
    settings = controller.settings
    if "code" in query and controller.keys.sign_in_pending():
        await _finish_sign_in(ctx, controller, query["code"][0])
    elif "demo" in query and not settings.welcome_done:
        await controller.set_demo_mode(True)
        replace_url(path_and_hash())
    elif early.choice.startswith("sign-in:"):
        from app.ui.welcome import sign_in

        sign_in(ctx, early.choice.removeprefix("sign-in:"))
    elif any(v.state is VaultState.LOCKED for v in ctx.store.state.vaults.values()):
        from app.ui.unlock import UnlockDialog

        UnlockDialog(ctx).open()


def _keep_snapshot(ctx: UiContext) -> None:
    """Keep the early page's snapshot in step with the settings, the draft and the models."""

    shown: list[object] = [None]

    def write(state: AppState) -> None:
        from app.core.jobs import needs_polling  # pydantic is loaded by now

        polling = any(needs_polling(job) for job in state.jobs.values())
        key = (state.settings, state.draft, state.catalogues, polling)
        if key == shown[0]:
            return  # progress ticks change jobs, not what the early page shows
        shown[0] = key
        today = day_of(time.time())
        data = snapshot(ctx.providers, state.catalogues, state.settings, state.draft, today, polling=polling)
        remember_snapshot(data)

    def changed(state: AppState, old: AppState) -> None:
        if state.jobs is not old.jobs or (state.settings, state.draft, state.catalogues) != (
            old.settings,
            old.draft,
            old.catalogues,
        ):
            write(state)

    ctx.store.subscribe(changed)
    write(ctx.store.state)


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
    toast(tr("svc.page.signed_in", provider=ctx.providers.get(provider_id).label))


async def _probe_relay(ctx: UiContext, probe: Callable[[], Awaitable[bool]]) -> None:
    ctx.store.update(relay_available=await probe())


async def _prepare_site(ctx: UiContext) -> None:
    """A static build: register its service worker, wait until it controls the page, offer updates."""
    from app.browser.site import SiteWorker, SiteWorkerError, is_static_build

    if not is_static_build():
        return
    try:
        worker = await SiteWorker.register(PAGE_SCOPE)
        await worker.until_in_control()
    except SiteWorkerError as exc:
        warn(f"service worker: {exc}")
        toast(
            tr("svc.page.no_site_worker", error=str(exc)),
            kind="error",
            seconds=60,
        )
        return
    from app.ui.update_offer import show_update_offer

    worker.watch_updates(lambda: show_update_offer(ctx.store.state, worker.apply_update))


async def start() -> None:
    """Load the records, take over the early page, draw the app, then start the queue."""
    mark("python-started")
    early_worker = EarlyWorker() if jobs_were_running() else None  # before anything else: it boots in parallel
    store: Store[AppState] = Store(AppState(page_origin=site_address()))
    intents = Intents()
    media = MediaUrls(lambda asset_id: intents.do(lambda c: c.job_store.blob(asset_id)))
    ctx = UiContext(store=store, intents=intents, media=media, providers=registry.directory(), run=run_task)
    try:
        controller, wheel_urls, early = await _hydrate(ctx, spawn(_prepare_site(ctx)))
    except Exception as exc:  # the early page stays, with what was typed on it
        console_error("".join(traceback.format_exception(exc)))
        intents.fail(exc if isinstance(exc, AppError) else AppError(tr("svc.page.no_start", error=str(exc))))
        store.update(phase=Phase.FAILED, boot_error=str(exc))
        show_failure(describe(exc).detail if isinstance(exc, AppError) else str(exc))
        return
    try:
        await _after_hydrate(ctx, controller, wheel_urls, early, early_worker)
    except AppError as exc:
        error_toast(describe(exc))
    mark_hydrated()
