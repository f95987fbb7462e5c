"""Resumable downloads and the guard against paying twice, with the tab killed (renderer
crash through the DevTools protocol) at the worst moments, and a disk that fills up.

After each crash a new tab opens the app again; the simulator's counters say how many
creates it received and how many body bytes it sent, so "one POST" and "bytes fetched
≤ 1.1 × the file size" are measured where the bytes leave, not where the app says so.
"""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.conftest import PageWatch, choose_provider, open_app
from tests.browser.crash import (
    HOLD_FILE_WRITE_JS,
    crash_tab,
    ledgers,
    original_sha,
    reopen,
    served_bytes,
    stored_video,
)
from tests.browser.helpers import go, job_card, start_render
from tests.browser.test_queue import DONE_MS, creates, stored, token

SHOTS = Path("/tmp/shots")
SIZE = 24_000_000  # about 48 parts of 512 KiB
QUOTA = 8_000_000  # a third of the file fits
SLOW_PARTS = "[sim:slow=250]"  # each request of the job waits: a download takes a few seconds


def _send(page: Page, prompt: str) -> None:
    page.get_by_label("Prompt").fill(prompt)
    page.get_by_role("button", name="Render", exact=True).click()
    page.get_by_role("dialog", name="Before you render").get_by_role("button", name="I understand, render").click()


def _reopen(context: BrowserContext, app_server: str, route: str = "#/queue") -> Page:
    return reopen(context, app_server, route=route)


def _remote_id(page: Page, title: str) -> str:
    [job] = stored(page, title)["jobs"]
    return str(job["remote_id"])


def _wait_stored_share(page: Page, share: float) -> None:
    """Until the download's ledger lists at least ``share`` of the file as stored."""
    for _ in range(600):
        found = ledgers(page)["ledgers"]
        if found and sum(end - start for start, end in found[0]["parts"]) >= share * found[0]["total"]:
            return
        page.wait_for_timeout(50)
    raise AssertionError("the download never got that far")


def _assert_one_post_and_identical_file(page: Page, app_server: str, title: str, *, slack: float = 0.1) -> None:
    """Ready, one POST, the stored file the simulator's own, at most ``slack`` of it fetched twice."""
    expect(job_card(page, title).locator(".tag")).to_have_text("Ready", timeout=DONE_MS)
    assert len(creates(app_server, title)) == 1
    remote = _remote_id(page, title)
    fetched, size = served_bytes(app_server, remote)
    assert fetched <= (1 + slack) * size, f"{fetched} bytes fetched for a {size}-byte file"
    assert stored_video(page, title) == (size, original_sha(app_server, remote))
    assert ledgers(page) == {"ledgers": [], "parts": []}  # the parts went with the file stored


def test_a_crash_while_the_post_is_in_flight_sends_once_and_new_render_asks_first(
    openai_app: Page, context: BrowserContext, app_server: str
) -> None:
    title = f"Sending {token()} [sim:slow=2500]"
    _send(openai_app, title)
    openai_app.wait_for_timeout(800)  # the POST is under way; the simulator holds its answer
    crash_tab(openai_app)
    page = _reopen(context, app_server, route="#/new")
    expect(page.get_by_label("Prompt")).to_have_value(title)  # the draft survived: one click from paying twice
    page.get_by_role("button", name="Render", exact=True).click()
    guard = page.locator("#render-guard")
    expect(guard).to_be_visible()
    expect(guard).to_contain_text(re.compile("already sent|You sent this exact render"))
    expect(guard.get_by_role("link")).to_have_attribute("href", re.compile(r"#/queue\?job="))
    page.screenshot(path=str(SHOTS / "guard.png"), full_page=True)
    guard.get_by_role("button", name="Don't send").click()
    expect(guard).to_be_hidden()
    go(page, "Queue")
    expect(job_card(page, title).locator(".tag")).to_have_text("Ready", timeout=3 * DONE_MS)  # every request slow
    assert len(creates(app_server, title)) == 1


def test_after_render_the_form_shows_the_job_and_remembers_the_choice(openai_app: Page, app_server: str) -> None:
    title = f"Sent once {token()}"
    start_render(openai_app, title)
    sent = openai_app.locator("#render-sent")
    expect(sent).to_contain_text(title)
    openai_app.get_by_role("button", name="Render", exact=True).click()  # the same again: asked first
    expect(openai_app.locator("#render-guard")).to_contain_text("You sent this exact render")
    openai_app.get_by_role("button", name="Send it again", exact=True).click()  # demo: nothing to pay
    toast = openai_app.get_by_role("status").filter(has_text="Render started")
    expect(toast).to_have_count(1)  # the second is counted in the first, with a link to the queue
    expect(toast).to_contain_text("Render started (2 renders in a row). · View queue")
    expect(openai_app.locator("#render-sent")).to_be_visible()
    openai_app.get_by_role("button", name="Clear the form").click()
    expect(openai_app.get_by_label("Prompt")).to_have_value("")
    expect(openai_app.locator("#render-sent")).to_be_hidden()
    assert len(creates(app_server, title)) == 2
    following = f"Next one {token()}"
    openai_app.get_by_label("Prompt").fill(following)
    openai_app.get_by_role("button", name="Render", exact=True).click()
    expect(openai_app.locator("#render-sent")).to_contain_text(following)
    openai_app.screenshot(path=str(SHOTS / "after-render.png"), full_page=True)
    expect(openai_app.get_by_role("button", name="Clear the form")).to_have_class(re.compile("primary"))  # remembered


