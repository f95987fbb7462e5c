"""Prompt presets in New Render, in the real browser: save, apply, rename, delete, reload."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.a11y import axe_violations
from tests.browser.conftest import BOOT_TIMEOUT_MS
from tests.browser.test_new_render import pick

SHOTS = Path("/tmp/backup-shots")
STORM = "A lighthouse in a storm, waves crashing over the rocks"


def _name_it(page: Page, title: str, name: str, action: str) -> None:
    dialog = page.get_by_role("dialog", name=title)
    dialog.get_by_label("Preset name").fill(name)
    dialog.get_by_role("button", name=action).click()
    expect(dialog).to_be_hidden()


def test_save_apply_rename_delete_a_preset(openai_app: Page) -> None:
    page = openai_app
    presets = page.locator("#presets")
    expect(presets.get_by_role("button", name="Apply")).to_be_disabled()
    page.get_by_label("Prompt", exact=True).fill(STORM)
    pick(page, "size", "720x1280")
    pick(page, "seconds", "8")
    presets.get_by_role("button", name="Save as preset…").click()
    _name_it(page, "Save as a preset", "Storm", "Save preset")
    expect(page.get_by_role("status").filter(has_text="Saved the preset “Storm”")).to_be_visible()
    expect(page.locator("#preset option:checked")).to_have_text("Storm")
    SHOTS.mkdir(exist_ok=True)
    presets.screenshot(path=str(SHOTS / "presets.png"))
    assert axe_violations(page, context="#presets") == []

    page.get_by_label("Prompt", exact=True).fill("Something else entirely")
    pick(page, "size", "1280x720")
    pick(page, "seconds", "4")
    page.wait_for_timeout(600)  # the draft is saved
    page.reload()
    page.wait_for_selector("#app[data-hydrated='true']", state="attached", timeout=BOOT_TIMEOUT_MS)
    page.get_by_label("Preset", exact=True).select_option(label="Storm")
    presets.get_by_role("button", name="Apply").click()
    expect(page.get_by_label("Prompt", exact=True)).to_have_value(STORM)
    expect(page.locator("#size-720x1280")).to_be_checked()
    expect(page.locator("#seconds-8")).to_be_checked()

    presets.get_by_role("button", name="Rename…").click()
    _name_it(page, "Rename “Storm”", "Lighthouse", "Rename")
    expect(page.locator("#preset option:checked")).to_have_text("Lighthouse")
    presets.get_by_role("button", name="Delete").click()
    page.get_by_role("dialog", name="Delete the preset “Lighthouse”?").get_by_role(
        "button", name="Delete preset"
    ).click()
    expect(page.locator("#preset option")).to_have_text(["No presets saved yet"])
    expect(presets.get_by_role("button", name="Apply")).to_be_disabled()
