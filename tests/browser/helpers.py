"""Small steps the browser tests share (Settings navigation, endpoint set-up)."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect


def close_welcome(page: Page) -> None:
    """Close any dialog left open (the welcome itself is a card on New Render, never a dialog)."""
    dialog = page.locator("dialog[open]")
    if dialog.count():
        page.keyboard.press("Escape")
        expect(dialog).to_have_count(0)


def go(page: Page, name: str) -> None:
    page.get_by_role("link", name=name, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)


def provider_card(page: Page, provider: str) -> Locator:
    return page.locator(f"#provider-{provider}")


def use_endpoint(page: Page, base_url: str, *, provider: str = "openai-videos") -> None:
    """Point ``provider`` at ``base_url`` (demo mode off), through its card in Settings."""
    close_welcome(page)
    go(page, "Settings")
    card = provider_card(page, provider)
    card.locator("details.advanced summary").click()
    card.get_by_label("Base URL").fill(base_url)
    card.get_by_role("button", name="Save endpoint").click()
    expect(card.locator(f"#base-url-note-{provider}")).to_contain_text("Saved")


def save_key(page: Page, key: str, *, provider: str = "openai-videos") -> None:
    card = provider_card(page, provider)
    card.get_by_label(re.compile("API key$")).fill(key)
    card.get_by_role("button", name="Save key").click()
    expect(card.locator(f"#key-status-{provider}")).to_contain_text(re.compile(r"Saved.*: .*…"))


def start_render(page: Page, prompt: str, *, first: bool = True, expect_started: bool = True) -> None:
    """Fill the prompt on New Render and send it (acknowledging the safety note the first time)."""
    if page.locator("#app").get_attribute("data-route") != "new":
        page.get_by_role("link", name="New Render", exact=True).click()
    page.get_by_label("Prompt").fill(prompt)
    page.get_by_role("button", name="Render", exact=True).click()
    if first:
        page.get_by_role("dialog", name="Before you render").get_by_role("button", name="I understand, render").click()
    if expect_started:
        expect(page.get_by_role("status").filter(has_text="Render started")).to_be_visible()


def job_card(page: Page, title: str) -> Locator:
    """The queue card of the job whose title (prompt start) is ``title``."""
    return page.locator("article.job-card").filter(has=page.get_by_role("heading", name=title, exact=True))
