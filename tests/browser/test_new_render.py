"""New Render with the OpenAI-compatible provider in the real browser, submitting to its simulator."""

from __future__ import annotations

import json
import re
import urllib.request
import uuid
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import BOOT_TIMEOUT_MS, choose_provider
from tests.browser.helpers import use_endpoint
from tests.browser.images import jpeg_file, png_file, webp_file


def created(app_server: str, token: str) -> list[dict[str, Any]]:
    """The create requests the simulator received whose prompt holds ``token``."""
    with urllib.request.urlopen(app_server + "sim/debug/requests?limit=200") as response:
        data = json.load(response)["data"]
    return [r for r in data if r["kind"] == "create" and token in str(r["fields"].get("prompt", ""))]


def render(page: Page, *, first: bool = True) -> None:
    page.get_by_role("button", name="Render", exact=True).click()
    if first:
        page.get_by_role("dialog", name="Before you render").get_by_role("button", name="I understand, render").click()


def pick(page: Page, group: str, value: str) -> None:
    page.locator(f"label[for='{group}-{value}']").click()
    expect(page.locator(f"#{group}-{value}")).to_be_checked()


def test_text_only_submission_arrives_as_the_contract_says(openai_app: Page, app_server: str) -> None:
    token = uuid.uuid4().hex
    openai_app.get_by_label("Prompt").fill(f"A paper boat in the rain {token}")
    pick(openai_app, "size", "720x1280")
    pick(openai_app, "seconds", "8")
    render(openai_app)
    expect(openai_app.get_by_role("status").filter(has_text="Render started")).to_be_visible()
    [request] = created(app_server, token)
    assert request["content_type"].startswith("multipart/form-data")
    assert request["fields"] == {
        "prompt": f"A paper boat in the rain {token}",
        "model": "sora-2",
        "size": "720x1280",
        "seconds": "8",
    }
    assert "authorization" not in request["headers"]
    expect(openai_app.locator('.nav a[data-route="queue"] .count')).to_have_text("1")


@pytest.mark.parametrize(
    ("maker", "mime", "suffix"),
    [(png_file, "image/png", "png"), (jpeg_file, "image/jpeg", "jpg"), (webp_file, "image/webp", "webp")],
)
def test_image_is_reencoded_at_exactly_the_video_size(
    openai_app: Page, app_server: str, tmp_path: Path, maker: Any, mime: str, suffix: str
) -> None:
    source = tmp_path / f"still.{suffix}"
    source.write_bytes(maker(640, 480))
    token = uuid.uuid4().hex
    openai_app.get_by_label("Prompt").fill(f"The still comes alive {token}")
    openai_app.locator("#image-first_frame-file").set_input_files(str(source))
    expect(openai_app.locator("#image-first_frame-dims")).to_contain_text("640×480 → resized to 1280×720")
    pick(openai_app, "size", "720x1280")
    expect(openai_app.locator("#image-first_frame-dims")).to_contain_text("resized to 720×1280")
    render(openai_app)
    expect(openai_app.get_by_role("status").filter(has_text="Render started")).to_be_visible()
    [request] = created(app_server, token)
    image = request["image"]
    assert (image["width"], image["height"], image["mime"]) == (720, 1280, mime)
    assert request["fields"]["input_reference"]["filename"].endswith(f"-720x1280.{suffix}")


def test_fit_with_bars_and_remove(openai_app: Page, tmp_path: Path) -> None:
    source = tmp_path / "wide.png"
    source.write_bytes(png_file(300, 100))
    openai_app.locator("#image-first_frame-file").set_input_files(str(source))
    expect(openai_app.get_by_role("img", name=re.compile("First frame: wide.png"))).to_be_visible()
    openai_app.get_by_label("Fit with bars").check()
    expect(openai_app.locator("#image-first_frame-dims")).to_contain_text("fitted with bars")
    openai_app.get_by_role("button", name="Remove first frame").click()
    expect(openai_app.locator("#image-first_frame-drop")).to_be_visible()


