"""Killing a tab's renderer as a crash would (for the browser tests and the download
benchmark), and the downloads in progress it leaves in IndexedDB."""

from __future__ import annotations

import json

from playwright.sync_api import Page

LEDGERS_JS = """async () => {
    const db = await new Promise((ok, ko) => {
        const r = indexedDB.open('sora-renderer'); r.onsuccess = () => ok(r.result); r.onerror = ko;
    });
    const all = (store) => new Promise((ok) => {
        const r = db.transaction(store).objectStore(store).getAllKeys(); r.onsuccess = () => ok(r.result);
    });
    const ledgers = await new Promise((ok) => {
        const r = db.transaction('downloads').objectStore('downloads').getAll(); r.onsuccess = () => ok(r.result);
    });
    const parts = await all('parts');
    db.close();
    return {ledgers, parts};
}"""


def crash_tab(page: Page) -> None:
    """``Page.crash`` through a browser-level DevTools session (a page's own session dies with
    the renderer it would have to answer from)."""
    own = page.context.new_cdp_session(page)
    target_id = own.send("Target.getTargetInfo")["targetInfo"]["targetId"]
    own.detach()
    browser = page.context.browser
    assert browser is not None
    cdp = browser.new_browser_cdp_session()
    session = cdp.send("Target.attachToTarget", {"targetId": target_id, "flatten": False})["sessionId"]
    message = json.dumps({"id": 1, "method": "Page.crash"})
    with page.expect_event("crash", timeout=10_000):
        cdp.send("Target.sendMessageToTarget", {"sessionId": session, "message": message})
    cdp.detach()
