"""The live providers in the real browser, each against its simulator: OpenRouter (sign in by
PKCE, billed cost, no cancel, no job list), Gemini Omni (key, extend, cancel), a provider that
refuses browser calls (CORS) and the local relay that gets around it."""

from __future__ import annotations

import json
import re
import threading
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect

import serve
from server.relay import Relay, RelayConfig
from simulator import SimConfig
from tests.browser.conftest import BOOT_TIMEOUT_MS, PageWatch, choose_provider, open_app
from tests.browser.helpers import close_welcome, go, job_card, provider_card, save_key, use_endpoint

DONE_MS = 45_000


def token() -> str:
    return uuid.uuid4().hex[:8]


def creates(app_server: str, provider: str, prompt: str) -> dict[str, Any]:
    """What the simulator's counter says about the creates a prompt got (``count`` 0: none)."""
    query = urllib.parse.urlencode({"provider": provider, "prompt": prompt})
    with urllib.request.urlopen(f"{app_server}sim/debug/creates?{query}") as response:
        data: list[dict[str, Any]] = json.load(response)["data"]
    return data[0] if data else {"count": 0, "accepted": 0, "statuses": []}


def render(page: Page, prompt: str, *, first: bool = True) -> None:
    page.get_by_label("Prompt").fill(prompt)
    page.get_by_role("button", name="Render", exact=True).click()
    if first:
        page.get_by_role("dialog", name="Before you render").get_by_role("button", name="I understand, render").click()


def ready_card(page: Page, title: str) -> None:
    go(page, "Queue")
    expect(job_card(page, title).locator(".tag")).to_have_text("Ready", timeout=DONE_MS)


def open_in_library(page: Page, title: str) -> Any:
    go(page, "Library")
    page.locator(".tile").filter(has_text=title).first.get_by_role("button", name=re.compile("Open")).click()
    drawer = page.get_by_role("dialog", name=title)
    expect(drawer).to_be_visible()
    return drawer


def test_sign_in_with_openrouter_then_render_with_the_billed_cost(app: Page, app_server: str) -> None:
    base = app_server + "sim/openrouter/api/v1"
    use_endpoint(app, base, provider="openrouter")
    provider_card(app, "openrouter").get_by_role("button", name="Sign in with OpenRouter").click()
    app.wait_for_url(re.compile(r"/sim/openrouter/auth\?"), timeout=BOOT_TIMEOUT_MS)
    assert "code_challenge_method=S256" in app.url and "code_challenge=" in app.url
    app.get_by_role("button", name="Authorize").click()
    app.wait_for_selector("#app[data-hydrated='true']", state="attached", timeout=BOOT_TIMEOUT_MS)
    expect(app.get_by_role("status").filter(has_text="Signed in")).to_be_visible()
    assert "code=" not in app.url  # single use: never left in the address
    go(app, "Settings")
    expect(app.locator("#key-status-openrouter")).to_contain_text("Saved for http://127.0.0.1")
    title = f"A red kite over the sea {token()}"
    go(app, "New Render")
    render(app, title)
    ready_card(app, title)
    expect(job_card(app, title).locator(".job-meta")).to_contain_text("billed $1.60")
    drawer = open_in_library(app, title)
    expect(drawer.locator(".drawer-facts")).to_contain_text("Billed$1.60 (as the provider reported)")
    expect(drawer.locator(".drawer-facts")).to_contain_text("ProviderOpenRouter video API")
    drawer.locator("summary", has_text="The request as sent").click()
    request = drawer.locator(".request-json")
    expect(request).to_contain_text('"model": "google/veo-3.1"')
    expect(request).to_contain_text('"Authorization": "[redacted]"')
    assert creates(app_server, "openrouter", title)["count"] == 1


def test_a_code_without_a_pending_sign_in_is_ignored(page: Page, app_server: str, watch: PageWatch) -> None:
    open_app(page, app_server, route="?code=not-ours")
    expect(page.get_by_role("region", name="Welcome to Sora Renderer")).to_be_visible()  # nothing exchanged
    expect(page.get_by_role("status").filter(has_text="Signed in")).to_have_count(0)


def test_gemini_key_render_then_extend_the_clip(app: Page, app_server: str) -> None:
    use_endpoint(app, app_server + "sim/gemini/v1beta", provider="gemini")
    save_key(app, f"AIza-test-{uuid.uuid4().hex}", provider="gemini")
    provider_card(app, "gemini").get_by_role("button", name="Use Gemini").click()
    title = f"Waves at dawn {token()}"
    go(app, "New Render")
    expect(app.locator("#provider")).to_have_value("gemini")
    render(app, title)
    ready_card(app, title)
    drawer = open_in_library(app, title)
    drawer.get_by_label("What happens next").fill(f"The sun rises {token()}")
    drawer.get_by_label("Add").select_option("4")
    drawer.get_by_role("button", name="Extend").click()
    expect(app.get_by_role("status").filter(has_text="Extend started")).to_be_visible()
    app.keyboard.press("Escape")
    go(app, "Queue")
    extended = app.locator("article.job-card").filter(has_text="The sun rises")
    expect(extended.locator(".tag")).to_have_text("Ready", timeout=DONE_MS)
    go(app, "Library")
    expect(app.locator("#library-count")).to_have_text("2 videos")
    app.locator(".tile").filter(has_text="The sun rises").first.get_by_role("button", name=re.compile("Open")).click()
    facts = app.get_by_role("dialog").locator(".drawer-facts")
    expect(facts).to_contain_text(f"Extends{title}")
    expect(facts).to_contain_text("Length12 s (4 s added)")  # the 8 s source and the 4 s it added
    expect(facts).to_contain_text("computed from")


