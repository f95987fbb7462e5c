"""The render queue in the real browser against the simulator: the worker polls, the page
stores every change, the files land in IndexedDB and play; reloads lose nothing."""

from __future__ import annotations

import json
import re
import urllib.request
import uuid
from typing import Any

from playwright.sync_api import BrowserContext, Locator, Page, expect

from app.core.job_record import JobStatus
from tests.browser.a11y import axe_violations
from tests.browser.conftest import BOOT_TIMEOUT_MS, PageWatch, choose_provider, open_app
from tests.browser.helpers import go, job_card, save_key, start_render, use_endpoint
from tests.browser.seed import T0, seed, sim_video
from tests.browser.seed import job as seed_job

DONE_MS = 45_000
READ_JOB_JS = """async (title) => {
    const db = await new Promise((ok, ko) => {
        const r = indexedDB.open('sora-renderer'); r.onsuccess = () => ok(r.result); r.onerror = ko;
    });
    const read = (store, op) => new Promise((ok) => {
        const r = op(db.transaction(store).objectStore(store)); r.onsuccess = () => ok(r.result);
    });
    const jobs = (await read('jobs', s => s.getAll())).filter(j => j.prompt.startsWith(title));
    const assets = (await read('assets', s => s.getAll())).filter(a => jobs.some(j => j.id === a.job_id));
    for (const a of assets) {
        const blob = await read('blobs', s => s.get(a.id));
        a.blob = blob ? [blob.size, blob.type] : null;
    }
    db.close();
    return {jobs, assets};
}"""


def token() -> str:
    return uuid.uuid4().hex[:8]


def creates(app_server: str, text: str) -> list[dict[str, Any]]:
    with urllib.request.urlopen(app_server + "sim/debug/requests?limit=200") as response:
        data = json.load(response)["data"]
    return [r for r in data if r["kind"] == "create" and text in str(r["fields"].get("prompt", ""))]


def stored(page: Page, job_title: str) -> dict[str, Any]:
    """The job record and its asset records, read straight from IndexedDB."""
    result: dict[str, Any] = page.evaluate(
        READ_JOB_JS,
        job_title,
    )
    return result


def render_and_follow(page: Page, title: str) -> Locator:
    """Send a render, open the Queue, return the job's card."""
    start_render(page, title)
    go(page, "Queue")
    return job_card(page, title)


def render_until_ready(page: Page, title: str) -> tuple[Locator, dict[str, Any]]:
    """Send a render and wait until its card is Ready; the card and the stored video's record."""
    card = render_and_follow(page, title)
    expect(card.locator(".tag")).to_have_text("Ready", timeout=DONE_MS)
    return card, next(a for a in stored(page, title)["assets"] if a["kind"] == "video")


def reload_app(page: Page) -> None:
    page.reload()
    page.wait_for_selector("#app[data-hydrated='true']", state="attached", timeout=BOOT_TIMEOUT_MS)


def assert_ready_once(page: Page, app_server: str, title: str) -> None:
    """The job ends Ready, and the API received exactly one create for it."""
    expect(job_card(page, title).locator(".tag")).to_have_text("Ready", timeout=DONE_MS)
    assert len(creates(app_server, title)) == 1


def test_success_end_to_end_stores_and_plays_the_video(openai_app: Page, watch: PageWatch) -> None:
    title = f"A lighthouse at dusk {token()}"
    card = render_and_follow(openai_app, title)
    expect(card.locator(".tag")).to_have_text(re.compile("Queued|Rendering|Sending|Downloading|Rendered|Ready"))
    expect(card.locator(".tag")).to_have_text("Ready", timeout=DONE_MS)
    expect(openai_app.locator("#announcer")).to_contain_text("is ready")
    data = stored(openai_app, title)
    [job] = data["jobs"]
    assert job["status"] == "succeeded" and job["progress"] == 100
    kinds = {a["kind"]: a for a in data["assets"]}
    assert set(kinds) == {"video", "thumbnail", "spritesheet"}
    assert kinds["video"]["blob"] == [kinds["video"]["bytes"], "video/mp4"]
    assert kinds["thumbnail"]["blob"][1] == "image/webp" and kinds["spritesheet"]["blob"][1] == "image/jpeg"
    expect(card.locator("img.job-poster")).to_be_visible()
    assert_plays(openai_app, card, seconds=4.0)
    assert axe_violations(openai_app, context="#views") == []


