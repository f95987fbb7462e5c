"""The whole app by keyboard only, in demo mode: Tab, Shift+Tab, Enter, Space, Escape, arrows
and typing, never a click. After every key the focused element must show a focus ring
(``:focus-visible`` with an outline or a box-shadow, on itself or, for a visually hidden
control, on the box drawn for it) and be the control a user expects next.

One page session walks the views in order: the welcome card into demo mode, New Render
(prompt, provider, model, size, duration, an image, the safety note), Queue (the card's
actions), Library (the drawer, its menu, tags, Rename) and Settings (each section's first
control). Dialogs close with Escape and give focus back to the control that opened them.

A few focus losses are collected in ``known`` instead of failing at once, so the walk goes
on past them and the test fails at the end naming every one.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from playwright.sync_api import Locator, Page, expect

from tests.browser.helpers import job_card
from tests.browser.images import png_file

PROMPT = "A paper boat drawn by keyboard"
DONE_MS = 45_000
BODY = "<body>"  # where focus is between the page's last control and its first (the browser's own UI)

# What is focused, and whether a user can see it. A control hidden for looks (a radio under its
# tile, a file input behind its drop zone) draws its ring on a box near it: an ancestor, or an
# ancestor's child, with an outline. A video's controls and a date field's calendar button are
# the browser's own (focus inside their shadow tree, ringed by the browser): the host is named.
FOCUS_JS = """([target]) => {
    const e = document.activeElement;
    const isTarget = target !== null && e === target;
    if (!e || e === document.body) return {name: '<body>', body: true, ok: false, isTarget};
    const label = (e.getAttribute('aria-label') || e.textContent || e.value || '').trim().replace(/\\s+/g, ' ');
    const name = `${e.localName}${e.id ? '#' + e.id : ''} "${label.slice(0, 40)}"`;
    const shown = (n) => {
        const r = n.getBoundingClientRect(), s = getComputedStyle(n);
        return r.width > 2 && r.height > 2 && s.visibility !== 'hidden' && s.opacity !== '0'
            && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
    };
    const outlined = (n) => {
        const s = getComputedStyle(n);
        return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    };
    const ringed = (n) => shown(n) && (outlined(n) || getComputedStyle(n).boxShadow !== 'none');
    if (!e.matches(':focus-visible')) {
        const inner = e.localName === 'video' || (e.localName === 'input' && e.type === 'date');
        return {name, body: false, ok: inner, isTarget, why: 'not :focus-visible'};
    }
    if (shown(e)) return {name, body: false, ok: ringed(e), isTarget, why: 'no outline or box-shadow'};
    const near = [];
    for (let n = e.parentElement, up = 0; n && up < 3; n = n.parentElement, up++) near.push(n, ...n.children);
    const ok = near.some((n) => n !== e && shown(n) && outlined(n));
    return {name, body: false, ok, isTarget, why: 'hidden, and no box near it shows a ring'};
}"""


def focus_state(page: Page, target: Any = None) -> dict[str, Any]:
    state: dict[str, Any] = page.evaluate(FOCUS_JS, [target])
    return state


def press(page: Page, key: str) -> str:
    """Press ``key`` and check the focus that follows is visible; returns what is focused."""
    page.keyboard.press(key)
    return visible_focus(page)


def visible_focus(page: Page) -> str:
    state = focus_state(page)
    assert state["ok"], f"focus is not visible on {state['name']}: {state.get('why', 'focus is on <body>')}"
    return str(state["name"])


def expect_focus(page: Page, locator: Locator) -> None:
    """``locator`` is focused (waiting for the app to move focus there) and its ring shows."""
    try:
        expect(locator).to_be_focused()
    except AssertionError as error:
        raise AssertionError(f"{locator} is not focused: {focus_state(page)['name']} is") from error
    visible_focus(page)


def tab_to(page: Page, locator: Locator, max_presses: int = 60, *, back: bool = False) -> None:
    """Press Tab (Shift+Tab with ``back``) until ``locator`` is focused, every stop visibly.

    Passing the page's end (focus on <body>, where a browser goes to its own UI) is allowed
    once in a row; a stop without a visible ring fails at once, and never arriving fails
    with the list of places focus visited."""
    target = locator.element_handle(timeout=10_000)
    visited: list[str] = []
    for _ in range(max_presses):
        page.keyboard.press("Shift+Tab" if back else "Tab")
        state = focus_state(page, target)
        visited.append(state["name"])
        if state["isTarget"]:
            assert state["ok"], f"focus reached {state['name']} but is not visible: {state['why']}"
            return
        if state["body"]:
            assert visited[-2:] != [BODY, BODY], f"focus is stuck on <body> after {visited}"
            continue
        assert state["ok"], f"focus is not visible on {state['name']} ({state['why']}); visited {visited}"
    raise AssertionError(f"{max_presses} presses never reached {locator}; visited {visited}")


def go_by_keyboard(page: Page, name: str) -> None:
    """The top bar's link to ``name``, by Tab and Enter; focus lands on the view's heading."""
    tab_to(page, page.get_by_role("navigation").get_by_role("link", name=name, exact=True))
    page.keyboard.press("Enter")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text(name)
    expect_focus(page, heading)


def pick_next(page: Page, group: str, first: str, chosen: str, basis: str, known: list[str]) -> None:
    """Tab to the radio group ``group`` (its checked ``first`` is the stop), arrow to ``chosen``;
    the estimate's basis shows ``basis`` once the app has taken the choice."""
    tab_to(page, page.locator(f"#{group}-{first}"))
    page.keyboard.press("ArrowRight")
    radio = page.locator(f"#{group}-{chosen}")
    expect(radio).to_be_checked()
    expect(page.locator("#estimate-basis")).to_contain_text(basis)
    state = focus_state(page, radio.element_handle())
    if not state["isTarget"]:
        known.append(f"choosing {group} {chosen} by arrow key drops focus to {state['name']}")
        tab_to(page, radio)
    expect_focus(page, radio)


