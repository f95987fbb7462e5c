"""The manifest: strict JSON, the right format, a known version (migrated when older), strict fields."""

from __future__ import annotations

import base64
import copy
import json
from typing import Any

import pytest

from app.core.bundle.errors import ManifestError
from app.core.bundle.manifest import CURRENT_VERSION, Manifest, parse_manifest
from tests.unit.bundle_kit import NOW

SHA = "ab" * 32


def b64(size: int) -> str:
    return base64.b64encode(bytes(size)).decode()


def manifest(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "format": "sora-renderer-bundle",
        "version": 1,
        "created_at": NOW,
        "app_version": "0.1.0",
        "scope": "everything",
        "stores": {"jobs": [{"id": "job-a"}], "assets": [{"id": "va"}]},
        "files": [{"path": "files/va.mp4", "asset_id": "va", "bytes": 10, "sha256": SHA, "mime": "video/mp4"}],
        "keys": {
            "kdf": "PBKDF2-SHA-256",
            "iterations": 600_000,
            "salt": b64(16),
            "iv": b64(12),
            "ciphertext": b64(60),
            "cipher": "AES-GCM",
        },
    }
    body.update(changes)
    return body


def encode(body: Any) -> bytes:
    return json.dumps(body).encode()


def problems(raw: bytes, **options: Any) -> str:
    with pytest.raises(ManifestError) as caught:
        parse_manifest(raw, **options)
    assert all(p.where == "manifest.json" for p in caught.value.problems)
    return str(caught.value)


def with_file(**changes: Any) -> bytes:
    body = manifest()
    body["files"][0].update(changes)
    return encode(body)


def with_keys(**changes: Any) -> bytes:
    body = manifest()
    body["keys"].update(changes)
    return encode(body)


def test_a_valid_manifest_parses() -> None:
    parsed = parse_manifest(encode(manifest()))
    assert isinstance(parsed, Manifest) and parsed.version == CURRENT_VERSION
    assert parsed.files[0].asset_id == "va" and parsed.keys is not None and parsed.keys.iterations == 600_000
    assert parse_manifest(encode(manifest(keys=None, created_at=1_700_000_000))).keys is None


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        (
            b'{"format": "sora-renderer-bundle",',
            "not valid JSON: Expecting property name enclosed in double quotes (line 1",
        ),
        (b"\xff\xfe{}", "not UTF-8 text"),
        (b'{"format": 1, "format": 2}', "the key 'format' appears twice"),
        (b'{"created_at": NaN}', "NaN is not a JSON number"),
        (b"[" * 100_000 + b"]" * 100_000, "nests too deeply"),
        (b'{\n  "format": tru\n}', "(line 2, column 13)"),
        (b"[]", "must be a JSON object"),
    ],
)
def test_bad_json_is_refused_with_what_is_wrong(raw: bytes, fragment: str) -> None:
    assert fragment in problems(raw)


@pytest.mark.parametrize("value", ["zip", None, "Sora-Renderer-Bundle"])
def test_a_wrong_format_is_refused(value: str | None) -> None:
    assert "not a Sora Renderer bundle" in problems(encode(manifest(format=value)))


def test_a_newer_version_is_refused_with_a_clear_message() -> None:
    text = problems(encode(manifest(version=CURRENT_VERSION + 1)))
    assert "made by a newer version of Sora Renderer" in text and "update the app" in text


@pytest.mark.parametrize("value", [0, "1", True, 1.0, None])
def test_a_version_that_is_not_a_whole_number_from_1_is_refused(value: object) -> None:
    assert "version must be a whole number" in problems(encode(manifest(version=value)))


def test_an_older_version_goes_through_its_migration() -> None:
    def one_to_two(data: dict[str, Any]) -> dict[str, Any]:
        migrated = copy.deepcopy(data)
        migrated["version"] = 2
        migrated["files"] = migrated.pop("blobs")  # pretend version 1 called them "blobs"
        return migrated

    old = manifest()
    old["blobs"] = old.pop("files")
    parsed = parse_manifest(encode(old), current_version=2, migrations={1: one_to_two})
    assert parsed.version == 2 and parsed.files[0].path == "files/va.mp4"


def test_an_older_version_without_a_migration_is_refused() -> None:
    assert "no migration to version 2" in problems(encode(manifest()), current_version=2, migrations={})
    wrong = problems(encode(manifest()), current_version=2, migrations={1: lambda d: d})
    assert "did not produce version 2" in wrong


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        (encode(manifest(extra="x")), "extra: Extra inputs are not permitted"),
        (with_file(extra="x"), "files[0].extra: Extra inputs are not permitted"),
        (with_keys(extra="x"), "keys.extra: Extra inputs are not permitted"),
        (with_file(sha256=SHA.upper()), "files[0].sha256: must be 64 lowercase hexadecimal digits"),
        (with_file(sha256="ab"), "files[0].sha256: must be 64 lowercase hexadecimal digits"),
        (with_file(path="files/other.mp4"), "path must be files/va.<ext>"),
        (with_file(path="va.mp4"), "path must be files/va.<ext>"),
        (with_file(path="files/va.MP4"), "path must be files/va.<ext>"),
        (with_file(path="files/va"), "path must be files/va.<ext>"),
        (with_file(asset_id="a/b", path="files/a/b.mp4"), "files[0].asset_id: must be 1–128 letters"),
        (with_file(bytes=-1), "files[0].bytes: Input should be greater than or equal to 0"),
        (with_file(bytes="10"), "files[0].bytes: Input should be a valid integer"),
        (with_file(mime="Video/MP4"), "files[0].mime: must be a lowercase media type"),
        (encode(manifest(scope="some")), "scope: Input should be 'everything' or 'selection'"),
        (encode(manifest(stores={"Bad Name": []})), "stores.Bad Name[key]: must be a store name"),
        (encode(manifest(stores={f"s{i}": [] for i in range(33)})), "stores: Dictionary should have at most 32 items"),
        (encode(manifest(app_version="")), "app_version: String should have at least 1 character"),
        (encode(manifest(created_at=-1)), "created_at: Input should be greater than or equal to 0"),
    ],
)
def test_fields_are_strict_and_bounded(raw: bytes, fragment: str) -> None:
    assert fragment in problems(raw)


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"iterations": 599_999}, "keys.iterations: Input should be greater than or equal to 600000"),
        ({"kdf": "scrypt"}, "keys.kdf: Input should be 'PBKDF2-SHA-256'"),
        ({"cipher": "AES-CBC"}, "keys.cipher: Input should be 'AES-GCM'"),
        ({"salt": "not base64!"}, "keys.salt: must be standard base64"),
        ({"salt": b64(8)}, "keys.salt: must decode to 16–64 bytes, not 8"),
        ({"iv": b64(16)}, "keys.iv: must decode to 12–12 bytes, not 16"),
        ({"ciphertext": b64(16)}, "keys.ciphertext: must decode to 17–65536 bytes, not 16"),
        ({"ciphertext": b64(70_000)}, "keys.ciphertext: must decode to 17–65536 bytes, not 70000"),
    ],
)
def test_encrypted_keys_are_strict(changes: dict[str, Any], fragment: str) -> None:
    assert fragment in problems(with_keys(**changes))


def test_every_field_problem_is_reported_at_once() -> None:
    body = manifest(scope="some", app_version="")
    body["files"][0]["sha256"] = "x"
    with pytest.raises(ManifestError) as caught:
        parse_manifest(encode(body))
    assert len(caught.value.problems) == 3
