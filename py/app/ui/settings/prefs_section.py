"""Rendering and appearance preferences: polling, downloads, notifications, theme, motion, language."""

from __future__ import annotations

from typing import Any

from app.browser.dom import Node, Scope, h, set_attrs
from app.core.errors import InputError
from app.core.i18n import LOCALE_NAMES, tr
from app.core.preferences import POLL_MAX_MS, POLL_MIN_MS
from app.core.state import AppState, Phase
from app.ui.context import UiContext
from app.ui.forms import Field, check_row, text_input
from app.ui.settings.section import Section, card
from app.ui.toasts import toast


def _checkbox(field_id: str, label: str, hint: str, handler: Any, scope: Scope) -> tuple[Node, Node]:
    box = h(
        "input",
        {"type": "checkbox", "id": field_id, "on_change": handler, "aria_describedby": f"{field_id}-hint"},
        scope=scope,
    )
    node = check_row(box, field_id, label, hint)
    return box, node


def _select(name: str, options: list[tuple[str, str]], handler: Any, scope: Scope) -> Node:
    return h(
        "select",
        {"name": name, "on_change": handler},
        [h("option", {"value": value}, label) for value, label in options],
        scope=scope,
    )


class PrefsSection(Section):
    def __init__(self, ctx: UiContext, scope: Scope) -> None:
        super().__init__(ctx, scope)
        self.poll = Field(
            "poll-interval",
            tr("prefs.poll.label"),
            text_input("poll_interval_ms", kind="number", min=str(POLL_MIN_MS), max=str(POLL_MAX_MS), step="500"),
            hint=tr("prefs.poll.hint", low=str(POLL_MIN_MS), high=str(POLL_MAX_MS)),
        )
        scope.on(self.poll.control, "change", self._on_poll)
        self.auto, auto_row = _checkbox(
            "auto-download",
            tr("prefs.auto.label"),
            tr("prefs.auto.hint"),
            self._on_auto,
            scope,
        )
        self.notify, notify_row = _checkbox(
            "notify",
            tr("prefs.notify.label"),
            tr("prefs.notify.hint"),
            self._on_notify,
            scope,
        )
        self.advanced, advanced_row = _checkbox(
            "show-advanced",
            tr("prefs.advanced.label"),
            tr("prefs.advanced.hint"),
            self._on_advanced,
            scope,
        )
        self.theme = _select(
            "theme", [(v, tr(f"prefs.theme.{v}")) for v in ("dark", "light", "system")], self._on_theme, scope
        )
        self.motion = _select(
            "reduced_motion",
            [(v, tr(f"prefs.motion.{v}")) for v in ("system", "reduce", "full")],
            self._on_motion,
            scope,
        )
        self.language = _select(
            "locale", [("", tr("prefs.language.browser")), *LOCALE_NAMES.items()], self._on_language, scope
        )
        self.node = h(
            "div",
            {"class_": "stack"},
            card("rendering", tr("prefs.rendering"), self.poll.node, auto_row, notify_row, advanced_row),
            card(
                "appearance",
                tr("prefs.appearance"),
                Field("theme", tr("prefs.theme"), self.theme).node,
                Field("motion", tr("prefs.motion"), self.motion).node,
                Field("language", tr("prefs.language"), self.language).node,
            ),
        )

    def update(self, state: AppState, old: AppState) -> None:
        ready = state.phase is Phase.READY and state.settings is not None
        for control in (
            self.poll.control,
            self.auto,
            self.notify,
            self.advanced,
            self.theme,
            self.motion,
            self.language,
        ):
            set_attrs(control, disabled=not ready)
        settings = state.settings
        if settings is None or (old.settings is not None and settings == old.settings):
            return
        self.poll.control.value = str(settings.poll_interval_ms)
        self.auto.checked = settings.auto_download
        self.notify.checked = settings.notify_on_finish
        self.advanced.checked = settings.show_advanced
        self.theme.value = settings.theme
        self.motion.value = settings.reduced_motion
        self.language.value = settings.locale

    def _change(self, **changes: Any) -> None:
        self.ctx.run(self.ctx.intents.do(lambda c: c.change_settings(**changes)))

    def _on_poll(self, _event: Any) -> None:
        text = self.poll.value

        async def save() -> None:
            try:
                await self.ctx.intents.do(lambda c: c.change_settings(poll_interval_ms=int(text)))
            except (ValueError, InputError):
                self.poll.show_error(tr("prefs.poll.error", low=str(POLL_MIN_MS), high=str(POLL_MAX_MS)))
                return
            self.poll.clear()

        self.ctx.run(save())

    def _on_auto(self, _event: Any) -> None:
        self._change(auto_download=bool(self.auto.checked))

    def _on_notify(self, _event: Any) -> None:
        wanted = bool(self.notify.checked)
        self._change(notify_on_finish=wanted)
        if wanted:
            self.ctx.run(self._ask_permission())

    async def _ask_permission(self) -> None:
        """Ask the browser right away, while the click still counts as the user's gesture."""
        from app.browser.notify import request_permission

        answer = await request_permission()
        if answer in ("denied", "unsupported"):
            toast(tr("prefs.notify.denied" if answer == "denied" else "prefs.notify.unsupported"))

    def _on_advanced(self, _event: Any) -> None:
        self._change(show_advanced=bool(self.advanced.checked))

    def _on_theme(self, _event: Any) -> None:
        self._change(theme=str(self.theme.value))

    def _on_motion(self, _event: Any) -> None:
        self._change(reduced_motion=str(self.motion.value))

    def _on_language(self, _event: Any) -> None:
        self._change(locale=str(self.language.value))
