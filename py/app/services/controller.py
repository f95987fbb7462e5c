"""The intents views can dispatch (through :class:`~app.services.intents.Intents`),
carried out over the services and the store.

Every collaborator is built here, in the constructor, from the ports the page hands
in; the store is updated only after a change is persisted, so what the user sees is
what is saved.
"""

from __future__ import annotations

import datetime
from collections.abc import Awaitable, Callable
from typing import Any

from pydantic import ValidationError

from app.core.capabilities import ProviderCapabilities
from app.core.downloads import file_name
from app.core.endpoint import check_base_url, display_host
from app.core.errors import InputError, StorageError
from app.core.job_record import JobRecord, JobStatus
from app.core.key_check_result import KeyCheckResult
from app.core.keys import DEMO_KEY
from app.core.routes import Location, Route
from app.core.settings import Settings
from app.core.state import AppState, Phase
from app.core.store import Store
from app.core.vault_status import VaultState
from app.services.compose_intents import ComposeIntents
from app.services.job_book import JobBook
from app.services.job_store import JobStore
from app.services.key_check import check_key
from app.services.library_service import LibraryService
from app.services.ports import Clock, FolderWriter, FrameGrabber, ImageProcessor, RecordStore, StorageInfo, TabChannel
from app.services.provider_client import Endpoint, ProviderClient
from app.services.queue_service import QueueService
from app.services.render_service import RenderService
from app.services.settings_service import SettingsService
from app.services.storage_report import build_report
from app.services.tasks import spawn
from app.services.vault_service import VaultService

PURGEABLE = frozenset({JobStatus.FAILED, JobStatus.BLOCKED, JobStatus.CANCELED})
ClientFactory = Callable[[Callable[[], Endpoint]], ProviderClient]


