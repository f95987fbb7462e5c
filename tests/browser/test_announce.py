"""Job status for screen readers: the live region says each status change once (never a
progress tick), and the progress is a progressbar with its value."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.helpers import go, job_card, start_render

DONE_MS = 60_000
# Every text the live region ends up holding, and every progress value the card shows.
RECORD_JS = """() => {
    window.__said = [];
    window.__progress = new Set();
    const region = document.querySelector('#announcer');
    new MutationObserver(() => { if (region.textContent) window.__said.push(region.textContent); })
        .observe(region, {childList: true, characterData: true, subtree: true});
    new MutationObserver(() => {
        for (const bar of document.querySelectorAll('.job-card [role=progressbar]'))
            window.__progress.add(bar.getAttribute('aria-valuenow'));
    }).observe(document.body, {attributes: true, attributeFilter: ['aria-valuenow'], subtree: true});
}"""


def test_each_status_change_is_announced_once_and_progress_is_a_progressbar(openai_app: Page) -> None:
    openai_app.evaluate(RECORD_JS)
    title = "A slow pan over the harbour [sim:duration=8]"
    start_render(openai_app, title)
    go(openai_app, "Queue")
    card = job_card(openai_app, title)
    bar = card.get_by_role("progressbar")
    expect(bar).to_have_attribute("aria-valuemin", "0")
    expect(bar).to_have_attribute("aria-valuemax", "100")
    expect(bar).to_have_attribute("aria-valuenow", re.compile(r"^\d+$"))
    expect(card.locator(".tag")).to_have_text("Ready", timeout=DONE_MS)
    said: list[str] = openai_app.evaluate("window.__said")
    progress: list[str] = openai_app.evaluate("[...window.__progress]")
    assert len(progress) >= 3, progress  # the bar moved several times...
    assert said == [f"Render “{title}” is rendering.", f"Render “{title}” is ready."]  # ...and was said twice
