"""Providers, keys, the key vault and Settings in the real browser, against the simulators."""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import BOOT_TIMEOUT_MS, PageWatch
from tests.browser.helpers import close_welcome, go, provider_card, save_key, use_endpoint


def new_key(marker: str = "") -> str:
    return f"sk-test-{marker + '-' if marker else ''}{uuid.uuid4().hex}"


def reload(page: Page) -> None:
    page.reload()
    page.wait_for_selector("#app[data-hydrated='true']", state="attached", timeout=BOOT_TIMEOUT_MS)


def idb_dump(page: Page) -> str:
    """Every record of every store, serialised (Blobs and CryptoKeys shown by type)."""
    result: str = page.evaluate(
        """async () => {
          const db = await new Promise((ok, ko) => { const r = indexedDB.open('sora-renderer');
                                                     r.onsuccess = () => ok(r.result); r.onerror = ko; });
          const out = {};
          for (const name of db.objectStoreNames) {
            out[name] = await new Promise((ok) => { const r = db.transaction(name).objectStore(name).getAll();
                                                    r.onsuccess = () => ok(r.result); });
          }
          db.close();
          return JSON.stringify(out, (k, v) => (v instanceof CryptoKey ? {cryptoKey: v.extractable} : v));
        }"""
    )
    return result


def sim_url(app_server: str) -> str:
    return app_server + "sim/v1"


OPENAI = "openai-videos"


def key_status(page: Page, provider: str = OPENAI) -> Locator:
    return page.locator(f"#key-status-{provider}")


def test_key_is_encrypted_at_rest_survives_reload_and_never_shows(app: Page, app_server: str) -> None:
    console: list[str] = []
    app.on("console", lambda message: console.append(message.text))
    key = new_key()
    app.get_by_role("button", name=re.compile("Paste an API key")).click()
    app.get_by_role("dialog").get_by_label("Provider").select_option(OPENAI)
    app.get_by_role("textbox", name="OpenAI-compatible API key").fill(f"  {key}  ")
    app.get_by_role("button", name="Save key").click()
    expect(app.get_by_role("heading", level=1)).to_have_text("Settings")
    expect(key_status(app)).to_contain_text(f"sk-…{key[-4:]}")
    expect(key_status(app)).to_contain_text("for https://api.openai.com")  # bound to its endpoint
    dump = idb_dump(app)
    assert key not in dump and key[8:24] not in dump
    assert '"cryptoKey":false' in dump  # the wrapping key is a non-extractable CryptoKey
    assert key not in app.content()
    reload(app)
    expect(key_status(app)).to_contain_text(f"sk-…{key[-4:]}")
    assert key not in app.content() and key not in idb_dump(app)
    assert all(key not in line for line in console)


def test_malformed_key_is_refused_before_storing(app: Page) -> None:
    close_welcome(app)
    go(app, "Settings")
    card = provider_card(app, OPENAI)
    card.get_by_role("textbox", name="OpenAI-compatible API key").fill("sk-abc def")
    card.get_by_role("button", name="Save key").click()
    expect(app.locator(f"#api-key-{OPENAI}-error")).to_have_text(re.compile("spaces or line breaks"))
    expect(card.get_by_role("textbox", name="OpenAI-compatible API key")).to_have_attribute("aria-invalid", "true")
    expect(key_status(app)).to_have_text("No key saved.")


def test_the_key_field_is_empty_as_soon_as_save_is_pressed(app: Page) -> None:
    close_welcome(app)
    go(app, "Settings")
    card = provider_card(app, OPENAI)
    field = card.get_by_role("textbox", name="OpenAI-compatible API key")
    field.fill(new_key())
    # The field is read and emptied in the click handler itself, before any encryption is awaited.
    emptied = app.evaluate(
        """() => { const button = document.querySelector('#provider-openai-videos button.primary');
                   button.click(); return document.querySelector('#api-key-openai-videos').value; }"""
    )
    assert emptied == ""
    expect(key_status(app)).to_contain_text("Saved")


def test_keys_of_providers_are_apart_reveal_copy_and_wipe(app: Page) -> None:
    app.context.grant_permissions(["clipboard-read", "clipboard-write"])
    close_welcome(app)
    go(app, "Settings")
    key, other = new_key(), f"sk-or-v1-{uuid.uuid4().hex}"
    save_key(app, key)
    save_key(app, other, provider="openrouter")
    card = provider_card(app, OPENAI)
    card.get_by_role("button", name="Reveal key").click()
    expect(app.locator(f"#key-revealed-{OPENAI}")).to_have_text(key)
    card.get_by_role("button", name="Hide key").click()
    expect(app.locator(f"#key-revealed-{OPENAI}")).to_be_hidden()
    assert key not in app.content()
    card.get_by_role("button", name="Copy key").click()
    expect(app.get_by_role("status").filter(has_text="copied")).to_be_visible()
    assert app.evaluate("navigator.clipboard.readText()") == key
    card.get_by_role("button", name="Wipe key").click()
    dialog = app.get_by_role("dialog", name="Wipe the OpenAI-compatible key?")
    dialog.get_by_role("button", name="Wipe key").click()
    expect(key_status(app)).to_have_text(re.compile("No key saved"))
    assert f"key:{OPENAI}" not in idb_dump(app) and "key:openrouter" in idb_dump(app)
    expect(card.get_by_role("button", name="Reveal key")).to_be_disabled()
    expect(key_status(app, "openrouter")).to_contain_text(f"sk-…{other[-4:]}")


