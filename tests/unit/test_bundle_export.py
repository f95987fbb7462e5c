"""Export plans: the records and files chosen, the manifest, the parts — and the way back in."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest

from app.core.bundle.digest import digest_of
from app.core.bundle.errors import ExportError
from app.core.bundle.export import BlobPart, build_export, file_path, select_export
from app.core.bundle.file_check import check_files
from app.core.bundle.limits import Limits
from app.core.bundle.manifest import MANIFEST_NAME, EncryptedKeys
from app.core.bundle.plan import LocalState, plan_import
from app.core.bundle.validate import Bundle, open_bundle
from app.core.stores import ASSETS, JOBS, PRESETS, SETTINGS
from tests.unit.bundle_kit import (
    NOW,
    VALIDATORS,
    assemble_export,
    asset,
    export_plan,
    job,
    library,
    reader,
)

KEYS = EncryptedKeys(
    kdf="PBKDF2-SHA-256", iterations=600_000, salt="A" * 24, iv="B" * 16, ciphertext="C" * 40, cipher="AES-GCM"
)


def opened(data: bytes) -> Bundle:
    result = open_bundle(len(data), reader(data), VALIDATORS)
    assert isinstance(result, Bundle), result
    return result


def test_everything_round_trips_into_an_empty_browser() -> None:
    lib = library()
    plan = export_plan(lib, keys=KEYS)
    data = assemble_export(plan, lib.blobs)
    assert len(data) == plan.size
    with zipfile.ZipFile(io.BytesIO(data)) as archive:  # an ordinary ZIP tool agrees
        assert archive.testzip() is None
        assert archive.namelist() == [MANIFEST_NAME, "files/va.mp4", "files/ta.webp", "files/vb.mp4"]
        assert json.loads(archive.read(MANIFEST_NAME))["scope"] == "everything"
    bundle = opened(data)
    assert check_files(bundle, reader(data)) == ()
    imported = plan_import(bundle, LocalState(), replace_settings=True)
    written = {(w.store, w.key): w.record for w in imported.writes}
    for store, records in lib.records.items():
        assert [written[(store, r["id"])] for r in records] == records
    blobs = {b.asset_id: data[b.file.zip.data_offset : b.file.zip.data_end] for b in imported.blobs}
    assert blobs == lib.blobs
    assert imported.keys == KEYS


def test_parts_are_header_bytes_and_blob_references_at_their_offsets() -> None:
    lib = library()
    plan = export_plan(lib)
    data = assemble_export(plan, lib.blobs)
    blob_parts = [p for p in plan.parts if isinstance(p, BlobPart)]
    assert [p.asset_id for p in blob_parts] == ["va", "ta", "vb"]
    assert all(data[p.offset : p.offset + p.size] == lib.blobs[p.asset_id] for p in blob_parts)
    assert [isinstance(p, bytes) for p in plan.parts] == [True, False] * 3 + [True]  # adjacent bytes are joined
    first = plan.parts[0]
    assert isinstance(first, bytes) and plan.manifest_bytes in first  # the manifest travels inline


def test_the_manifest_is_the_first_entry_and_lists_every_file() -> None:
    plan = export_plan(library())
    assert plan.entries[0].name == MANIFEST_NAME
    assert [f.path for f in plan.manifest.files] == [e.name for e in plan.entries[1:]]
    lib = library()
    assert {f.asset_id: f.sha256 for f in plan.manifest.files} == {k: digest_of(v).sha256 for k, v in lib.blobs.items()}
    assert plan.manifest.created_at == NOW and plan.manifest.app_version == "0.1.0"


def test_a_selection_exports_only_those_jobs_and_their_files() -> None:
    lib = library()
    plan = export_plan(lib, job_ids=["job-b"])
    assert plan.manifest.scope == "selection"
    assert set(plan.manifest.stores) == {JOBS, ASSETS}  # no settings, no presets
    assert [j["id"] for j in plan.manifest.stores[JOBS]] == ["job-b"]
    assert [f.asset_id for f in plan.manifest.files] == ["vb"]
    bundle = opened(assemble_export(plan, lib.blobs))
    assert [r["id"] for r in bundle.records[ASSETS]] == ["vb"]


def test_a_selected_job_that_is_not_stored_is_refused() -> None:
    with pytest.raises(ExportError, match="jobs/nope: this job is not stored"):
        select_export(library().records, job_ids=["job-a", "nope"])


def test_files_referenced_but_no_longer_stored_are_reported() -> None:
    lib = library()
    lib.records[ASSETS] = [a for a in lib.records[ASSETS] if a["id"] != "ta"]  # its Blob is gone
    selection = select_export(lib.records)
    assert selection.missing == ("ta",)
    assert [f.asset_id for f in selection.files] == ["va", "vb"]


def test_a_file_whose_size_disagrees_with_its_record_is_refused() -> None:
    lib = library()
    selection = select_export(lib.records)
    digests = {f.asset_id: digest_of(lib.blobs[f.asset_id]) for f in selection.files}
    digests["vb"] = digest_of(b"short")
    with pytest.raises(ExportError, match="assets/vb: the stored file has 5 bytes but its record says 2000"):
        build_export(selection, digests, created_at=NOW, app_version="0.1.0")


def test_a_file_that_was_not_hashed_is_refused() -> None:
    selection = select_export(library().records)
    with pytest.raises(ExportError, match="assets/va: its file was not hashed"):
        build_export(selection, {}, created_at=NOW, app_version="0.1.0")


@pytest.mark.parametrize("store", ["blobs", "keys", "vault", "meta"])
def test_binary_and_device_bound_stores_are_never_exported(store: str) -> None:
    records = {**library().records, store: [{"id": "x"}]}
    with pytest.raises(ExportError, match="never exported"):
        select_export(records)


def test_a_library_too_big_for_one_manifest_is_refused() -> None:
    with pytest.raises(ExportError, match="too many for one bundle"):
        export_plan(library(), limits=Limits(max_manifest_bytes=1000))


def test_too_many_files_for_one_bundle_are_refused() -> None:
    with pytest.raises(ExportError, match="export a selection"):
        export_plan(library(), limits=Limits(max_entries=3))


def test_asset_records_without_their_fields_are_refused() -> None:
    records = {JOBS: [job("j")], ASSETS: [{"id": "x", "job_id": "j"}]}
    with pytest.raises(ExportError, match="lacks its id, bytes or mime"):
        select_export(records)


@pytest.mark.parametrize(
    ("mime", "path"),
    [("video/mp4", "files/a.mp4"), ("image/jpeg", "files/a.jpg"), ("image/webp; q=1", "files/a.webp"),
     ("application/x-odd", "files/a.bin")],
)  # fmt: skip
def test_file_paths_use_the_asset_id_and_an_extension_for_the_type(mime: str, path: str) -> None:
    assert file_path("a", mime) == path


def test_an_asset_id_unsafe_as_a_path_is_refused() -> None:
    lib = library()
    lib.records[ASSETS].append(asset("../evil", "job-a", b"x"))
    lib.blobs["../evil"] = b"x"
    with pytest.raises(ExportError, match=re.escape("assets/../evil: files/../evil.mp4: asset_id: must be 1–128")):
        export_plan(lib)


def test_settings_and_presets_round_trip_in_an_everything_export() -> None:
    lib = library()
    bundle = opened(assemble_export(export_plan(lib), lib.blobs))
    assert bundle.records[SETTINGS] == tuple(lib.records[SETTINGS])
    assert bundle.records[PRESETS] == tuple(lib.records[PRESETS])
