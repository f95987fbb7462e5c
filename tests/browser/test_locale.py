"""Deutsch end to end: chosen in Settings, every converted view redraws in German without a
reload, <html lang> follows, and at phone width the longer words still fit (screenshots kept)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.a11y import axe_violations
from tests.browser.conftest import open_app
from tests.browser.helpers import job_card
from tests.browser.seed import seed_many
from tests.browser.test_announce import RECORD_JS
from tests.browser.test_phone_layout import PHONE, assert_no_overflow

SHOTS = Path(__file__).resolve().parents[2] / "test-results" / "locale"

# Per view: German strings that must show, and the English ones they replaced.
VIEWS = {
    "Neues Video": (  # the estimate is built in core, the image note is the provider's data
        ("Geschätzt:", "Wird mit der Anfrage gesendet", "Videomodell-Katalog von OpenRouter"),
        ("Estimated:", "Sent inline with the request", "Prices:"),
    ),
    "Warteschlange": (
        ("Fertig", "Archivierte zeigen", "Dauer 0:00", "simuliert: würde"),  # card texts are built in core
        ("Finished", "Show archived", "Renders in progress", "Ready", "Took", "simulated"),
    ),
    "Bibliothek": (("Alle auswählen", "3 Videos"), ("Select all", "Your finished videos")),
    "Einstellungen": (
        ("Anbieter", "Darstellung", "Sprache", "Speicher", "Demomodus", "Preise"),
        ("Providers", "Appearance", "Clean up", "Try it without a key"),
    ),
}


@pytest.fixture
def phone(browser: Browser, app_server: str) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, locale="en-US")
    page = context.new_page()
    open_app(page, app_server, route="?demo=1")
    seed_many(page, app_server, 3)
    yield page
    context.close()


def shows(page: Page, present: tuple[str, ...], absent: tuple[str, ...]) -> None:
    view = page.locator("#views")
    for text in present:
        expect(view).to_contain_text(text)
    for text in absent:
        expect(view).not_to_contain_text(text)


def test_german_in_settings_changes_every_view(phone: Page, app_server: str) -> None:
    page = phone
    page.get_by_role("link", name="Settings", exact=True).click()
    expect(page.locator("html")).to_have_attribute("lang", "en-US")
    page.locator("#language").focus()
    page.locator("#language").select_option("de")
    expect(page.get_by_role("heading", level=1)).to_have_text("Einstellungen")
    expect(page.locator("html")).to_have_attribute("lang", "de-DE")
    expect(page.locator("#language")).to_be_focused()  # the redraw keeps focus where it was
    expect(page.locator("#language")).to_have_value("de")
    expect(page).to_have_title("Einstellungen · Sora Renderer")
    nav = page.get_by_role("navigation", name="Hauptnavigation")
    expect(nav).to_contain_text("Neues Video")
    SHOTS.mkdir(parents=True, exist_ok=True)
    for name, (present, absent) in VIEWS.items():
        nav.get_by_role("link", name=name, exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(name)
        shows(page, present, absent)
        assert_no_overflow(page, name)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
        assert axe_violations(page) == [], name
    page.get_by_role("button", name="App vollständig zurücksetzen").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Sora Renderer vollständig zurücksetzen?")
    expect(dialog.get_by_role("button", name="Alles löschen")).to_be_disabled()
    assert_no_overflow(page, "reset dialog")
    page.screenshot(path=str(SHOTS / "reset-dialog.png"))
    assert axe_violations(page) == []
    dialog.get_by_role("button", name="Abbrechen").click()
    expect(dialog).to_be_hidden()
    page.reload()  # the choice is kept
    page.wait_for_selector("#app[data-hydrated='true']", state="attached", timeout=60_000)
    expect(page.get_by_role("heading", level=1)).to_have_text("Einstellungen")
    page.locator("#language").select_option("en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Settings")
    expect(page.locator("html")).to_have_attribute("lang", "en-US")


def test_the_browser_language_is_the_default(browser: Browser, app_server: str) -> None:
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    open_app(page, app_server, route="#/queue")
    expect(page.get_by_role("heading", level=1)).to_have_text("Warteschlange")
    expect(page.locator("html")).to_have_attribute("lang", "de-DE")
    context.close()


def test_a_render_in_german_from_the_card_to_the_live_region(openai_app: Page) -> None:
    """The texts built outside the views follow the language too: the card's label, times and
    cost come from core, the status news is said in German, and the polling worker (another
    interpreter) gets the page's language with the job."""
    page = openai_app
    page.evaluate(RECORD_JS)
    page.get_by_role("link", name="Settings", exact=True).click()
    page.locator("#language").select_option("de")
    expect(page.get_by_role("heading", level=1)).to_have_text("Einstellungen")
    page.get_by_role("link", name="Neues Video", exact=True).click()
    title = "Hafen im Regen [sim:duration=6] [sim:500=2]"  # two polls answer 500
    page.get_by_label("Prompt").fill(title)
    expect(page.locator("#estimate")).to_contain_text("Geschätzt:")
    page.get_by_role("button", name="Rendern", exact=True).click()
    page.get_by_role("dialog", name="Bevor Sie ein Video erstellen").get_by_role(
        "button", name="Verstanden, Video erstellen"
    ).click()
    page.get_by_role("link", name="Warteschlange", exact=True).click()
    card = job_card(page, title)
    expect(card.locator(".tag")).to_have_text(re.compile("^(Wird gesendet|Wartet|Wird gerendert)$"))
    expect(card).to_contain_text("Läuft seit")
    # Written by the worker, which boots its own interpreter first: seconds on a busy machine.
    expect(card.locator(".job-note")).to_contain_text("HTTP 500; neuer Versuch in", timeout=30_000)
    expect(card).to_contain_text("simuliert: würde")
    expect(card.locator(".tag")).to_have_text("Fertig", timeout=60_000)
    expect(card).to_contain_text("Dauer")
    said: list[str] = page.evaluate("window.__said")
    assert said == [f"„{title}“ wird gerendert.", f"„{title}“ ist fertig."]
    assert page.locator("#views").inner_text().count("Ready") == 0
