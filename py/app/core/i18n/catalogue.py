"""The message catalogue: every user-visible string, looked up by id in the active locale.

Messages are data (one table per area and locale, under ``en/`` and ``de/``); a message is
a plain string with ``{name}`` placeholders, or a plural message: one string per plural
category of the locale, picked by the ``count`` argument. English is the default and the
fallback: a message missing in another locale shows in English, an id missing in English
is a programming error and raises.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Mapping
from decimal import Decimal

from app.core.i18n.plural import plural_category

Message = str | Mapping[str, str]  # text, or plural forms by category ("one", "other")
Catalogue = Mapping[str, Message]

DEFAULT_LOCALE = "en"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_active = DEFAULT_LOCALE


# The areas every locale has, one module each (``en/<area>.py``, ``de/<area>.py``).
AREAS = (
    "shell",
    "views",
    "settings",
    "dialogs",
    "library",
    "batch",
    "compose",
    "errors",
    "jobs",
    "checks",
    "services",
    "bundle_checks",
    "early",
    "platform",
)


def locale_tables(locale: str) -> dict[str, Message]:
    """The catalogue of ``locale``: its area tables merged (each package's ``MESSAGES``)."""
    return merge(*(importlib.import_module(f"app.core.i18n.{locale}.{area}").MESSAGES for area in AREAS))


def merge(*tables: Catalogue) -> dict[str, Message]:
    """One locale's catalogue from its area tables; an id defined twice is a mistake."""
    merged: dict[str, Message] = {}
    for table in tables:
        clash = merged.keys() & table.keys()
        if clash:
            raise ValueError(f"message ids defined twice: {sorted(clash)}")
        merged.update(table)
    return merged


def _catalogues() -> Mapping[str, Catalogue]:
    from app.core.i18n import de, en  # the tables load on first use, not at import

    return {"en": en.MESSAGES, "de": de.MESSAGES}


LOCALE_NAMES = {"en": "English", "de": "Deutsch"}  # each in its own language, as pickers show them
LOCALE_TAGS = {"en": "en-US", "de": "de-DE"}  # BCP 47, for <html lang> and Intl


def catalogue(locale: str) -> Catalogue:
    return _catalogues()[locale]


def set_locale(locale: str) -> None:
    """Make ``locale`` the active one (unknown codes fall back to English)."""
    global _active
    _active = locale if locale in LOCALE_NAMES else DEFAULT_LOCALE


def active_locale() -> str:
    return _active


def resolve_locale(chosen: str, browser_languages: tuple[str, ...] = ()) -> str:
    """The user's choice; else the first browser language the app speaks; else English."""
    if chosen in LOCALE_NAMES:
        return chosen
    for language in browser_languages:
        base = language.split("-")[0].lower()
        if base in LOCALE_NAMES:
            return base
    return DEFAULT_LOCALE


def _lookup(msg_id: str, locale: str) -> Message:
    found = catalogue(locale).get(msg_id)
    if found is None:
        found = catalogue(DEFAULT_LOCALE).get(msg_id)
    if found is None:
        raise KeyError(f"no message {msg_id!r} in the catalogue")
    return found


def _shown(value: object, locale: str) -> str:
    from app.core.i18n.formats import fmt_number

    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return str(value)
    return fmt_number(value, locale=locale)


def tr(msg_id: str, /, **args: object) -> str:
    """The message ``msg_id`` in the active locale with its ``{placeholders}`` filled.

    Numbers are written the locale's way; a plural message needs ``count``. A placeholder
    without an argument raises, so a wrong call fails in tests rather than showing braces.
    """
    return translate(_active, msg_id, args)


def template(msg_id: str, locale: str | None = None) -> str:
    """A message of the active locale (or ``locale``) with its ``{placeholders}`` left in, for
    code that fills them before Python runs (the early page); plural messages have no single
    template."""
    message = _lookup(msg_id, locale or _active)
    if not isinstance(message, str):
        raise TypeError(f"message {msg_id!r} is plural: it has no single template")
    return message


def translate(locale: str, msg_id: str, args: Mapping[str, object]) -> str:
    """:func:`tr` in a given locale."""
    message = _lookup(msg_id, locale)
    if not isinstance(message, str):
        count = args.get("count")
        if not isinstance(count, int | float | Decimal) or isinstance(count, bool):
            raise TypeError(f"message {msg_id!r} is plural and needs a numeric count")
        message = message.get(plural_category(locale, count)) or message["other"]
    return fill(message, args, locale)


def fill(template: str, args: Mapping[str, object], locale: str) -> str:
    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in args:
            raise KeyError(f"placeholder {{{name}}} has no argument in {template!r}")
        return _shown(args[name], locale)

    return _PLACEHOLDER.sub(one, template)


def placeholders(message: Message) -> frozenset[str]:
    """The placeholder names a message uses (across its plural forms)."""
    texts = [message] if isinstance(message, str) else list(message.values())
    return frozenset(name for text in texts for name in _PLACEHOLDER.findall(text))
