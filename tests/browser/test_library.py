"""The Library in the real browser: seeded items, search/filters/sort, selection, bulk
delete, rename, the drawer (player, re-run, remix), downloads, posters, virtualization."""

from __future__ import annotations

import re
from decimal import Decimal

from playwright.sync_api import Page, expect

from tests.browser.a11y import axe_violations
from tests.browser.helpers import go, job_card
from tests.browser.seed import DAY, T0, job, seed, seed_many, sim_video

COUNT = "#library-count"


def _varied(demo_app: Page, app_server: str, *, paid: frozenset[int] = frozenset()) -> str:
    """Five seeded jobs (one failed), simulated except those whose index is in ``paid``."""
    remote_id = sim_video(app_server)
    jobs = [
        job(0, remote_id, app_server, prompt="A red kite over a windy beach", created_at=T0),
        job(
            1,
            remote_id,
            app_server,
            prompt="Neon city in the rain",
            size="720x1280",
            created_at=T0 + DAY,
            estimate_usd=Decimal("0.80"),
            seconds=8,
        ),
        job(
            2,
            remote_id,
            app_server,
            prompt="Mossy forest at dawn",
            model="sora-2-pro",
            created_at=T0 + 2 * DAY,
            estimate_usd=Decimal("3.00"),
            seconds=12,
            tags=["nature"],
        ),
        job(3, remote_id, app_server, prompt="Café terrace at night", created_at=T0 + 3 * DAY, title="Paris"),
        job(4, remote_id, app_server, prompt="Glacier flyover", created_at=T0 + 4 * DAY, status="failed"),
    ]
    for index in paid:
        jobs[index]["demo"] = False
    seed(demo_app, app_server, jobs, remote_id)
    go(demo_app, "Library")
    return remote_id


def titles(page: Page) -> list[str]:
    page.wait_for_timeout(150)  # the grid lays out on the next animation frame
    names: list[str] = page.evaluate(
        """() => [...document.querySelectorAll('.tile')]
            .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top
                         || a.getBoundingClientRect().left - b.getBoundingClientRect().left)
            .map(t => t.querySelector('.tile-name').textContent)"""
    )
    return names


def test_search_filters_and_sort_live_in_the_url(demo_app: Page, app_server: str) -> None:
    _varied(demo_app, app_server)
    expect(demo_app.locator(COUNT)).to_have_text("4 videos")  # the failed job stays in the queue
    assert titles(demo_app) == [
        "Paris",
        "Mossy forest at dawn",
        "Neon city in the rain",
        "A red kite over a windy beach",
    ]
    demo_app.get_by_label("Search").fill("cafe")
    expect(demo_app.locator(COUNT)).to_have_text("1 video of 4")
    assert titles(demo_app) == ["Paris"]
    assert "q=cafe" in demo_app.url
    demo_app.get_by_label("Search").fill("tag:nature")
    expect(demo_app.locator(COUNT)).to_have_text("1 video of 4")
    demo_app.get_by_label("Search").fill("")
    demo_app.get_by_label("Shape").select_option("portrait")
    expect(demo_app.locator(COUNT)).to_have_text("1 video of 4")
    demo_app.get_by_label("Shape").select_option("all")
    demo_app.get_by_label("Filter by model").select_option("sora-2-pro")
    assert titles(demo_app) == ["Mossy forest at dawn"]
    demo_app.get_by_label("Filter by model").select_option("")
    demo_app.get_by_label("Sort by").select_option("cost_desc")
    assert titles(demo_app)[0] == "Mossy forest at dawn"
    demo_app.get_by_label("From").fill("2026-11-19")
    demo_app.get_by_label("To").fill("2026-11-20")
    expect(demo_app.locator(COUNT)).to_have_text("2 videos of 4")
    demo_app.reload()
    demo_app.wait_for_selector("#app[data-hydrated='true']", state="attached", timeout=60_000)
    expect(demo_app.locator(COUNT)).to_have_text("2 videos of 4")  # the filters came back from the URL
    demo_app.get_by_label("Search").fill("nothing like this")
    expect(demo_app.get_by_role("heading", name="No videos match")).to_be_visible()
    demo_app.get_by_role("button", name="Clear filters").click()
    expect(demo_app.locator(COUNT)).to_have_text("4 videos")
    assert axe_violations(demo_app, context="#views") == []


