"""Rough edges a new user tripped over (issue 19): the queue's word on the poller (nothing
while all is well, plainly when it cannot run), the Library's date fields, and the New
Render heading after "Edit and retry"."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, Route, expect

from tests.browser.conftest import PageWatch, choose_provider, open_app
from tests.browser.helpers import go
from tests.browser.test_queue import DONE_MS, render_and_follow, token

STYLE_JS = """(el) => {
    const s = getComputedStyle(el);
    const keys = ['border-top-width', 'border-top-style', 'border-top-color', 'border-radius', 'font-family',
        'font-size', 'color', 'background-color', 'padding-left'];
    const height = el.getBoundingClientRect().height;
    return {...Object.fromEntries(keys.map((k) => [k, s.getPropertyValue(k)])), height};
}"""


def test_the_queue_says_nothing_of_the_poller_while_all_is_well(openai_app: Page) -> None:
    go(openai_app, "Queue")
    status = openai_app.locator(".queue-status")
    expect(status).to_be_hidden()  # nothing to poll yet: the poller starts with the first render
    card = render_and_follow(openai_app, f"All well {token()}")  # the poller starts, then polls
    expect(status).to_be_hidden()
    expect(card.locator(".tag")).to_have_text("Ready", timeout=DONE_MS)
    go(openai_app, "Library")
    go(openai_app, "Queue")  # a later visit: still nothing to say
    expect(status).to_be_hidden()


def test_the_queue_says_plainly_when_polling_cannot_start_and_recovers(openai_app: Page, watch: PageWatch) -> None:
    # The polling worker's code is first held back (a slow start), then refused (a failed
    # start): the queue says each plainly while it waits and tries again (not only after the
    # last try), and falls silent once polling runs; the job was never at risk.
    held: list[Route] = []
    refusing = False

    def worker_code(route: Route) -> None:
        if refusing:
            route.fulfill(status=503, body="unavailable")
        else:
            held.append(route)  # not answered (yet)

    openai_app.route("**/*.whl", worker_code)
    card = render_and_follow(openai_app, f"Poller down {token()}")
    status = openai_app.locator(".queue-status")
    expect(status).to_contain_text("taking longer than usual", timeout=60_000)
    assert held, "the worker's start never reached the network"
    refusing = True
    for route in held:
        route.fulfill(status=503, body="unavailable")
    expect(status).to_contain_text(re.compile(r"did not start .*Trying again \([234] of 4\)"), timeout=60_000)
    expect(status).to_contain_text("could not be loaded or started")
    expect(status).to_contain_text("nothing is sent twice")
    openai_app.unroute("**/*.whl")
    expect(card.locator(".tag")).to_have_text("Ready", timeout=DONE_MS)
    expect(status).to_be_hidden()
    watch.console_errors.clear()  # the refused files are the point of this test


def test_library_date_fields_look_like_the_other_fields(demo_app: Page) -> None:
    go(demo_app, "Library")
    search = demo_app.locator("#library-search").evaluate(STYLE_JS)
    for field in ("#library-from", "#library-to"):
        assert demo_app.locator(field).evaluate(STYLE_JS) == search, field


def test_after_edit_and_retry_the_new_render_heading_clears_the_sticky_header(
    browser: Browser, app_server: str
) -> None:
    context = browser.new_context(viewport={"width": 900, "height": 360})  # short: the queue scrolls
    page = context.new_page()
    open_app(page, app_server, route="?demo=1")
    choose_provider(page, "openai-videos")
    card = render_and_follow(page, f"Refused {token()} [sim:moderation]")
    expect(card.locator(".tag")).to_have_text("Blocked", timeout=DONE_MS)
    retry = card.get_by_role("button", name="Edit and retry")
    retry.scroll_into_view_if_needed()
    assert page.evaluate("scrollY") > 0, "the queue did not scroll: the test would prove nothing"
    retry.click()
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("New Render")
    expect(heading).to_be_focused()
    header = page.locator(".topbar").bounding_box()
    top = heading.bounding_box()
    assert header is not None and top is not None
    assert top["y"] >= header["y"] + header["height"], (top, header)
    context.close()
