"""The import use case over in-memory ports: the whole bundle checked first, a preview, then
one all-or-nothing write; and the round trip export → reset → import."""

from __future__ import annotations

import copy
import io
import json
import zipfile
from typing import Any

import pytest

from app.core.bundle.errors import BundleRefusedError
from app.core.bundle.file_check import CHUNK_BYTES
from app.core.bundle.manifest import MANIFEST_NAME
from app.core.errors import InputError, StorageQuotaError, VaultError
from app.core.stores import ASSETS, BLOBS, JOBS, KEYS, PRESETS, SETTINGS, VAULT
from app.core.vault_status import VaultState
from app.services.bundle_import import ImportPreview, vault_locked
from tests.unit.aio import run
from tests.unit.backup_kit import BytesSource, MemoryTarget, Profile, actions, stocked
from tests.unit.vault_kit import KEYS as API_KEYS
from tests.unit.vault_kit import ORIGINS, PASSPHRASE

BUNDLE_PASSPHRASE = "a long bundle passphrase"
RECORD_STORES = (SETTINGS, JOBS, ASSETS, PRESETS)


def export_of(profile: Profile, **options: Any) -> bytes:
    target = MemoryTarget()
    run(profile.exports.export(target, **options))
    assert target.data is not None
    return target.data


def preview_of(profile: Profile, data: bytes) -> ImportPreview:
    return run(profile.imports.open(BytesSource(data), "bundle.zip"))


def snapshot(profile: Profile) -> dict[str, dict[str, Any]]:
    return copy.deepcopy(profile.records.stores)


def test_round_trip_export_reset_import_gives_back_the_same_records_and_files() -> None:
    source = stocked()
    data = export_of(source)
    fresh = Profile()  # after a hard reset: nothing stored
    preview = preview_of(fresh, data)
    outcome = run(fresh.imports.commit(preview, replace_settings=True))
    for store in (*RECORD_STORES, BLOBS):
        assert fresh.table(store) == source.table(store), store
    assert set(outcome.job_ids) == {"job-a", "job-b"} and outcome.settings_replaced
    assert fresh.outcomes == [outcome]
    assert set(fresh.store.state.jobs) == {"job-a", "job-b"}


def test_the_preview_writes_nothing_and_says_what_would_be_added() -> None:
    fresh = Profile()
    preview = preview_of(fresh, export_of(stocked()))
    assert fresh.records.stores == {}
    plan = preview.plan(replace_settings=False)
    assert actions(plan)[(JOBS, "job-a")] == "add" and actions(plan)[(SETTINGS, "app")] == "skip"
    assert actions(preview.plan(replace_settings=True))[(SETTINGS, "app")] == "add"
    assert preview.titles["job-a"].startswith("a calm sea")


def test_importing_into_a_library_merges_newer_jobs_and_skips_the_rest() -> None:
    source = stocked()
    newer = {**source.table(JOBS)["job-a"], "updated_at": source.table(JOBS)["job-a"]["updated_at"] + 50}
    source.records.stores[JOBS]["job-a"] = newer
    data = export_of(source)
    target = stocked()  # the same library, older job-a
    preview = preview_of(target, data)
    plan = preview.plan()
    assert actions(plan)[(JOBS, "job-a")] == "merge" and actions(plan)[(JOBS, "job-b")] == "skip"
    assert actions(plan)[(ASSETS, "va")] == "skip"  # the file is already here
    run(target.imports.commit(preview))
    assert target.table(JOBS)["job-a"] == newer


def test_nothing_to_change_writes_nothing() -> None:
    profile = stocked()
    preview = preview_of(profile, export_of(profile))
    before = snapshot(profile)
    outcome = run(profile.imports.commit(preview))
    assert profile.records.stores == before and outcome.job_ids == ()


def test_a_failed_write_leaves_everything_as_it_was() -> None:
    fresh = Profile()
    preview = preview_of(fresh, export_of(stocked()))
    fresh.records.fail_next_write = True
    with pytest.raises(StorageQuotaError):
        run(fresh.imports.commit(preview, replace_settings=True))
    assert fresh.records.stores == {} and fresh.outcomes == [] and fresh.store.state.backup is None


