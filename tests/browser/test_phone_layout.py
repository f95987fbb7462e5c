"""At phone width (390×844), in both themes, no view or dialog scrolls sideways."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect

from tests.browser.conftest import open_app
from tests.browser.helpers import go
from tests.browser.seed import job, seed, sim_video

PHONE: ViewportSize = {"width": 390, "height": 844}
OVERFLOW = """(root) => {
  const box = root || document.documentElement;
  const wide = [...box.querySelectorAll('*')].filter((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && (r.right > innerWidth + 1 || r.left < -1) && getComputedStyle(el).position !== 'fixed';
  }).slice(0, 5).map((el) => el.tagName + '#' + el.id + '.' + el.className);
  return {scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth, wide};
}"""


def use_theme(page: Page, theme: str) -> None:
    """Choose the theme in Settings (the saved setting wins over the first frame's guess), back on New Render."""
    go(page, "Settings")
    page.get_by_label("Theme", exact=True).select_option(theme)
    page.wait_for_function("t => (document.documentElement.dataset.theme || 'dark') === t", arg=theme)
    go(page, "New Render")


def assert_no_overflow(page: Page, where: str) -> None:
    found = page.evaluate(OVERFLOW, None)
    assert found["scroll"] <= found["client"] and not found["wide"], f"{where}: {found}"


@pytest.fixture(params=["dark", "light"])
def theme(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def phone(theme: str, browser: Browser, app_server: str) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, device_scale_factor=1)
    context.add_init_script(f"localStorage.setItem('sora-theme', '{theme}')")
    page = context.new_page()
    open_app(page, app_server, route="?demo=1")
    use_theme(page, theme)
    yield page
    context.close()


def test_every_view_fits_a_phone(phone: Page) -> None:
    assert_no_overflow(phone, "New Render")
    for name in ("Queue", "Library", "Settings"):
        go(phone, name)
        assert_no_overflow(phone, name)
    header = phone.locator(".topbar").bounding_box()
    assert header is not None and header["height"] <= 110  # a compact header: brand line + one line of tabs


def test_dialogs_fit_a_phone(phone: Page) -> None:
    phone.get_by_role("button", name="Rights and safety").click()
    dialog = phone.get_by_role("dialog")
    expect(dialog).to_be_visible()
    assert_no_overflow(phone, "safety dialog")
    phone.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    go(phone, "Settings")
    phone.get_by_role("button", name="Hard-reset app").click()
    expect(phone.get_by_role("dialog")).to_be_visible()
    assert_no_overflow(phone, "hard-reset dialog")
    phone.keyboard.press("Escape")
    go(phone, "New Render")
    phone.get_by_label("Prompt").fill("A quiet harbour at dusk")
    phone.get_by_role("button", name="Render", exact=True).click()
    expect(phone.get_by_role("dialog", name="Before you render")).to_be_visible()
    assert_no_overflow(phone, "before-you-render dialog")


def test_the_first_run_and_its_key_dialog_fit_a_phone(browser: Browser, app_server: str, theme: str) -> None:
    context = browser.new_context(viewport=PHONE, device_scale_factor=1)
    context.add_init_script(f"localStorage.setItem('sora-theme', '{theme}')")
    page = context.new_page()
    open_app(page, app_server)  # first run: the welcome panel
    use_theme(page, theme)
    expect(page.get_by_role("region", name="Welcome to Sora Renderer")).to_be_visible()
    assert_no_overflow(page, f"welcome ({theme})")
    page.get_by_role("button", name="Paste an API key").click()
    expect(page.get_by_role("dialog")).to_be_visible()
    assert_no_overflow(page, f"key dialog ({theme})")
    page.screenshot(path=f"/tmp/shots/phone-key-dialog-{theme}.png")
    context.close()


def test_the_library_drawer_and_its_dialogs_fit_a_phone(phone: Page, app_server: str, theme: str) -> None:
    remote_id = sim_video(app_server)
    long_title = "Rain lake drone shot over a misty valley at first light, slow and wide"
    seed(phone, app_server, [job(0, remote_id, app_server, prompt=long_title)], remote_id)
    go(phone, "Library")
    assert_no_overflow(phone, "Library with an item")
    tile = phone.locator(".tile").first
    tile.click()
    drawer = phone.get_by_role("dialog")
    expect(drawer).to_be_visible()
    assert_no_overflow(phone, "detail drawer")
    box = drawer.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]  # a full-width sheet
    phone.screenshot(path=f"/tmp/shots/phone-drawer-{theme}.png")
    drawer.get_by_role("button", name="Other ways to save").click()
    expect(drawer.get_by_role("menu", name="Other ways to save")).to_be_visible()
    assert_no_overflow(phone, "drawer's save menu")
    phone.keyboard.press("Escape")
    phone.keyboard.press("Escape")
    expect(drawer).to_be_hidden()
    tile.hover()
    tile.get_by_role("button", name="Rename").click()
    expect(phone.get_by_role("dialog", name="Rename video")).to_be_visible()
    assert_no_overflow(phone, "rename dialog")
    phone.keyboard.press("Escape")
    tile.locator(".tile-check").click()
    phone.get_by_role("toolbar", name="Selected videos").get_by_role("button", name="Delete").click()
    expect(phone.get_by_role("dialog", name="Delete 1 video?")).to_be_visible()
    assert_no_overflow(phone, "delete dialog")
