"""The page before Python: typing, choosing and moving between views work from the first
paint, and Python takes all of it over (issue: usable at first paint, nothing pops up late)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Browser, Page, Route, expect

from tests.browser.conftest import BOOT_TIMEOUT_MS, PageWatch
from tests.browser.test_new_render import created, render

INTERPRETER = "**/pyodide.asm.wasm"
SHOTS = Path(__file__).resolve().parents[2] / "test-results" / "early"


def hold_python(page: Page) -> Callable[[], None]:
    """Keep the interpreter from arriving (Python cannot start); returns the release."""
    held: list[Route] = []
    page.route(INTERPRETER, lambda route: held.append(route))

    def release() -> None:
        for route in held:
            route.continue_()
        page.unroute(INTERPRETER)

    return release


def wait_hydrated(page: Page) -> None:
    page.wait_for_selector("#app[data-hydrated='true']", state="attached", timeout=BOOT_TIMEOUT_MS)


def test_typing_and_choosing_before_python_reach_the_submitted_job(
    page: Page, app_server: str, watch: PageWatch
) -> None:
    release = hold_python(page)
    page.goto(app_server + "?demo=1")
    token = uuid.uuid4().hex
    prompt = page.get_by_label("Prompt")
    prompt.click()
    page.keyboard.type(f"A lighthouse at dusk {token}")
    page.get_by_label("Provider").select_option("openai-videos")
    page.get_by_label("Model").select_option("sora-2")
    page.get_by_label("Duration").select_option("8")
    assert page.locator("#app").get_attribute("data-ready") == "false"  # all of it before Python
    prompt.click()
    release()
    wait_hydrated(page)
    expect(page.locator("#early")).to_have_count(0)
    real = page.locator("#prompt")
    expect(real).to_have_value(f"A lighthouse at dusk {token}")
    expect(real).to_be_focused()  # the caret stays where the user was typing
    page.keyboard.type(" and gulls")
    expect(page.locator("#endpoint-badge")).to_have_text("Demo")
    render(page)
    expect(page.get_by_role("status").filter(has_text="Render started")).to_be_visible()
    [request] = created(app_server, token)
    assert request["fields"]["prompt"] == f"A lighthouse at dusk {token} and gulls"
    assert request["fields"]["model"] == "sora-2"
    assert request["fields"]["seconds"] == "8"


def test_navigation_works_before_python_and_python_keeps_the_route(
    page: Page, app_server: str, watch: PageWatch
) -> None:
    release = hold_python(page)
    page.goto(app_server)
    page.get_by_role("link", name="Library", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Library")
    expect(page.get_by_role("link", name="Library", exact=True)).to_have_attribute("aria-current", "page")
    page.get_by_role("link", name="Queue", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Queue")
    release()
    wait_hydrated(page)
    expect(page.get_by_role("heading", name="No renders yet")).to_be_visible()  # the real Queue view


def test_the_welcome_is_there_at_first_paint_and_never_opens_over_the_user(
    page: Page, app_server: str, watch: PageWatch
) -> None:
    release = hold_python(page)
    page.goto(app_server)
    welcome = page.get_by_role("region", name="Welcome to Sora Renderer")
    expect(welcome).to_be_visible()
    page.get_by_label("Prompt").fill("Fog rolling over a harbour")
    welcome.get_by_role("button", name="Try demo mode").click()
    expect(welcome.get_by_role("button", name="Try demo mode")).to_have_attribute("aria-pressed", "true")
    expect(welcome).to_contain_text("Demo mode starts as soon as the app has loaded")
    release()
    wait_hydrated(page)
    expect(page.locator("#endpoint-badge")).to_have_text("Demo")
    expect(page.locator("dialog[open]")).to_have_count(0)
    expect(page.get_by_role("region", name="Welcome to Sora Renderer")).to_be_hidden()
    expect(page.locator("#prompt")).to_have_value("Fog rolling over a harbour")
    release = hold_python(page)
    page.reload()  # the next visit knows before Python runs: no welcome, the draft, demo mode
    expect(page.locator("#early-welcome")).to_be_hidden()
    expect(page.locator("#early-prompt")).to_have_value("Fog rolling over a harbour")
    expect(page.locator("#early-provider-note")).to_contain_text("demo mode: no key, no cost")
    release()
    wait_hydrated(page)


def test_a_german_user_sees_the_page_before_python_in_german(browser: Browser, app_server: str) -> None:
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    try:
        release = hold_python(page)
        page.goto(app_server + "?demo=1")  # a first visit: German from the browser's languages
        expect(page.locator("#early").get_by_role("heading", level=1)).to_have_text("Neues Video")
        expect(page.locator("html")).to_have_attribute("lang", "de")
        release()
        wait_hydrated(page)  # Python writes the snapshot in German
        page.wait_for_function("JSON.parse(localStorage.getItem('sora-early') || '{}').lang === 'de'")
        release = hold_python(page)
        page.reload()
        assert page.locator("#app").get_attribute("data-ready") == "false"
        early = page.locator("#early")
        expect(page.locator("html")).to_have_attribute("lang", "de")
        expect(early.get_by_role("heading", level=1)).to_have_text("Neues Video")
        expect(page.get_by_role("link", name="Warteschlange", exact=True)).to_be_visible()
        expect(early.get_by_label("Länge")).to_be_visible()
        expect(early.get_by_role("button", name="Rendern")).to_be_disabled()
        expect(page.locator("#early-provider-note")).to_contain_text("Demomodus")
        expect(page.locator("#boot-title")).to_have_text("Python startet in Ihrem Browser")
        page.get_by_label("Prompt").fill("Ein Leuchtturm")
        expect(page.locator("#early-counter")).to_have_text("14 Zeichen")
        for english in ("New Render", "Queue", "Duration", "characters"):
            for part in (".topbar", "#boot", "#early"):
                expect(page.locator(part)).not_to_contain_text(english)
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "early-de.png"))
        release()
        wait_hydrated(page)
        expect(page.locator("#prompt")).to_have_value("Ein Leuchtturm")
    finally:
        context.close()
