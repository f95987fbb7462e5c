"""The page frame: top bar, navigation and the current view.

The frame's HTML is static in ``index.html`` (it paints before Python runs, in English);
this binds it to the state: current route, endpoint badge, theme, language. A change of
language redraws the frame's words and the current view (views build their DOM once).
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import import_module
from typing import Any

from app.browser.dom import Node, Scope, active_element, by_id, focus, h, query, set_attrs, set_text
from app.browser.language import browser_languages, set_document_lang
from app.browser.look import apply_look
from app.browser.page_location import current_hash, on_hash_change, push_url, replace_url, set_title
from app.core.endpoint import display_host
from app.core.i18n import LOCALE_TAGS, active_locale, resolve_locale, set_locale, tr
from app.core.routes import Route, href, page_title, parse_hash
from app.core.state import AppState
from app.ui.context import UiContext
from app.ui.views.base import View

# The view of each route (module, class), imported when first shown or, for the others, once
# the page is idle after the start: before the page is ready only the landing view's modules
# are imported (the four views are about half of what the shell imports).
VIEWS: dict[Route, tuple[str, str]] = {
    Route.NEW: ("app.ui.views.new_render", "NewRenderView"),
    Route.QUEUE: ("app.ui.views.queue", "QueueView"),
    Route.LIBRARY: ("app.ui.views.library", "LibraryView"),
    Route.SETTINGS: ("app.ui.views.settings", "SettingsView"),
}


def view_class(route: Route) -> type[View]:
    """The view shown for ``route`` (its module imported now if it was not yet)."""
    module, name = VIEWS[route]
    found = getattr(import_module(module), name)
    if not (isinstance(found, type) and issubclass(found, View)):
        raise TypeError(f"{module}.{name} is not a view")
    return found


class Shell:
    """Owns the top bar bindings and swaps views when the route changes."""

    def __init__(self, ctx: UiContext) -> None:
        self.ctx = ctx
        self.scope = Scope()
        self.view: View | None = None
        self.views_root: Node = by_id("views")
        self.app_root: Node = by_id("app")
        self._unloaded: Iterator[Route] = iter(())  # the views still to import when idle

    def start(self) -> None:
        on_hash_change(self.scope, self._on_hash)
        self.ctx.store.subscribe(self._on_state)
        location = parse_hash(current_hash())
        if not location.canonical:
            replace_url(f"#/{location.route.value}")
        self.ctx.store.update(location=location)
        self._apply_locale(self.ctx.store.state)
        self._show(location.route, focus=False)
        self._render_frame(self.ctx.store.state)
        self._unloaded = iter([route for route in VIEWS if route is not location.route])
        self.scope.when_idle(self._import_next_view)

    def _import_next_view(self) -> None:
        """Import one more view while the page is idle, so its first visit does not wait for it."""
        route = next(self._unloaded, None)
        if route is not None:
            view_class(route)
            self.scope.when_idle(self._import_next_view)

    # -- routing ----------------------------------------------------------------------
    def _on_hash(self, _event: Any) -> None:
        location = parse_hash(current_hash())
        if not location.canonical:
            replace_url(f"#/{location.route.value}")
        self.ctx.store.update(location=location)

    def _show(self, route: Route, *, focus: bool) -> None:
        if self.view is not None:
            self.view.close()
        self.view = view_class(route)(self.ctx)
        self.views_root.replaceChildren(self.view.render())
        self.app_root.dataset.route = route.value
        set_title(page_title(route))
        if focus:
            heading = query(self.views_root, "h1")
            if heading is not None:
                heading.focus()

    # -- state → frame ----------------------------------------------------------------
    def _on_state(self, state: AppState, old: AppState) -> None:
        relanguage = state.settings != old.settings and self._apply_locale(state)
        if state.location.route != old.location.route:
            if parse_hash(current_hash()).route != state.location.route:  # navigated by an intent
                push_url(href(state.location.route, **state.location.params))
            self._show(state.location.route, focus=True)
            self._render_nav(state)
        elif relanguage:
            self._redraw(state)
        elif self.view is not None:
            self.view.update(state, old)
        if state.settings != old.settings or state.phase != old.phase:
            self._render_frame(state)
        if state.jobs != old.jobs:
            self._render_queue_count(state)

    # -- language ---------------------------------------------------------------------
    def _apply_locale(self, state: AppState) -> bool:
        """Switch the catalogue to the chosen (or the browser's) language; True if it changed."""
        chosen = state.settings.locale if state.settings is not None else ""
        wanted = resolve_locale(chosen, browser_languages())
        changed = wanted != active_locale()
        set_locale(wanted)
        set_document_lang(LOCALE_TAGS[wanted])
        self._render_words()
        return changed

    def _render_words(self) -> None:
        """The frame's own words (static in index.html) in the active language."""
        set_text(by_id("skip-link"), tr("shell.skip"))
        set_attrs(query(self.app_root, ".brand"), aria_label=tr("shell.home"))
        nav = query(self.app_root, ".nav")
        set_attrs(nav, aria_label=tr("shell.nav"))
        for route in Route:
            label = query(nav, f'a[data-route="{route.value}"] .nav-label')
            if label is not None:
                set_text(label, tr(f"shell.nav.{route.value}"))
        set_text(by_id("endpoint-badge"), tr("shell.endpoint.demo_badge"))

    def _redraw(self, state: AppState) -> None:
        """A new language: draw the current view again, keeping focus on the same control."""
        focused = active_element()
        focused_id = str(focused.id) if focused is not None and focused.id else ""
        self._show(state.location.route, focus=False)
        if focused_id:
            try:
                focus(by_id(focused_id), scroll=False)
            except LookupError:  # the control is gone in the new drawing: focus the heading
                heading = query(self.views_root, "h1")
                if heading is not None:
                    heading.focus()

    def _render_nav(self, state: AppState) -> None:
        for link in self.app_root.querySelectorAll(".nav a"):
            current = link.dataset.route == state.location.route.value
            set_attrs(link, aria_current="page" if current else None)

    def _render_frame(self, state: AppState) -> None:
        self._render_nav(state)
        settings = state.settings
        if settings is None:
            return
        apply_look(settings.theme, settings.reduced_motion)
        provider = self.ctx.provider(state)
        by_id("endpoint-badge").hidden = not settings.demo_mode
        set_text(by_id("endpoint-provider"), provider.label)
        host = display_host(settings.effective_base_url(state.page_origin, provider))
        set_text(by_id("endpoint-host"), tr("shell.endpoint.simulated") if settings.demo_mode else host)
        by_id("endpoint").title = (
            tr("shell.endpoint.demo_title", provider=provider.label, path=provider.demo_path)
            if settings.demo_mode
            else tr(
                "shell.endpoint.title",
                provider=provider.name,
                url=settings.effective_base_url(state.page_origin, provider),
            )
        )

    def _render_queue_count(self, state: AppState) -> None:
        active = sum(1 for job in state.jobs.values() if not job.status.terminal)
        link = self.app_root.querySelector('.nav a[data-route="queue"]')
        badge = query(link, ".count")
        if active and badge is None:
            badge = h("span", {"class_": "count", "aria_hidden": "true"})
            link.appendChild(badge)
        if badge is not None:
            if active:
                badge.textContent = str(active)
            else:
                badge.remove()
