"""The export use case over in-memory ports: what goes in, how it is streamed, keys, failures."""

from __future__ import annotations

import io
import json
import re
import zipfile
from typing import Any

import pytest

from app.core.bundle.errors import ExportError
from app.core.bundle.manifest import MANIFEST_NAME
from app.core.bundle.progress import BackupProgress
from app.core.errors import AppError, InputError, VaultError
from app.core.stores import ASSETS, BLOBS, JOBS, PRESETS, SETTINGS
from app.services.backup_run import busy
from app.services.bundle_export import ExportReport, no_keys, vault_locked
from tests.unit.aio import run
from tests.unit.backup_kit import MemoryTarget, Profile, stocked
from tests.unit.vault_kit import KEYS as API_KEYS
from tests.unit.vault_kit import ORIGINS, PASSPHRASE


def exported(profile: Profile, **options: Any) -> tuple[bytes, ExportReport]:
    target = MemoryTarget()
    report = run(profile.exports.export(target, **options))
    assert target.data is not None and not target.aborted
    return target.data, report


def manifest_of(data: bytes) -> dict[str, Any]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        return json.loads(archive.read(MANIFEST_NAME))  # type: ignore[no-any-return]


def test_everything_is_one_zip_with_every_record_and_every_stored_file() -> None:
    profile = stocked()
    data, report = exported(profile)
    manifest = manifest_of(data)
    assert manifest["scope"] == "everything" and manifest["keys"] is None
    for store in (SETTINGS, JOBS, ASSETS, PRESETS):
        assert manifest["stores"][store] == list(profile.table(store).values())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        stored = {f["asset_id"]: archive.read(f["path"]) for f in manifest["files"]}
    assert stored == profile.table(BLOBS)
    assert (report.jobs, report.files, report.keys, report.bytes) == (2, 3, 0, len(data))


def test_presets_travel_even_when_there_are_none() -> None:
    profile = stocked()
    profile.records.stores[PRESETS] = {}
    data, _ = exported(profile)
    assert manifest_of(data)["stores"][PRESETS] == []


def test_stored_files_are_streamed_as_parts_and_read_in_chunks_once() -> None:
    profile = stocked()
    target = MemoryTarget()
    run(profile.exports.export(target))
    data = target.data or b""
    blobs = profile.table(BLOBS)
    assert [p for p in target.parts if p in blobs.values()] == list(blobs.values())  # each Blob is one part
    reading = [p for p in profile.progress if p[1] == "reading"]
    writing = [p for p in profile.progress if p[1] == "writing"]
    assert reading[0][2] == 0 and reading[-1][2] == reading[-1][3] == sum(map(len, blobs.values()))
    assert writing[-1][2] == writing[-1][3] == len(data)
    assert profile.store.state.backup is None  # the slot is free again


def test_a_selection_holds_only_those_jobs_and_their_files() -> None:
    profile = stocked()
    data, report = exported(profile, job_ids=["job-b"])
    manifest = manifest_of(data)
    assert manifest["scope"] == "selection" and set(manifest["stores"]) == {JOBS, ASSETS}
    assert [j["id"] for j in manifest["stores"][JOBS]] == ["job-b"]
    assert [f["asset_id"] for f in manifest["files"]] == ["vb"]
    assert (report.jobs, report.files) == (1, 1)


def test_an_unknown_job_in_the_selection_is_refused_and_the_target_aborted() -> None:
    profile = stocked()
    target = MemoryTarget()
    with pytest.raises(ExportError, match="jobs/nope"):
        run(profile.exports.export(target, job_ids=["job-a", "nope"]))
    assert target.aborted and target.data is None


def test_unreadable_records_and_lost_files_are_left_out_and_counted() -> None:
    profile = stocked()
    profile.records.stores[JOBS]["broken"] = {"id": "broken", "model": 3}
    del profile.records.stores[BLOBS]["ta"]  # its record stays, its file is gone
    data, report = exported(profile)
    manifest = manifest_of(data)
    assert "broken" not in {j["id"] for j in manifest["stores"][JOBS]}
    assert [f["asset_id"] for f in manifest["files"]] == ["va", "vb"]
    assert (report.unreadable, report.missing, report.files) == (1, 1, 2)


def test_a_file_shorter_than_its_record_fails_the_export_before_anything_is_kept() -> None:
    profile = stocked()
    profile.records.stores[BLOBS]["vb"] = profile.records.stores[BLOBS]["vb"][:-1]
    target = MemoryTarget()
    with pytest.raises(ExportError, match="assets/vb"):
        run(profile.exports.export(target))
    assert target.aborted and target.data is None


def test_a_write_that_fails_aborts_the_target() -> None:
    profile = stocked()
    target = MemoryTarget(fail_after=2)
    with pytest.raises(OSError, match="disk is full"):
        run(profile.exports.export(target))
    assert target.aborted and target.data is None and profile.store.state.backup is None


def test_only_one_export_or_import_runs_at_a_time() -> None:
    profile = stocked()
    profile.store.update(backup=BackupProgress("import", "checking"))
    target = MemoryTarget()
    with pytest.raises(AppError, match=busy()):
        run(profile.exports.export(target))
    assert target.aborted


# -- keys -------------------------------------------------------------------------------------
def with_keys(profile: Profile, *, passphrase: str | None = None) -> Profile:
    for provider in ("openrouter", "gemini"):
        run(profile.vault.save_key(provider, ORIGINS[provider], API_KEYS[provider]))
    if passphrase:
        run(profile.vault.set_passphrase(passphrase))
    return profile


def test_keys_go_in_only_encrypted_and_never_in_plain_text() -> None:
    profile = with_keys(stocked())
    data, report = exported(profile, passphrase="bundle passphrase")
    sealed = manifest_of(data)["keys"]
    assert report.keys == 2
    assert sealed["kdf"] == "PBKDF2-SHA-256" and sealed["iterations"] >= 600_000 and sealed["cipher"] == "AES-GCM"
    text = json.dumps(manifest_of(data))
    for key in (API_KEYS["openrouter"], API_KEYS["gemini"]):
        assert key.encode() not in data and key[:12] not in text and key[-12:] not in text


def test_without_a_passphrase_no_key_goes_in() -> None:
    data, report = exported(with_keys(stocked()))
    assert manifest_of(data)["keys"] is None and report.keys == 0


def test_a_short_passphrase_is_refused_before_any_file_is_read() -> None:
    profile = with_keys(stocked())
    target = MemoryTarget()
    with pytest.raises(InputError, match="at least 8"):
        run(profile.exports.export(target, passphrase="short"))
    assert target.aborted and not [p for p in profile.progress if p[1] == "reading" and p[2]]


def test_locked_keys_cannot_be_exported() -> None:
    profile = with_keys(stocked(), passphrase=PASSPHRASE)
    profile.vault.lock()
    target = MemoryTarget()
    with pytest.raises(VaultError, match=re.escape(vault_locked())):
        run(profile.exports.export(target, passphrase="bundle passphrase"))
    assert target.aborted


def test_asking_for_keys_when_none_are_saved_says_so() -> None:
    with pytest.raises(InputError, match=no_keys()):
        run(stocked().exports.export(MemoryTarget(), passphrase="bundle passphrase"))
