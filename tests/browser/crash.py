"""Reading what a killed tab left in IndexedDB, and what the simulator sent (the kill itself
is ``tools.crash_tab``, shared with the download benchmark)."""

from __future__ import annotations

import json
import urllib.request
from typing import Any

from playwright.sync_api import BrowserContext, Error, Page

from app.core.keys import DEMO_KEY
from tools.crash_tab import LEDGERS_JS
from tools.crash_tab import crash_tab as _crash_tab

__all__ = [
    "BROWSER_CRASH",
    "crash_tab",
    "ledgers",
    "note_crashed",
    "original_sha",
    "reopen",
    "served_bytes",
    "sim_json",
    "stored_video",
    "take_crashed",
]

# What Playwright says of a tab whose renderer died (killed by a test, or by Chromium itself).
BROWSER_CRASH = "Target crashed"
_CRASHED = [False]  # a tab was killed since the browser fixture last asked


def crash_tab(page: Page) -> None:
    """Kill the tab (``tools.crash_tab``), and remember it: the browser is not used again."""
    note_crashed()
    _crash_tab(page)


def reopen(context: BrowserContext, url: str, route: str = "") -> Page:
    """The app in a new tab of the same profile, after a kill. Chromium sometimes puts the new
    tab in the killed renderer while it is still going away, and that tab dies while it boots
    ("Target crashed"), which is the browser's doing, not the app's: then one new tab more."""
    from tests.browser.conftest import open_app

    for attempt in (1, 2):
        page = context.new_page()
        try:
            open_app(page, url, route=route)
            return page
        except Error as exc:
            if BROWSER_CRASH not in str(exc) or attempt == 2:
                raise
            page.close()
    raise AssertionError("unreachable")


def note_crashed() -> None:
    """A tab died by itself: the browser is not used again either."""
    _CRASHED[0] = True


def take_crashed() -> bool:
    """Whether a tab was killed since the last call (and forget it)."""
    crashed, _CRASHED[0] = _CRASHED[0], False
    return crashed


STORED_SHA_JS = """async (title) => {
    const db = await new Promise((ok, ko) => {
        const r = indexedDB.open('sora-renderer'); r.onsuccess = () => ok(r.result); r.onerror = ko;
    });
    const read = (store, op) => new Promise((ok) => {
        const r = op(db.transaction(store).objectStore(store)); r.onsuccess = () => ok(r.result);
    });
    const job = (await read('jobs', s => s.getAll())).find(j => j.prompt.startsWith(title));
    const blob = await read('blobs', s => s.get(job.assets.video));
    db.close();
    const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
    return [blob.size, [...new Uint8Array(digest)].map(b => b.toString(16).padStart(2, '0')).join('')];
}"""

HOLD_FILE_WRITE_JS = """() => {
    // Test only: the transaction that would store a whole file made of parts (the moment after
    // the last byte arrived and was stored as a part) is swapped for one that never settles, so
    // the app waits there, responsive, until the tab is killed; window.__fileWriteHeld says so.
    const open = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (stores, mode) {
        const names = typeof stores === 'string' ? [stores] : [...stores];
        if (names.includes('blobs') && names.includes('parts')) {
            window.__fileWriteHeld = true;
            const nothing = () => {};
            const store = {put: nothing, delete: nothing, clear: nothing};
            return {objectStore: () => store, abort: nothing, addEventListener: nothing, removeEventListener: nothing};
        }
        return open.call(this, stores, mode);
    };
}"""


def ledgers(page: Page) -> dict[str, Any]:
    """The downloads in progress (ledgers) and the keys of their stored parts."""
    result: dict[str, Any] = page.evaluate(LEDGERS_JS)
    return result


def stored_video(page: Page, title: str) -> tuple[int, str]:
    """Size and SHA-256 of the job's stored video, read back from IndexedDB."""
    size, digest = page.evaluate(STORED_SHA_JS, title)
    return int(size), str(digest)


def sim_json(app_server: str, path: str) -> Any:
    with urllib.request.urlopen(app_server + path) as response:
        return json.load(response)


def served_bytes(app_server: str, remote_id: str) -> tuple[int, int]:
    """(body bytes the simulator sent for the job's video, the video's size)."""
    rows = sim_json(app_server, f"sim/debug/downloads?job_id={remote_id}")["data"]
    video = [row for row in rows if row["file"] == "video"]
    return sum(int(row["bytes_served"]) for row in video), max(int(row["file_bytes"]) for row in video)


def original_sha(app_server: str, remote_id: str) -> str:
    """SHA-256 of the simulator's file itself (fetched here, after the counts were read)."""
    import hashlib

    request = urllib.request.Request(
        app_server + f"sim/v1/videos/{remote_id}/content", headers={"Authorization": f"Bearer {DEMO_KEY}"}
    )
    digest = hashlib.sha256()
    with urllib.request.urlopen(request) as response:
        while chunk := response.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
