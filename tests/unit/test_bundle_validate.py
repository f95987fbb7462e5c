"""Whole-bundle validation before anything is written, and the one-read file checks."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pytest

from app.core.bundle.errors import Problem, Refusal
from app.core.bundle.file_check import FileCheck, check_files, file_checks
from app.core.bundle.limits import Limits
from app.core.bundle.manifest import MANIFEST_NAME
from app.core.bundle.validate import Bundle, BundleFile, open_bundle, open_bundle_async, validate_bundle
from app.core.bundle.zip_read import read_zip
from app.core.stores import ASSETS, JOBS
from tests.unit.aio import run
from tests.unit.bundle_kit import VALIDATORS, Library, bundle_bytes, export_plan, library, reader, stored_zip


def parts(lib: Library | None = None) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The manifest (as JSON data) and the files of a good bundle, to damage one by one."""
    lib = lib or library()
    plan = export_plan(lib)
    files = {f.path: lib.blobs[f.asset_id] for f in plan.manifest.files}
    return json.loads(plan.manifest_bytes), files


def zipped(manifest: dict[str, Any] | bytes | None, files: dict[str, bytes]) -> bytes:
    entries = (
        []
        if manifest is None
        else [(MANIFEST_NAME, manifest if isinstance(manifest, bytes) else json.dumps(manifest).encode())]
    )
    return stored_zip(entries + list(files.items()))


def refusal(data: bytes, limits: Limits | None = None) -> list[str]:
    result = open_bundle(len(data), reader(data), VALIDATORS, limits or Limits())
    assert isinstance(result, Refusal), "the bundle was accepted"
    return [str(p) for p in result.problems]


def accepted(data: bytes) -> Bundle:
    result = open_bundle(len(data), reader(data), VALIDATORS)
    assert isinstance(result, Bundle), result
    return result


def test_a_good_bundle_is_accepted_with_its_records_and_files() -> None:
    bundle = accepted(bundle_bytes())
    assert [r["id"] for r in bundle.records[JOBS]] == ["job-a", "job-b"]
    assert [f.entry.path for f in bundle.files] == ["files/va.mp4", "files/ta.webp", "files/vb.mp4"]
    file = bundle.file_of("ta")
    assert file is not None and file.zip.name == file.entry.path == "files/ta.webp"


def test_an_async_reader_gives_the_same_answer() -> None:
    data = bundle_bytes()

    async def read(offset: int, length: int) -> bytes:
        return data[offset : offset + length]

    result = run(open_bundle_async(len(data), read, VALIDATORS))
    assert isinstance(result, Bundle) and result == accepted(data)


def test_a_missing_manifest_is_refused() -> None:
    _, files = parts()
    assert refusal(zipped(None, files)) == ["manifest.json: missing: this is not a Sora Renderer bundle"]


@pytest.mark.parametrize(
    ("manifest", "fragment"),
    [
        (b"{not json", "manifest.json: is not valid JSON"),
        (b'{"format": "zip"}', "not a Sora Renderer bundle"),
        (b'{"format": "sora-renderer-bundle", "version": 9}', "made by a newer version of Sora Renderer"),
    ],
)
def test_a_bad_manifest_is_refused(manifest: bytes, fragment: str) -> None:
    _, files = parts()
    (problem,) = refusal(zipped(manifest, files))
    assert fragment in problem


def test_a_damaged_zip_becomes_a_refusal_not_a_crash() -> None:
    data = bundle_bytes()
    assert refusal(data[:-1]) == ["bundle: no end-of-central-directory record: the file is truncated or not a ZIP"]
    (problem,) = refusal(data, Limits(max_entries=2))
    assert "at most 2 are read" in problem


def test_a_file_shorter_than_its_stated_size_becomes_a_refusal() -> None:
    data = bundle_bytes()
    result = open_bundle(len(data) + 10, reader(data), VALIDATORS)
    assert isinstance(result, Refusal) and "the file ended early" in result.message


def test_an_oversized_manifest_is_refused() -> None:
    (problem,) = refusal(bundle_bytes(), Limits(max_manifest_bytes=100))
    assert problem.startswith("entry 'manifest.json': the entry is") and "at most 100 are read" in problem


