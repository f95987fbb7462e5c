"""The IndexedDB schema, defined once: store names, key paths, indexes and versions.

JSON records and binary values (Blobs, CryptoKeys) live in separate stores. The
browser adapter (:mod:`app.browser.idb`) creates them from :data:`SCHEMA`; services
name stores only through these constants, so a store is never spelled twice.
"""

from __future__ import annotations

from dataclasses import dataclass

SETTINGS = "settings"  # the one settings record (id "app")
VAULT = "vault"  # the encrypted API key record
KEYS = "keys"  # non-extractable CryptoKeys that wrap the vault
JOBS = "jobs"  # job records
ASSETS = "assets"  # file records (what a Blob is, whose it is)
BLOBS = "blobs"  # the files themselves, keyed by asset id
META = "meta"  # small things: the New Render draft, the export folder handle
PRESETS = "presets"  # named prompts with their settings (they travel in export bundles)
DOWNLOADS = "downloads"  # ledgers of downloads in progress: which byte ranges are stored
PARTS = "parts"  # the stored byte ranges themselves (Blobs), keyed by job/variant/offset


@dataclass(frozen=True)
class StoreSpec:
    """One object store: key path (``None`` = out-of-line keys) and indexes ``(name, key path)``."""

    name: str
    key_path: str | None = None
    indexes: tuple[tuple[str, str], ...] = ()


# Version history: each entry adds what it lists; upgrades are idempotent.
SCHEMA: tuple[tuple[int, tuple[StoreSpec, ...]], ...] = (
    (
        1,
        (
            StoreSpec(SETTINGS, "id"),
            StoreSpec(VAULT, "id"),
            StoreSpec(KEYS),
            StoreSpec(JOBS, "id", (("status", "status"), ("created_at", "created_at"))),
            StoreSpec(ASSETS, "id", (("job_id", "job_id"), ("kind", "kind"))),
            StoreSpec(BLOBS),
            StoreSpec(META),
        ),
    ),
    (
        2,  # prompt presets; resumable downloads (see app.core.download_ledger)
        (
            StoreSpec(PRESETS, "id"),
            StoreSpec(DOWNLOADS, "id", (("job_id", "job_id"),)),
            StoreSpec(PARTS),
        ),
    ),
)
DB_NAME = "sora-renderer"
DB_VERSION = SCHEMA[-1][0]
ALL_STORES: tuple[str, ...] = tuple(spec.name for _, specs in SCHEMA for spec in specs)
