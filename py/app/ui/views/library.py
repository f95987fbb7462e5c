"""Library: every stored video in a virtualized grid, with search, filters, multi-select,
bulk actions, a detail drawer and the spend ledger.

The query (search, filters, sort) and the open item live in the URL; the toolbar,
the grid, the posters and the bulk actions are parts of their own (``ui/library``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.browser.dom import Node, h, set_text
from app.browser.local_time import utc_offset_s
from app.browser.page_location import replace_url
from app.core import selection as sel
from app.core.batch_group import batch_names
from app.core.i18n import tr
from app.core.library_query import LibraryQuery, SearchIndex, facets, is_item, query_from_params, query_to_params, run
from app.core.routes import Location, Route, href
from app.core.state import AppState, Phase
from app.core.virtual_grid import move_focus
from app.ui.library import file_actions
from app.ui.library.bulk import BulkActions
from app.ui.library.drawer import Drawer
from app.ui.library.grid import VirtualGrid
from app.ui.library.posters import Posters
from app.ui.library.prompts import ask_text
from app.ui.library.spend import SpendPanel
from app.ui.library.tile import Tile
from app.ui.library.toolbar import LibraryToolbar
from app.ui.views.base import View, empty_state, view_header

if TYPE_CHECKING:
    from app.core.job_record import JobRecord

NAV_KEYS = ("ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown")


class LibraryView(View):
    def render(self) -> Node:
        s = self.scope
        self.index = SearchIndex()
        self.items: list[JobRecord] = []
        self.selection = sel.clear()
        self.drawer: Drawer | None = None
        self.library_items: list[JobRecord] = []
        self._jobs_seen: object = None
        self._leaving = False
        self.utc_offset_s = utc_offset_s()
        self.toolbar = LibraryToolbar(s, utc_offset_s=self.utc_offset_s, on_change=self._filters_changed)
        self.select_all = h("input", {"type": "checkbox", "id": "library-select-all"})
        s.on(self.select_all, "change", self._on_select_all)
        self.count = h("p", {"class_": "lib-count", "id": "library-count", "aria_live": "polite"})
        self.bulk = BulkActions(
            self.ctx, s, selected=self._selected_jobs, clear=lambda: self._set_selection(sel.clear())
        )
        status_row = h(
            "div",
            {"class_": "lib-status"},
            h(
                "div",
                {"class_": "check-row"},
                self.select_all,
                h("label", {"for_": "library-select-all"}, tr("library.select_all")),
            ),
            self.count,
            self.bulk.element,
        )
        self.grid = VirtualGrid(
            s, on_action=self._tile_action, on_key=self._key, poster=self._poster, release=self._release
        )
        self.posters = Posters(self.ctx, shown=lambda job_id: self.grid.tile_of(job_id) is not None)
        self.empty = empty_state(
            "library",
            tr("library.empty.title"),
            tr("library.empty.text"),
            h("a", {"class_": "btn primary", "href": href(Route.NEW)}, tr("library.empty.action")),
        )
        self.no_match = empty_state(
            "library",
            tr("library.no_match.title"),
            tr("library.no_match.text"),
            h(
                "button",
                {"type": "button", "class_": "btn", "on_click": self._clear_filters},
                tr("library.clear_filters"),
                scope=s,
            ),
        )
        self.spend = SpendPanel()
        self.body = h("div", {"class_": "stack lib-body"}, status_row, self.grid.element)
        self.root = root = h(
            "section",
            {"class_": "stack library", "aria_labelledby": "library-title"},
            view_header(tr("shell.nav.library"), tr("library.lead")),
            self.toolbar.element,
            self.spend.element,
            self.empty,
            self.no_match,
            self.body,
        )
        self._apply_location(self.ctx.store.state)
        return root

    # -- state ---------------------------------------------------------------------------------
    def update(self, state: AppState, old: AppState) -> None:
        if state.backup != old.backup and state.backup is not None:  # the selection's export
            self.bulk.progress.show(state.backup, old.backup)
        if state.location != old.location:
            self._apply_location(state)
        elif state.jobs is not old.jobs or state.phase is not old.phase:
            self._refresh(state)

    @property
    def query(self) -> LibraryQuery:
        return query_from_params(self.ctx.store.state.location.params, utc_offset_s=self.utc_offset_s)

    def _apply_location(self, state: AppState) -> None:
        self._refresh(state)  # the toolbar shows the query there
        item = state.location.params.get("item")
        if item and (self.drawer is None or self.drawer.job.id != item) and item in state.jobs:
            self._open(item)

    def _refresh(self, state: AppState) -> None:
        """Jobs changed: re-index, recount, refresh the facets and the ledger, then re-query."""
        if state.jobs is not self._jobs_seen:
            self._jobs_seen = state.jobs
            jobs = list(state.jobs.values())
            self.library_items = [j for j in jobs if is_item(j)]
            self.index = SearchIndex.build(self.library_items, self.index)
            found = facets(self.library_items)
            self.toolbar.set_models(found.models)
            self.toolbar.set_providers(tuple((pid, self.ctx.providers.get(pid).label) for pid in found.providers))
            self.toolbar.set_batches(batch_names(self.library_items, found.batches, utc_offset_s=self.utc_offset_s))
            self.spend.element.hidden = not any(j.remote_id for j in jobs)
            if not self.spend.element.hidden:
                self.spend.update(jobs)
        self._requery(state)

    def _requery(self, state: AppState) -> None:
        """Filters changed (or the jobs did): run the query over the library items only."""
        query = self.query
        self.toolbar.show(query)
        self.items = run(query, self.library_items, self.index)
        self.selection = sel.prune(self.selection, (j.id for j in self.items))
        total = len(self.library_items)
        ready = state.phase is Phase.READY
        self.empty.hidden = not ready or total > 0
        self.no_match.hidden = not ready or total == 0 or bool(self.items)
        self.body.hidden = not self.items
        shown_count = len(self.items)
        set_text(
            self.count,
            tr("library.count", count=shown_count)
            if shown_count == total
            else tr("library.count_of", count=shown_count, total=total),
        )
        self._render_selection()
        self.grid.set_items(self.items, self.selection, library_size=total)

    def _render_selection(self) -> None:
        count = len(self.selection)
        self.bulk.show(count)
        self.root.classList.toggle("selecting", count > 0)  # every checkbox shows while selecting
        self.select_all.checked = bool(self.items) and count == len(self.items)
        self.select_all.indeterminate = 0 < count < len(self.items)

    def _set_selection(self, selection: sel.Selection) -> None:
        self.selection = selection
        self._render_selection()
        self.grid.set_selection(selection)

    def _selected_jobs(self) -> list[JobRecord]:
        ids = sel.ordered(self.selection, self._order())
        return [j for j in (self._job(i) for i in ids) if j is not None]

    # -- filters ---------------------------------------------------------------------------------
    def _filters_changed(self, query: LibraryQuery) -> None:
        self._navigate(query_to_params(query))

    def _navigate(self, params: dict[str, str]) -> None:
        replace_url(href(Route.LIBRARY, **params))
        self.ctx.store.update(location=Location(Route.LIBRARY, params))

    def _clear_filters(self, _event: Any) -> None:
        self.toolbar.clear_search()
        self._navigate({})

    # -- tiles -----------------------------------------------------------------------------------
    def _order(self) -> list[str]:
        return [j.id for j in self.items]

    def _job(self, job_id: str) -> JobRecord | None:
        return self.ctx.store.state.jobs.get(job_id)

    def _tile_action(self, action: str, job_id: str, event: Any) -> None:
        if action == "click":  # a click opens, as in photo libraries; Shift or Ctrl/Cmd selects
            if bool(event.shiftKey):
                self._set_selection(sel.extend(self.selection, job_id, self._order()))
            elif bool(event.ctrlKey) or bool(event.metaKey):
                self._set_selection(sel.toggle(self.selection, job_id))
            else:
                self._open(job_id)
            return
        if action == "select":
            event.stopPropagation()
            if bool(event.shiftKey):
                self._set_selection(sel.extend(self.selection, job_id, self._order()))
            else:
                self._set_selection(sel.toggle(self.selection, job_id))
            return
        job = self._job(job_id)
        if job is None:
            return
        if action in ("open", "play"):
            self._open(job_id, autoplay=action == "play")
        elif action == "download":
            self.ctx.run(file_actions.download(self.ctx.intents, [job]))
        elif action == "rename":

            def rename(title: str) -> None:
                self.ctx.run(self.ctx.intents.do(lambda c: c.library.rename(job_id, title)))

            ask_text(
                tr("library.rename.title"),
                tr("library.rename.label"),
                job.title or job.display_title,
                tr("library.rename.action"),
                rename,
            )
        elif action == "delete":
            self.bulk.confirm_delete([job_id])

    def _key(self, event: Any, index: int) -> bool:
        """Selection keys (:func:`app.core.selection.keyboard`), Enter, Delete, Shift+arrows."""
        key = str(event.key)
        order = self._order()
        if not order:
            return False
        current = order[min(index, len(order) - 1)]
        shift, ctrl = bool(event.shiftKey), bool(event.ctrlKey) or bool(event.metaKey)
        selected = sel.keyboard(self.selection, key, current, order, shift=shift, ctrl=ctrl)
        if selected is not self.selection:
            self._set_selection(selected)
        elif key == "Enter":
            self._open(current)
        elif key == "Delete":
            self.bulk.confirm_delete(sel.ordered(self.selection, order) or [current])
        elif shift and key in NAV_KEYS:
            target = move_focus(index, key, self.grid.layout().columns, len(order))
            self.grid.focus(target)
            self._set_selection(sel.extend(self.selection, order[target], order))
        else:
            return False
        return True

    def _on_select_all(self, _event: Any) -> None:
        self._set_selection(sel.select_all(self._order()) if self.select_all.checked else sel.clear())

    def _poster(self, tile: Tile, job: JobRecord) -> None:
        self.posters.show(tile, job)

    def _release(self, tile: Tile) -> None:
        self.posters.release(tile)

    # -- the drawer ------------------------------------------------------------------------------
    def _open(self, job_id: str, *, autoplay: bool = False) -> None:
        job = self._job(job_id)
        if job is None:
            return
        if self.drawer is not None:
            self.drawer.dialog.close()
        replace_url(href(Route.LIBRARY, **{**self.ctx.store.state.location.params, "item": job_id}))
        self.drawer = Drawer(self.ctx, job, on_close=self._drawer_closed)
        self.drawer.autoplay = autoplay
        self.drawer.open()

    def _drawer_closed(self) -> None:
        closed = self.drawer
        self.drawer = None
        if self._leaving:
            return  # the view is going away (navigation): leave the location alone
        params = {k: v for k, v in self.ctx.store.state.location.params.items() if k != "item"}
        self._navigate(params)
        if closed is not None:
            tile = self.grid.tile_of(closed.job.id)
            if tile is not None:
                tile.element.focus()

    def close(self) -> None:
        self._leaving = True
        if self.drawer is not None:
            self.drawer.dialog.close()
        super().close()