def welcome_into_demo(page: Page) -> None:
    welcome = page.locator("#welcome")
    tab_to(page, welcome.get_by_role("button", name="Try demo mode"))
    page.keyboard.press("Enter")
    expect(page.locator("#endpoint-badge")).to_be_visible()
    expect(welcome).to_be_hidden()
    expect_focus(page, page.get_by_label("Prompt"))  # the next step, not <body> under a hidden card


def compose(page: Page, tmp_path: Path, known: list[str]) -> None:
    page.keyboard.type(PROMPT)
    expect(page.get_by_label("Prompt")).to_have_value(PROMPT)
    provider = page.locator("#provider")
    tab_to(page, provider)
    for _ in range(5):  # a closed select steps through its options with the arrows
        if provider.input_value() == "openai-videos":
            break
        press(page, "ArrowDown")
    expect(provider).to_have_value("openai-videos")
    expect(page.locator("#model-sora-2")).to_be_checked()
    expect_focus(page, provider)
    pick_next(page, "model", "sora-2", "sora-2-pro", "30¢/s", known)
    pick_next(page, "size", "1280x720", "720x1280", "720x1280", known)
    pick_next(page, "seconds", "4", "8", "× 8 s", known)
    expect(page.locator("#estimate")).to_contain_text("$")
    attach_image(page, tmp_path, known)
    render_through_the_safety_note(page, known)


def attach_image(page: Page, tmp_path: Path, known: list[str]) -> None:
    """The first frame's file input (a chooser is outside the page: the file is set on it)."""
    file_input = page.locator("#image-first_frame-file")
    tab_to(page, file_input, back=True)
    expect(page.locator("label[for='image-first_frame-file']")).to_be_visible()
    image = tmp_path / "still.png"
    image.write_bytes(png_file(64, 36))
    file_input.set_input_files(str(image))
    expect(page.locator("#image-first_frame-dims")).to_contain_text("resized to 720×1280")
    slot = page.locator(".image-slot[data-slot='first_frame']")
    remove = slot.get_by_role("button", name="Remove first frame")
    expect(remove).to_be_visible()
    state = focus_state(page)
    on_input = page.evaluate("() => document.activeElement.id") == "image-first_frame-file"  # hidden now
    if on_input or not state["ok"] or not slot.evaluate("(s) => s.contains(document.activeElement)"):
        known.append(f"after attaching an image focus is not in its slot's preview but on {state['name']}")
        tab_to(page, remove, back=True)
    press(page, "Shift+Tab")
    expect_focus(page, page.locator("#fit-cover"))  # the fit choice: its checked radio is the stop


def render_through_the_safety_note(page: Page, known: list[str]) -> None:
    render = page.get_by_role("button", name="Render", exact=True)
    tab_to(page, render)
    page.keyboard.press("Enter")
    note = page.get_by_role("dialog", name="Before you render")
    expect(note).to_be_visible()
    visible_focus(page)
    assert note.evaluate("(d) => d.contains(document.activeElement)"), "focus did not move into the dialog"
    page.keyboard.press("Escape")
    expect(note).to_have_count(0)
    expect_focus(page, render)  # back on the control that opened it
    page.keyboard.press("Enter")
    expect(note).to_be_visible()
    tab_to(page, note.get_by_role("button", name="I understand, render"), max_presses=4)
    page.keyboard.press("Enter")
    expect(note).to_have_count(0)
    expect(page.get_by_role("status").filter(has_text="Render started")).to_be_visible()
    state = focus_state(page, render.element_handle())
    if not state["isTarget"]:  # back on Render, through the moment it is busy sending
        known.append(f"after the safety note's accept, focus is on {state['name']}, not on Render")
        tab_to(page, render)
    expect_focus(page, render)


