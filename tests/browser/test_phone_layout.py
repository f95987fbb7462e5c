"""At phone width (390×844), in both themes, no view or dialog scrolls sideways."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect

from tests.browser.conftest import open_app
from tests.browser.helpers import go

PHONE: ViewportSize = {"width": 390, "height": 844}
OVERFLOW = """(root) => {
  const box = root || document.documentElement;
  const wide = [...box.querySelectorAll('*')].filter((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && (r.right > innerWidth + 1 || r.left < -1) && getComputedStyle(el).position !== 'fixed';
  }).slice(0, 5).map((el) => el.tagName + '#' + el.id + '.' + el.className);
  return {scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth, wide};
}"""


def assert_no_overflow(page: Page, where: str) -> None:
    found = page.evaluate(OVERFLOW, None)
    assert found["scroll"] <= found["client"] and not found["wide"], f"{where}: {found}"


@pytest.fixture(params=["dark", "light"])
def phone(request: pytest.FixtureRequest, browser: Browser, app_server: str) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, device_scale_factor=1)
    context.add_init_script(f"localStorage.setItem('sora-theme', '{request.param}')")
    page = context.new_page()
    open_app(page, app_server, route="?demo=1")
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