def test_a_file_listed_but_missing_from_the_zip_is_refused() -> None:
    manifest, files = parts()
    del files["files/vb.mp4"]
    assert refusal(zipped(manifest, files)) == ["files/vb.mp4: listed in the manifest but missing from the ZIP"]


def test_a_file_in_the_zip_but_not_in_the_manifest_is_refused() -> None:
    manifest, files = parts()
    files["files/extra.mp4"] = b"smuggled"
    assert refusal(zipped(manifest, files)) == ["files/extra.mp4: in the ZIP but not listed in the manifest"]


def test_a_file_whose_size_disagrees_with_the_manifest_is_refused() -> None:
    manifest, files = parts()
    files["files/vb.mp4"] += b"!"
    (problem,) = refusal(zipped(manifest, files))
    assert problem == "files/vb.mp4: the manifest says 2000 bytes, the ZIP entry has 2001"


def test_invalid_records_are_refused_by_the_apps_validators() -> None:
    manifest, files = parts()
    del manifest["stores"][JOBS][0]["prompt"]
    manifest["stores"][JOBS][1]["seconds"] = "many"
    problems = refusal(zipped(manifest, files))
    assert "jobs/job-a: prompt: Field required" in problems
    assert "jobs/job-b: seconds: Input should be a valid integer, unable to parse string as an integer" in problems


def test_a_store_the_app_does_not_know_is_refused() -> None:
    manifest, files = parts()
    manifest["stores"]["vault"] = [{"id": "api-key"}]
    assert refusal(zipped(manifest, files)) == ["store 'vault': this app does not know that store"]


def test_a_record_id_used_twice_is_refused() -> None:
    manifest, files = parts()
    manifest["stores"]["presets"].append(dict(manifest["stores"]["presets"][0]))
    assert refusal(zipped(manifest, files)) == ["presets/p1: the same id appears twice in this store"]


def test_a_plain_validator_error_names_the_record() -> None:
    manifest, files = parts()
    manifest["stores"]["presets"][0]["colour"] = "red"
    assert refusal(zipped(manifest, files)) == ["presets/p1: a preset has exactly a string id, name and prompt"]


def test_an_asset_record_without_its_file_is_refused() -> None:
    manifest, files = parts()
    manifest["files"] = [f for f in manifest["files"] if f["asset_id"] != "vb"]
    del files["files/vb.mp4"]
    assert refusal(zipped(manifest, files)) == ["assets/vb: the asset record has no file in the bundle"]


def test_a_file_without_its_asset_record_is_refused() -> None:
    manifest, files = parts()
    manifest["stores"][ASSETS] = [a for a in manifest["stores"][ASSETS] if a["id"] != "vb"]
    assert refusal(zipped(manifest, files)) == ["files/vb.mp4: the file has no asset record in the bundle"]


def test_an_asset_whose_record_disagrees_with_its_file_is_refused() -> None:
    manifest, files = parts()
    manifest["stores"][ASSETS][2]["bytes"] = 1999
    (problem,) = refusal(zipped(manifest, files))
    assert (
        problem
        == "assets/vb: the record says 1999 bytes of video/mp4, its file files/vb.mp4 is 2000 bytes of video/mp4"
    )


def test_an_asset_of_a_job_that_is_not_in_the_bundle_is_refused() -> None:
    manifest, files = parts()
    manifest["stores"][JOBS] = [j for j in manifest["stores"][JOBS] if j["id"] != "job-b"]
    assert refusal(zipped(manifest, files)) == ["assets/vb: it belongs to job 'job-b', which is not in the bundle"]


def test_a_file_listed_twice_is_refused() -> None:
    manifest, files = parts()
    manifest["files"].append(dict(manifest["files"][0]))
    assert refusal(zipped(manifest, files)) == ["files/va.mp4: the manifest lists this file (or its asset) twice"]


def test_every_problem_is_reported_at_once() -> None:
    manifest, files = parts()
    del manifest["stores"][JOBS][0]["prompt"]
    files["files/extra.bin"] = b"?"
    del files["files/ta.webp"]
    assert refusal(zipped(manifest, files)) == [
        "jobs/job-a: prompt: Field required",  # reported once: its assets still count as belonging to it
        "files/ta.webp: listed in the manifest but missing from the ZIP",
        "files/extra.bin: in the ZIP but not listed in the manifest",
    ]


