"""Batch renders in the real app: planned with a count, total and left-out list, stored
whole, sent at the provider's pace through a 429 storm, once each, and found again in the
library; a reload or a killed tab mid-batch sends nothing twice."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect

from tests.browser.a11y import axe_violations
from tests.browser.conftest import choose_provider
from tests.browser.crash import crash_tab, reopen
from tests.browser.helpers import go
from tests.browser.test_providers import creates
from tests.browser.test_queue import creates as openai_creates
from tests.browser.test_queue import token

SHOTS = Path("/tmp/shots/batch")
BATCH_MS = 150_000  # six renders, two at a time, through a storm of 429s (each asks to wait a second)


def _batch_mode(page: Page, kind: str) -> None:
    if page.locator("#app").get_attribute("data-route") != "new":
        go(page, "New Render")
    page.get_by_label("A batch").check()
    page.get_by_label(kind).check()


def _render_batch(page: Page, count: int, *, first: bool = True) -> None:
    page.get_by_role("button", name=f"Render all {count}").click()
    if first:
        page.get_by_role("dialog", name="Before you render").get_by_role("button", name="I understand, render").click()
    expect(page.get_by_role("status").filter(has_text=f"Batch of {count} stored")).to_be_visible()


def _group(page: Page, count: int) -> Locator:
    return page.locator("section.batch-group").filter(has=page.get_by_role("heading", name=f"Batch of {count} renders"))


def test_a_sweep_shows_its_count_total_and_what_it_leaves_out(demo_app: Page) -> None:
    choose_provider(demo_app, "openai-videos")
    _batch_mode(demo_app, "One prompt, several settings")
    demo_app.get_by_label("Prompt", exact=True).fill(f"A lighthouse at dusk {token()}")
    demo_app.locator("#batch-models").get_by_label("Sora 2 Pro", exact=True).check()
    for seconds in ("4 s", "8 s", "12 s"):
        demo_app.locator("#batch-durations").get_by_label(seconds, exact=True).check()
    demo_app.locator("#batch-frames").get_by_label("1792x1024").check()  # sora-2 renders no 1792x1024
    estimate = demo_app.locator("#estimate")
    expect(estimate).to_contain_text(re.compile(r"^\d+ renders · Estimated total: \$[\d.,]+"))
    left_out = demo_app.locator("#batch-left-out")
    expect(left_out).to_be_visible()
    left_out.locator("summary").click()
    expect(left_out.locator("li").first).to_contain_text("sora-2 · 1792x1024")
    planned = int(re.match(r"\d+", estimate.text_content() or "").group())  # type: ignore[union-attr]
    skipped = left_out.locator("li").count()
    assert planned + skipped == 2 * 2 * 3  # every combination is either planned or listed with its reason
    expect(demo_app.get_by_role("button", name=f"Render all {planned}")).to_be_enabled()
    expect(demo_app.locator("#images")).to_be_hidden()  # images are not part of a batch
    assert axe_violations(demo_app) == []
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width, height in ((1400, 1000), (390, 844)):
        demo_app.set_viewport_size({"width": width, "height": height})
        demo_app.screenshot(path=str(SHOTS / f"sweep-{width}.png"), full_page=True)
        assert demo_app.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_six_prompts_through_a_429_storm_are_each_sent_once_and_land_in_the_library(
    demo_app: Page, app_server: str
) -> None:
    run = token()
    prompts = [f"Fox {n} {run}" + (" [sim:submit429=2]" if n in (1, 4) else "") for n in range(1, 7)]
    _batch_mode(demo_app, "Several prompts, this setting")
    demo_app.get_by_label("Prompts, one a line").fill("\n".join(prompts))
    expect(demo_app.locator("#estimate")).to_contain_text("6 renders")
    _render_batch(demo_app, 6)
    go(demo_app, "Queue")
    group = _group(demo_app, 6)
    expect(group).to_be_visible()
    expect(group.locator(".batch-progress")).to_contain_text("waiting their turn")  # two at a time
    assert axe_violations(demo_app) == []
    SHOTS.mkdir(parents=True, exist_ok=True)
    demo_app.screenshot(path=str(SHOTS / "queue-1400.png"), full_page=True)
    expect(group.locator(".batch-progress")).to_contain_text("6 of 6 done", timeout=BATCH_MS)
    for prompt in prompts:
        sent = creates(app_server, "openrouter", prompt)
        assert sent["accepted"] == 1, (prompt, sent)  # once each, 429s or not
    stormed = creates(app_server, "openrouter", prompts[0])
    assert stormed["statuses"].count(429) == 2
    group.get_by_role("link", name="See in library").click()
    expect(demo_app.get_by_label("Batch", exact=True)).to_have_value(re.compile(r"\w+"))
    expect(demo_app.locator("#library-count")).to_contain_text("6 videos")
    assert axe_violations(demo_app) == []
    demo_app.screenshot(path=str(SHOTS / "library-batch-1400.png"), full_page=True)


@pytest.mark.parametrize("how", ["reload", "crash"])
def test_a_batch_interrupted_mid_way_sends_nothing_twice(
    how: str, demo_app: Page, context: BrowserContext, app_server: str
) -> None:
    run = token()
    prompts = [f"Heron {n} {run}" for n in range(1, 5)]
    _batch_mode(demo_app, "Several prompts, this setting")
    demo_app.get_by_label("Prompts, one a line").fill("\n".join(prompts))
    _render_batch(demo_app, 4)
    page = demo_app
    if how == "reload":
        page.reload()
        page.wait_for_selector("#app[data-hydrated='true']", state="attached")
    else:
        crash_tab(page)
        page = reopen(context, app_server)
    go(page, "Queue")
    group = page.locator("#queue-done section.batch-group")  # every member ended: the batch is finished
    expect(group).to_have_count(1, timeout=BATCH_MS)
    tags = group.locator("article.job-card .tag").all_inner_texts()
    assert len(tags) == 4 and tags.count("Ready") >= 2, tags  # the two never sent were sent after it
    cards = group.locator("article.job-card").all_inner_texts()
    assert [next(n for n, card in enumerate(cards) if p in card) for p in prompts] == [0, 1, 2, 3], cards  # as typed
    for prompt in prompts:
        tag = group.locator("article.job-card").filter(has_text=prompt).locator(".tag").inner_text()
        sent = creates(app_server, "openrouter", prompt)["count"]
        # Nothing twice. One interrupted while its POST was out is kept as Unconfirmed, never resent
        # (OpenRouter cannot look a render up), and the group's Retry failed leaves it alone.
        assert sent == 1 if tag == "Ready" else sent <= 1, (prompt, tag, sent)
        assert tag in ("Ready", "Unconfirmed"), tags
    expect(group.get_by_role("button", name=re.compile("Retry .* failed"))).to_have_count(0)


def test_cancel_all_drops_what_was_not_sent_and_retry_failed_sends_the_failures_again(
    demo_app: Page, app_server: str
) -> None:
    choose_provider(demo_app, "openai-videos")
    run = token()
    prompts = [f"Owl {n} {run}" + (" [sim:fail]" if n == 1 else " [sim:duration=60]") for n in range(1, 5)]
    _batch_mode(demo_app, "Several prompts, this setting")
    demo_app.get_by_label("Prompts, one a line").fill("\n".join(prompts))
    _render_batch(demo_app, 4)
    go(demo_app, "Queue")
    group = _group(demo_app, 4)
    expect(group.get_by_role("button", name="Retry 1 failed")).to_be_visible(timeout=BATCH_MS)
    group.get_by_role("button", name="Cancel all").click()
    demo_app.get_by_role("dialog").get_by_role("button", name="Cancel the batch").click()
    try:
        expect(group.locator(".tag").filter(has_text="Canceled")).to_have_count(3, timeout=BATCH_MS)
    except AssertionError as failure:
        raise AssertionError(group.locator("article.job-card").all_inner_texts()) from failure
    never_sent = [p for p in prompts[1:] if not openai_creates(app_server, p)]
    assert never_sent, "with two in flight at most, some were still waiting their turn"
    group.get_by_role("button", name="Retry 1 failed").click()
    expect(group.locator("article.job-card")).to_have_count(5)
    expect(group.get_by_role("button", name=re.compile("Retry .* failed"))).to_have_count(0)
