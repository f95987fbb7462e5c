"""The library's search, filter and sort controls: they show a query and report a new one."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from app.browser.dom import Node, Scope, active_element, h, replace_children
from app.core.i18n import tr
from app.core.library_query import ASPECTS, SORT_KEYS, LibraryQuery


def _select(select_id: str, label: str, options: list[tuple[str, str]]) -> tuple[Node, Node]:
    control = h("select", {"id": select_id}, [h("option", {"value": v}, text) for v, text in options])
    return control, _labelled(select_id, label, control)


def _labelled(control_id: str, label: str, control: Node) -> Node:
    return h("div", {"class_": "field compact"}, h("label", {"for_": control_id}, label), control)


def _refill(select: Node, every: str, options: tuple[tuple[str, str], ...]) -> None:
    """A filter's choices: "every" first, then ``(value, text)`` each."""
    replace_children(
        select, h("option", {"value": ""}, every), [h("option", {"value": v}, text) for v, text in options]
    )


def _date(value: Any) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


class LibraryToolbar:
    """Owns the controls; the view owns the query (it lives in the URL)."""

    def __init__(self, scope: Scope, *, utc_offset_s: int, on_change: Callable[[LibraryQuery], None]) -> None:
        self._utc_offset_s = utc_offset_s
        self._on_change = on_change
        self._models: tuple[str, ...] = ()
        self.search = h("input", {"type": "search", "id": "library-search", "placeholder": tr("toolbar.search.hint")})
        search_field = h(
            "div",
            {"class_": "field compact grow"},
            h("label", {"for_": "library-search"}, tr("toolbar.search")),
            self.search,
        )
        self.model, model_field = _select("library-model", tr("toolbar.model"), [("", tr("toolbar.all_models"))])
        self.provider, provider_field = _select(
            "library-provider", tr("toolbar.provider"), [("", tr("toolbar.all_providers"))]
        )
        self._providers: tuple[str, ...] = ()
        self.aspect, aspect_field = _select(
            "library-aspect", tr("toolbar.shape"), [(a, tr(f"toolbar.aspect.{a}")) for a in ASPECTS]
        )
        self.batch, self.batch_field = _select("library-batch", tr("batch.filter"), [("", tr("batch.filter.any"))])
        self._batches: tuple[str, ...] = ()
        self.batch_field.hidden = True
        self.date_from = h("input", {"type": "date", "id": "library-from"})
        self.date_to = h("input", {"type": "date", "id": "library-to"})
        self.sort, sort_field = _select(
            "library-sort", tr("toolbar.sort"), [(key, tr(f"toolbar.sort.{key}")) for key in SORT_KEYS]
        )
        for control, event in (
            (self.search, "input"),
            (self.model, "change"),
            (self.provider, "change"),
            (self.aspect, "change"),
            (self.date_from, "change"),
            (self.date_to, "change"),
            (self.sort, "change"),
            (self.batch, "change"),
        ):
            scope.on(control, event, self._changed)
        self.element: Node = h(
            "div",
            {"class_": "lib-toolbar card", "role": "search", "aria_label": tr("toolbar.find")},
            search_field,
            provider_field,
            model_field,
            aspect_field,
            h(
                "div",
                {"class_": "field compact"},
                h("label", {"for_": "library-from"}, tr("toolbar.from")),
                self.date_from,
            ),
            h("div", {"class_": "field compact"}, h("label", {"for_": "library-to"}, tr("toolbar.to")), self.date_to),
            self.batch_field,
            sort_field,
        )

    def show(self, query: LibraryQuery) -> None:
        """Put ``query`` into the controls (not the search box while the user types in it)."""
        if str(self.search.value) != query.text and active_element() is not self.search:
            self.search.value = query.text
        self.aspect.value = query.aspect
        self.sort.value = query.sort
        self.date_from.value = query.date_from.isoformat() if query.date_from else ""
        self.date_to.value = query.date_to.isoformat() if query.date_to else ""
        current = ",".join(sorted(query.models))
        self.model.value = current if current in self._models else ""
        chosen = ",".join(sorted(query.providers))
        self.provider.value = chosen if chosen in self._providers else ""
        self.batch.value = query.batch if query.batch in self._batches else ""

    def set_models(self, models: tuple[str, ...]) -> None:
        """The model filter's choices (rebuilt only when they change)."""
        if models != self._models:
            self._models = models
            _refill(self.model, tr("toolbar.all_models"), tuple((m, m) for m in models))

    def set_providers(self, providers: tuple[tuple[str, str], ...]) -> None:
        """The provider filter's choices, ``(id, name)`` (rebuilt only when they change)."""
        ids = tuple(pid for pid, _ in providers)
        if ids != self._providers:
            self._providers = ids
            _refill(self.provider, tr("toolbar.all_providers"), providers)

    def set_batches(self, batches: tuple[tuple[str, str], ...]) -> None:
        """The batch filter's choices, ``(id, name)``; shown only when the library holds a batch."""
        ids = tuple(batch_id for batch_id, _ in batches)
        self.batch_field.hidden = not ids
        if ids != self._batches:
            self._batches = ids
            _refill(self.batch, tr("batch.filter.any"), batches)

    def clear_search(self) -> None:
        self.search.value = ""

    def _changed(self, _event: Any) -> None:
        self._on_change(
            LibraryQuery(
                text=str(self.search.value),
                models=frozenset({str(self.model.value)} - {""}),
                providers=frozenset({str(self.provider.value)} - {""}),
                aspect=str(self.aspect.value),
                date_from=_date(self.date_from.value),
                date_to=_date(self.date_to.value),
                sort=str(self.sort.value),
                batch=str(self.batch.value),
                utc_offset_s=self._utc_offset_s,
            )
        )
