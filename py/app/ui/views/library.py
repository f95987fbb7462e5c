"""Library: every stored video in a virtualized grid, with search, filters, multi-select,
bulk actions, a detail drawer and the spend ledger."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import js

from app.browser.dom import Node, h, replace_children, set_text
from app.browser.local_time import utc_offset_s
from app.core import selection as sel
from app.core.library_query import (
    ASPECTS,
    SORT_LABELS,
    LibraryQuery,
    SearchIndex,
    facets,
    is_item,
    query_from_params,
    query_to_params,
    run,
)
from app.core.routes import Location, Route, href
from app.core.state import AppState, Phase
from app.ui.library import file_actions
from app.ui.library.drawer import Drawer
from app.ui.library.grid import VirtualGrid
from app.ui.library.prompts import ask_text, confirm
from app.ui.library.spend import SpendPanel
from app.ui.library.tile import Tile
from app.ui.toasts import toast
from app.ui.views.base import View, empty_state, view_header

if TYPE_CHECKING:
    from app.core.job_record import JobRecord

ASPECT_LABELS = {"all": "Any shape", "landscape": "Landscape", "portrait": "Portrait", "square": "Square"}
NAV_KEYS = ("ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown")


def _select(select_id: str, label: str, options: list[tuple[str, str]]) -> tuple[Node, Node]:
    control = h("select", {"id": select_id}, [h("option", {"value": v}, text) for v, text in options])
    return control, h("div", {"class_": "field compact"}, h("label", {"for_": select_id}, label), control)


class LibraryView(View):
    title = "Library"

    def render(self) -> Node:
        s = self.scope
        self.index = SearchIndex()
        self.items: list[JobRecord] = []
        self.selection = sel.clear()
        self.drawer: Drawer | None = None
        self.library_items: list[JobRecord] = []
        self._jobs_seen: object = None
        self._leaving = False
        self._poster_queue: list[str] = []
        self._poster_busy = False
        self.utc_offset_s = utc_offset_s()
        self._models: tuple[str, ...] = ()
        self.search = h("input", {"type": "search", "id": "library-search", "placeholder": "Prompt, title or tag:name"})
        search_field = h(
            "div", {"class_": "field compact grow"}, h("label", {"for_": "library-search"}, "Search"), self.search
        )
        self.model, model_field = _select("library-model", "Filter by model", [("", "All models")])
        self.aspect, aspect_field = _select("library-aspect", "Shape", [(a, ASPECT_LABELS[a]) for a in ASPECTS])
        self.date_from = h("input", {"type": "date", "id": "library-from"})
        self.date_to = h("input", {"type": "date", "id": "library-to"})
        self.sort, sort_field = _select("library-sort", "Sort by", list(SORT_LABELS.items()))
        for control, event in (
            (self.search, "input"),
            (self.model, "change"),
            (self.aspect, "change"),
            (self.date_from, "change"),
            (self.date_to, "change"),
            (self.sort, "change"),
        ):
            s.on(control, event, self._filters_changed)
        toolbar = h(
            "div",
            {"class_": "lib-toolbar card", "role": "search", "aria_label": "Find videos"},
            search_field,
            model_field,
            aspect_field,
            h("div", {"class_": "field compact"}, h("label", {"for_": "library-from"}, "From"), self.date_from),
            h("div", {"class_": "field compact"}, h("label", {"for_": "library-to"}, "To"), self.date_to),
            sort_field,
        )
        self.select_all = h("input", {"type": "checkbox", "id": "library-select-all"})
        s.on(self.select_all, "change", self._on_select_all)
        self.count = h("p", {"class_": "lib-count", "id": "library-count", "aria_live": "polite"})
        self.bulk_label = h("span", {"class_": "bulk-count"})
        self.bulk = h(
            "div",
            {"class_": "lib-bulk", "role": "toolbar", "aria_label": "Selected videos", "hidden": True},
            self.bulk_label,
            *[
                h(
                    "button",
                    {"type": "button", "class_": f"btn small {kind}".strip(), "on_click": self._bulk(action)},
                    label,
                    scope=s,
                )
                for action, label, kind in (
                    ("download", "Download", ""),
                    ("tag", "Add tags", ""),
                    ("folder", "Move to folder", ""),
                    ("delete", "Delete", "danger-quiet"),
                    ("clear", "Clear selection", ""),
                )
            ],
        )
        status_row = h(
            "div",
            {"class_": "lib-status"},
            h(
                "div",
                {"class_": "check-row"},
                self.select_all,
                h("label", {"for_": "library-select-all"}, "Select all"),
            ),
            self.count,
            self.bulk,
        )
        self.grid = VirtualGrid(
            s, on_action=self._tile_action, on_key=self._key, poster=self._poster, release=self._release
        )
        self.empty = empty_state(
            "library",
            "Your library is empty",
            "Finished renders are stored here, in this browser, with their posters and files.",
            h("a", {"class_": "btn primary", "href": href(Route.NEW)}, "Create your first video"),
        )
        self.no_match = empty_state(
            "library",
            "No videos match",
            "Try other words or fewer filters.",
            h("button", {"type": "button", "class_": "btn", "on_click": self._clear_filters}, "Clear filters", scope=s),
        )
        self.spend = SpendPanel()
        self.body = h("div", {"class_": "stack lib-body"}, status_row, self.grid.element)
        root = h(
            "section",
            {"class_": "stack library", "aria_labelledby": "library-title"},
            view_header("Library", "Your finished videos, stored in this browser."),
            toolbar,
            self.spend.element,
            self.empty,
            self.no_match,
            self.body,
        )
        self._apply_location(self.ctx.store.state)
        return root

    # -- state ---------------------------------------------------------------------------------
    def update(self, state: AppState, old: AppState) -> None:
        if state.location != old.location:
            self._apply_location(state)
        elif state.jobs is not old.jobs or state.phase is not old.phase:
            self._refresh(state)

    @property
    def query(self) -> LibraryQuery:
        return query_from_params(self.ctx.store.state.location.params, utc_offset_s=self.utc_offset_s)

    def _apply_location(self, state: AppState) -> None:
        query = self.query
        if str(self.search.value) != query.text and js.document.activeElement is not self.search:
            self.search.value = query.text
        self.aspect.value = query.aspect
        self.sort.value = query.sort
        self.date_from.value = query.date_from.isoformat() if query.date_from else ""
        self.date_to.value = query.date_to.isoformat() if query.date_to else ""
        self._refresh(state)
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
            if found.models != self._models:  # rebuilt only when the choices change
                self._models = found.models
                replace_children(
                    self.model,
                    h("option", {"value": ""}, "All models"),
                    [h("option", {"value": m}, m) for m in found.models],
                )
            self.spend.element.hidden = not any(j.remote_id for j in jobs)
            if not self.spend.element.hidden:
                self.spend.update(jobs)
        self._requery(state)

    def _requery(self, state: AppState) -> None:
        """Filters changed (or the jobs did): run the query over the library items only."""
        query = self.query
        current = ",".join(sorted(query.models))
        self.model.value = current if current in self._models else ""
        self.items = run(query, self.library_items, self.index)
        self.selection = sel.prune(self.selection, [j.id for j in self.items])
        total = len(self.library_items)
        ready = state.phase is Phase.READY
        self.empty.hidden = not ready or total > 0
        self.no_match.hidden = not ready or total == 0 or bool(self.items)
        self.body.hidden = not self.items
        noun = "video" if len(self.items) == 1 else "videos"
        set_text(self.count, f"{len(self.items)} {noun}" + (f" of {total}" if len(self.items) != total else ""))
        self._render_selection()
        self.grid.set_items(self.items, self.selection)

    def _render_selection(self) -> None:
        count = len(self.selection)
        self.bulk.hidden = count == 0
        set_text(self.bulk_label, f"{count} selected")
        self.select_all.checked = bool(self.items) and count == len(self.items)
        self.select_all.indeterminate = 0 < count < len(self.items)

    def _set_selection(self, selection: sel.Selection) -> None:
        self.selection = selection
        self._render_selection()
        self.grid.set_selection(selection)

    # -- filters ---------------------------------------------------------------------------------
    def _filters_changed(self, _event: Any) -> None:
        models = frozenset({str(self.model.value)} - {""})
        query = LibraryQuery(
            text=str(self.search.value),
            models=models,
            aspect=str(self.aspect.value),
            date_from=_date(self.date_from.value),
            date_to=_date(self.date_to.value),
            sort=str(self.sort.value),
            utc_offset_s=self.utc_offset_s,
        )
        self._navigate(query_to_params(query))

    def _navigate(self, params: dict[str, str]) -> None:
        location = Location(Route.LIBRARY, params)
        js.history.replaceState(None, "", href(Route.LIBRARY, **params))
        self.ctx.store.update(location=location)

    def _clear_filters(self, _event: Any) -> None:
        self.search.value = ""
        self._navigate({})

    # -- tiles -----------------------------------------------------------------------------------
    def _order(self) -> list[str]:
        return [j.id for j in self.items]

    def _job(self, job_id: str) -> JobRecord | None:
        return self.ctx.store.state.jobs.get(job_id)

    def _tile_action(self, action: str, job_id: str, event: Any) -> None:
        if action == "click":
            if bool(event.shiftKey):
                self._set_selection(sel.extend(self.selection, job_id, self._order()))
            elif bool(event.ctrlKey) or bool(event.metaKey):
                self._set_selection(sel.toggle(self.selection, job_id))
            else:
                self._set_selection(sel.click(self.selection, job_id))
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
            self._run(lambda: file_actions.download(self.ctx.controller, [job]))
        elif action == "rename":
            ask_text(
                "Rename video",
                "Title",
                job.title or job.display_title,
                "Rename",
                lambda title: self._run(lambda: self._library().rename(job_id, title)),
            )
        elif action == "delete":
            self._confirm_delete([job_id])

    def _key(self, event: Any, index: int) -> bool:
        key = str(event.key)
        order = self._order()
        if not order:
            return False
        current = order[min(index, len(order) - 1)]
        ctrl = bool(event.ctrlKey) or bool(event.metaKey)
        if key == " ":
            self._set_selection(sel.toggle(self.selection, current))
        elif key == "Enter":
            self._open(current)
        elif ctrl and key.lower() == "a":
            self._set_selection(sel.select_all(order))
        elif key == "Escape" and len(self.selection):
            self._set_selection(sel.clear())
        elif key == "Delete":
            self._confirm_delete(sel.ordered(self.selection, order) or [current])
        elif bool(event.shiftKey) and key in NAV_KEYS:
            from app.core.virtual_grid import move_focus

            layout = self.grid.layout()
            target = move_focus(index, key, layout.columns, len(order))
            self.grid.focus(target)
            self._set_selection(sel.extend(self.selection, order[target], order))
        else:
            return False
        return True

    def _on_select_all(self, _event: Any) -> None:
        self._set_selection(sel.select_all(self._order()) if self.select_all.checked else sel.clear())

    # -- posters ---------------------------------------------------------------------------------
    def _media(self) -> Any:
        return None if self.ctx.controller is None else self.ctx.controller.media

    def _poster(self, tile: Tile, job: JobRecord) -> None:
        """Show the stored poster (a held ``blob:`` URL), or queue one to be drawn."""
        media = self._media()
        asset_id = job.assets.get("thumbnail")
        tile.poster_wanted = asset_id
        if media is None:
            return
        if asset_id is None or tile.poster_asset != asset_id:
            tile.show_poster(None)  # none yet, or a recycled tile: not the last job's poster while this one loads
        if asset_id is None:
            self._release(tile)
            if "video" in job.assets and job.id not in self._poster_queue:
                self._poster_queue.append(job.id)
                self._drain_posters()
            return

        async def load() -> None:
            url = await media.acquire(asset_id)
            if tile.poster_wanted != asset_id or tile.job_id != job.id:
                media.release(asset_id)
                return
            self._release(tile)
            tile.poster_asset = asset_id
            tile.poster_wanted = asset_id
            tile.show_poster(url)

        self.ctx.run(load())

    def _release(self, tile: Tile) -> None:
        media = self._media()
        if media is not None and tile.poster_asset is not None:
            media.release(tile.poster_asset)
        tile.poster_asset = None

    def _drain_posters(self) -> None:
        """Draw missing posters one at a time, in the background, for tiles that are shown."""
        if self._poster_busy or not self._poster_queue or self.ctx.controller is None:
            return
        self._poster_busy = True

        async def work() -> None:
            from app.browser.thumbnails import first_frame

            controller = self.ctx.controller
            assert controller is not None
            try:
                while self._poster_queue:
                    job = self._job(self._poster_queue.pop(0))
                    if job is None or "thumbnail" in job.assets or "video" not in job.assets:
                        continue
                    if self.grid.tile_of(job.id) is None:
                        continue  # scrolled away: drawn when it comes back
                    video = job.assets["video"]
                    url = await controller.media.acquire(video)
                    try:
                        blob, size = await first_frame(url)
                    except Exception as exc:  # a broken file: keep the placeholder, say it in the console
                        js.console.warn(f"poster for {job.id} failed: {exc}")
                        continue
                    finally:
                        controller.media.release(video)
                    await controller.library.store_thumbnail(job.id, blob, size)
            finally:
                self._poster_busy = False

        self.ctx.run(work())

    # -- drawer and bulk actions -------------------------------------------------------------------
    def _library(self) -> Any:
        assert self.ctx.controller is not None
        return self.ctx.controller.library

    def _run(self, make: Callable[[], Awaitable[Any]]) -> None:
        if self.ctx.controller is not None:
            self.ctx.run(make())

    def _open(self, job_id: str, *, autoplay: bool = False) -> None:
        job = self._job(job_id)
        if job is None or self.ctx.controller is None:
            return
        if self.drawer is not None:
            self.drawer.dialog.close()
        params = {**self.ctx.store.state.location.params, "item": job_id}
        js.history.replaceState(None, "", href(Route.LIBRARY, **params))
        self.drawer = Drawer(self.ctx, job, on_close=self._drawer_closed)
        self.drawer.autoplay = autoplay
        self.drawer.open()

    def _drawer_closed(self) -> None:
        closed = self.drawer
        self.drawer = None
        if self._leaving:
            return  # the view is going away (navigation): leave the location alone
        params = {k: v for k, v in self.ctx.store.state.location.params.items() if k != "item"}
        js.history.replaceState(None, "", href(Route.LIBRARY, **params))
        self.ctx.store.update(location=Location(Route.LIBRARY, params))
        if closed is not None:
            tile = self.grid.tile_of(closed.job.id)
            if tile is not None:
                tile.element.focus()

    def _bulk(self, action: str) -> Callable[[Any], None]:
        def handler(_event: Any) -> None:
            ids = sel.ordered(self.selection, self._order())
            jobs = [j for j in (self._job(i) for i in ids) if j is not None]
            if action == "clear" or not jobs:
                self._set_selection(sel.clear())
            elif action == "download":
                self._run(lambda: file_actions.download(self.ctx.controller, jobs))
            elif action == "delete":
                self._confirm_delete(ids)
            elif action == "tag":
                ask_text(
                    f"Add tags to {len(ids)} video(s)",
                    "Tags",
                    "",
                    "Add tags",
                    lambda tags: self._run(lambda: self._tagged(ids, tags)),
                    hint="Separate tags with commas.",
                )
            elif action == "folder":
                ask_text(
                    f"Move {len(ids)} video(s) to a folder",
                    "Folder",
                    "",
                    "Move",
                    lambda name: self._run(lambda: self._moved(ids, jobs, name)),
                    hint="A label in this library. Where the browser allows it, the files are also written "
                    "to a folder on this computer.",
                )

        return handler

    async def _tagged(self, ids: list[str], tags: str) -> None:
        count = await self._library().add_tags(ids, tags)
        toast(f"Tagged {count} video(s).")

    async def _moved(self, ids: list[str], jobs: list[JobRecord], name: str) -> None:
        from app.browser.files import ExportFolder

        if ExportFolder.supported():  # first, while the click still counts as the user's gesture
            await file_actions.to_folder(self.ctx.controller, jobs)
        else:
            toast("This browser cannot write to a folder on your computer; use Download to keep copies.")
        count = await self._library().set_folder(ids, name)
        toast(f"Moved {count} video(s) to “{name.strip() or 'no folder'}”.")

    def _confirm_delete(self, ids: list[str]) -> None:
        count = len(ids)
        noun = "this video" if count == 1 else f"these {count} videos"

        def go(remote: bool) -> None:
            async def delete() -> None:
                problems = await self._library().delete(ids, remote=remote)
                self._set_selection(sel.clear())
                toast(f"Deleted {count} video(s)." + (f" The API refused: {problems[0]}" if problems else ""))

            self._run(delete)

        confirm(
            f"Delete {count} video{'s' if count != 1 else ''}?",
            f"This removes {noun} and its files from this browser. It cannot be undone.",
            f"Delete {count}",
            go,
            option="Also delete on the API (where it still exists)",
        )

    def close(self) -> None:
        self._leaving = True
        if self.drawer is not None:
            self.drawer.dialog.close()
        super().close()


def _date(value: Any) -> Any:
    import datetime

    try:
        return datetime.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
