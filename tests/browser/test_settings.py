"""Key vault and Settings in the real browser, against the simulator."""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import BOOT_TIMEOUT_MS, PageWatch
from tests.browser.helpers import close_welcome, go, save_key, use_endpoint


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


def test_key_is_encrypted_at_rest_survives_reload_and_never_shows(app: Page, app_server: str) -> None:
    console: list[str] = []
    app.on("console", lambda message: console.append(message.text))
    key = new_key()
    app.get_by_role("button", name=re.compile("Paste an OpenAI API key")).click()
    app.get_by_role("textbox", name="API key", exact=True).fill(f"  {key}  ")
    app.get_by_role("button", name="Save key").click()
    expect(app.get_by_role("heading", level=1)).to_have_text("Settings")
    expect(app.locator("#key-status")).to_contain_text(f"sk-…{key[-4:]}")
    dump = idb_dump(app)
    assert key not in dump and key[8:24] not in dump
    assert '"cryptoKey":false' in dump  # the wrapping key is a non-extractable CryptoKey
    assert key not in app.content()
    reload(app)
    expect(app.locator("#key-status")).to_contain_text(f"sk-…{key[-4:]}")
    assert key not in app.content() and key not in idb_dump(app)
    assert all(key not in line for line in console)


def test_malformed_key_is_refused_before_storing(app: Page) -> None:
    close_welcome(app)
    go(app, "Settings")
    app.get_by_role("textbox", name="API key", exact=True).fill("sk-abc def")
    app.get_by_role("button", name="Save key").click()
    expect(app.locator("#api-key-error")).to_have_text(re.compile("spaces or line breaks"))
    expect(app.get_by_role("textbox", name="API key", exact=True)).to_have_attribute("aria-invalid", "true")
    expect(app.locator("#key-status")).to_have_text("No key saved.")


def test_reveal_copy_and_wipe(app: Page) -> None:
    app.context.grant_permissions(["clipboard-read", "clipboard-write"])
    close_welcome(app)
    go(app, "Settings")
    key = new_key()
    save_key(app, key)
    reveal = app.get_by_role("button", name="Reveal key")
    reveal.click()
    expect(app.locator("#key-revealed")).to_have_text(key)
    app.get_by_role("button", name="Hide key").click()
    expect(app.locator("#key-revealed")).to_be_hidden()
    assert key not in app.content()
    app.get_by_role("button", name="Copy key").click()
    expect(app.get_by_role("status").filter(has_text="copied")).to_be_visible()
    assert app.evaluate("navigator.clipboard.readText()") == key
    app.get_by_role("button", name="Wipe key").click()
    dialog = app.get_by_role("dialog", name="Wipe the API key?")
    dialog.get_by_role("button", name="Wipe key").click()
    expect(app.locator("#key-status")).to_have_text(re.compile("No key saved"))
    assert "api-key" not in idb_dump(app)
    expect(app.get_by_role("button", name="Reveal key")).to_be_disabled()


def test_passphrase_right_wrong_change_and_remove(app: Page) -> None:
    close_welcome(app)
    go(app, "Settings")
    key = new_key()
    save_key(app, key)
    app.get_by_label("New passphrase").fill("correct horse battery")
    app.get_by_label("Repeat the passphrase").fill("correct horse battery")
    app.get_by_role("button", name="Set passphrase").click()
    expect(app.locator("#key-status")).to_contain_text("encrypted with your passphrase")
    assert key not in idb_dump(app)
    reload(app)
    unlock = app.get_by_role("dialog", name="Unlock your API key")
    expect(unlock).to_be_visible()
    unlock.get_by_label("Passphrase").fill("wrong passphrase")
    unlock.get_by_role("button", name="Unlock").click()
    expect(unlock.locator("#unlock-passphrase-error")).to_have_text(re.compile("passphrase is not right"))
    unlock.get_by_label("Passphrase").fill("correct horse battery")
    unlock.get_by_role("button", name="Unlock").click()
    expect(unlock).to_be_hidden()
    go(app, "Settings")
    expect(app.locator("#key-status")).to_contain_text("encrypted with your passphrase")
    app.get_by_label("Current passphrase").fill("correct horse battery")
    app.get_by_label("New passphrase").fill("another good phrase")
    app.get_by_label("Repeat the passphrase").fill("another good phrase")
    app.get_by_role("button", name="Change passphrase").click()
    expect(app.get_by_role("status").filter(has_text="Passphrase saved")).to_be_visible()
    app.get_by_label("Current passphrase").fill("another good phrase")
    app.get_by_role("button", name="Remove passphrase").click()
    expect(app.locator("#key-status")).to_contain_text("a key kept by this browser")
    reload(app)
    expect(app.get_by_role("dialog", name="Unlock your API key")).to_have_count(0)
    go(app, "Settings")
    app.get_by_role("button", name="Reveal key").click()
    expect(app.locator("#key-revealed")).to_have_text(key)


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
    app.get_by_role("button", name="Validate key").click()
    result = app.locator("#key-check [data-outcome]")
    expect(result).to_have_attribute("data-outcome", outcome)
    expect(result).to_contain_text(text)


def test_validate_key_network_failure(app: Page, watch: PageWatch) -> None:
    use_endpoint(app, "https://video-gateway.invalid/v1")
    save_key(app, new_key())
    app.get_by_role("button", name="Validate key").click()
    result = app.locator("#key-check [data-outcome]")
    expect(result).to_have_attribute("data-outcome", "network")
    expect(result).to_contain_text("Cannot reach the API")
    watch.external_requests.clear()  # the blocked request is the point of this test
    watch.console_errors.clear()


def test_endpoint_validation_and_http_warning(app: Page) -> None:
    close_welcome(app)
    go(app, "Settings")
    field = app.get_by_label("API base URL")
    field.fill("ftp://example.com")
    expect(app.locator("#base-url-error")).to_contain_text("must start with https://")
    field.fill("http://gateway.example.com/v1")
    app.get_by_role("button", name="Save endpoint").click()
    expect(app.locator("#base-url-note")).to_contain_text("plain http")
    expect(app.locator("#endpoint-host")).to_have_text("gateway.example.com/v1")


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
    reload(app)
    expect(app.locator("html")).to_have_attribute("data-theme", "light")
    expect(app.get_by_label("Polling interval (ms)")).to_have_value("4000")
    expect(app.get_by_label("Download results automatically")).not_to_be_checked()
    expect(app.get_by_label("Demo mode")).to_be_checked()


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
    expect(app.get_by_role("dialog", name="Welcome to Sora Renderer")).to_be_visible(timeout=BOOT_TIMEOUT_MS)
    assert "api-key" not in idb_dump(app)