def queue(page: Page) -> None:
    go_by_keyboard(page, "Queue")
    card = job_card(page, PROMPT)
    expect(card.locator(".tag")).to_have_text("Ready", timeout=DONE_MS)
    actions = card.locator(".job-actions").get_by_role("button").or_(card.locator(".job-actions a"))
    expect(actions.first).to_be_visible()
    names = actions.all()
    tab_to(page, names[0])
    for action in names[1:]:
        press(page, "Tab")
        expect_focus(page, action)
    play = card.get_by_role("button", name="Play")
    tab_to(page, play, max_presses=len(names), back=True)
    page.keyboard.press("Space")
    expect_focus(page, card.locator("video"))  # the player that took the poster's place


def library(page: Page) -> None:
    go_by_keyboard(page, "Library")
    tile = page.locator(".tile").filter(has_text=PROMPT)
    tab_to(page, tile)
    page.keyboard.press("Enter")
    drawer = page.get_by_role("dialog", name=PROMPT)
    expect(drawer).to_be_visible()
    visible_focus(page)
    menu_button = drawer.get_by_role("button", name="Other ways to save")
    tab_to(page, menu_button)
    page.keyboard.press("Enter")
    menu = drawer.get_by_role("menu", name="Other ways to save")
    expect_focus(page, menu.get_by_role("menuitem", name="Save as…"))
    press(page, "ArrowDown")
    expect_focus(page, menu.get_by_role("menuitem", name="Copy file"))
    page.keyboard.press("Escape")  # the menu closes, the drawer stays
    expect(menu).to_be_hidden()
    expect_focus(page, menu_button)
    tags = drawer.locator("#drawer-tags")
    tab_to(page, tags)
    page.keyboard.type("boats, keyboard")
    tab_to(page, drawer.get_by_role("button", name="Save changes"), max_presses=3)
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").filter(has_text="Saved.")).to_be_visible()
    visible_focus(page)
    page.keyboard.press("Escape")
    expect(drawer).to_have_count(0)
    expect(page).not_to_have_url(re.compile("item="))  # closed all the way (the view then focuses the tile)
    expect_focus(page, tile)  # back on the tile that opened it
    rename_by_keyboard(page, tile)


def rename_by_keyboard(page: Page, tile: Locator) -> None:
    rename = tile.get_by_role("button", name="Rename")
    tab_to(page, rename, max_presses=6)  # the focused tile's own actions follow it
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Rename video")
    title = dialog.get_by_label("Title")
    expect_focus(page, title)
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    expect_focus(page, rename)
    page.keyboard.press("Enter")
    expect_focus(page, title)
    page.keyboard.type("Keyboard boat")  # the old title is selected: typing replaces it
    page.keyboard.press("Enter")
    expect(dialog).to_have_count(0)
    renamed = page.locator(".tile").filter(has_text="Keyboard boat")
    expect(renamed).to_be_visible()
    expect_focus(page, renamed.get_by_role("button", name="Rename"))


# Each Settings section's first control a user can reach (shown, enabled, in the tab order).
FIRST_CONTROLS_JS = """() => {
  const sections = document.querySelectorAll('.settings section[id]:not(#providers section)');
  return [...sections].map((section) => {
    const controls = section.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]');
    const first = [...controls].find((c) => c.tabIndex >= 0 && !c.disabled && c.getClientRects().length);
    if (first) first.dataset.walkFirst = section.id;
    return first ? section.id : null;
  }).filter(Boolean);
}"""


def settings(page: Page) -> None:
    go_by_keyboard(page, "Settings")
    sections: list[str] = page.evaluate(FIRST_CONTROLS_JS)
    assert len(sections) >= 6, sections  # providers, demo, rendering, look, backup, storage at least
    for section in sections:
        tab_to(page, page.locator(f"[data-walk-first='{section}']"))


def test_the_whole_app_by_keyboard(app: Page, tmp_path: Path) -> None:
    known: list[str] = []
    welcome_into_demo(app)
    compose(app, tmp_path, known)
    queue(app)
    library(app)
    settings(app)
    assert not known, "; ".join(known)
