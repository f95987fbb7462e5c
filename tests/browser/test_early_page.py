"""The page before Python: typing, choosing and moving between views work from the first
paint, and Python takes all of it over (issue: usable at first paint, nothing pops up late)."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from playwright.sync_api import Page, Route, expect

from tests.browser.conftest import BOOT_TIMEOUT_MS, PageWatch
from tests.browser.test_new_render import created, render

INTERPRETER = "**/pyodide.asm.wasm"


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
    page.get_by_label("Length").select_option("8")
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
    expect(page.locator("#early-provider-note")).to_contain_text("Demo mode")
    release()
    wait_hydrated(page)