def test_a_crash_while_polling_loses_nothing(openai_app: Page, context: BrowserContext, app_server: str) -> None:
    title = f"Polling {token()} [sim:bytes={SIZE}]"
    start_render(openai_app, title)
    go(openai_app, "Queue")
    expect(job_card(openai_app, title).locator(".tag")).to_have_text(re.compile("Rendering|Queued"), timeout=DONE_MS)
    crash_tab(openai_app)  # the worker is polling the job
    page = _reopen(context, app_server)
    _assert_one_post_and_identical_file(page, app_server, title)


def test_a_crash_mid_download_resumes_at_the_first_missing_byte(
    openai_app: Page, context: BrowserContext, app_server: str
) -> None:
    title = f"Mid {token()} {SLOW_PARTS} [sim:bytes={SIZE}]"
    start_render(openai_app, title)
    go(openai_app, "Queue")
    expect(job_card(openai_app, title)).to_have_attribute("data-phase", "downloading", timeout=DONE_MS)
    go(openai_app, "Settings")  # after the reload the card waits, showing what is stored (no auto download)
    openai_app.get_by_label("Download results automatically").uncheck()
    _wait_stored_share(openai_app, 0.3)
    crash_tab(openai_app)
    page = _reopen(context, app_server)
    card = job_card(page, title)
    expect(card.locator(".tag")).to_have_text("Paused")
    expect(card.locator(".job-progress-text")).to_contain_text(re.compile(r"MB of 24\.0 MB stored"))
    resume = card.get_by_role("button", name="Resume download")
    expect(resume).to_be_visible()
    page.screenshot(path=str(SHOTS / "stored-after-reload.png"), full_page=True)
    resume.click()
    _assert_one_post_and_identical_file(page, app_server, title)


def test_a_crash_after_the_last_byte_before_the_write_joins_the_stored_parts(
    openai_app: Page, context: BrowserContext, app_server: str
) -> None:
    title = f"Last byte {token()} [sim:bytes={SIZE}]"
    openai_app.evaluate(HOLD_FILE_WRITE_JS)
    start_render(openai_app, title)
    openai_app.wait_for_function("window.__fileWriteHeld === true", timeout=2 * DONE_MS)
    [ledger] = ledgers(openai_app)["ledgers"]
    assert sum(end - start for start, end in ledger["parts"]) == ledger["total"] == SIZE  # all stored, as parts
    crash_tab(openai_app)
    page = _reopen(context, app_server)
    _assert_one_post_and_identical_file(page, app_server, title, slack=0)  # joined from the parts, none fetched again


def test_a_full_disk_mid_download_keeps_the_parts_and_resume_finishes_it(
    page: Page, app_server: str, watch: PageWatch
) -> None:
    # Chromium's IndexedDB grants writes out of the free space the quota manager reported
    # last, for up to 30 s (BucketContext::kBucketSpaceCacheTimeLimit): a quota forced after
    # the app's first write would only bite half a minute later, when the download is done.
    # So the quota is forced before the app first touches its storage.
    cdp = page.context.new_cdp_session(page)
    origin = app_server.rstrip("/")
    cdp.send("Storage.overrideQuotaForOrigin", {"origin": origin, "quotaSize": QUOTA})
    open_app(page, app_server, route="?demo=1")
    choose_provider(page, "openai-videos")
    usage = int(cdp.send("Storage.getUsageAndQuota", {"origin": origin})["usage"])
    assert usage < QUOTA / 8, f"the app itself already uses {usage} bytes"  # room for a few parts, not 24 MB
    title = f"Full disk {token()} [sim:bytes={SIZE}]"
    start_render(page, title)
    go(page, "Queue")
    card = job_card(page, title)
    note = card.locator(".job-note").first
    expect(note).to_contain_text("The browser's storage is full", timeout=2 * DONE_MS)
    expect(note).to_contain_text(re.compile(r"[\d.]+ MB of 24\.0 MB are stored and kept"))
    expect(note).to_contain_text(re.compile(r"About [\d.]+ MB of free space is needed"))
    expect(note).to_contain_text("Settings → Storage")
    resume = card.get_by_role("button", name="Resume download")
    expect(resume).to_be_visible()
    page.screenshot(path=str(SHOTS / "disk-full.png"), full_page=True)
    [job] = stored(page, title)["jobs"]
    assert job["phase"] == "downloading" and "video" not in job["assets"]  # nothing half-written
    kept = ledgers(page)
    assert kept["ledgers"] and len(kept["parts"]) == len(kept["ledgers"][0]["parts"]) > 0
    cdp.send("Storage.overrideQuotaForOrigin", {"origin": origin})  # space freed
    resume.click()
    _assert_one_post_and_identical_file(page, app_server, title)
    cdp.detach()
