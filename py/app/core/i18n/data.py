"""Texts that arrive as data — the built-in providers' notes, model descriptions, image notes,
rules and price sources — translated by their exact English wording.

Capability data is built once at import, in English, and is the same in every locale; a
view shows it through :func:`data_text`. A wording the table does not know (a live
catalogue's description, the provider's own words) is shown as it came.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.core.i18n import catalogue


def _tables() -> Mapping[str, Mapping[str, str]]:
    from app.core.i18n.de.data_texts import DATA  # loads on first use, not at import

    return {"de": DATA}


def data_text(text: str, *, locale: str | None = None) -> str:
    """``text`` in the active (or given) locale when the table has it, else as it is."""
    table = _tables().get(locale or catalogue.active_locale())
    return table.get(text, text) if table else text