def test_validate_bundle_works_on_entries_and_manifest_bytes_directly() -> None:
    data = bundle_bytes()
    entries = read_zip(len(data), reader(data))
    manifest = data[entries[0].data_offset : entries[0].data_end]
    assert isinstance(validate_bundle(entries, manifest, VALIDATORS), Bundle)
    assert isinstance(validate_bundle(entries, manifest, {}), Refusal)  # no validator for any store


def test_folder_entries_added_by_zip_tools_are_ignored() -> None:
    manifest, files = parts()
    data = stored_zip([(MANIFEST_NAME, json.dumps(manifest).encode()), *files.items()])
    entries = read_zip(len(data), reader(data))
    folder = entries[1].__class__("files/", 0, 0x800, 0, 0, 0, 0, 0)
    raw = data[entries[0].data_offset : entries[0].data_end]
    assert isinstance(validate_bundle((*entries, folder), raw, VALIDATORS), Bundle)


def test_intact_files_pass_their_checks() -> None:
    data = bundle_bytes()
    bundle = accepted(data)
    assert check_files(bundle, reader(data), chunk_bytes=7) == ()


def test_a_file_whose_sha256_disagrees_with_the_manifest_is_refused() -> None:
    manifest, files = parts()
    files["files/ta.webp"] = b"X" + files["files/ta.webp"][1:]  # same size, valid ZIP CRC, other bytes
    data = zipped(manifest, files)
    problems = check_files(accepted(data), reader(data))
    assert problems == (Problem("files/ta.webp", "its SHA-256 does not match the manifest: the file is damaged"),)


def test_a_file_damaged_inside_the_zip_fails_its_crc() -> None:
    data = bytearray(bundle_bytes())
    bundle = accepted(bytes(data))
    target = bundle.file_of("vb")
    assert target is not None
    data[target.zip.data_offset + 10] ^= 0xFF
    (problem,) = check_files(bundle, reader(bytes(data)))
    assert problem.where == "files/vb.mp4" and "CRC-32" in problem.message


def test_a_check_stops_at_the_first_byte_past_the_declared_size() -> None:
    data = bundle_bytes()
    bundle = accepted(data)
    file = bundle.file_of("ta")
    assert file is not None
    check = FileCheck(file)
    check.feed(b"x" * (file.entry.bytes + 1))
    assert check.failed and check.feed(b"more") == b""
    (problem,) = check.finish()
    assert problem.where == "files/ta.webp" and f"more than its declared {file.entry.bytes} bytes" in problem.message


def test_a_short_file_reports_every_file_checked_so_far() -> None:
    data = bundle_bytes()
    bundle = accepted(data)
    last = max(bundle.files, key=lambda f: f.zip.data_offset)
    problems = check_files(bundle, reader(data[: last.zip.data_offset + 5]))
    assert [p.where for p in problems] == [last.entry.path] and "ended early" in problems[0].message


def test_files_are_checked_in_the_order_they_lie_in_the_bundle() -> None:
    bundle = accepted(bundle_bytes())
    offsets = [c.file.zip.data_offset for c in file_checks(bundle)]
    assert offsets == sorted(offsets) and len(offsets) == 3


def test_a_bundle_rezipped_with_deflate_is_accepted_and_inflated_while_checked() -> None:
    lib = library()
    original = bundle_bytes(lib)
    rezipped = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as source, zipfile.ZipFile(rezipped, "w", zipfile.ZIP_DEFLATED) as out:
        for name in source.namelist():
            out.writestr(name, source.read(name))
    data = rezipped.getvalue()
    bundle = accepted(data)
    assert all(f.zip.method == 8 for f in bundle.files)
    received: dict[str, bytes] = {}

    def sink(file: BundleFile, chunk: bytes) -> None:
        received[file.entry.asset_id] = received.get(file.entry.asset_id, b"") + chunk

    assert check_files(bundle, reader(data), chunk_bytes=64, sink=sink) == ()
    assert received == lib.blobs