def assert_plays(page: Page, card: Locator, *, seconds: float) -> None:
    """The card's stored video loads in a ``<video>`` (readyState ≥ 2) and lasts ``seconds``."""
    card.get_by_role("button", name="Play").click()
    video = card.locator("video")
    expect(video).to_be_visible()
    page.wait_for_function("v => v.readyState >= 2", arg=video.element_handle(), timeout=15_000)
    assert abs(video.evaluate("v => v.duration") - seconds) < 0.2


def test_large_video_arrives_in_parts_and_plays(openai_app: Page) -> None:
    size = 70_000_000  # 34 byte ranges of 2 MiB, three at a time, joined
    card, video = render_until_ready(openai_app, f"A long take {token()} [sim:bytes={size}]")
    assert video["blob"] == [size, "video/mp4"] and video["bytes"] == size
    assert_plays(openai_app, card, seconds=4.0)


def test_server_without_ranges_still_downloads(openai_app: Page) -> None:
    _succeeds_despite(openai_app, "[sim:noranges] [sim:bytes=3000000]")


def test_a_cross_origin_endpoint_with_a_key_renders_and_downloads(app: Page, app_server: str) -> None:
    """The real set-up: the API on another origin (CORS preflights, exposed headers, the
    file behind a redirect), a saved key instead of demo mode, a file big enough for parts."""
    use_endpoint(app, app_server.replace("127.0.0.1", "localhost") + "sim/v1")
    save_key(app, f"sk-test-{uuid.uuid4().hex}")
    choose_provider(app, "openai-videos")
    size = 40_000_000
    card, video = render_until_ready(app, f"Far {token()} [sim:redirect] [sim:bytes={size}]")
    assert video["blob"] == [size, "video/mp4"]
    assert_plays(app, card, seconds=4.0)


def test_moderation_block_shows_the_reason_and_keeps_the_prompt(openai_app: Page) -> None:
    title = f"Something refused {token()}"
    card = render_and_follow(openai_app, f"{title} [sim:moderation]")
    expect(card.locator(".tag")).to_have_text("Blocked", timeout=DONE_MS)
    expect(card.locator(".job-error")).to_contain_text("blocked by our moderation system")
    expect(card.locator(".job-error")).to_contain_text("moderation_blocked")
    expect(card.locator(".job-error")).to_contain_text(re.compile(r"Request ID: req_"))
    card.get_by_role("button", name="Edit and retry").click()
    expect(openai_app.get_by_role("heading", level=1)).to_have_text("New Render")
    expect(openai_app.get_by_label("Prompt")).to_have_value(f"{title} [sim:moderation]")


def test_generic_failure_shows_code_and_message(openai_app: Page) -> None:
    title = f"Fails {token()} [sim:fail]"
    card = render_and_follow(openai_app, title)
    expect(card.locator(".tag")).to_have_text("Failed", timeout=DONE_MS)
    expect(card.locator(".job-error")).to_contain_text("video_generation_failed")
    expect(openai_app.locator("#announcer")).to_contain_text("failed")


def _succeeds_despite(openai_app: Page, marker: str) -> None:
    title = f"Resilient {token()} {marker}"
    _card, video = render_until_ready(openai_app, title)
    assert stored(openai_app, title)["jobs"][0]["status"] == "succeeded"
    assert video["blob"][0] == video["bytes"] > 0


def test_rate_limits_then_success(openai_app: Page) -> None:
    _succeeds_despite(openai_app, "[sim:429=2]")


def test_server_errors_then_success(openai_app: Page) -> None:
    _succeeds_despite(openai_app, "[sim:500=2]")


