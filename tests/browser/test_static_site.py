"""The built static site as a visitor uses it: a plain static server, a sub-path, no serve.py.

The site is built by ``tools/build_site.py``'s code into ``<tmp>/repo/`` and served by
Python's plain file server (``tests.browser.static_host``), as GitHub Pages would serve
``https://user.github.io/repo/``. Demo renders go through the service worker to the
simulator running in the page's worker; "network off" is that server stopped and the
browser offline. Slow on purpose (a first visit precaches the site, the in-page
simulator boots its own Pyodide), so each test is one visitor's whole journey.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, Response, expect

from tests.browser.conftest import PageWatch, choose_provider
from tests.browser.helpers import close_welcome, go, job_card
from tests.browser.static_host import StaticHost
from tests.browser.test_queue import assert_plays, stored
from tools import vendor
from tools.sitebuild.build import SimOptions, build_site

SUB_PATH = "repo"
FIRST_VISIT_MS = 150_000  # precache about 17 MB, then boot, on a busy 2-core machine
SIM_START_MS = 120_000  # the first demo request starts the simulator's own Pyodide
DONE_MS = 60_000
SITE_OPTIONS = SimOptions(job_seconds=3.0, poll_after_ms=500)
CACHES_JS = """async () => {
    const out = {};
    for (const name of await caches.keys()) {
        out[name] = (await (await caches.open(name)).keys()).map(r => r.url);
    }
    return out;
}"""


class Site:
    """A built site on its own static host (its own origin: a fresh service worker)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.version = self.build(SITE_OPTIONS)
        self.host = StaticHost(root)
        self.url = self.host.url(SUB_PATH)

    def build(self, options: SimOptions) -> str:
        return build_site(self.root / SUB_PATH, sim=options).version


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    vendor.ensure(("runtime",), quiet=True)
    built = Site(tmp_path / "pages")
    yield built
    built.host.stop()


def visit(page: Page, url: str, *, timeout: int = FIRST_VISIT_MS) -> None:
    page.goto(url)
    page.wait_for_selector("#app[data-hydrated='true']", state="attached", timeout=timeout)


def controlling_version(page: Page, site: Site) -> str:
    """The build whose worker controls the page (it answers ``site.json`` from its own cache)."""
    assert page.evaluate("navigator.serviceWorker.controller?.scriptURL") == site.url + "sw.js"
    version: str = page.evaluate("fetch('site.json').then(r => r.json()).then(s => s.version)")
    return version


def render(page: Page, prompt: str) -> None:
    """Send a demo render with the OpenAI-compatible provider (its first send starts the simulator)."""
    close_welcome(page)
    choose_provider(page, "openai-videos")
    page.get_by_label("Prompt").fill(prompt)
    page.get_by_role("button", name="Render", exact=True).click()
    page.get_by_role("dialog", name="Before you render").get_by_role("button", name="I understand, render").click()
    expect(page.get_by_role("status").filter(has_text="Render started")).to_be_visible(timeout=SIM_START_MS)


def assert_installable(page: Page, url: str) -> None:
    """The manifest the page links is complete, resolves inside the sub-path, and its icons load."""
    manifest: dict[str, Any] = page.evaluate(
        """async () => {
            const href = document.querySelector('link[rel=manifest]').href;
            const data = await (await fetch(href)).json();
            const resolve = (p) => new URL(p, href).href;
            const icons = await Promise.all(data.icons.map(async (i) => {
                const r = await fetch(resolve(i.src));
                return {...i, status: r.status, type_served: (await r.blob()).type || i.type};
            }));
            return {...data, start: resolve(data.start_url), scope_url: resolve(data.scope), icons};
        }"""
    )
    assert manifest["start"] == manifest["scope_url"] == url
    assert manifest["display"] == "standalone" and manifest["name"] and manifest["short_name"]
    assert all(icon["status"] == 200 for icon in manifest["icons"])
    sizes = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes


