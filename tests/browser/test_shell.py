"""The app shell: boot, routes, welcome, demo mode, no CDN, no console errors, a11y."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.a11y import axe_violations
from tests.browser.conftest import BOOT_TIMEOUT_MS, PageWatch, open_app

NAV = {"New Render": "#/new", "Queue": "#/queue", "Library": "#/library", "Settings": "#/settings"}


def test_boot_is_local_only_and_shows_the_welcome(app: Page, watch: PageWatch) -> None:
    # The page booted (fixture), asked nothing of any other host (watch), and greets a first-time user.
    welcome = app.get_by_role("region", name="Welcome to Sora Renderer")
    expect(welcome).to_be_visible()
    expect(welcome.get_by_role("button", name=re.compile("Try demo mode"))).to_be_visible()
    expect(welcome.get_by_role("button", name=re.compile("Sign in with OpenRouter"))).to_be_visible()
    expect(welcome.get_by_role("button", name=re.compile("Paste an API key"))).to_be_visible()
    expect(welcome).to_contain_text("OpenRouter, Gemini, OpenAI-compatible")
    assert any("/vendor/pyodide/pyodide.asm.wasm" in url for url in watch.requests)


def test_welcome_is_a_card_that_takes_no_focus_and_its_key_dialog_closes_with_escape(app: Page) -> None:
    expect(app.locator("dialog[open]")).to_have_count(0)  # nothing opens by itself over the page
    assert app.evaluate("document.activeElement.closest('dialog') === null")
    app.get_by_role("region", name="Welcome to Sora Renderer").get_by_role("button", name="Paste an API key").click()
    dialog = app.get_by_role("dialog", name="Paste your API key")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_label("Provider")).to_have_value("openrouter")
    app.keyboard.press("Escape")
    expect(dialog).to_be_hidden()


def test_every_route_renders_with_a_heading_and_back_forward_work(app: Page) -> None:
    app.keyboard.press("Escape")
    for name, fragment in NAV.items():
        app.get_by_role("link", name=name, exact=True).click()
        expect(app).to_have_url(re.compile(re.escape(fragment) + "$"))
        expect(app.get_by_role("heading", level=1)).to_have_text(name)
        expect(app.get_by_role("link", name=name, exact=True)).to_have_attribute("aria-current", "page")
        expect(app).to_have_title(f"{name} · Sora Renderer")
    app.go_back()
    expect(app.get_by_role("heading", level=1)).to_have_text("Library")
    app.go_back()
    expect(app.get_by_role("heading", level=1)).to_have_text("Queue")
    app.go_forward()
    expect(app.get_by_role("heading", level=1)).to_have_text("Library")


def test_each_view_has_a_real_empty_state(app: Page) -> None:
    app.keyboard.press("Escape")
    app.get_by_role("link", name="Queue", exact=True).click()
    expect(app.get_by_role("heading", name="No renders yet")).to_be_visible()
    app.get_by_role("link", name="Library", exact=True).click()
    expect(app.get_by_role("heading", name="Your library is empty")).to_be_visible()
    app.get_by_role("link", name="Create your first video").click()
    expect(app.get_by_role("heading", level=1)).to_have_text("New Render")


def test_unknown_route_lands_on_new_render(page: Page, app_server: str, watch: PageWatch) -> None:
    open_app(page, app_server, route="#/nowhere")
    expect(page.get_by_role("heading", level=1)).to_have_text("New Render")
    expect(page).to_have_url(re.compile("#/new$"))


def test_demo_mode_from_the_welcome_persists_across_reload(app: Page, app_server: str) -> None:
    app.get_by_role("button", name=re.compile("Try demo mode")).click()
    expect(app.locator("#endpoint-badge")).to_have_text("Demo")
    expect(app.locator("#endpoint-badge")).to_be_visible()
    app.reload()
    app.wait_for_selector("#app[data-hydrated='true']", state="attached", timeout=BOOT_TIMEOUT_MS)
    expect(app.locator("#endpoint-badge")).to_be_visible()
    expect(app.get_by_role("dialog")).to_have_count(0)


def test_simulator_is_reachable_from_the_page(demo_app: Page) -> None:
    status = demo_app.evaluate(
        "async () => (await fetch('/sim/v1/models', {headers: {Authorization: 'Bearer sk-demo'}})).status"
    )
    assert status == 200


def test_shell_paints_before_python_runs(page: Page, app_server: str, watch: PageWatch) -> None:
    # Hold the interpreter back: the static shell must already be there, with boot progress.
    page.route("**/pyodide.asm.wasm", lambda route: None)  # never answered
    page.goto(app_server, wait_until="domcontentloaded")
    expect(page.get_by_role("link", name="Library", exact=True)).to_be_visible()
    expect(page.get_by_role("progressbar")).to_be_visible()
    assert page.locator("#app").get_attribute("data-ready") == "false"


def test_boot_failure_shows_the_reason(page: Page, app_server: str, watch: PageWatch) -> None:
    page.route("**/build/*.whl", lambda route: route.fulfill(status=404, body="gone"))
    page.goto(app_server)
    alert = page.locator("#boot-error")
    expect(alert).to_be_visible(timeout=BOOT_TIMEOUT_MS)
    expect(alert).to_contain_text("could not start")
    watch.console_errors.clear()  # the failure is the point of this test


def test_content_security_policy_header_matches_the_meta_tag(page: Page, app_server: str, watch: PageWatch) -> None:
    response = page.goto(app_server)
    assert response is not None
    header = response.headers["content-security-policy"]
    meta = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert header == f"{meta}; frame-ancestors 'none'"
    assert "connect-src 'self' https: http://127.0.0.1:* http://localhost:*" in header
    assert "media-src 'self' blob:" in header
    assert "img-src 'self' blob: data:" in header


def test_no_cross_origin_isolation_is_needed(demo_app: Page) -> None:
    assert demo_app.evaluate("crossOriginIsolated") is False


def test_pages_pass_axe(app: Page) -> None:
    assert axe_violations(app) == []  # the welcome card on the New Render view
    app.keyboard.press("Escape")
    for name in NAV:
        app.get_by_role("link", name=name, exact=True).click()
        expect(app.get_by_role("heading", level=1)).to_have_text(name)
        assert axe_violations(app) == [], name
