"""Rendering and appearance preferences: polling, downloads, notifications, theme, motion."""

from __future__ import annotations

from typing import Any

from app.browser.dom import Node, Scope, h, set_attrs
from app.core.errors import InputError
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
            "Polling interval (ms)",
            text_input("poll_interval_ms", kind="number", min=str(POLL_MIN_MS), max=str(POLL_MAX_MS), step="500"),
            hint=f"How often running jobs are checked at first ({POLL_MIN_MS}–{POLL_MAX_MS} ms). Unchanged jobs are "
            "checked less often, up to every 30 s.",
        )
        scope.on(self.poll.control, "change", self._on_poll)
        self.auto, auto_row = _checkbox(
            "auto-download",
            "Download results automatically",
            "Store each finished video in this browser as soon as it is ready "
            "(results expire on the API after about an hour).",
            self._on_auto,
            scope,
        )
        self.notify, notify_row = _checkbox(
            "notify",
            "Notify me when a render finishes",
            "A browser notification when the tab is in the background.",
            self._on_notify,
            scope,
        )
        self.advanced, advanced_row = _checkbox(
            "show-advanced",
            "Show advanced controls",
            "Model snapshots and custom model ids in New Render.",
            self._on_advanced,
            scope,
        )
        self.theme = _select(
            "theme", [("dark", "Dark"), ("light", "Light"), ("system", "Same as the system")], self._on_theme, scope
        )
        self.motion = _select(
            "reduced_motion",
            [("system", "Follow the system setting"), ("reduce", "Reduce motion"), ("full", "Full motion")],
            self._on_motion,
            scope,
        )
        self.node = h(
            "div",
            {"class_": "stack"},
            card("rendering", "Rendering", self.poll.node, auto_row, notify_row, advanced_row),
            card(
                "appearance",
                "Appearance",
                Field("theme", "Theme", self.theme).node,
                Field("motion", "Motion", self.motion).node,
            ),
        )

    def update(self, state: AppState, old: AppState) -> None:
        ready = state.phase is Phase.READY and state.settings is not None
        for control in (self.poll.control, self.auto, self.notify, self.advanced, self.theme, self.motion):
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

    def _change(self, **changes: Any) -> None:
        self.ctx.run(self.ctx.intents.do(lambda c: c.change_settings(**changes)))

    def _on_poll(self, _event: Any) -> None:
        text = self.poll.value

        async def save() -> None:
            try:
                await self.ctx.intents.do(lambda c: c.change_settings(poll_interval_ms=int(text)))
            except (ValueError, InputError):
                self.poll.show_error(f"Enter a whole number of milliseconds from {POLL_MIN_MS} to {POLL_MAX_MS}.")
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
            toast(
                "This browser blocks notifications for this page; the queue still announces finished renders."
                if answer == "denied"
                else "This browser has no notifications; the queue still announces finished renders."
            )

    def _on_advanced(self, _event: Any) -> None:
        self._change(show_advanced=bool(self.advanced.checked))

    def _on_theme(self, _event: Any) -> None:
        self._change(theme=str(self.theme.value))

    def _on_motion(self, _event: Any) -> None:
        self._change(reduced_motion=str(self.motion.value))