def test_reading_is_in_ranges_never_the_whole_file() -> None:
    profile = stocked()
    big = bytes(range(256)) * 24_000  # 6 MB: more than one chunk
    profile.records.stores[BLOBS]["vb"] = big
    profile.records.stores[ASSETS]["vb"]["bytes"] = len(big)
    data = export_of(profile)
    source = BytesSource(data)
    fresh = Profile()
    run(fresh.imports.open(source, "bundle.zip"))
    assert max(length for _, length in source.reads) <= CHUNK_BYTES < len(data)
    checking = [p for p in fresh.progress if p[1] == "checking"]
    assert checking[-1][2] == checking[-1][3] > len(big)


# -- refused bundles --------------------------------------------------------------------------
def refused(data: bytes) -> list[str]:
    profile = stocked()
    before = snapshot(profile)
    with pytest.raises(BundleRefusedError) as caught:
        preview_of(profile, data)
    assert profile.records.stores == before  # nothing written
    assert "nothing was changed" in str(caught.value)
    return [str(p) for p in caught.value.problems]


def test_a_damaged_file_is_named_and_nothing_is_written() -> None:
    data = bytearray(export_of(stocked()))
    video = stocked().table(BLOBS)["vb"]
    at = bytes(data).index(video) + 10
    data[at] ^= 0xFF
    problems = refused(bytes(data))
    assert any(p.startswith("files/vb.mp4") for p in problems)


