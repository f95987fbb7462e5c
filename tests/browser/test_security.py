"""Hardening seen from the browser: hostile text is shown neutralised everywhere it lands,
and an idle passphrase vault locks itself, pausing polling until it is unlocked."""

from __future__ import annotations

import json
import re
import uuid

from playwright.sync_api import Page, Route, expect

from app.core.queue_cards import locked_note, locked_text
from tests.browser.conftest import BOOT_TIMEOUT_MS, PageWatch, choose_provider, open_app
from tests.browser.helpers import close_welcome, go, job_card, save_key, start_render, use_endpoint

DONE_MS = 45_000
PASSPHRASE = "correct horse battery"
RLO, PDF, NUL, BEL, ESC = "\u202e", "\u202c", "\x00", "\x07", "\x1b"
# Every character the page must never show: C0/C1 controls (but tab and newline) and bidi controls.
HOSTILE_JS = r"/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/"
FIND_HOSTILE_JS = (
    """() => {
    const bad = """
    + HOSTILE_JS
    + """;
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node = walker.currentNode; node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        if (bad.test(node.data)) found.push('text: ' + JSON.stringify(node.data));
      } else {
        for (const attr of node.attributes) {
          if (bad.test(attr.value)) found.push(node.tagName + '@' + attr.name + ': ' + JSON.stringify(attr.value));
        }
      }
    }
    return found;
}"""
)


def hostile_in_page(page: Page) -> list[str]:
    """Text nodes and attribute values of the page that still carry a hostile character."""
    found: list[str] = page.evaluate(FIND_HOSTILE_JS)
    return found


def test_a_hostile_prompt_is_shown_neutralised_in_cards_library_drawer_and_file_name(openai_app: Page) -> None:
    mark = uuid.uuid4().hex[:6]
    prompt = f"Kite {mark} {RLO}4pm.exe{PDF} over{NUL} the{BEL} bay{ESC}[2J"
    clean = f"Kite {mark} 4pm.exe over the bay[2J"
    start_render(openai_app, prompt)
    go(openai_app, "Queue")
    card = job_card(openai_app, clean)
    expect(card.locator(".tag")).to_have_text("Ready", timeout=DONE_MS)
    expect(card.locator(".job-title")).to_have_attribute("dir", "auto")
    assert hostile_in_page(openai_app) == []
    go(openai_app, "Library")
    tile = openai_app.locator(".tile").filter(has_text=f"Kite {mark}")
    expect(tile).to_have_count(1)
    assert hostile_in_page(openai_app) == []  # the tiles (written through one JS call) too
    tile.hover()
    with openai_app.expect_download() as info:
        tile.get_by_role("button", name="Download").click()
    name = info.value.suggested_filename
    assert re.fullmatch(rf"sora-2_kite-{mark}-4pm-exe-over-the-bay-2j_[0-9a-f]{{6}}\.mp4", name), name
    tile.get_by_role("button", name="Open details").click()
    drawer = openai_app.get_by_role("dialog", name=clean)
    expect(drawer.locator(".drawer-prompt")).to_have_text(clean)
    expect(drawer.locator(".drawer-prompt")).to_have_attribute("dir", "auto")
    assert hostile_in_page(openai_app) == []


def test_a_hostile_api_error_message_is_shown_neutralised_in_the_toast_and_the_card(openai_app: Page) -> None:
    message = f"Slow down {RLO}eulav{PDF} now{NUL}{ESC}[31m: see docs"
    clean = "Slow down eulav now[31m: see docs"

    def too_many(route: Route) -> None:  # every create is refused, so the job ends failed with this text
        if route.request.method != "POST":
            route.continue_()
            return
        body = {"error": {"message": message, "type": "rate_limit_exceeded", "param": None, "code": "rate_limit"}}
        headers = {"retry-after": "1"}
        route.fulfill(status=429, content_type="application/json", headers=headers, body=json.dumps(body))

    openai_app.route(re.compile(r".*/sim/v1/videos$"), too_many)
    title = f"Refused {uuid.uuid4().hex[:6]}"
    start_render(openai_app, title, expect_started=False)
    toast = openai_app.get_by_role("status").filter(has_text="did not accept")
    expect(toast).to_contain_text(clean, timeout=DONE_MS)
    assert hostile_in_page(openai_app) == []
    go(openai_app, "Queue")
    card = job_card(openai_app, title)
    expect(card.locator(".job-error")).to_contain_text(clean)
    expect(card.locator(".job-error p").first).to_have_attribute("dir", "auto")
    assert hostile_in_page(openai_app) == []


