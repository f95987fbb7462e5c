"""Backup in the real browser: export to a picked file (or a download), hard reset, import.

The save picker is the one thing a headless browser cannot answer, so it is replaced by
one that hands out a file of the origin-private file system: the app then streams the
bundle through a real ``FileSystemWritableFileStream``, as it would to a file on disk.
"""

from __future__ import annotations

import base64
import io
import json
import re
import uuid
import zipfile
from pathlib import Path
from typing import Any

from playwright.sync_api import Locator, Page, expect

from app.core.job_record import AssetRecord
from tests.browser.a11y import axe_violations
from tests.browser.conftest import BOOT_TIMEOUT_MS, PageWatch, open_app
from tests.browser.helpers import close_welcome, go, provider_card, save_key, use_endpoint
from tests.browser.seed import DAY, T0, job, seed, sim_video
from tests.unit.bundle_kit import bundle_bytes, library

SHOTS = Path("/tmp/backup-shots")
PASSPHRASE = "correct horse battery"
OPENAI = "openai-videos"

PICKER_JS = """
window.showSaveFilePicker = async (options) => {
    const root = await navigator.storage.getDirectory();
    return root.getFileHandle(options.suggestedName, {create: true});
};
"""

READ_OPFS_JS = """async () => {
    const root = await navigator.storage.getDirectory();
    for await (const [name, handle] of root.entries()) {
        const file = await handle.getFile();
        const url = await new Promise((ok) => { const r = new FileReader(); r.onload = () => ok(r.result);
                                                r.readAsDataURL(file); });
        return [name, url.slice(url.indexOf(',') + 1)];
    }
    return null;
}"""

# Every store's records by key; Blobs as their SHA-256, size and type; CryptoKeys by kind.
DUMP_JS = """async () => {
    const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
    const db = await new Promise((ok, ko) => { const r = indexedDB.open('sora-renderer');
                                               r.onsuccess = () => ok(r.result); r.onerror = ko; });
    const out = {};
    for (const name of db.objectStoreNames) {
        const [keys, values] = await Promise.all(['getAllKeys', 'getAll'].map((how) => new Promise((ok) => {
            const r = db.transaction(name).objectStore(name)[how](); r.onsuccess = () => ok(r.result); })));
        const rows = {};
        for (let i = 0; i < keys.length; i++) {
            let value = values[i];
            if (value instanceof Blob) {
                value = {sha256: hex(await crypto.subtle.digest('SHA-256', await value.arrayBuffer())),
                         size: value.size, type: value.type};
            } else if (value instanceof CryptoKey) {
                value = {cryptoKey: value.type};
            }
            rows[String(keys[i])] = value;
        }
        out[name] = rows;
    }
    db.close();
    return out;
}"""


# Every value the selection export's bar takes, with its text, as the page shows it.
WATCH_BAR_JS = """() => {
    const bar = document.querySelector('.lib-bulk [role=progressbar]');
    window.__barSeen = [];
    new MutationObserver(() => window.__barSeen.push([bar.getAttribute('aria-valuenow'),
                                                      bar.getAttribute('aria-valuetext')]))
        .observe(bar, {attributes: true, attributeFilter: ['aria-valuenow', 'aria-valuetext']});
}"""


def dump(page: Page) -> dict[str, dict[str, Any]]:
    result: dict[str, dict[str, Any]] = page.evaluate(DUMP_JS)
    return result


def backup(page: Page) -> Locator:
    return page.locator("#backup")


def _library(page: Page, app_server: str) -> None:
    """Three simulated videos (one tagged, one titled, one in a folder) with their files."""
    remote_id = sim_video(app_server)
    endpoint = app_server + "sim/v1"
    jobs = [
        job(0, remote_id, app_server, prompt="A red kite over a windy beach", tags=["sea"], demo=False),
        job(1, remote_id, app_server, prompt="Neon city in the rain", created_at=T0 + DAY, title="Neon"),
        job(2, remote_id, app_server, prompt="Mossy forest at dawn", created_at=T0 + 2 * DAY, folder="Nature"),
    ]
    for record in jobs:
        record["endpoint"] = endpoint
    seed(page, app_server, jobs, remote_id)


def _export(page: Page, *, passphrase: str | None) -> tuple[str, bytes]:
    go(page, "Settings")
    section = backup(page)
    if passphrase is not None:
        section.get_by_label("Include my API keys, encrypted with a passphrase").check()
        section.get_by_label("Passphrase for the keys").fill(passphrase)
        section.get_by_label("Repeat the backup passphrase").fill(passphrase)
    section.get_by_role("button", name="Export everything…").click()
    expect(page.locator("#backup-result")).to_contain_text("Exported 3 renders", timeout=60_000)
    found = page.evaluate(READ_OPFS_JS)
    assert found is not None, "nothing was written to the picked file"
    return str(found[0]), base64.b64decode(found[1])