def test_passphrase_covers_every_key_locks_and_unlocks(app: Page) -> None:
    close_welcome(app)
    go(app, "Settings")
    key, other = new_key(), f"AIza-{uuid.uuid4().hex}"
    save_key(app, key)
    save_key(app, other, provider="gemini")
    app.get_by_label("New passphrase").fill("correct horse battery")
    app.get_by_label("Repeat the passphrase").fill("correct horse battery")
    app.get_by_role("button", name="Set passphrase").click()
    expect(key_status(app)).to_contain_text("encrypted with your passphrase")
    expect(key_status(app, "gemini")).to_contain_text("encrypted with your passphrase")
    assert key not in idb_dump(app) and other not in idb_dump(app)
    app.get_by_role("button", name="Lock now").click()  # no reload: the keys leave memory
    expect(key_status(app)).to_contain_text("locked")
    expect(provider_card(app, OPENAI).get_by_role("button", name="Reveal key")).to_be_disabled()
    app.get_by_label("Passphrase", exact=True).fill("correct horse battery")
    app.get_by_role("button", name="Unlock", exact=True).click()
    expect(key_status(app)).not_to_contain_text("locked")
    reload(app)
    unlock = app.get_by_role("dialog", name="Unlock your API keys")
    expect(unlock).to_be_visible()
    unlock.get_by_label("Passphrase").fill("wrong passphrase")
    unlock.get_by_role("button", name="Unlock").click()
    expect(unlock.locator("#unlock-passphrase-error")).to_have_text(re.compile("passphrase is not right"))
    unlock.get_by_label("Passphrase").fill("correct horse battery")
    unlock.get_by_role("button", name="Unlock").click()
    expect(unlock).to_be_hidden()
    go(app, "Settings")
    app.get_by_label("Current passphrase").fill("correct horse battery")
    app.get_by_label("New passphrase").fill("another good phrase")
    app.get_by_label("Repeat the passphrase").fill("another good phrase")
    app.get_by_role("button", name="Change passphrase").click()
    expect(app.get_by_role("status").filter(has_text="Passphrase saved")).to_be_visible()
    app.get_by_label("Current passphrase").fill("another good phrase")
    app.get_by_role("button", name="Remove passphrase").click()
    expect(key_status(app)).to_contain_text("a key kept by this browser")
    reload(app)
    expect(app.get_by_role("dialog", name="Unlock your API keys")).to_have_count(0)
    go(app, "Settings")
    provider_card(app, "gemini").get_by_role("button", name="Reveal key").click()
    expect(app.locator("#key-revealed-gemini")).to_have_text(other)


@pytest.mark.parametrize(
    ("marker", "outcome", "text"),
    [
        ("", "valid", "The key works"),
        ("sim-401", "invalid_key", "Invalid API key"),
        ("sim-403", "no_access", "No access"),
        ("sim-quota", "no_credit", "No credit left"),
        ("sim-ratelimit", "rate_limited", "Rate limited"),
        ("sim-nomodel", "model_missing", "does not serve the model"),
        ("sim-retired", "model_retired", "model is retired"),
    ],
)
def test_validate_key_outcomes(app: Page, app_server: str, marker: str, outcome: str, text: str) -> None:
    use_endpoint(app, sim_url(app_server))
    save_key(app, new_key(marker))
    provider_card(app, OPENAI).get_by_role("button", name="Validate key").click()
    result = app.locator(f"#key-check-{OPENAI} [data-outcome]")
    expect(result).to_have_attribute("data-outcome", outcome)
    expect(result).to_contain_text(text)


@pytest.mark.parametrize(
    ("provider", "base", "key", "outcome", "text"),
    [
        ("openrouter", "sim/openrouter/api/v1", "sk-or-v1-good-{}", "valid", "The key works"),
        ("openrouter", "sim/openrouter/api/v1", "sk-or-v1-sim-401-{}", "invalid_key", "Invalid API key"),
        ("gemini", "sim/gemini/v1beta", "AIza-good-{}", "valid", "The key works"),
        ("gemini", "sim/gemini/v1beta", "AIza-sim-401-{}", "invalid_key", "Invalid API key"),
    ],
)
def test_each_provider_checks_its_key_with_its_cheapest_call(
    app: Page, app_server: str, provider: str, base: str, key: str, outcome: str, text: str
) -> None:
    use_endpoint(app, app_server + base, provider=provider)
    save_key(app, key.format(uuid.uuid4().hex), provider=provider)
    provider_card(app, provider).get_by_role("button", name="Validate key").click()
    result = app.locator(f"#key-check-{provider} [data-outcome]")
    expect(result).to_have_attribute("data-outcome", outcome)
    expect(result).to_contain_text(text)