def test_a_visitor_installs_renders_in_demo_mode_and_plays_it_offline(page: Page, site: Site, watch: PageWatch) -> None:
    seen: list[Response] = []
    page.context.on("response", lambda response: seen.append(response))
    visit(page, site.url + "?demo=1")
    assert controlling_version(page, site) == site.version
    assert_installable(page, site.url)

    title = f"A paper boat in the rain {uuid.uuid4().hex[:8]}"
    render(page, title)
    go(page, "Queue")
    card = job_card(page, title)
    expect(card.locator(".tag")).to_have_text("Ready", timeout=DONE_MS)
    assets = {a["kind"]: a for a in stored(page, title)["assets"]}
    assert assets["video"]["blob"] == [assets["video"]["bytes"], "video/mp4"]
    assert assets["thumbnail"]["blob"][1] == "image/webp" and assets["spritesheet"]["blob"][1] == "image/jpeg"
    assert_plays(page, card, seconds=4.0)

    demo_answers = [r for r in seen if f"/{SUB_PATH}/sim/" in r.url]
    assert demo_answers, "the demo requests went through fetch"
    assert all(r.from_service_worker for r in demo_answers), "the in-page simulator answered every demo call"
    assert {r.url.split("/")[3] for r in seen if r.url.startswith("http://127.0.0.1")} == {SUB_PATH}

    cached = page.evaluate(CACHES_JS)
    assert list(cached) == [f"sora-site-{site.version}"]
    [urls] = cached.values()
    assert not [u for u in urls if "/sim/" in u or not u.startswith(site.url)], "API answers are never cached"

    site.host.stop()  # the network is off: nothing answers at this origin any more
    page.context.set_offline(True)
    watch.allow_console_error("Failed to load resource")  # the worker's update check, offline
    watch.allow_console_error("An unknown error occurred when fetching the script")
    visit(page, site.url + "#/library", timeout=DONE_MS * 2)
    tile = page.locator(".tile").filter(has_text=title)
    expect(tile).to_be_visible()
    tile.hover()
    tile.get_by_role("button", name="Open details").click()
    drawer = page.get_by_role("dialog", name=title)
    page.wait_for_function("document.querySelector('dialog video')?.readyState >= 2", timeout=15_000)
    assert abs(drawer.locator("video").evaluate("v => v.duration") - 4.0) < 0.2
    page.keyboard.press("Escape")
    tile.hover()
    with page.expect_download() as download:
        tile.get_by_role("button", name="Download").click()
    data = download.value.path().read_bytes()
    assert data[4:8] == b"ftyp" and len(data) == assets["video"]["bytes"]


def test_an_update_is_offered_never_forced_and_applied(page: Page, site: Site, watch: PageWatch) -> None:
    visit(page, site.url + "?demo=1")
    old = controlling_version(page, site)
    title = f"A long take {uuid.uuid4().hex[:8]} [sim:duration=600]"
    render(page, title)
    go(page, "Queue")
    expect(job_card(page, title).locator(".tag")).to_have_text(re.compile("Queued|Rendering"))

    new = site.build(SimOptions(job_seconds=4.0, poll_after_ms=500))
    assert new != old
    page.evaluate("window.samePage = true")
    page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")  # the app's periodic check
    offer = page.locator("#update-offer")
    expect(offer).to_be_visible(timeout=DONE_MS)
    expect(offer).to_contain_text("A new version of Sora Renderer is ready. 1 render is running: it goes on after")
    page.wait_for_timeout(3000)
    assert page.evaluate("window.samePage === true"), "the update is offered, never applied by itself"
    assert controlling_version(page, site) == old
    offer.get_by_role("button", name="Later").click()
    expect(offer).to_be_hidden()
    assert page.evaluate("window.samePage === true")

    page.reload()  # still the old version (its page is open): the offer is made again
    page.wait_for_selector("#app[data-hydrated='true']", state="attached", timeout=DONE_MS * 2)
    assert not page.evaluate("window.samePage === true")
    assert controlling_version(page, site) == old
    expect(offer).to_be_visible(timeout=DONE_MS)
    with page.expect_event("load", timeout=DONE_MS):
        offer.get_by_role("button", name="Reload now").click()
    page.wait_for_selector("#app[data-hydrated='true']", state="attached", timeout=DONE_MS * 2)
    assert controlling_version(page, site) == new
    assert list(page.evaluate(CACHES_JS)) == [f"sora-site-{new}"], "the old version's cache is removed"
    expect(page.locator("#update-offer")).to_have_count(0)
    [job] = stored(page, title)["jobs"]
    assert job["status"] in ("queued", "in_progress"), "the render went on across the update"
    assert json.loads((site.root / SUB_PATH / "site.json").read_text())["version"] == new