def test_a_truncated_bundle_is_refused() -> None:
    data = export_of(stocked())
    assert any("truncated" in p for p in refused(data[: len(data) // 2]))


def test_a_path_climbing_out_of_the_bundle_is_refused() -> None:
    data = export_of(stocked())
    with zipfile.ZipFile(io.BytesIO(data)) as original:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as hostile:
            for info in original.infolist():
                hostile.writestr(info, original.read(info))
            hostile.writestr("../../evil.sh", b"echo hi")
    assert any(".." in p for p in refused(out.getvalue()))


def test_a_file_of_a_type_the_app_never_stores_is_refused() -> None:
    data = export_of(stocked())
    with zipfile.ZipFile(io.BytesIO(data)) as original:
        manifest = json.loads(original.read(MANIFEST_NAME))
        files = {f["path"]: original.read(f["path"]) for f in manifest["files"]}
    manifest["stores"][ASSETS][2]["mime"] = "text/html"
    manifest["files"][2]["mime"] = "text/html"
    manifest["files"][2]["path"] = "files/vb.html"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(MANIFEST_NAME, json.dumps(manifest))
        for path, content in files.items():
            archive.writestr(path.replace("vb.mp4", "vb.html"), content)
    assert any("text/html" in p and "not imported" in p for p in refused(out.getvalue()))


def test_a_deflated_bundle_from_another_zip_tool_is_decoded_into_the_files() -> None:
    source = stocked()
    data = export_of(source)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as original, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as again:
        for info in original.infolist():
            again.writestr(info.filename, original.read(info))
    fresh = Profile()
    preview = preview_of(fresh, out.getvalue())
    assert set(preview.decoded) == {"va", "ta", "vb"}
    run(fresh.imports.commit(preview, replace_settings=True))
    assert fresh.table(BLOBS) == source.table(BLOBS)


# -- keys -------------------------------------------------------------------------------------
def keyed(*, passphrase: str | None = None) -> Profile:
    profile = stocked()
    for provider in ("openrouter", "gemini"):
        run(profile.vault.save_key(provider, ORIGINS[provider], API_KEYS[provider]))
    if passphrase:
        run(profile.vault.set_passphrase(passphrase))
    return profile


def test_keys_round_trip_bound_to_their_origins_after_the_passphrase() -> None:
    data = export_of(keyed(passphrase=PASSPHRASE), passphrase=BUNDLE_PASSPHRASE)
    fresh = Profile()
    preview = preview_of(fresh, data)
    with pytest.raises(VaultError, match="could not be decrypted"):
        run(fresh.imports.open_keys(preview, "not the passphrase"))
    opened = run(fresh.imports.open_keys(preview, BUNDLE_PASSPHRASE))
    assert [(d.provider_id, d.origin, d.add) for d in opened.decisions] == [
        ("gemini", ORIGINS["gemini"], True),
        ("openrouter", ORIGINS["openrouter"], True),
    ]
    outcome = run(fresh.imports.commit(preview, replace_settings=True, keys=opened))
    assert outcome.keys == 2 and "Stored 2 API keys" in outcome.text
    run(fresh.vault.load(legacy_origin=ORIGINS["openai-videos"]))  # as after a reload
    for provider in ("openrouter", "gemini"):
        assert fresh.vault.api_key(provider, ORIGINS[provider] + "/v1") == API_KEYS[provider]
        assert fresh.vault.bound_origin(provider) == ORIGINS[provider]
    assert fresh.table(JOBS) == keyed().table(JOBS)


def test_keys_and_records_are_written_in_one_transaction() -> None:
    data = export_of(keyed(), passphrase=BUNDLE_PASSPHRASE)
    fresh = Profile()
    preview = preview_of(fresh, data)
    opened = run(fresh.imports.open_keys(preview, BUNDLE_PASSPHRASE))
    fresh.records.fail_next_write = True
    with pytest.raises(StorageQuotaError):
        run(fresh.imports.commit(preview, keys=opened))
    assert fresh.records.stores == {}  # no key, no record, no device key
    assert fresh.vault.status("gemini").state is VaultState.EMPTY


def test_a_key_already_saved_here_is_kept() -> None:
    data = export_of(keyed(), passphrase=BUNDLE_PASSPHRASE)
    here = Profile()
    run(here.vault.save_key("gemini", ORIGINS["gemini"], "AIzaSyD-mine-mine-mine-mine-mine-mine-00"))
    preview = preview_of(here, data)
    opened = run(here.imports.open_keys(preview, BUNDLE_PASSPHRASE))
    assert {d.provider_id: d.add for d in opened.decisions} == {"gemini": False, "openrouter": True}
    run(here.imports.commit(preview, keys=opened))
    assert here.vault.api_key("gemini", ORIGINS["gemini"]) == "AIzaSyD-mine-mine-mine-mine-mine-mine-00"
    assert here.vault.api_key("openrouter", ORIGINS["openrouter"]) == API_KEYS["openrouter"]


def test_keys_wait_for_a_locked_vault_to_be_unlocked() -> None:
    data = export_of(keyed(), passphrase=BUNDLE_PASSPHRASE)
    here = Profile()
    run(here.vault.save_key("openai-videos", ORIGINS["openai-videos"], API_KEYS["openai-videos"]))
    run(here.vault.set_passphrase(PASSPHRASE))
    here.vault.lock()
    preview = preview_of(here, data)
    with pytest.raises(VaultError, match="Unlock your key vault first"):
        run(here.imports.open_keys(preview, BUNDLE_PASSPHRASE))
    assert vault_locked().startswith("Unlock your key vault first")


def test_a_bundle_without_keys_says_so_when_asked_for_them() -> None:
    profile = Profile()
    preview = preview_of(profile, export_of(stocked()))
    with pytest.raises(InputError, match="no API keys"):
        run(profile.imports.open_keys(preview, BUNDLE_PASSPHRASE))


def test_imported_keys_are_not_written_without_their_passphrase() -> None:
    data = export_of(keyed(), passphrase=BUNDLE_PASSPHRASE)
    fresh = Profile()
    run(fresh.imports.commit(preview_of(fresh, data)))
    assert VAULT not in fresh.records.stores and KEYS not in fresh.records.stores
    assert set(fresh.table(JOBS)) == {"job-a", "job-b"}