def test_validate_key_network_failure(app: Page, watch: PageWatch) -> None:
    use_endpoint(app, "https://video-gateway.invalid/v1")
    save_key(app, new_key())
    provider_card(app, OPENAI).get_by_role("button", name="Validate key").click()
    result = app.locator(f"#key-check-{OPENAI} [data-outcome]")
    expect(result).to_have_attribute("data-outcome", "network")
    expect(result).to_contain_text("Cannot reach the API")
    watch.external_requests.clear()  # the blocked request is the point of this test
    watch.console_errors.clear()


def test_endpoint_validation_http_warning_and_enter_saves(app: Page) -> None:
    close_welcome(app)
    go(app, "Settings")
    card = provider_card(app, OPENAI)
    card.locator("details.advanced summary").click()
    field = card.get_by_label("Base URL")
    field.fill("ftp://example.com")
    field.press("Enter")  # Enter saves, as in every form
    expect(app.locator(f"#base-url-{OPENAI}-error")).to_contain_text("must start with https://")
    field.fill("http://gateway.example.com/v1")
    field.press("Enter")
    expect(app.locator(f"#base-url-note-{OPENAI}")).to_contain_text("plain http")
    go(app, "New Render")
    app.locator("#provider").select_option(OPENAI)
    expect(app.locator("#endpoint-host")).to_have_text("gateway.example.com/v1")


def test_a_saved_key_does_not_follow_the_endpoint_to_another_origin_unasked(app: Page, app_server: str) -> None:
    use_endpoint(app, sim_url(app_server))
    key = new_key()
    save_key(app, key)
    card = provider_card(app, OPENAI)
    gateway = app_server.replace("127.0.0.1", "localhost") + "sim/v1"  # another origin, same simulator
    card.get_by_label("Base URL").fill(gateway)
    card.get_by_role("button", name="Save endpoint").click()
    ask = app.get_by_role("dialog").filter(has_text="Send your OpenAI-compatible key to http://localhost")
    expect(ask).to_be_visible()
    ask.get_by_role("button", name=re.compile("Keep the key for")).click()
    card.get_by_role("button", name="Validate key").click()
    result = app.locator(f"#key-check-{OPENAI} [data-outcome]")
    expect(result).to_contain_text("Confirm in Settings before it is sent to http://localhost")
    card.get_by_label("Base URL").fill(gateway)
    card.get_by_role("button", name="Save endpoint").click()
    app.get_by_role("dialog").filter(has_text="Send your").get_by_role("button", name=re.compile("Send it to")).click()
    expect(key_status(app)).to_contain_text("for http://localhost")
    card.get_by_role("button", name="Validate key").click()
    expect(app.locator(f"#key-check-{OPENAI} [data-outcome]")).to_have_attribute("data-outcome", "valid")


def test_settings_survive_reload(app: Page) -> None:
    close_welcome(app)
    go(app, "Settings")
    app.get_by_label("Theme").select_option("light")
    expect(app.locator("html")).to_have_attribute("data-theme", "light")
    poll = app.get_by_label("Polling interval (ms)")
    poll.fill("50")
    poll.press("Tab")
    expect(app.locator("#poll-interval-error")).to_contain_text("1000 to 60000")
    poll.fill("4000")
    poll.press("Tab")
    expect(app.locator("#poll-interval-error")).to_be_hidden()
    app.get_by_label("Download results automatically").uncheck()
    app.get_by_label("Demo mode").check()
    expect(app.locator("#endpoint-badge")).to_be_visible()
    provider_card(app, "gemini").get_by_role("button", name="Use Gemini").click()
    expect(app.locator("#endpoint-provider")).to_have_text("Gemini")
    reload(app)
    expect(app.locator("html")).to_have_attribute("data-theme", "light")
    expect(app.get_by_label("Polling interval (ms)")).to_have_value("4000")
    expect(app.get_by_label("Download results automatically")).not_to_be_checked()
    expect(app.get_by_label("Demo mode")).to_be_checked()
    expect(app.locator("#provider-gemini-badge")).to_have_text("In use")


def test_storage_overview_and_hard_reset(app: Page) -> None:
    close_welcome(app)
    go(app, "Settings")
    save_key(app, new_key())
    summary = app.locator("#storage-summary")
    expect(summary).to_contain_text("Videos")
    expect(summary).to_contain_text("Browser estimate")
    expect(app.locator("#persist-status")).to_contain_text("Persistent storage")
    app.get_by_role("button", name="Hard-reset app").click()
    dialog = app.get_by_role("dialog", name="Hard-reset Sora Renderer?")
    go_button = dialog.get_by_role("button", name="Delete everything")
    expect(go_button).to_be_disabled()
    dialog.get_by_label("Type RESET to confirm").fill("RESET")
    go_button.click()
    expect(app.get_by_role("region", name="Welcome to Sora Renderer")).to_be_visible(timeout=BOOT_TIMEOUT_MS)
    assert "key:" not in idb_dump(app)
