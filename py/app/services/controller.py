"""The intents views can dispatch (through :class:`~app.services.intents.Intents`),
carried out over the services and the store.

Every collaborator is built here from the ports and the provider codecs the page hands
in: in the constructor, except backup export and import, built on first use (their modules
are not needed before the page is ready); the store is updated only after a change is persisted, so
what the user sees is what is saved.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Awaitable, Callable, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from app.core.batch_plan import BatchPlan
from app.core.compose import fresh_draft, with_model
from app.core.download_ledger import partial_of
from app.core.errors import InputError
from app.core.i18n import tr
from app.core.job_record import JobRecord
from app.core.presets import applied
from app.core.provider_directory import ProviderDirectory, day_of
from app.core.providers.base import VideoProvider
from app.core.queue_cards import locked_note
from app.core.routes import Location
from app.core.settings import Settings
from app.core.state import AppState, Phase
from app.core.store import Store
from app.core.vault_status import VaultState
from app.services.batch_runner import BatchRunner
from app.services.clip_continuer import ClipContinuer
from app.services.compose_intents import ComposeIntents
from app.services.job_actions import JobActions
from app.services.job_book import JobBook
from app.services.job_store import JobStore
from app.services.key_service import KeyService
from app.services.library_service import LibraryService
from app.services.ports import (
    BlobBytes,
    Cipher,
    Clock,
    FolderWriter,
    FrameGrabber,
    ImageProcessor,
    RecordStore,
    SignInStore,
    StorageInfo,
    TabChannel,
    Transport,
)
from app.services.preset_service import PresetService
from app.services.provider_hub import ProviderHub
from app.services.queue_service import QueueService
from app.services.render_service import RenderService
from app.services.settings_service import SettingsService
from app.services.storage_report import build_report
from app.services.tasks import spawn
from app.services.vault_service import VaultService

if TYPE_CHECKING:
    from app.services.bundle_export import ExportService
    from app.services.bundle_import import ImportOutcome, ImportService
    from app.services.bundle_keys import BundleKeySealer


class Controller:
    """Settings, providers and keys, storage, and the job services."""

    def __init__(
        self,
        store: Store[AppState],
        *,
        records: RecordStore,
        vault: VaultService,
        cipher: Cipher,
        blob_bytes: BlobBytes,
        app_version: str,
        directory: ProviderDirectory,
        codecs: Mapping[str, VideoProvider],
        transport: Transport,
        clock: Clock,
        images: ImageProcessor,
        frames: FrameGrabber,
        folder: FolderWriter,
        storage_info: StorageInfo,
        sign_in: SignInStore,
        tab_channel: Callable[[Callable[[str], None]], TabChannel],
        hard_reset: Callable[[], Awaitable[None]],
        run: Callable[[Awaitable[Any]], None],
    ) -> None:
        self.store = store
        self.records = records
        self.settings_service = SettingsService(records, default_provider=directory.default_id)
        self.vault = vault
        self.directory = directory
        self.clock = clock
        self.storage_info = storage_info
        self.folder = folder
        self._hard_reset = hard_reset
        self.hub = ProviderHub(store, directory, codecs, transport, vault, records, clock)
        self.job_store = JobStore(records)
        self.channel = tab_channel(lambda job_id: run(self.queue.changed_elsewhere(job_id)))
        self.book = JobBook(store, self.job_store, self.channel)
        self.render = RenderService(self.book, images, clock)
        self.queue = QueueService(
            self.book,
            self.hub,
            clock,
            self.render,
            interval_s=lambda: self.settings.poll_interval_ms / 1000.0,
            auto_download=lambda: self.settings.auto_download,
            target=self.hub.target,
        )
        self.batches = BatchRunner(
            self.book,
            self.hub,
            self.render,
            clock,
            polling=lambda: self.queue.polling,
            after_send=self.queue.submitted,
            sleep=asyncio.sleep,
        )
        store.subscribe(self.batches.changed)  # sends when a batch waits and this tab polls
        self.keys = KeyService(
            store, self.hub, vault, self.settings_service, sign_in, clock, on_keys_changed=self._keys_changed
        )
        self.compose = ComposeIntents(
            store,
            records,
            self.render,
            images,
            provider=self.hub.active,
            target=self.hub.target,
            today=lambda: day_of(clock.now()),
            after_submit=self.queue.submitted,
        )
        self.library = LibraryService(self.book, self.queue, self.render, frames, clock, self.hub)
        self.continuer = ClipContinuer(self.book, frames, self.hub)
        self.presets = PresetService(store, records, clock)
        self.jobs = JobActions(
            store,
            self.job_store,
            self.compose,
            self.continuer,
            self.queue,
            folder,
            directory,
            active_provider=lambda: self.hub.active_id,
            use_provider=lambda provider_id: self.change_settings(provider_id=provider_id),
        )
        self._cipher, self._blob_bytes, self._app_version = cipher, blob_bytes, app_version

    # -- backups: built on first use (their modules are a quarter of the imports before ready) --
    @cached_property
    def _sealer(self) -> BundleKeySealer:
        from app.services.bundle_keys import BundleKeySealer

        return BundleKeySealer(self._cipher)

    @cached_property
    def exports(self) -> ExportService:
        from app.services.bundle_export import ExportService

        return ExportService(
            self.store,
            self.records,
            self.vault,
            self._sealer,
            self._blob_bytes,
            self.clock,
            app_version=self._app_version,
        )

    @cached_property
    def imports(self) -> ImportService:
        from app.services.bundle_import import ImportService

        return ImportService(
            self.store, self.records, self.vault, self._sealer, self._blob_bytes, self.clock, after=self._imported
        )

    # -- state ----------------------------------------------------------------------
    @property
    def settings(self) -> Settings:
        current = self.store.state.settings
        if current is None:
            raise RuntimeError("settings are not loaded yet")
        return current

    async def hydrate(self) -> bool:
        """Load settings, the vault, the jobs, the model lists and the draft; True on first run."""
        settings, existed = await self.settings_service.load()
        self.store.update(settings=settings)
        legacy = self.hub.key_origin("openai-videos", settings.chosen_base_url(self.directory.get("openai-videos")))
        await self.vault.load(legacy_origin=legacy)
        jobs, _broken = await self.job_store.load_all()
        by_id = {job.id: job for job in jobs}
        unfinished = await self.job_store.downloads.sweep(by_id)  # parts nobody will join are released
        self.store.update(
            vaults=self.vault.statuses(), vault_loaded=True, jobs=by_id, partial_downloads=partial_of(unfinished)
        )
        await self.hub.load_catalogues()
        await self.compose.load()
        await self.presets.load()
        self.store.update(phase=Phase.READY)
        if self._configured(self.hub.active_id):  # never ask a provider the user has not set up
            spawn(self.hub.refresh_catalogue(self.hub.active_id))
        return not existed

    def _configured(self, provider_id: str) -> bool:
        """Demo mode, or a key saved for the provider: then reading its model list is expected."""
        settings = self.settings
        return settings.demo_mode or self.vault.status(provider_id).state is not VaultState.EMPTY

    async def navigate(self, location: Location) -> None:
        self.store.update(location=location)

    def _keys_changed(self) -> None:
        if self.vault.overview().locked:
            self.queue.pause_for_key(locked_note())
        else:
            spawn(self.queue.resume_all_waiting_for_key())

    # -- settings ----------------------------------------------------------------------
    async def change_settings(self, **changes: Any) -> Settings:
        """Validate and persist ``changes``; an invalid value raises ``InputError`` for its field."""
        try:
            updated = await self.settings_service.change(self.settings, **changes)
        except ValidationError as exc:
            first = exc.errors()[0]
            field = str(first["loc"][0]) if first.get("loc") else "settings"
            raise InputError(field, str(first.get("msg", "invalid value"))) from exc
        self.store.update(settings=updated)
        return updated

    async def set_demo_mode(self, enabled: bool) -> None:
        await self.change_settings(demo_mode=enabled, welcome_done=True)
        self.store.update(key_checks={})
        spawn(self.hub.refresh_catalogue(self.hub.active_id, force=True))

    async def choose_provider(self, provider_id: str) -> None:
        """Make ``provider_id`` the one New Render sends to; the form keeps the prompt."""
        if not self.directory.knows(provider_id):
            raise InputError("provider", tr("svc.provider.unknown"))
        settings = self.settings
        previous = self.hub.active_id
        remembered = settings.with_provider(previous, model=self.store.state.draft.model)
        await self.change_settings(provider_id=provider_id, providers=remembered)
        await self.hub.refresh_catalogue(provider_id)
        provider = self.hub.active()
        draft = self.store.state.draft
        chosen = self.settings.provider(provider_id).model
        if chosen and provider.model(chosen) is not None:
            switched = with_model(provider, dataclasses.replace(draft, model=chosen), chosen)
        else:
            switched = fresh_draft(provider, day_of(self.clock.now()), prompt=draft.prompt)
        fields = {f.name: getattr(switched, f.name) for f in dataclasses.fields(switched) if f.name != "prompt"}
        await self.compose.change(**fields)

    async def apply_preset(self, preset_id: str) -> None:
        """Fill New Render from a preset: its provider (when known), prompt and choices, as the model allows."""
        preset = self.presets.get(preset_id)
        if preset.provider_id and preset.provider_id != self.hub.active_id and self.directory.knows(preset.provider_id):
            await self.choose_provider(preset.provider_id)
        before, provider = self.store.state.draft, self.hub.active()
        draft = applied(before, preset)
        model = draft.model if provider.model(draft.model) is not None else before.model  # a model since gone
        await self.compose.change(**dataclasses.asdict(with_model(provider, draft, model)))

    # -- batches ---------------------------------------------------------------------------
    async def render_batch(self, plan: BatchPlan) -> list[JobRecord]:
        """Store every job of ``plan`` (unsent, in one transaction); the polling tab sends them."""
        return await self.batches.store(plan, self.hub.target())

    async def cancel_batch(self, batch_id: str) -> list[str]:
        """Drop the unsent members, cancel the running ones; what could not be stopped, in words."""
        return await self.batches.cancel_all(batch_id, self.queue.cancel)

    async def retry_batch(self, batch_id: str) -> list[JobRecord]:
        """Each failed member once more, in the same batch."""
        return await self.batches.retry_failed(batch_id, self.hub.target())

    # -- storage ---------------------------------------------------------------------------
    async def refresh_storage(self) -> None:
        self.store.update(storage=await build_report(self.records, self.storage_info))

    async def request_persistent_storage(self) -> bool:
        granted = await self.storage_info.request_persist()
        await self.refresh_storage()
        return granted

    async def _imported(self, outcome: ImportOutcome) -> None:
        """Show what an import wrote: settings, jobs (following the unfinished ones), keys."""
        if outcome.settings_replaced:
            settings, _ = await self.settings_service.load()
            self.store.update(settings=settings)
        jobs, _broken = await self.job_store.load_all()
        self.store.update(jobs={job.id: job for job in jobs})
        await self.presets.load()
        for job_id in outcome.job_ids:
            self.channel.publish(job_id)
            job = self.store.state.jobs.get(job_id)
            if job is not None and not job.status.terminal:
                await self.queue.changed_elsewhere(job_id)  # followed unless already
        if outcome.keys:
            self.store.update(vaults=self.vault.statuses(), key_checks={})
            self._keys_changed()
        await self.refresh_storage()

    async def hard_reset(self) -> None:
        """Delete every store (the keys included) and forget everything held in memory."""
        self.vault.forget()
        await self._hard_reset()
