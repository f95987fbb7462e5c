"""Browser tests: the real app, served by serve.py, in Debian's headless Chromium.

Every test gets a fresh browser context (empty IndexedDB), a guard that aborts and
records any request to a host other than 127.0.0.1, and a console watcher; both are
asserted after the test, so a CDN fetch or a console error fails the test that caused it.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Error, Page, Request

import serve
from simulator import SimConfig
from tests.browser.crash import BROWSER_CRASH, note_crashed, take_crashed
from tools import vendor
from tools.chromium import CHROMIUM, QUIET_ARGS

CHROMIUM_ARGS = QUIET_ARGS
LOCAL_HOSTS = {"127.0.0.1", "localhost"}  # localhost: the same server seen from another origin
# Known, harmless console output (see docs/runtime.md).
ALLOWED_CONSOLE = ("Unable to use `window` or `document` in worker",)
BOOT_TIMEOUT_MS = 60_000
# Chromium itself sometimes kills a renderer while a page boots ("Target crashed"; no OOM,
# no shm limit, seen once or twice in a full run). Such a test runs once more, in a new
# Chromium (see ``browser``); any other failure is reported as it is.


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.flaky(reruns=1, only_rerun=[BROWSER_CRASH]))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Drive the system Chromium; Playwright's own download does not work here."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/test, which installs Debian's chromium package")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


class Browsers:
    """A test module's Chromium, launched again after a test killed a tab in it."""

    def __init__(self, launch: Callable[[], Browser]) -> None:
        self._launch = launch
        self._current: Browser | None = None
        self.spoiled = False

    def current(self) -> Browser:
        if self._current is not None and (self.spoiled or not self._current.is_connected()):
            self.close()
        if self._current is None:
            self._current = self._launch()
            self.spoiled = False
        return self._current

    def close(self) -> None:
        if self._current is not None:
            with contextlib.suppress(Exception):  # a browser that died closes itself
                self._current.close()
            self._current = None


@pytest.fixture(scope="module")
def browsers(launch_browser: Callable[[], Browser]) -> Iterator[Browsers]:
    """A fresh Chromium for each test module (pytest-playwright keeps one per session), so
    memory a module left behind cannot make the pages of later modules crash as they boot."""
    held = Browsers(launch_browser)
    yield held
    held.close()


@pytest.fixture
def browser(browsers: Browsers) -> Iterator[Browser]:
    """The module's Chromium; after a test that killed a tab (``Page.crash``) the next test
    gets a new one: pages opened beside a killed renderer crash while they boot."""
    yield browsers.current()
    if take_crashed():
        browsers.spoiled = True


@pytest.fixture(scope="session")
def app_server() -> Iterator[str]:
    """serve.py's server on a free port, with quick simulated jobs; yields its base URL."""
    vendor.ensure(("runtime", "test"), quiet=True)
    server = serve.build_server("127.0.0.1", 0, SimConfig(job_seconds=3.0, poll_after_ms=500))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = str(server.server_address[0]), int(server.server_address[1])
    yield f"http://{host}:{port}/"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@dataclass
class PageWatch:
    """What a page did that a test must not let pass silently."""

    external_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def allow_console_error(self, fragment: str) -> None:
        self.console_errors = [e for e in self.console_errors if fragment not in e]


@pytest.fixture
def watch(page: Page) -> Iterator[PageWatch]:
    """Record non-local requests and console errors; assert both stay empty.

    Requests are watched, not routed: with routing on, Playwright answers CORS preflights
    itself, so a server that refuses CORS would seem to accept it."""
    seen = PageWatch()

    def on_any_request(request: Request) -> None:
        host = urlsplit(request.url).hostname or ""
        if not request.url.startswith(("data:", "blob:")) and host not in LOCAL_HOSTS:
            seen.external_requests.append(request.url)

    def on_console(message: ConsoleMessage) -> None:
        if message.type != "error" or any(a in message.text for a in ALLOWED_CONSOLE):
            return
        api_answer = message.text.startswith("Failed to load resource") and "/sim/" in message.location["url"]
        if not api_answer:  # the browser logs every non-2xx API answer; the app shows those itself
            seen.console_errors.append(f"{message.text} ({message.location['url']})")

    def on_request(request: Request) -> None:
        seen.requests.append(request.url)

    page.context.on("request", on_any_request)
    page.on("console", on_console)
    page.on("pageerror", lambda error: seen.console_errors.append(f"pageerror: {error}"))
    page.on("request", on_request)
    yield seen
    assert seen.external_requests == [], "the page asked for non-local URLs"
    assert seen.console_errors == [], "the console reported errors"


def open_app(page: Page, url: str, *, route: str = "", hydrated: bool = True) -> None:
    """Load the app and wait until it is ready (and, by default, its records loaded)."""
    marker = "#app[data-hydrated='true']" if hydrated else "#app[data-ready='true']"
    try:
        page.goto(url + route)
        page.wait_for_selector(marker, state="attached", timeout=BOOT_TIMEOUT_MS)
    except Error as exc:
        if BROWSER_CRASH in str(exc):
            note_crashed()  # the next test (or this one's re-run) gets a new Chromium
        raise


@pytest.fixture
def app(page: Page, app_server: str, watch: PageWatch) -> Page:
    """A freshly booted app (first run: the welcome dialog is open)."""
    open_app(page, app_server)
    return page


@pytest.fixture
def demo_app(page: Page, app_server: str, watch: PageWatch) -> Page:
    """A booted app already in demo mode (as after ``?demo=1``)."""
    open_app(page, app_server, route="?demo=1")
    return page


def choose_provider(page: Page, provider_id: str) -> None:
    """Pick the provider New Render sends to (its select), and wait until the form follows."""
    if page.locator("#app").get_attribute("data-route") != "new":
        page.get_by_role("link", name="New Render", exact=True).click()
    page.locator("#provider").select_option(provider_id)
    page.wait_for_function(
        "id => document.querySelector('#provider').value === id && !document.querySelector('#render[disabled]')",
        arg=provider_id,
    )


@pytest.fixture
def openai_app(demo_app: Page) -> Page:
    """Demo mode with the OpenAI-compatible provider (the simulated Videos API) chosen."""
    choose_provider(demo_app, "openai-videos")
    demo_app.wait_for_selector("#model-sora-2", state="attached")
    return demo_app