def test_multi_select_and_bulk_delete(demo_app: Page, app_server: str) -> None:
    _varied(demo_app, app_server)
    tiles = demo_app.locator(".tile")
    tiles.nth(0).locator(".tile-check").click()  # the checkbox selects; a plain click opens (below)
    expect(demo_app.get_by_role("dialog")).to_be_hidden()
    tiles.nth(2).click(modifiers=["Shift"])
    expect(demo_app.locator(".bulk-count")).to_have_text("3 selected")
    tiles.nth(3).click(modifiers=["Control"])
    expect(demo_app.locator(".bulk-count")).to_have_text("4 selected")
    tiles.nth(1).click(modifiers=["Control"])
    expect(demo_app.locator(".bulk-count")).to_have_text("3 selected")
    demo_app.get_by_role("toolbar", name="Selected videos").get_by_role("button", name="Delete").click()
    dialog = demo_app.get_by_role("dialog", name="Delete 3 videos?")
    dialog.get_by_role("button", name="Delete 3").click()
    expect(demo_app.locator(COUNT)).to_have_text("1 video")
    left = demo_app.evaluate(
        """async () => { const db = await new Promise(ok => { const r = indexedDB.open('sora-renderer');
            r.onsuccess = () => ok(r.result); });
            return await new Promise(ok => { const r = db.transaction('jobs').objectStore('jobs').count();
            r.onsuccess = () => ok(r.result); }); }"""
    )
    assert left == 2  # one library item and the failed job


def test_keyboard_selection(demo_app: Page, app_server: str) -> None:
    _varied(demo_app, app_server)
    first = demo_app.locator(".tile").first
    first.focus()
    demo_app.keyboard.press("ArrowRight")
    expect(demo_app.locator(".tile:focus .tile-name")).to_have_text("Mossy forest at dawn")
    demo_app.keyboard.press("Space")
    expect(demo_app.locator(".bulk-count")).to_have_text("1 selected")
    demo_app.keyboard.press("Shift+ArrowRight")
    expect(demo_app.locator(".bulk-count")).to_have_text("2 selected")
    demo_app.keyboard.press("Control+a")
    expect(demo_app.locator(".bulk-count")).to_have_text("4 selected")
    demo_app.keyboard.press("Escape")
    expect(demo_app.locator(".lib-bulk")).to_be_hidden()
    demo_app.keyboard.press("Enter")
    expect(demo_app.get_by_role("dialog")).to_be_visible()


def test_rename_persists(demo_app: Page, app_server: str) -> None:
    _varied(demo_app, app_server)
    tile = demo_app.locator(".tile").filter(has_text="Neon city in the rain")
    tile.hover()
    tile.get_by_role("button", name="Rename").click()
    demo_app.get_by_role("dialog", name="Rename video").get_by_label("Title").fill("Rainy neon")
    demo_app.get_by_role("dialog", name="Rename video").get_by_role("button", name="Rename").click()
    expect(demo_app.locator(".tile-name").filter(has_text="Rainy neon")).to_be_visible()
    demo_app.reload()
    demo_app.wait_for_selector("#app[data-hydrated='true']", state="attached", timeout=60_000)
    expect(demo_app.locator(".tile-name").filter(has_text="Rainy neon")).to_be_visible()


def test_drawer_plays_and_reruns_with_tweaks(demo_app: Page, app_server: str) -> None:
    _varied(demo_app, app_server)
    tile = demo_app.locator(".tile").filter(has_text="Mossy forest at dawn")
    tile.click()  # a click opens the detail, as in photo libraries
    drawer = demo_app.get_by_role("dialog", name="Mossy forest at dawn")
    expect(drawer).to_be_visible()
    assert "item=seed00002" in demo_app.url
    demo_app.wait_for_function("document.querySelector('dialog video')?.readyState >= 2", timeout=15_000)
    assert abs(drawer.locator("video").evaluate("v => v.duration") - 4.0) < 0.2
    scrubber = drawer.get_by_label("Jump to a moment")  # a visible label
    expect(scrubber).to_be_visible()
    scrubber.fill("3")  # of 10 frames (0-9) over 12 s
    expect(scrubber).to_have_attribute("aria-valuetext", "4.0 s of 12 s")
    expect(drawer.get_by_role("button", name="Download", exact=True)).to_have_count(1)  # one Download ...
    for gone in ("Save as…", "Copy file", "Save to folder"):
        expect(drawer.get_by_role("button", name=gone)).to_have_count(0)
    drawer.get_by_role("button", name="Other ways to save").click()  # ... and a menu for the rest
    menu = drawer.get_by_role("menu", name="Other ways to save")
    expect(menu.get_by_role("menuitem")).to_have_text(["Save as…", "Copy file", "Save to folder"])
    expect(menu.get_by_role("menuitem", name="Save as…")).to_be_focused()
    demo_app.keyboard.press("ArrowDown")
    expect(menu.get_by_role("menuitem", name="Copy file")).to_be_focused()
    demo_app.keyboard.press("Escape")  # closes the menu, not the drawer
    expect(menu).to_be_hidden()
    expect(drawer).to_be_visible()
    expect(drawer.get_by_role("button", name="Other ways to save")).to_be_focused()
    expect(drawer).to_contain_text("sora-2-pro")
    expect(drawer).to_contain_text("$3.00")
    assert axe_violations(demo_app, context="dialog") == []
    drawer.get_by_role("button", name="Re-run with tweaks").click()
    expect(demo_app.get_by_role("heading", level=1)).to_have_text("New Render")
    expect(demo_app.get_by_role("dialog")).to_have_count(0)  # the drawer closed (its nodes may linger a moment)
    expect(demo_app.get_by_role("textbox", name="Prompt", exact=True)).to_have_value("Mossy forest at dawn")


