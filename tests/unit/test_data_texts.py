"""The built-in providers' data texts read in German, and the table stays in step with them."""

from __future__ import annotations

from collections.abc import Iterator

from app.core.capabilities import ProviderCapabilities
from app.core.i18n.data import data_text
from app.core.i18n.de.data_texts import DATA
from app.core.providers import registry


def shown_data(provider: ProviderCapabilities) -> Iterator[str]:
    """Every text of a provider's built-in data that a view shows."""
    yield provider.notice
    for model in provider.models:
        yield model.description
        yield model.images.note
        yield from (rule.message for rule in model.constraints)
        yield model.prices.note
        yield model.prices.source


def built_in_texts() -> set[str]:
    return {text for provider in registry.directory().providers for text in shown_data(provider) if text}


def test_every_built_in_data_text_has_its_german_wording() -> None:
    missing = sorted(built_in_texts() - DATA.keys())
    assert not missing, "add these to core/i18n/de/data_texts.py:\n" + "\n".join(missing)


def test_the_table_holds_no_wording_the_providers_no_longer_use() -> None:
    stale = sorted(DATA.keys() - built_in_texts())
    assert not stale, stale


def test_data_text_translates_what_it_knows_and_passes_the_rest_through() -> None:
    notice = "Fast, good for drafts and social clips."
    assert data_text(notice, locale="de") == "Schnell, gut für Entwürfe und Social-Media-Clips."
    assert data_text(notice, locale="en") == notice and data_text(notice) == notice  # English is the default
    live = "A description from OpenRouter's live list."
    assert data_text(live, locale="de") == live
    assert all(german and german != english for english, german in DATA.items())