def test_an_idle_passphrase_vault_locks_itself_and_pauses_polling_until_unlocked(
    page: Page, app_server: str, watch: PageWatch
) -> None:
    page.clock.install()  # the page's clock runs as usual, and can jump: five idle minutes pass at once
    open_app(page, app_server)
    app = page
    use_endpoint(app, app_server + "sim/v1")
    save_key(app, f"sk-test-{uuid.uuid4().hex}")
    app.get_by_label("New passphrase").fill(PASSPHRASE)
    app.get_by_label("Repeat the passphrase").fill(PASSPHRASE)
    app.get_by_role("button", name="Set passphrase").click()
    expect(app.locator("#vault-status")).to_contain_text("unlocked for this visit")
    app.locator("#lock-after").select_option("5")
    choose_provider(app, "openai-videos")
    title = f"Idle harbour {uuid.uuid4().hex[:6]} [sim:duration=40]"
    start_render(app, title)
    go(app, "Queue")
    card = job_card(app, title)
    expect(app.locator(".queue-status")).to_be_hidden(timeout=DONE_MS)  # the worker has started
    expect(card.locator(".tag")).to_have_text("Rendering", timeout=DONE_MS)  # and polls it

    def polls() -> int:
        return sum(1 for u in watch.requests if "/sim/v1/videos/video_" in u)

    assert polls() > 0, "the worker's requests are seen by the page watch"

    app.clock.fast_forward("06:00")
    app.evaluate("document.dispatchEvent(new Event('visibilitychange'))")  # the tab is looked at again
    expect(app.get_by_role("status").filter(has_text="locked itself after 5 minutes")).to_be_visible()
    expect(app.locator(".queue-status")).to_have_text(locked_text())
    expect(card.locator(".job-note")).to_have_text(locked_note())
    polls_at_lock = polls()
    app.wait_for_timeout(5000)  # the worker polled every 2.5 s or so; now it must be quiet
    assert polls() == polls_at_lock

    go(app, "Settings")
    expect(app.locator("#vault-status")).to_contain_text("locked with your passphrase")
    app.get_by_label("Passphrase", exact=True).fill(PASSPHRASE)
    app.get_by_role("button", name="Unlock", exact=True).click()
    go(app, "Queue")
    expect(app.locator(".queue-status")).to_be_hidden()
    expect(card.locator(".tag")).to_have_text("Ready", timeout=DONE_MS * 2)
    assert polls() > polls_at_lock


MOVE_RECORD_JS = """async ([id, origin]) => {
    const db = await new Promise((ok, ko) => { const r = indexedDB.open('sora-renderer');
                                               r.onsuccess = () => ok(r.result); r.onerror = ko; });
    const store = db.transaction('vault', 'readwrite').objectStore('vault');
    const record = await new Promise((ok) => { const r = store.get(id); r.onsuccess = () => ok(r.result); });
    record.origin = origin;
    await new Promise((ok) => { const r = store.put(record); r.onsuccess = ok; });
    db.close();
}"""


def test_webcrypto_binds_the_key_to_its_origin_a_moved_record_does_not_open(app: Page) -> None:
    close_welcome(app)
    go(app, "Settings")
    save_key(app, f"sk-test-{uuid.uuid4().hex}")
    app.evaluate(MOVE_RECORD_JS, ["key:openai-videos", "https://attacker.example"])  # as malware or an extension could
    app.reload()
    app.wait_for_selector("#app[data-hydrated='true']", state="attached", timeout=BOOT_TIMEOUT_MS)
    status = app.locator("#key-status-openai-videos")
    expect(status).to_contain_text("changed outside the app")  # AES-GCM refused the other additional data
    expect(status).not_to_contain_text("attacker.example")
