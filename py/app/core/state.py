"""The whole app state as one frozen value (see :mod:`app.core.store`).

Typed records (pydantic) are imported for type checking only: the boot path renders
the first screen before pydantic is loaded.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from app.core.compose import Draft
from app.core.download_ledger import PartialDownload
from app.core.eta import Sample
from app.core.provider_directory import Catalogue
from app.core.routes import Location, Route
from app.core.vault_status import VaultStatus

if TYPE_CHECKING:
    from app.core.bundle.progress import BackupProgress
    from app.core.job_record import JobRecord
    from app.core.key_check_result import KeyCheckResult
    from app.core.preset_record import PresetRecord
    from app.core.settings import Settings
    from app.core.storage_report import StorageReport


class Phase(StrEnum):
    """Where the app is in its start-up."""

    BOOTING = "booting"  # Python runs, first screen drawn, records not loaded yet
    READY = "ready"  # records loaded and validated
    FAILED = "failed"  # storage could not be opened


WORKER_START_ATTEMPTS = 4  # tries to start the polling worker before the queue says it cannot


class PollerRole(StrEnum):
    """Whether this tab polls the API for the queue (only one tab does)."""

    STARTING = "starting"  # waiting for the role or for the worker to boot
    POLLING = "polling"  # this tab's worker follows every unfinished job
    FOLLOWING = "following"  # another tab polls; this one shows what it stores
    SLOW = "slow"  # the worker is still booting long after it was asked to start
    RETRYING = "retrying"  # a start failed (the reason is in poller_error); trying again
    UNAVAILABLE = "unavailable"  # the worker could not start (the reason is in poller_error)


@dataclass(frozen=True)
class DraftImage:
    """An image in the form: the prepared upload plus what the user picked."""

    prepared: Any  # a PreparedImage (re-encoded; at exactly the video size where the model needs it)
    name: str
    source_width: int
    source_height: int
    size: str  # the video size it was fitted to ("" when it need not match)
    fit: str  # "cover" / "contain" when fitted


@dataclass(frozen=True)
class AppState:
    location: Location = field(default_factory=lambda: Location(Route.NEW))
    phase: Phase = Phase.BOOTING
    page_origin: str = ""  # where the page is served, with its folder: "https://user.github.io/repo" on a sub-path
    settings: Settings | None = None
    vaults: Mapping[str, VaultStatus] = field(default_factory=dict)  # provider id -> its key (no secrets)
    vault_loaded: bool = False
    key_checks: Mapping[str, KeyCheckResult] = field(default_factory=dict)  # provider id -> last check
    key_checks_running: frozenset[str] = frozenset()
    catalogues: Mapping[str, Catalogue] = field(default_factory=dict)  # provider id -> live model list
    relay_available: bool = False  # served by serve.py --relay (the app may route providers through it)
    storage: StorageReport | None = None
    draft: Draft = field(default_factory=Draft)
    draft_images: Mapping[str, DraftImage] = field(default_factory=dict)  # slot -> image
    form_errors: Mapping[str, str] = field(default_factory=dict)
    submitting: bool = False
    jobs: Mapping[str, JobRecord] = field(default_factory=dict)
    online: bool = True
    poller_role: PollerRole = PollerRole.STARTING
    poller_error: str = ""
    poller_attempt: int = 0  # the worker start being tried now, from 1 (shown while retrying)
    job_notes: Mapping[str, str] = field(default_factory=dict)  # job id -> what is happening now
    fetching: frozenset[str] = frozenset()  # jobs whose files the user asked for just now (until the next note)
    transfers: Mapping[str, tuple[int, int | None]] = field(default_factory=dict)  # job id -> (bytes, total)
    partial_downloads: Mapping[str, PartialDownload] = field(default_factory=dict)  # job id -> what is stored
    submitted_job: str = ""  # the job New Render just sent (shown until the user picks what comes next)
    render_again_ok: frozenset[str] = frozenset()  # jobs the user chose to render again (no more asking)
    progress_samples: Mapping[str, tuple[Sample, ...]] = field(default_factory=dict)  # job id -> ETA readings
    boot_error: str = ""
    backup: BackupProgress | None = None  # the export or import under way
    presets: tuple[PresetRecord, ...] = ()  # by name
