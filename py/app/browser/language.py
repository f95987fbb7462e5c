"""The browser's preferred languages and the document's ``lang`` (screen readers, hyphenation)."""

from __future__ import annotations

import js


def browser_languages() -> tuple[str, ...]:
    """``navigator.languages`` (most preferred first), or ``navigator.language`` alone."""
    navigator = js.navigator
    languages = getattr(navigator, "languages", None)
    if languages is not None and len(languages):
        return tuple(str(language) for language in languages)
    language = getattr(navigator, "language", None)
    return (str(language),) if language else ()


def set_document_lang(tag: str) -> None:
    js.document.documentElement.lang = tag