def test_queue_links_open_the_drawer(demo_app: Page, app_server: str) -> None:
    _varied(demo_app, app_server)
    demo_app.goto(app_server + "#/library?item=seed00001")
    expect(demo_app.get_by_role("dialog", name="Neon city in the rain")).to_be_visible()
    demo_app.keyboard.press("Escape")
    expect(demo_app.get_by_role("dialog")).to_be_hidden()
    expect(demo_app).not_to_have_url(re.compile("item="))


def test_download_produces_the_file(demo_app: Page, app_server: str) -> None:
    _varied(demo_app, app_server)
    tile = demo_app.locator(".tile").filter(has_text="A red kite")
    tile.hover()
    with demo_app.expect_download() as info:
        tile.get_by_role("button", name="Download").click()
    download = info.value
    assert re.fullmatch(r"sora-2_a-red-kite-over-a-windy-beach_seed00\.mp4", download.suggested_filename)
    path = download.path()
    data = path.read_bytes()
    assert data[4:8] == b"ftyp" and len(data) > 1000


def test_remix_against_the_simulator(demo_app: Page, app_server: str) -> None:
    _varied(demo_app, app_server)
    demo_app.goto(app_server + "#/library?item=seed00000")
    drawer = demo_app.get_by_role("dialog", name="A red kite over a windy beach")
    drawer.get_by_label("Remix prompt").fill("Same kite, at sunset")
    drawer.get_by_role("button", name="Remix", exact=True).click()
    expect(demo_app.get_by_role("status").filter(has_text="Remix started")).to_be_visible()
    demo_app.keyboard.press("Escape")
    go(demo_app, "Queue")
    expect(job_card(demo_app, "Same kite, at sunset").locator(".tag")).to_have_text("Ready", timeout=45_000)


def test_grid_is_virtualized_and_posters_are_drawn_when_missing(demo_app: Page, app_server: str) -> None:
    seed_many(demo_app, app_server, 400, thumbnails=False)
    go(demo_app, "Library")
    expect(demo_app.locator(COUNT)).to_have_text("400 videos")
    tiles = demo_app.locator(".tile").count()
    assert 0 < tiles <= 60
    expect(demo_app.locator(".tile img").first).to_be_visible(timeout=20_000)  # drawn from the first frame
    demo_app.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    expect(demo_app.locator(".tile-name").filter(has_text=re.compile(r"^Seeded video number 0$"))).to_be_attached()
    assert demo_app.locator(".tile").count() <= 60


# Scrolls down a row or so per frame, then jumps to the end and back, while a MutationObserver
# counts what the tiles' media boxes receive: film-icon placeholders, and src assignments.
SCROLL_WATCHING_POSTERS_JS = """async () => {
    const seen = {placeholders: 0, sources: 0};
    const observer = new MutationObserver((records) => {
        for (const r of records) {
            if (r.type === 'attributes' && r.attributeName === 'src') seen.sources++;
            for (const node of r.addedNodes) if (node.localName === 'svg') seen.placeholders++;
        }
    });
    const grid = document.getElementById('library-grid');
    observer.observe(grid, {subtree: true, childList: true, attributes: true, attributeFilter: ['src']});
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    for (let i = 0; i < 40; i++) { window.scrollBy(0, 120); await frame(); }
    window.scrollTo(0, document.body.scrollHeight); await frame(); await frame();
    window.scrollTo(0, 0); await frame(); await frame();
    await new Promise((r) => setTimeout(r, 300));  // any poster task would have run by now
    observer.disconnect();
    const media = [...grid.querySelectorAll('.tile .tile-media')];
    return {...seen, tiles: media.length, withPoster: media.filter((m) => m.querySelector('img[src]')).length};
}"""


def test_recycled_tiles_keep_a_poster_already_loaded(demo_app: Page, app_server: str) -> None:
    seed_many(demo_app, app_server, 400)  # every job shares one stored thumbnail: its URL stays held
    go(demo_app, "Library")
    expect(demo_app.locator(COUNT)).to_have_text("400 videos")
    expect(demo_app.locator(".tile .tile-media svg")).to_have_count(0, timeout=20_000)  # the first screen's loaded
    seen = demo_app.evaluate(SCROLL_WATCHING_POSTERS_JS)
    assert seen["placeholders"] == 0, seen  # never the film icon in between
    assert seen["sources"] == 0, seen  # nor the same src assigned again (an image request each)
    assert seen["tiles"] > 0 and seen["withPoster"] == seen["tiles"], seen