def test_unsupported_file_gets_a_clear_message(openai_app: Page, tmp_path: Path) -> None:
    gif = tmp_path / "anim.gif"
    gif.write_bytes(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;")
    openai_app.locator("#image-first_frame-file").set_input_files(str(gif))
    expect(openai_app.locator("#image-first_frame-error")).to_have_text(
        "GIF images can't be used; use JPEG, PNG or WebP."
    )


@pytest.mark.parametrize(
    ("model", "size", "seconds", "text"),
    [
        ("sora-2", "1280x720", "4", "Estimated: $0.40 (10¢/sec)"),
        ("sora-2", "720x1280", "20", "Estimated: $2.00 (10¢/sec)"),
        ("sora-2-pro", "1280x720", "12", "Estimated: $3.60 (30¢/sec)"),
        ("sora-2-pro", "1024x1792", "8", "Estimated: $4.00 (50¢/sec)"),
        ("sora-2-pro", "1920x1080", "16", "Estimated: price unknown"),
    ],
)
def test_estimate_follows_every_choice(openai_app: Page, model: str, size: str, seconds: str, text: str) -> None:
    pick(openai_app, "model", model)
    pick(openai_app, "size", size)
    pick(openai_app, "seconds", seconds)
    expect(openai_app.locator("#estimate")).to_have_text(text)
    openai_app.locator("#estimate").focus()
    expect(openai_app.get_by_role("tooltip")).to_contain_text("Excludes retries")


def test_switching_model_never_leaves_an_invalid_size(openai_app: Page) -> None:
    expect(openai_app.locator("#size-1792x1024")).to_have_count(0)
    pick(openai_app, "model", "sora-2-pro")
    pick(openai_app, "size", "1792x1024")
    pick(openai_app, "model", "sora-2")
    expect(openai_app.locator("#model-sora-2")).to_be_checked()
    expect(openai_app.locator("#size-1280x720")).to_be_checked()
    expect(openai_app.locator("#size-1792x1024")).to_have_count(0)


def test_invalid_inputs_show_their_messages_and_nothing_is_sent(openai_app: Page, app_server: str) -> None:
    render(openai_app, first=False)  # checked first: no safety note for a render that cannot go
    expect(openai_app.locator("#prompt-error")).to_contain_text("the prompt is empty")
    expect(openai_app.get_by_role("dialog", name="Before you render")).to_have_count(0)
    expect(openai_app.get_by_label("Prompt")).to_have_attribute("aria-invalid", "true")
    openai_app.get_by_label("Prompt").fill("x" * 32_001)
    expect(openai_app.locator("#prompt-counter")).to_contain_text("32,001 / 32,000 characters — over the limit")
    openai_app.get_by_role("button", name="Render", exact=True).click()
    expect(openai_app.locator("#prompt-error")).to_contain_text("1 characters over the limit")
    assert created(app_server, "x" * 100) == []


def test_an_api_400_is_shown_at_its_field_and_the_draft_is_kept(openai_app: Page, app_server: str) -> None:
    token = uuid.uuid4().hex
    openai_app.get_by_label("Prompt").fill(f"Custom model {token}")
    openai_app.locator("details.options summary").click()
    openai_app.get_by_label("Custom model id").fill("gateway-video-x")
    openai_app.get_by_role("button", name="Use model").click()
    expect(openai_app.locator("#current-model")).to_have_text("Sending model: gateway-video-x")
    expect(openai_app.locator("#estimate")).to_have_text("Estimated: price unknown")
    render(openai_app)
    expect(openai_app.locator("#model-error")).to_contain_text("gateway-video-x")
    expect(openai_app.get_by_label("Prompt")).to_have_value(f"Custom model {token}")
    assert len(created(app_server, token)) == 1
    expect(openai_app.locator('.nav a[data-route="queue"] .count')).to_have_count(0)  # nothing queued


def test_draft_survives_reload(openai_app: Page, tmp_path: Path) -> None:
    source = tmp_path / "keep.png"
    source.write_bytes(png_file(320, 240))
    openai_app.get_by_label("Prompt").fill("Keep me across reloads")
    pick(openai_app, "model", "sora-2-pro")
    pick(openai_app, "size", "1024x1792")
    pick(openai_app, "seconds", "16")
    openai_app.locator("#image-first_frame-file").set_input_files(str(source))
    expect(openai_app.locator("#image-first_frame-dims")).to_contain_text("resized to 1024×1792")
    openai_app.wait_for_timeout(600)  # the prompt is saved after a short pause in typing
    openai_app.reload()
    openai_app.wait_for_selector("#app[data-hydrated='true']", state="attached", timeout=BOOT_TIMEOUT_MS)
    expect(openai_app.get_by_label("Prompt")).to_have_value("Keep me across reloads")
    expect(openai_app.locator("#size-1024x1792")).to_be_checked()
    expect(openai_app.locator("#seconds-16")).to_be_checked()
    expect(openai_app.locator("#image-first_frame-dims")).to_contain_text("320×240 → resized to 1024×1792")


def test_draft_typed_just_before_leaving_is_kept(openai_app: Page) -> None:
    openai_app.get_by_label("Prompt").fill("Typed and gone at once")
    openai_app.get_by_role("link", name="Queue", exact=True).click()  # before the pause that saves it
    openai_app.get_by_role("link", name="New Render", exact=True).click()
    expect(openai_app.get_by_label("Prompt")).to_have_value("Typed and gone at once")
    openai_app.reload()
    openai_app.wait_for_selector("#app[data-hydrated='true']", state="attached", timeout=BOOT_TIMEOUT_MS)
    expect(openai_app.get_by_label("Prompt")).to_have_value("Typed and gone at once")


def test_render_cannot_double_submit(openai_app: Page, app_server: str) -> None:
    token = uuid.uuid4().hex
    openai_app.get_by_label("Prompt").fill(f"Slow answer [sim:slow=1500] {token}")
    render(openai_app)
    button = openai_app.locator("#render")
    expect(button).to_be_disabled()
    expect(button).to_have_text("Submitting…")
    button.click(force=True)
    expect(openai_app.get_by_role("status").filter(has_text="Render started")).to_be_visible()
    assert len(created(app_server, token)) == 1


def test_a_real_endpoint_needs_a_key_first(app: Page, app_server: str) -> None:
    use_endpoint(app, app_server + "sim/v1", provider="openai-videos")
    choose_provider(app, "openai-videos")
    expect(app.locator("#render-note")).to_contain_text("Add your OpenAI-compatible key in Settings first")
    app.get_by_label("Prompt").fill("no key yet")
    render(app)
    expect(app.get_by_role("status").filter(has_text="No key is saved for OpenAI-compatible")).to_be_visible()
