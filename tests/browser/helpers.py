"""Small steps the browser tests share (Settings navigation, endpoint set-up)."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect


def close_welcome(page: Page) -> None:
    dialog = page.get_by_role("dialog", name="Welcome to Sora Renderer")
    if dialog.count():
        page.keyboard.press("Escape")
        expect(dialog).to_be_hidden()


def go(page: Page, name: str) -> None:
    page.get_by_role("link", name=name, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)


def use_endpoint(page: Page, base_url: str) -> None:
    """Point the app at ``base_url`` (demo mode off), through the Settings form."""
    close_welcome(page)
    go(page, "Settings")
    field = page.get_by_label("API base URL")
    field.fill(base_url)
    page.get_by_role("button", name="Save endpoint").click()
    expect(page.locator("#base-url-note")).to_contain_text("Saved")


def save_key(page: Page, key: str) -> None:
    page.get_by_role("textbox", name="API key", exact=True).fill(key)
    page.get_by_role("button", name="Save key").click()
    expect(page.locator("#key-status")).to_contain_text(re.compile(r"Saved: .*…"))


def start_render(page: Page, prompt: str, *, first: bool = True) -> None:
    """Fill the prompt on New Render and send it (acknowledging the safety note the first time)."""
    if page.locator("#app").get_attribute("data-route") != "new":
        page.get_by_role("link", name="New Render", exact=True).click()
    page.get_by_label("Prompt").fill(prompt)
    page.get_by_role("button", name="Render", exact=True).click()
    if first:
        page.get_by_role("dialog", name="Before you render").get_by_role("button", name="I understand, render").click()
    expect(page.get_by_role("status").filter(has_text="Render started")).to_be_visible()


def job_card(page: Page, title: str) -> Locator:
    """The queue card of the job whose title (prompt start) is ``title``."""
    return page.locator("article.job-card").filter(has=page.get_by_role("heading", name=title, exact=True))