def test_truncated_download_then_success(openai_app: Page) -> None:
    _succeeds_despite(openai_app, "[sim:truncate=1]")


def test_expired_before_download_is_said_clearly(openai_app: Page) -> None:
    title = f"Too late {token()} [sim:expired]"
    card = render_and_follow(openai_app, title)
    expect(card.locator(".tag")).to_have_text("Expired", timeout=DONE_MS)
    expect(card.locator(".job-error")).to_contain_text("expired on the API before they could be stored")


def test_reload_mid_run_resumes_without_a_second_submit(openai_app: Page, app_server: str) -> None:
    title = f"Reload while rendering {token()} [sim:duration=6]"
    start_render(openai_app, title)
    go(openai_app, "Queue")
    expect(job_card(openai_app, title).locator(".tag")).to_have_text(re.compile("Rendering|Queued"))
    reload_app(openai_app)
    assert_ready_once(openai_app, app_server, title)


def test_reload_mid_download_stores_each_file_once(openai_app: Page) -> None:
    title = f"Reload while downloading {token()} [sim:slow=1500]"
    card = render_and_follow(openai_app, title)
    expect(card).to_have_attribute("data-phase", "downloading", timeout=DONE_MS)
    reload_app(openai_app)
    expect(job_card(openai_app, title).locator(".tag")).to_have_text("Ready", timeout=DONE_MS)
    data = stored(openai_app, title)
    assert sorted(a["kind"] for a in data["assets"]) == ["spritesheet", "thumbnail", "video"]


def test_reload_mid_submit_reconciles_instead_of_sending_again(openai_app: Page, app_server: str) -> None:
    title = f"Reload while sending {token()} [sim:slow=2500]"
    openai_app.get_by_label("Prompt").fill(title)
    openai_app.get_by_role("button", name="Render", exact=True).click()
    openai_app.get_by_role("dialog", name="Before you render").get_by_role(
        "button", name="I understand, render"
    ).click()
    openai_app.wait_for_timeout(800)  # the POST is under way; the simulator holds its answer
    assert stored(openai_app, title)["jobs"][0]["phase"] == "submitting"
    reload_app(openai_app)
    go(openai_app, "Queue")
    assert_ready_once(openai_app, app_server, title)


def test_cancel_stops_and_deletes_the_remote_job(openai_app: Page) -> None:
    title = f"Changed my mind {token()} [sim:duration=30]"
    card = render_and_follow(openai_app, title)
    card.get_by_role("button", name="Cancel").click()
    expect(card.locator(".tag")).to_have_text("Canceled")
    expect(card.locator(".job-error")).to_contain_text("You canceled this render")
    assert stored(openai_app, title)["jobs"][0]["status"] == "canceled"


def test_offline_pauses_and_online_resumes(openai_app: Page, context: BrowserContext, watch: PageWatch) -> None:
    title = f"Offline for a bit {token()} [sim:duration=30]"  # outlasts the worker's first start
    start_render(openai_app, title)
    go(openai_app, "Queue")
    expect(job_card(openai_app, title).locator(".tag")).to_have_text("Rendering", timeout=DONE_MS)  # the worker polls
    context.set_offline(True)
    expect(openai_app.locator(".queue-status")).to_contain_text("You are offline")
    openai_app.wait_for_timeout(9000)  # nobody may ask the API while offline
    expect(job_card(openai_app, title).locator(".tag")).to_have_text("Rendering")
    context.set_offline(False)
    expect(openai_app.locator(".queue-status")).to_be_hidden()
    expect(job_card(openai_app, title).locator(".tag")).to_have_text("Ready", timeout=DONE_MS)
    watch.allow_console_error("ERR_INTERNET_DISCONNECTED")  # the browser logs requests tried while offline