class Controller:
    """Settings, key vault, key validation, storage, and the job services."""

    def __init__(
        self,
        store: Store[AppState],
        *,
        records: RecordStore,
        vault: VaultService,
        client_factory: ClientFactory,
        capabilities: ProviderCapabilities,
        clock: Clock,
        images: ImageProcessor,
        frames: FrameGrabber,
        folder: FolderWriter,
        storage_info: StorageInfo,
        tab_channel: Callable[[Callable[[str], None]], TabChannel],
        hard_reset: Callable[[], Awaitable[None]],
        run: Callable[[Awaitable[Any]], None],
    ) -> None:
        self.store = store
        self.records = records
        self.settings_service = SettingsService(records, default_provider=capabilities.provider_id)
        self.vault = vault
        self.capabilities = capabilities
        self.clock = clock
        self.storage_info = storage_info
        self.folder = folder
        self._hard_reset = hard_reset
        self.client = client_factory(self.endpoint)
        self.job_store = JobStore(records)
        channel = tab_channel(lambda job_id: run(self.queue.changed_elsewhere(job_id)))
        self.book = JobBook(store, self.job_store, channel)
        self.render = RenderService(self.book, self.client, clock, capabilities)

        def client_for(base_url: str, api_key: str) -> ProviderClient:
            endpoint = Endpoint(base_url, api_key)
            return client_factory(lambda: endpoint)

        self.queue = QueueService(
            self.book,
            client_for,
            clock,
            capabilities,
            self.render,
            api_key=self.vault.api_key,
            interval_s=lambda: self.settings.poll_interval_ms / 1000.0,
            auto_download=lambda: self.settings.auto_download,
            endpoint_label=self._endpoint_label,
        )
        self.compose = ComposeIntents(
            store,
            records,
            self.render,
            images,
            endpoint_label=self._endpoint_label,
            after_submit=self.queue.submitted,
        )
        self.library = LibraryService(self.book, self.queue, self.render, frames, clock, capabilities)

    def _endpoint_label(self) -> tuple[str, bool]:
        settings = self.settings
        return settings.effective_base_url(self.store.state.page_origin, self.capabilities), settings.demo_mode

    # -- state ----------------------------------------------------------------------
    @property
    def settings(self) -> Settings:
        current = self.store.state.settings
        if current is None:
            raise RuntimeError("settings are not loaded yet")
        return current

    def endpoint(self) -> Endpoint:
        """Where requests go now: the simulator with the demo key, or the user's endpoint and key."""
        settings = self.settings
        base = settings.effective_base_url(self.store.state.page_origin, self.capabilities)
        return Endpoint(base, DEMO_KEY if settings.demo_mode else self.vault.api_key())

    async def hydrate(self) -> bool:
        """Load settings, the vault, the jobs and the draft; returns True on first run (no stored settings)."""
        settings, existed = await self.settings_service.load()
        self.store.update(settings=settings)
        vault_status = await self.vault.load()
        jobs, _broken = await self.job_store.load_all()
        self.store.update(vault=vault_status, jobs={job.id: job for job in jobs})
        await self.compose.load()
        self.store.update(phase=Phase.READY)
        return not existed

    async def navigate(self, location: Location) -> None:
        self.store.update(location=location)

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
        self.store.update(key_check=None)

    async def set_base_url(self, text: str) -> str:
        """Save a new API base URL; returns the warning to show (may be empty)."""
        check = check_base_url(text)
        if not check.ok:
            raise InputError("base_url", check.error)
        await self.change_settings(base_url=check.url, demo_mode=False)
        self.store.update(key_check=None)
        return check.warning

    # -- key vault -------------------------------------------------------------------------
    def _vault_changed(self) -> None:
        self.store.update(vault=self.vault.status, key_check=None)
        if self.vault.status.state is VaultState.UNLOCKED:
            spawn(self.queue.resume_all_waiting_for_key())

    async def save_key(self, text: str) -> None:
        await self.vault.save_key(text)
        self._vault_changed()
        if not self.settings.welcome_done:
            await self.change_settings(welcome_done=True)

    async def unlock(self, passphrase: str) -> None:
        await self.vault.unlock(passphrase)
        self._vault_changed()

    async def set_passphrase(self, new: str, confirm: str, *, current: str | None = None) -> None:
        if new != confirm:
            raise InputError("confirm_passphrase", "The two passphrases are not the same.")
        await self.vault.set_passphrase(new, current=current)
        self._vault_changed()

    async def remove_passphrase(self, current: str) -> None:
        await self.vault.remove_passphrase(current)
        self._vault_changed()

    async def wipe_key(self) -> None:
        await self.vault.wipe()
        self._vault_changed()

    async def reveal_key(self) -> str:
        """The plaintext key, only when the user asks to see or copy it."""
        return self.vault.api_key()

    async def validate_key(self) -> KeyCheckResult:
        """Check the key (or the demo endpoint) against the chosen model."""
        self.store.update(key_check_running=True, key_check=None)
        try:
            host = display_host(self.endpoint().base_url)
            today = datetime.datetime.fromtimestamp(self.clock.now(), tz=datetime.UTC).date()
            result = await check_key(
                self.client, self.settings.default_model, host=host, today=today, gone_note=self.capabilities.notice
            )
        finally:
            self.store.update(key_check_running=False)
        self.store.update(key_check=result)
        return result

    # -- jobs ------------------------------------------------------------------------------
    async def edit_job(self, job_id: str) -> None:
        """Open New Render with a past job's parameters and reference image, to change and send."""
        job = self.store.state.jobs.get(job_id)
        if job is None:
            return
        image = await self.job_store.blob(job.image_asset_id) if job.image_asset_id else None
        asset = await self.job_store.asset(job.image_asset_id) if job.image_asset_id else None
        await self.compose.prefill(job, image, asset.name if asset else "reference image")
        await self.navigate(Location(Route.NEW))

    async def purge_failed_jobs(self) -> int:
        """Forget failed, blocked and canceled jobs (and their reference images)."""
        ended = [j for j in self.store.state.jobs.values() if j.status in PURGEABLE]
        for job in ended:
            await self.queue.remove(job.id)
        return len(ended)

    async def video_file(self, job: JobRecord) -> tuple[Any, str, str]:
        """A stored video to hand to the user: ``(Blob, file name, MIME type)``."""
        asset_id = job.assets.get("video")
        blob = await self.job_store.blob(asset_id) if asset_id else None
        if asset_id is None or blob is None:
            raise StorageError("The video file of this render is not stored in this browser.")
        asset = await self.job_store.asset(asset_id)
        mime = asset.mime if asset is not None else "video/mp4"
        return blob, file_name(job, mime), mime

    async def save_to_folder(self, jobs: list[JobRecord], *, choose: bool = False) -> tuple[int, str | None]:
        """Write the videos into the remembered local folder (asks for one the first time).

        ``(files written, folder name)``; ``(0, None)`` when the user cancelled the picker.
        """
        written = 0
        where: str | None = None
        for job in jobs:
            blob, name, _ = await self.video_file(job)
            where = await self.folder.write(blob, name, choose=choose and written == 0)
            if where is None:
                return written, None
            written += 1
        return written, where

    # -- storage ---------------------------------------------------------------------------
    async def refresh_storage(self) -> None:
        self.store.update(storage=await build_report(self.records, self.storage_info))

    async def request_persistent_storage(self) -> bool:
        granted = await self.storage_info.request_persist()
        await self.refresh_storage()
        return granted

    async def hard_reset(self) -> None:
        """Delete every store (the key included) and forget everything held in memory."""
        self.vault.forget()
        await self._hard_reset()