TILES_INSIDE_GRID_JS = """() => {
    const grid = document.getElementById('library-grid').getBoundingClientRect();
    const tiles = [...document.querySelectorAll('.tile')];
    return tiles.length > 0 && tiles.every((t) => {
        const box = t.getBoundingClientRect();
        return box.left >= grid.left - 1 && box.right <= grid.right + 1;
    });
}"""


def test_tiles_fit_the_grid_when_the_library_is_the_first_page(demo_app: Page, app_server: str) -> None:
    remote_id = sim_video(app_server)
    seed(demo_app, app_server, [job(i, remote_id, app_server) for i in range(12)], remote_id, shared=True)
    demo_app.goto(app_server + "#/library")  # the grid is built before it is in the page
    expect(demo_app.locator(COUNT)).to_have_text("12 videos")
    demo_app.wait_for_function(TILES_INSIDE_GRID_JS, timeout=5_000)
    demo_app.set_viewport_size({"width": 700, "height": 800})  # and narrower later
    demo_app.wait_for_function(TILES_INSIDE_GRID_JS, timeout=5_000)


def test_spend_ledger_and_thumbnail_reset(demo_app: Page, app_server: str) -> None:
    _varied(demo_app, app_server, paid=frozenset({0, 1, 2, 4}))
    spend = demo_app.locator("#spend")
    expect(spend).to_contain_text("$4.20 on 3 videos · demo: 1 would have cost $0.40")
    spend.locator("summary").click()
    expect(spend.get_by_role("img", name=re.compile("Spend by month"))).to_be_visible()
    expect(spend).to_contain_text("Failed or blocked after the API accepted them: 1")
    expect(spend).to_contain_text("They have no video file, so the library does not show them.")  # 3 + 1 = 4 videos
    expect(spend).to_contain_text("Demo renders are simulated and never charged: 1 of them would have cost $0.40")
    expect(spend.get_by_role("table")).not_to_contain_text("$0.40")  # by model: paid renders only
    go(demo_app, "Settings")
    demo_app.get_by_role("button", name="Delete all thumbnails").click()
    deleted = demo_app.get_by_role("status").filter(has_text="Deleted 5 thumbnails")  # the failed job's too
    expect(deleted).to_be_visible()
    go(demo_app, "Library")
    expect(demo_app.locator(".tile img")).to_have_count(4, timeout=20_000)  # drawn again from the videos


# Horizontal overflow of the page and of every scroll box in it (a clipped box that
# scrolls sideways, like the drawer was at 390 px, shows nothing outside but still overflows).
OVERFLOW_JS = """(root) => {
    const boxes = [root, ...root.querySelectorAll('*')].filter((e) => {
        const style = getComputedStyle(e);
        return e === root || ['auto', 'scroll'].includes(style.overflowX);
    });
    return boxes.filter((e) => e.scrollWidth > e.clientWidth + 1)
        .map((e) => `${e.localName}.${e.className} ${e.scrollWidth} > ${e.clientWidth}`);
}"""


def test_phone_width_library_and_drawer_fit(demo_app: Page, app_server: str) -> None:
    demo_app.set_viewport_size({"width": 390, "height": 844})
    _varied(demo_app, app_server, paid=frozenset({0, 4}))  # the spend panel shows too
    expect(demo_app.locator(COUNT)).to_have_text("4 videos")
    demo_app.locator("#spend summary").click()
    assert demo_app.evaluate(OVERFLOW_JS, demo_app.evaluate_handle("document.documentElement")) == []
    cut = demo_app.evaluate(
        """() => [...document.querySelectorAll('.tile')].filter((t) =>
            t.querySelector('.tile-meta').getBoundingClientRect().bottom > t.getBoundingClientRect().bottom)
            .length"""
    )
    assert cut == 0  # one wide column: the poster gives way, the name and details stay inside the tile
    demo_app.locator(".tile").filter(has_text="Mossy forest at dawn").click()
    drawer = demo_app.get_by_role("dialog", name="Mossy forest at dawn")
    expect(drawer).to_be_visible()
    demo_app.wait_for_function("document.querySelector('dialog video')?.readyState >= 1", timeout=15_000)
    box = drawer.bounding_box()
    assert box is not None and (box["x"], box["width"]) == (0, 390)  # a full-width sheet
    assert drawer.evaluate(OVERFLOW_JS) == []
    drawer.get_by_role("button", name="Other ways to save").click()
    assert drawer.evaluate(OVERFLOW_JS) == []  # the open menu fits too
    title = drawer.get_by_role("heading", name="Mossy forest at dawn").bounding_box()
    assert title is not None and title["x"] >= 0  # not cut off on the left