def test_cancel_on_gemini_cancels_the_interaction(demo_app: Page) -> None:
    choose_provider(demo_app, "gemini")
    title = f"Too long to wait {token()} [sim:duration=40]"
    render(demo_app, title)
    go(demo_app, "Queue")
    card = job_card(demo_app, title)
    expect(card.locator(".tag")).to_have_text(re.compile("Queued|Rendering"), timeout=DONE_MS)
    card.get_by_role("button", name="Cancel").click()
    expect(card.locator(".tag")).to_have_text("Canceled")


def test_openrouter_offers_no_cancel_and_says_why(demo_app: Page) -> None:
    title = f"Running to the end {token()} [sim:duration=20]"
    render(demo_app, title)
    go(demo_app, "Queue")
    card = job_card(demo_app, title)
    expect(card.locator(".job-note")).to_contain_text("OpenRouter cannot cancel a render once sent")
    expect(card.get_by_role("button", name="Cancel")).to_have_count(0)


def test_a_provider_that_refuses_browser_calls_is_explained(app: Page, app_server: str, watch: PageWatch) -> None:
    far = app_server.replace("127.0.0.1", "localhost")  # another origin: the browser applies CORS
    use_endpoint(app, far + "sim/openrouter-nocors/api/v1", provider="openrouter")
    save_key(app, f"sk-or-v1-{uuid.uuid4().hex}", provider="openrouter")
    title = f"Refused at the door {token()}"
    go(app, "New Render")
    render(app, title)
    message = app.get_by_role("status").filter(has_text="refused a call from this web page (CORS)")
    expect(message).to_be_visible()
    expect(message).to_contain_text("nothing was sent and nothing was charged")
    expect(message).to_contain_text("serve.py --relay")
    assert creates(app_server, "openrouter", title)["count"] == 0
    go(app, "Queue")
    expect(job_card(app, title)).to_have_count(0)  # nothing was sent: no job to follow
    watch.console_errors.clear()  # the browser reports the refused preflight itself


@pytest.fixture(scope="module")
def relay_server() -> Iterator[str]:
    """serve.py with --relay, its OpenRouter target being the simulator that refuses CORS."""
    server = serve.build_server("127.0.0.1", 0, SimConfig(job_seconds=3.0, poll_after_ms=500), relay=RelayConfig())
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    target = f"openrouter={origin}/sim/openrouter-nocors/api/v1"  # known once the port is
    server.relay = Relay(RelayConfig().with_targets([target]))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield origin + "/"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def test_the_local_relay_reaches_a_provider_that_refuses_browsers(
    page: Page, relay_server: str, watch: PageWatch
) -> None:
    open_app(page, relay_server)
    close_welcome(page)
    go(page, "Settings")
    save_key(page, f"sk-or-v1-{uuid.uuid4().hex}", provider="openrouter")
    card = provider_card(page, "openrouter")
    card.locator("details.advanced summary").click()
    card.get_by_label("Route through the local relay (serve.py --relay)").check()
    title = f"Through the relay {token()}"
    go(page, "New Render")
    expect(page.locator("#endpoint-host")).to_contain_text("/relay/openrouter")
    render(page, title)
    ready_card(page, title)
    assert creates(relay_server, "openrouter", title)["count"] == 1


def test_reload_during_submit_to_a_provider_without_a_job_list(demo_app: Page, app_server: str) -> None:
    title = f"Sent into the dark {token()} [sim:slow=2500]"
    render(demo_app, title)
    demo_app.wait_for_timeout(800)  # the POST is under way; the simulator holds its answer
    demo_app.reload()
    demo_app.wait_for_selector("#app[data-hydrated='true']", state="attached", timeout=BOOT_TIMEOUT_MS)
    go(demo_app, "Queue")
    card = job_card(demo_app, title)
    expect(card.locator(".tag")).to_have_text("Unconfirmed", timeout=DONE_MS)
    expect(card.locator(".job-error")).to_contain_text("has no way to look renders up")
    expect(card.get_by_role("button", name="Send again")).to_be_visible()
    assert creates(app_server, "openrouter", title)["count"] == 1  # never sent again on its own


def test_a_connection_lost_mid_create_keeps_the_job_it_may_have_started(demo_app: Page, app_server: str) -> None:
    """The route answered a create before, so a status-less failure now is a lost connection, not CORS."""
    first = f"Through the door {token()}"
    render(demo_app, first)
    go(demo_app, "Queue")
    expect(job_card(demo_app, first)).to_be_visible()
    title = f"Cut on the way back {token()}"

    def cut(route: Any) -> None:
        if route.request.method == "POST" and title in (route.request.post_data or ""):
            route.fetch()  # the simulator receives it and starts the render ...
            try:
                route.abort("connectionreset")  # ... and its answer never reaches the page
            except PlaywrightError as exc:  # the page gave up on it first (a full run, once): no answer either
                if "already handled" not in str(exc):
                    raise
        else:
            route.continue_()

    demo_app.route(re.compile(r".*/sim/.*videos$"), cut)
    go(demo_app, "New Render")
    render(demo_app, title, first=False)
    go(demo_app, "Queue")
    card = job_card(demo_app, title)
    expect(card).to_have_count(1)  # kept: the API may have it (the CORS reading would delete it)
    demo_app.unroute(re.compile(r".*/sim/.*videos$"))
    demo_app.reload()
    demo_app.wait_for_selector("#app[data-hydrated='true']", state="attached", timeout=BOOT_TIMEOUT_MS)
    go(demo_app, "Queue")
    expect(card.locator(".tag")).to_have_text("Unconfirmed", timeout=DONE_MS)
    expect(card.get_by_role("button", name="Send again")).to_be_visible()
    assert creates(app_server, "openrouter", title)["count"] == 1  # received once, never sent again
