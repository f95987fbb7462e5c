"""The catalogue mechanism and its tables: lookups, plurals, placeholders, formats by locale,
and that every locale has every English message with the same placeholders and forms."""

from __future__ import annotations

import ast
import datetime
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from app.core.i18n import (
    LOCALE_NAMES,
    fmt_bytes,
    fmt_date,
    fmt_datetime,
    fmt_money,
    fmt_number,
    fmt_unit_price,
    resolve_locale,
    set_locale,
    tr,
)
from app.core.i18n.catalogue import catalogue, merge, placeholders
from app.core.i18n.plural import CATEGORIES

PY = Path(__file__).resolve().parents[2] / "py"


@pytest.fixture
def german() -> Iterator[None]:
    set_locale("de")
    yield
    set_locale("en")


def test_english_is_the_default_and_placeholders_fill() -> None:
    assert tr("shell.nav.queue") == "Queue"
    assert tr("queue.no_cancel", provider="Gemini").startswith("Gemini cannot cancel")


@pytest.mark.usefixtures("german")
def test_german_switches_every_lookup_and_writes_numbers_its_way() -> None:
    assert tr("shell.nav.queue") == "Warteschlange"
    assert tr("library.count_of", count=1, total=1200) == "1 Video von 1.200"
    assert tr("library.count", count=3) == "3 Videos"


def test_plural_forms_follow_the_count() -> None:
    assert tr("library.count", count=1) == "1 video"
    assert tr("library.count", count=0) == "0 videos"
    assert tr("library.count", count=2000) == "2,000 videos"
    with pytest.raises(TypeError):
        tr("library.count")


def test_unknown_ids_and_missing_arguments_raise() -> None:
    with pytest.raises(KeyError):
        tr("no.such.message")
    with pytest.raises(KeyError):
        tr("queue.no_cancel")


def test_an_id_defined_twice_is_refused() -> None:
    with pytest.raises(ValueError, match="twice"):
        merge({"a": "x"}, {"a": "y"})


def test_the_language_comes_from_the_choice_then_the_browser() -> None:
    assert resolve_locale("de", ("en-US",)) == "de"
    assert resolve_locale("", ("fr-FR", "de-AT")) == "de"
    assert resolve_locale("", ("fr-FR",)) == "en"
    assert resolve_locale("xx", ()) == "en"


def test_numbers_money_and_sizes_by_locale() -> None:
    assert fmt_number(1234.5, locale="en") == "1,234.5"
    assert fmt_number(1234.5, locale="de") == "1.234,5"
    assert fmt_money(Decimal("4"), locale="en") == "$4.00"
    assert fmt_money(Decimal("4"), locale="de") == "4,00\u00a0$"
    assert fmt_money(Decimal("1234.505"), locale="de") == "1.234,51\u00a0$"
    assert fmt_money(Decimal("-2.5"), locale="en") == "-$2.50"
    assert fmt_unit_price(Decimal("0.125"), locale="en") == "12.5¢"
    assert fmt_unit_price(Decimal("0.4"), locale="de") == "40\u00a0¢"
    assert fmt_unit_price(Decimal("1.5"), locale="en") == "$1.50"
    assert fmt_bytes(999, locale="en") == "999 bytes"
    assert fmt_bytes(1, locale="de") == "1 Byte"
    assert fmt_bytes(1_500_000, locale="de") == "1,5 MB"
    assert fmt_bytes(2_000_000_000_000_000, locale="en") == "2,000.0 TB"


def test_dates_by_locale() -> None:
    day = datetime.date(2026, 3, 2)
    assert fmt_date(day, locale="en") == "Mar 2, 2026"
    assert fmt_date(day, locale="de") == "2. März 2026"
    moment = datetime.datetime(2026, 12, 24, 9, 5, 7)
    assert fmt_datetime(moment, locale="de") == "24. Dez. 2026, 09:05:07"


@pytest.mark.parametrize("locale", sorted(set(LOCALE_NAMES) - {"en"}))
def test_every_locale_has_every_message_with_the_same_placeholders(locale: str) -> None:
    english, other = catalogue("en"), catalogue(locale)
    assert set(other) == set(english)
    for msg_id, message in english.items():
        assert placeholders(other[msg_id]) == placeholders(message), msg_id
        assert isinstance(other[msg_id], str) == isinstance(message, str), msg_id


@pytest.mark.parametrize("locale", sorted(LOCALE_NAMES))
def test_plural_messages_are_complete_and_nothing_is_empty(locale: str) -> None:
    for msg_id, message in catalogue(locale).items():
        if isinstance(message, str):
            assert message.strip(), msg_id
        else:
            assert set(message) == CATEGORIES[locale], msg_id
            assert all(text.strip() for text in message.values()), msg_id


@pytest.mark.parametrize("locale", sorted(LOCALE_NAMES))
def test_a_counted_word_is_a_plural_message_not_a_bracketed_ending(locale: str) -> None:
    # "3 video(s)", "Problem(e)": a count gets its plural forms, as the catalogue allows
    bracketed = [
        msg_id
        for msg_id, message in catalogue(locale).items()
        for text in ([message] if isinstance(message, str) else message.values())
        if "{count}" in text and any(ending in text for ending in ("(s)", "(e)", "(en)", "(n)"))
    ]
    assert bracketed == []


def test_one_video_and_three_videos() -> None:
    assert tr("spend.summary", total="$1.00", count=1) == "$1.00 on 1 video"
    assert tr("spend.summary", total="$4.20", count=3) == "$4.20 on 3 videos"


def _literal_ids() -> Iterator[tuple[str, str]]:
    for path in sorted((PY / "app").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr" and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    yield str(path.relative_to(PY)), first.value


def test_every_id_the_code_names_exists() -> None:
    ids = list(_literal_ids())
    assert len(ids) > 50
    missing = [f"{where}: {msg_id}" for where, msg_id in ids if msg_id not in catalogue("en")]
    assert not missing, missing
