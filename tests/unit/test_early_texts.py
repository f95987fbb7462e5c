"""The page before Python speaks the user's language: Python writes the texts with the
snapshot, index.html names them (English there, for a first visit), early.js and boot.js
fill in the rest by id."""

from __future__ import annotations

import datetime
import json
import re
from html.parser import HTMLParser
from pathlib import Path

from app.core.compose import Draft
from app.core.early import EARLY_TEXT_IDS, snapshot
from app.core.i18n import set_locale, tr
from app.core.providers import registry
from tools import early_defaults

ROOT = Path(__file__).resolve().parents[2]
TODAY = datetime.date(2026, 12, 2)
ATTRIBUTES = ("placeholder", "aria-label", "title")


class _Named(HTMLParser):
    """Each element with a data-t* attribute: (id, what index.html says there)."""

    def __init__(self) -> None:
        super().__init__()
        self.named: list[tuple[str, str]] = []
        self._open: list[str] = []  # ids whose element text is being read
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        given = dict(attrs)
        for attr in ATTRIBUTES:
            msg_id = given.get(f"data-t-{attr}")
            if msg_id:
                self.named.append((msg_id, given.get(attr) or ""))
        if given.get("data-t"):
            self._open.append(str(given["data-t"]))
            self._text = []

    def handle_data(self, data: str) -> None:
        if self._open:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._open:
            self.named.append((self._open.pop(), "".join(self._text)))


def _named() -> list[tuple[str, str]]:
    parser = _Named()
    parser.feed((ROOT / "index.html").read_text())
    return parser.named


def test_every_text_index_html_names_is_sent_and_says_there_what_english_says() -> None:
    named = _named()
    assert len(named) >= 25
    for msg_id, shown in named:
        assert msg_id in EARLY_TEXT_IDS, msg_id
        assert " ".join(shown.split()) == tr(msg_id), msg_id  # English stays the first visit's text


def test_every_text_sent_is_used_by_the_page_or_its_scripts() -> None:
    used = {msg_id for msg_id, _ in _named()}
    for script in ("early.js", "boot.js"):
        used |= set(re.findall(r'"((?:early|compose|welcome|shell)\.[\w.]+)"', (ROOT / "static" / script).read_text()))
    assert set(EARLY_TEXT_IDS) == used


def test_a_first_visit_carries_every_other_language_for_the_browser_to_pick() -> None:
    defaults = json.loads(early_defaults.embedded((ROOT / "index.html").read_text()))
    assert defaults["lang"] == "en" and set(defaults["texts"]) == set(EARLY_TEXT_IDS)
    assert set(defaults["translations"]) == {"de"}
    assert defaults["translations"]["de"]["shell.nav.queue"] == "Warteschlange"


def test_a_german_snapshot_carries_german_texts_and_its_language() -> None:
    set_locale("de")
    try:
        data = snapshot(registry.directory(), {}, None, Draft(), TODAY)
    finally:
        set_locale("en")
    texts = data["texts"]
    assert isinstance(texts, dict)
    assert data["lang"] == "de"
    assert texts["shell.nav.new"] == "Neues Video" and texts["compose.render"] == "Rendern"
    assert texts["compose.counter"] == "{count} Zeichen"  # placeholders are left for early.js
    assert set(texts) == set(EARLY_TEXT_IDS)