def test_two_tabs_poll_once_and_both_stay_in_sync(
    openai_app: Page, context: BrowserContext, app_server: str, watch: PageWatch
) -> None:
    second = context.new_page()
    second_requests: list[str] = []
    second.on("request", lambda request: second_requests.append(request.url))
    open_app(second, app_server, route="#/queue")
    expect(second.locator(".queue-status")).to_contain_text("Another open tab is following")
    title = f"Two tabs {token()}"
    start_render(openai_app, title)
    expect(job_card(second, title).locator(".tag")).to_have_text("Ready", timeout=DONE_MS)
    go(openai_app, "Queue")
    expect(job_card(openai_app, title).locator(".tag")).to_have_text("Ready")
    polls = re.compile(r"/sim/v1/videos/[^/?]+$")  # GET of one job: what the poller sends
    # Positive control: the first tab's worker is seen polling, so the check below can fail.
    assert any(polls.search(u) for u in watch.requests) and any(u.endswith("worker.toml") for u in watch.requests)
    assert not [u for u in second_requests if "/sim/v1/videos" in u or u.endswith("worker.toml")]
    second.close()


def test_without_auto_download_the_expiry_counts_down_until_download_now(openai_app: Page) -> None:
    go(openai_app, "Settings")
    openai_app.get_by_label("Download results automatically").uncheck()
    title = f"Fetch it myself {token()}"
    card = render_and_follow(openai_app, title)
    expect(card.locator(".tag")).to_have_text("Rendered", timeout=DONE_MS)
    expect(card.locator(".job-expiry")).to_contain_text(re.compile(r"Files expire on the API in (59|60):\d\d"))
    first = card.locator(".job-expiry").text_content() or ""
    # It counts down; a loaded machine may skip a tick, so allow several seconds for the next one.
    expect(card.locator(".job-expiry")).not_to_have_text(first, timeout=8000)
    card.get_by_role("button", name="Download now").click()
    expect(card.locator(".tag")).to_have_text("Ready", timeout=DONE_MS)
    assert sorted(a["kind"] for a in stored(openai_app, title)["assets"]) == ["spritesheet", "thumbnail", "video"]


def test_retry_sends_the_same_parameters_again_as_a_new_job(openai_app: Page, app_server: str) -> None:
    title = f"Try twice {token()} [sim:fail]"
    card = render_and_follow(openai_app, title)
    expect(card.locator(".tag")).to_have_text("Failed", timeout=DONE_MS)
    card.get_by_role("button", name="Retry", exact=True).click()
    expect(job_card(openai_app, title)).to_have_count(2)
    # The new job is shown as soon as it is stored, before its request leaves: wait until it was sent.
    expect(job_card(openai_app, title).locator(".tag").filter(has_text="Sending")).to_have_count(0)
    sent = creates(app_server, title)
    assert len(sent) == 2 and sent[0]["fields"] == sent[1]["fields"]
    jobs = stored(openai_app, title)["jobs"]
    assert len(jobs) == 2 and any(j.get("retry_of") for j in jobs)


def test_a_render_past_its_deadline_is_kept_overdue_until_check_again(openai_app: Page, app_server: str) -> None:
    """Polling stopped at the deadline (seeded: two hours is too long for a test); Check again looks once more."""
    remote_id = sim_video(app_server)
    late = T0 - 3 * 3600
    record = seed_job(
        1,
        remote_id,
        app_server,
        prompt="Glacier, very slowly",
        status=JobStatus.RUNNING,
        progress=40,
        submitted_at=late,
        overdue_at=late + 7200,
        finished_at=None,
    )
    seed(openai_app, app_server, [record], remote_id)
    go(openai_app, "Queue")
    card = job_card(openai_app, "Glacier, very slowly")
    expect(card.locator(".tag")).to_have_text("Overdue")
    expect(card.locator(".job-download-note")).to_contain_text("No result after 120 min")
    openai_app.wait_for_timeout(1500)  # a reload polls no overdue job on its own
    expect(card.locator(".tag")).to_have_text("Overdue")
    assert axe_violations(openai_app, context="#views") == []
    card.get_by_role("button", name="Check again").click()
    expect(card.locator(".tag")).to_have_text("Ready", timeout=30_000)  # it had finished at the API