def hard_reset(page: Page, timeout_ms: int = BOOT_TIMEOUT_MS) -> None:
    """Settings → Hard-reset app, confirmed; returns once the app is a first visit again and ready."""
    go(page, "Settings")
    page.get_by_role("button", name="Hard-reset app").click()
    dialog = page.get_by_role("dialog", name="Hard-reset Sora Renderer?")
    dialog.get_by_label("Type RESET to confirm").fill("RESET")
    dialog.get_by_role("button", name="Delete everything").click()
    welcome = page.get_by_role("region", name="Welcome to Sora Renderer")  # a first visit again
    expect(welcome).to_be_visible(timeout=timeout_ms)
    page.wait_for_selector("#app[data-hydrated='true']", state="attached", timeout=timeout_ms)


def _choose_bundle(page: Page, path: Path) -> None:
    go(page, "Settings")
    page.locator("#backup-file").set_input_files(str(path))


def _comparable(snapshot: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """What an import must give back as it was: everything but the keys (sealed anew here).

    The seeded file records lack the fields that default to ``None``; the app's records have them.
    """
    kept = {store: rows for store, rows in snapshot.items() if store not in {"vault", "keys", "meta"}}
    kept["assets"] = {k: AssetRecord.model_validate(v).model_dump(mode="json") for k, v in kept["assets"].items()}
    return kept


def test_round_trip_export_hard_reset_import(page: Page, app_server: str, watch: PageWatch, tmp_path: Path) -> None:
    page.add_init_script(PICKER_JS)
    open_app(page, app_server)
    use_endpoint(page, app_server + "sim/v1")
    key = f"sk-test-{uuid.uuid4().hex}"
    save_key(page, key)
    _library(page, app_server)
    before = dump(page)
    assert len(before["blobs"]) == 9 and len(before["jobs"]) == 3

    go(page, "Settings")
    SHOTS.mkdir(exist_ok=True)
    backup(page).get_by_label("Include my API keys, encrypted with a passphrase").check()
    backup(page).screenshot(path=str(SHOTS / "backup-section.png"))
    assert axe_violations(page, context="#backup") == []
    name, data = _export(page, passphrase=PASSPHRASE)
    assert re.fullmatch(r"sora-renderer-\d{4}-\d\d-\d\d-\d{4}\.zip", name)
    assert key.encode() not in data and key[8:].encode() not in data  # never in plain text
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        assert "manifest.json" in archive.namelist()
        assert sum(n.startswith("files/") for n in archive.namelist()) == 9
    bundle = tmp_path / name
    bundle.write_bytes(data)

    hard_reset(page)
    assert dump(page)["jobs"] == {}
    _choose_bundle(page, bundle)
    dialog = page.get_by_role("dialog", name="Import this bundle?")
    expect(dialog).to_be_visible(timeout=30_000)
    table = dialog.get_by_role("table", name="What the import does")
    expect(table).to_contain_text("Renders")
    dialog.get_by_label("Replace my settings with the bundle's").check()
    dialog.get_by_label("The bundle's passphrase").fill("not the passphrase")
    dialog.get_by_role("button", name="Unlock keys").click()
    expect(dialog.locator("#import-passphrase-error, .field-error").first).to_be_visible()
    dialog.get_by_label("The bundle's passphrase").fill(PASSPHRASE)
    dialog.get_by_role("button", name="Unlock keys").click()
    expect(dialog.get_by_role("table", name="The bundle's API keys")).to_contain_text("added")
    dialog.screenshot(path=str(SHOTS / "import-preview.png"))
    assert axe_violations(page, context="#import-table, #import-keys") == []
    assert axe_violations(page, context="dialog") == []
    dialog.get_by_role("button", name="Import", exact=True).click()
    expect(page.locator("#backup-result")).to_contain_text("Imported", timeout=60_000)

    after = dump(page)
    assert _comparable(after) == _comparable(before)  # records equal, every Blob byte-identical
    card = provider_card(page, OPENAI)
    card.get_by_role("button", name="Reveal key").click()
    expect(page.locator(f"#key-revealed-{OPENAI}")).to_have_text(key)
    card.get_by_role("button", name="Validate key").click()
    expect(page.locator(f"#key-check-{OPENAI} [data-outcome]")).to_have_attribute("data-outcome", "valid")
    go(page, "Library")
    expect(page.locator("#library-count")).to_have_text("3 videos")


def _with_entry(data: bytes, name: str, content: bytes, *, deflate: bool = False) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as original, zipfile.ZipFile(out, "w") as hostile:
        for info in original.infolist():
            hostile.writestr(info, original.read(info))
        hostile.writestr(name, content, compress_type=zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED)
    return out.getvalue()


def _damaged(data: bytes) -> bytes:
    video = library().blobs["va"]
    flipped = bytearray(data)
    flipped[data.index(video) + 100] ^= 0xFF
    return bytes(flipped)


HOSTILE: list[tuple[str, Any, str]] = [
    ("truncated.zip", lambda d: d[: len(d) // 2], "truncated"),
    ("damaged.zip", _damaged, "files/va.mp4"),
    ("climbing.zip", lambda d: _with_entry(d, "../../evil.sh", b"echo hi"), ".."),
    ("bomb.zip", lambda d: _with_entry(d, "files/zeros.mp4", bytes(50_000_000), deflate=True), "zip bomb"),
    ("not-a-bundle.zip", lambda _d: b"PK\x03\x04 this is not a zip at all", ""),
]


def test_hostile_bundles_are_refused_naming_the_problem_with_nothing_changed(demo_app: Page, tmp_path: Path) -> None:
    close_welcome(demo_app)
    go(demo_app, "Settings")
    save_key(demo_app, f"sk-test-{uuid.uuid4().hex}")
    before = dump(demo_app)
    good = bundle_bytes()
    problems = demo_app.locator("#backup-problems")
    for name, spoil, words in HOSTILE:
        path = tmp_path / name
        path.write_bytes(spoil(good))
        _choose_bundle(demo_app, path)
        expect(problems).to_contain_text(f"“{name}” cannot be", timeout=30_000)
        expect(problems).to_contain_text("Nothing was changed")
        expect(problems).to_contain_text(words)
        expect(demo_app.get_by_role("dialog", name="Import this bundle?")).to_have_count(0)
    assert axe_violations(demo_app, context="#backup") == []
    problems.screenshot(path=str(SHOTS / "import-refused.png"))
    assert dump(demo_app) == before


def test_without_a_file_picker_the_bundle_is_a_download_without_keys(
    page: Page, app_server: str, watch: PageWatch
) -> None:
    page.add_init_script("delete window.showSaveFilePicker;")
    open_app(page, app_server, route="?demo=1")
    close_welcome(page)
    go(page, "Settings")
    key = f"sk-test-{uuid.uuid4().hex}"
    save_key(page, key)
    with page.expect_download() as info:
        backup(page).get_by_role("button", name="Export everything…").click()
    download = info.value
    assert re.fullmatch(r"sora-renderer-\d{4}-\d\d-\d\d-\d{4}\.zip", download.suggested_filename)
    data = Path(download.path()).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        manifest = archive.read("manifest.json").decode()
    assert key not in manifest and json.loads(manifest).get("keys") is None
    expect(page.locator("#backup-result")).to_contain_text("Exported 0 renders")


def test_a_library_selection_exports_alone_and_imports_back_as_nothing_new(
    page: Page, app_server: str, watch: PageWatch, tmp_path: Path
) -> None:
    page.add_init_script(PICKER_JS)
    open_app(page, app_server, route="?demo=1")
    close_welcome(page)
    _library(page, app_server)
    go(page, "Library")
    tiles = page.locator(".tile")
    tiles.nth(0).locator(".tile-check").click()  # a plain click opens the drawer; the checkbox selects
    tiles.nth(1).click(modifiers=["Shift"])
    expect(page.locator(".bulk-count")).to_have_text("2 selected")
    toolbar = page.get_by_role("toolbar", name="Selected videos")
    expect(toolbar.get_by_role("progressbar")).to_be_hidden()
    page.evaluate(WATCH_BAR_JS)
    toolbar.get_by_role("button", name="Export bundle…").click()
    expect(page.get_by_role("status").filter(has_text="Exported 2 renders, 6 files")).to_be_visible(timeout=60_000)
    bar = toolbar.get_by_role("progressbar")
    expect(bar).to_have_attribute("aria-valuenow", "100")  # and it stays, full, once the bundle is saved
    expect(bar).to_have_accessible_name(re.compile(r"Bundle saved as sora-renderer-2-videos-.*\.zip"))
    toolbar.screenshot(path=str(SHOTS / "selection-export-progress.png"))
    seen: list[list[str | None]] = page.evaluate("window.__barSeen")
    counted = [(int(value), text) for value, text in seen if value is not None and text and " of " in text]
    assert all(0 <= value <= 100 for value, _ in counted), seen  # while it ran: a value with its figures
    assert any(text.startswith("Reading the stored files:") for _, text in counted), seen
    assert any(text.startswith("Writing the bundle:") for _, text in counted), seen
    found = page.evaluate(READ_OPFS_JS)
    name, data = str(found[0]), base64.b64decode(found[1])
    assert re.fullmatch(r"sora-renderer-2-videos-\d{4}-\d\d-\d\d-\d{4}\.zip", name)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["scope"] == "selection" and set(manifest["stores"]) == {"jobs", "assets"}
    assert sorted(j["prompt"] for j in manifest["stores"]["jobs"]) == ["Mossy forest at dawn", "Neon city in the rain"]
    bundle = tmp_path / name
    bundle.write_bytes(data)
    _choose_bundle(page, bundle)
    dialog = page.get_by_role("dialog", name="Import this bundle?")
    expect(dialog.locator("#import-facts")).to_contain_text("a selection of the library")
    expect(dialog.get_by_role("button", name="Nothing to import")).to_be_disabled()
    dialog.get_by_role("button", name="Cancel").click()
