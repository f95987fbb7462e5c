"""Continue this clip, in the real browser: the last frame starts a linked render; the chain plays."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from app.core.keys import DEMO_KEY
from tests.browser.a11y import axe_violations
from tests.browser.helpers import go
from tests.browser.seed import job, seed, sim_video

SHOTS = Path("/tmp/continue-shots")
SOURCE = "A paper boat in a gutter"

# Mean difference (0–255) of the first-frame preview against the source video at its end and at its start,
# both drawn small: the preview must match the end, and the start must differ (the sim's timer and bar move).
# Measured on this 4 s video: 0.45 from the end at 3 s, 0.93 at 2 s, 1.85 at 0.05 s, 131 unseeked at 0 s, so
# a difference under 0.5 means the last second.
COMPARE_JS = """async ([url, key]) => {
  const W = 64, H = 36;
  const pixels = (source) => {
    const c = document.createElement('canvas'); c.width = W; c.height = H;
    const g = c.getContext('2d'); g.drawImage(source, 0, 0, W, H); return g.getImageData(0, 0, W, H).data;
  };
  const img = document.querySelector('#image-first_frame-preview'); await img.decode();
  const shown = pixels(img);
  const blob = await (await fetch(url, {headers: {Authorization: 'Bearer ' + key}})).blob();
  const src = URL.createObjectURL(blob);
  // A fresh element per reading: a frame drawn right after a second seek may still be the first seek's.
  const opened = async () => {
    const video = document.createElement('video'); video.muted = true; video.src = src;
    await new Promise((ok) => video.addEventListener('loadeddata', ok, {once: true}));
    return video;
  };
  const at = async (t) => {
    const video = await opened();
    const done = new Promise((ok) => video.addEventListener('seeked', ok, {once: true}));
    video.currentTime = t; await done;
    if (video.readyState < 2) await new Promise((ok) => video.addEventListener('canplay', ok, {once: true}));
    return pixels(video);
  };
  const diff = (a, b) => {
    let s = 0; for (let i = 0; i < a.length; i++) s += Math.abs(a[i] - b[i]); return s / a.length;
  };
  const start = await opened();  // its first frame, no seek
  // The end read twice, the closer reading kept: under load one reading has been a frame far
  // from the end (CI: 1.97 where every frame of this video is within 1.9 of the end but the
  // unseeked first one), and only the app's reading is under test.
  const ends = [await at(start.duration - 0.05), await at(start.duration - 0.05)], first = pixels(start);
  const last = Math.min(...ends.map((end) => diff(shown, end)));
  return {last, first: diff(shown, first), width: img.naturalWidth, ends: diff(ends[0], ends[1])};
}"""


def test_continue_this_clip_starts_a_linked_render_from_the_last_frame(demo_app: Page, app_server: str) -> None:
    page = demo_app
    remote_id = sim_video(app_server)
    seed(page, app_server, [job(0, remote_id, app_server, prompt=SOURCE)], remote_id)
    page.goto(app_server + "#/library?item=seed00000")
    drawer = page.get_by_role("dialog", name=SOURCE)
    expect(drawer.get_by_role("heading", name="Continue this clip")).to_be_visible()
    expect(drawer.get_by_role("heading", name="Extend")).to_have_count(0)  # no native extend for this model
    assert axe_violations(page, context="dialog") == []
    drawer.get_by_role("button", name="Continue this clip").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("New Render")
    note = page.locator("#continue-note")
    expect(note).to_contain_text(f"Continues “{SOURCE}”: its last frame is this video's first frame.")
    expect(page.get_by_label("Prompt", exact=True)).to_have_value(SOURCE)
    expect(page.locator("#image-first_frame-preview")).to_be_visible()
    measured = page.evaluate(COMPARE_JS, [f"{app_server}sim/v1/videos/{remote_id}/content", DEMO_KEY])
    assert measured["width"] == 1280
    assert measured["last"] < 0.5 and measured["first"] > measured["last"] + 1.0, measured
    assert axe_violations(page, context="#continue-note") == []  # the rest of the form is tested elsewhere
    SHOTS.mkdir(exist_ok=True)
    for width, height in ((1400, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        note.scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / f"new-render-continue-{width}.png"))
    page.set_viewport_size({"width": 1400, "height": 900})

    page.get_by_label("Prompt", exact=True).fill("The boat sails on into a storm drain [sim:duration=0]")
    page.get_by_role("button", name="Render", exact=True).click()
    page.get_by_role("dialog", name="Before you render").get_by_role("button", name="I understand, render").click()
    expect(page.get_by_role("status").filter(has_text="Render started")).to_be_visible()
    go(page, "Library")
    tile = page.locator(".tile").filter(has_text="The boat sails on")
    expect(tile).to_be_visible(timeout=45_000)
    record = page.evaluate(
        """() => new Promise((ok, ko) => {
            const open = indexedDB.open('sora-renderer');
            open.onerror = () => ko(open.error);
            open.onsuccess = () => {
              const all = open.result.transaction('jobs').objectStore('jobs').getAll();
              all.onsuccess = () => ok(all.result.find((j) => j.prompt.startsWith('The boat sails on')));
            };
        })"""
    )
    assert record["continues"] == "seed00000" and record["image_asset_id"] and record["model"] == "sora-2"
    page.goto(app_server + f"#/library?item={record['id']}")
    linked = page.get_by_role("dialog")
    expect(linked.locator(".drawer-facts")).to_contain_text(f"Continues{SOURCE}")
    chain = linked.locator("#drawer-chain li")
    expect(chain).to_have_count(2)
    expect(chain.nth(0)).to_contain_text(SOURCE)
    expect(chain.nth(1)).to_have_attribute("aria-current", "true")
    page.wait_for_function("document.querySelector('dialog video')?.readyState >= 2", timeout=30_000)
    linked.get_by_role("button", name="Play the chain").click()
    expect(linked.locator("#drawer-chain-status")).to_contain_text("Playing clip 1 of 2", timeout=10_000)
    expect(linked.locator("#drawer-chain-status")).to_contain_text("clip 2 of 2", timeout=30_000)
    assert axe_violations(page, context="dialog") == []
    linked.screenshot(path=str(SHOTS / "drawer-chain.png"))
