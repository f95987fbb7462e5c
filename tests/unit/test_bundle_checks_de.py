"""Bundle checks follow the language: damaged, hostile and newer bundles, and the import plan's reasons, in German."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from app.core.bundle.errors import BundleRefusedError, ManifestError, Refusal, ZipError, ZipFault
from app.core.bundle.file_check import check_files
from app.core.bundle.limits import MIB, Limits
from app.core.bundle.manifest import CURRENT_VERSION, MANIFEST_NAME, parse_manifest
from app.core.bundle.plan import LocalState, plan_import
from app.core.bundle.summary import detail_lines
from app.core.bundle.validate import Bundle, open_bundle
from app.core.bundle.zip_read import read_zip
from app.core.i18n import set_locale
from app.core.stores import ASSETS, JOBS, PRESETS, SETTINGS
from tests.unit.bundle_kit import (
    VALIDATORS,
    RawEntry,
    bundle_bytes,
    craft,
    deflated,
    export_plan,
    library,
    preset,
    reader,
    stored_zip,
)
from tests.unit.test_bundle_plan import bundle_of, item, local_copy_of


@pytest.fixture(autouse=True)
def german() -> Iterator[None]:
    set_locale("de")
    yield
    set_locale("en")


def refusal(data: bytes) -> Refusal:
    result = open_bundle(len(data), reader(data), VALIDATORS, Limits())
    assert isinstance(result, Refusal), "the bundle was accepted"
    return result


def zip_refused(data: bytes) -> ZipError:
    with pytest.raises(ZipError) as caught:
        read_zip(len(data), reader(data), Limits())
    return caught.value


def test_a_truncated_bundle_is_refused_in_german() -> None:
    found = refusal(bundle_bytes()[:-1])
    assert [str(p) for p in found.problems] == [
        "Paket: Kein Endeintrag des zentralen Verzeichnisses: Die Datei ist abgeschnitten oder kein ZIP"
    ]
    assert str(BundleRefusedError(found)).startswith(
        "Dieses Paket kann nicht importiert werden; es wurde nichts geändert. Paket: Kein Endeintrag"
    )
    assert zip_refused(b"PK").message == "Die Datei ist nur 2 Bytes groß: zu kurz für ein ZIP"


def test_a_file_that_ends_early_says_so_with_plain_numbers() -> None:
    data = bundle_bytes()
    result = open_bundle(len(data), reader(data), VALIDATORS)
    assert isinstance(result, Bundle)
    last = max(result.files, key=lambda f: f.zip.data_offset)
    (problem,) = check_files(result, reader(data[: last.zip.data_offset + 5]))
    assert problem.message.startswith("Die Datei endet zu früh: 5 von ")
    assert f"ab Position {last.zip.data_offset} konnten gelesen werden" in problem.message  # no digit grouping


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("../x", "Der Name führt aus dem Paketordner hinaus (..)"),
        ("files/../../x", "Der Name führt aus dem Paketordner hinaus (..)"),
        ("/abs", "Der Name ist ein absoluter Pfad"),
        ("C:\\x", "Der Name beginnt mit einem Laufwerksbuchstaben (ein absoluter Windows-Pfad)"),
        ("a\x00b", "Der Name enthält ein NUL-Zeichen"),
    ],
)
def test_a_path_trick_in_an_entry_name_is_refused_in_german(name: str, message: str) -> None:
    error = zip_refused(craft([RawEntry(b"fine.txt", b""), RawEntry(name.encode(), b"x")]))
    assert (error.fault, error.entry, error.message) == (ZipFault.UNSAFE_NAME, name, message)
    assert str(error) == f"Eintrag {name!r}: {message}"


def test_hostile_archives_are_named_in_german() -> None:
    bomb = zip_refused(craft([RawEntry(b"manifest.json", b"{}"), deflated("files/bomb.mp4", bytes(20 * MIB))]))
    assert bomb.fault is ZipFault.RATIO and bomb.message.endswith("wahrscheinlich eine ZIP-Bombe")
    assert "würden sich auf 20971520 entpacken" in bomb.message
    method = zip_refused(craft([RawEntry(b"data.bin", b"x", method=12)]))
    assert method.message == (
        "Die Kompressionsmethode 12 (bzip2) wird nicht unterstützt; nur STORED und DEFLATE werden gelesen"
    )
    twice = zip_refused(craft([RawEntry(b"a.txt", b"1"), RawEntry(b"A.TXT", b"2")]))
    assert "doppelt vor" in twice.message and "'a.txt'" in twice.message


def test_a_wrong_hash_is_reported_in_german() -> None:
    lib = library()
    plan = export_plan(lib)
    files = {f.path: lib.blobs[f.asset_id] for f in plan.manifest.files}
    files["files/ta.webp"] = b"X" + files["files/ta.webp"][1:]  # same size, valid ZIP CRC, other bytes
    data = stored_zip([(MANIFEST_NAME, plan.manifest_bytes), *files.items()])
    bundle = open_bundle(len(data), reader(data), VALIDATORS)
    assert isinstance(bundle, Bundle)
    (problem,) = check_files(bundle, reader(data))
    assert str(problem) == "files/ta.webp: Sein SHA-256 stimmt nicht mit dem Manifest überein: Die Datei ist beschädigt"


def test_a_bundle_from_a_newer_version_asks_for_an_update_in_german() -> None:
    body = json.loads(export_plan(library()).manifest_bytes)
    body["version"] = CURRENT_VERSION + 1
    with pytest.raises(ManifestError) as caught:
        parse_manifest(json.dumps(body).encode())
    (problem,) = caught.value.problems
    assert problem.message == (
        f"Das Paket wurde mit einer neueren Version von Sora Renderer erstellt (Paketversion {CURRENT_VERSION + 1}; "
        f"diese App liest bis Version {CURRENT_VERSION}): Aktualisieren Sie die App, um es zu importieren"
    )


def test_manifest_and_record_problems_are_german() -> None:
    found = refusal(stored_zip([("files/x.mp4", b"x")]))
    assert [str(p) for p in found.problems] == ["manifest.json: fehlt: Dies ist kein Sora-Renderer-Paket"]
    body = json.loads(export_plan(library()).manifest_bytes)
    body["files"][0]["sha256"] = "ab"
    body["stores"]["mystery"] = []
    messages = [str(p) for p in refusal(stored_zip([(MANIFEST_NAME, json.dumps(body).encode())])).problems]
    assert messages == ["manifest.json: files[0].sha256: muss 64 hexadezimale Ziffern in Kleinbuchstaben sein"]
    body["files"][0]["sha256"] = "ab" * 32
    messages = [str(p) for p in refusal(stored_zip([(MANIFEST_NAME, json.dumps(body).encode())])).problems]
    assert "Datenbestand 'mystery': Diese App kennt diesen Datenbestand nicht" in messages
    assert any("Im Manifest aufgeführt, aber im ZIP nicht vorhanden" in m for m in messages)


RENAMED = "umbenannt in 'Noir (importiert)': Eine Vorlage namens 'Noir' ist vorhanden"


def test_the_import_plan_gives_its_reasons_in_german() -> None:
    lib = library()
    again = plan_import(bundle_of(lib), local_copy_of(lib))
    assert item(again, JOBS, "job-a").reason == "identisch"
    assert item(again, ASSETS, "va").reason == "bereits gespeichert (Ihre Datei bleibt erhalten)"
    assert item(again, PRESETS, "p1").reason == "bereits gespeichert"
    lib.records[PRESETS] = [preset("p2", "Noir")]
    renamed = plan_import(bundle_of(lib), LocalState(preset_names=frozenset({"Noir"})))
    assert item(renamed, PRESETS, "p2").reason == RENAMED
    assert [w.record["name"] for w in renamed.writes if w.store == PRESETS] == ["Noir (importiert)"]
    lines, more = detail_lines(renamed, {})  # the new renders and files need no reason, in any language
    assert lines == [
        "Übersprungen: Einstellungseintrag app — Ihre Einstellungen bleiben erhalten (ihr Import wurde nicht gewählt)",
        f"Hinzugefügt: Vorlage p2 — {RENAMED}",
    ]
    assert more == 0


def test_imported_settings_and_keys_warn_in_german() -> None:
    lib = library()
    plan = plan_import(bundle_of(lib), LocalState(), replace_settings=True)
    assert item(plan, SETTINGS, "app").reason == "noch keine Einstellungen gespeichert"
    (warning,) = plan.warnings
    assert warning.startswith(
        "Die importierten Einstellungen senden API-Anfragen an die eigene Adresse jedes Anbieters"
    )
    assert "Demomodus aus" in warning and "Importieren Sie Einstellungen nur aus einem Paket" in warning
    kept = plan_import(bundle_of(lib), LocalState())
    assert item(kept, SETTINGS, "app").reason == (
        "Ihre Einstellungen bleiben erhalten (ihr Import wurde nicht gewählt)"
    )
