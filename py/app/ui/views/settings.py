"""Settings: endpoint (demo mode, API base URL) and appearance."""

from __future__ import annotations

from typing import Any

from app.browser.dom import Node, h, set_attrs, set_text
from app.core.endpoint import check_base_url
from app.core.errors import InputError
from app.core.providers.openai_videos.capabilities import CAPABILITIES
from app.core.state import AppState, Phase
from app.ui.views.base import View, view_header


class SettingsView(View):
    title = "Settings"

    def render(self) -> Node:
        s = self.scope
        self.demo_switch = h(
            "input",
            {"type": "checkbox", "id": "demo-mode", "role": "switch", "on_change": self._on_demo},
            scope=s,
        )
        self.base_url = h(
            "input",
            {
                "type": "url",
                "id": "base-url",
                "name": "base_url",
                "autocomplete": "off",
                "spellcheck": "false",
                "aria_describedby": "base-url-hint base-url-msg",
                "on_input": self._on_url_input,
            },
            scope=s,
        )
        self.url_message = h("p", {"id": "base-url-msg", "class_": "field-hint", "aria_live": "polite"})
        self.save_url = h(
            "button", {"type": "button", "class_": "btn", "on_click": self._on_save_url}, "Save endpoint", scope=s
        )
        self.theme = h(
            "select",
            {"id": "theme", "name": "theme", "on_change": self._on_theme},
            h("option", {"value": "dark"}, "Dark"),
            h("option", {"value": "light"}, "Light"),
            h("option", {"value": "system"}, "Same as the system"),
            scope=s,
        )
        self.motion = h(
            "select",
            {"id": "motion", "name": "reduced_motion", "on_change": self._on_motion},
            h("option", {"value": "system"}, "Follow the system setting"),
            h("option", {"value": "reduce"}, "Reduce motion"),
            h("option", {"value": "full"}, "Full motion"),
            scope=s,
        )
        endpoint = h(
            "section",
            {"class_": "card stack", "aria_labelledby": "endpoint-title"},
            h("h2", {"id": "endpoint-title"}, "Endpoint"),
            h("div", {"class_": "notice warn"}, h("p", None, CAPABILITIES.notice)),
            h(
                "div",
                {"class_": "row"},
                self.demo_switch,
                h("label", {"for_": "demo-mode"}, "Demo mode"),
                h("span", {"class_": "muted small"}, "Simulated Videos API on this server: no key, no cost."),
            ),
            h(
                "div",
                {"class_": "field"},
                h("label", {"for_": "base-url"}, "API base URL"),
                h("div", {"class_": "row"}, h("div", {"style_": None, "class_": "grow"}, self.base_url), self.save_url),
                h(
                    "p",
                    {"id": "base-url-hint", "class_": "field-hint"},
                    "Any OpenAI-compatible endpoint that serves /videos, e.g. https://api.openai.com/v1 "
                    "or a gateway on this computer (http://localhost:…).",
                ),
                self.url_message,
            ),
        )
        appearance = h(
            "section",
            {"class_": "card stack", "aria_labelledby": "appearance-title"},
            h("h2", {"id": "appearance-title"}, "Appearance"),
            h("div", {"class_": "field"}, h("label", {"for_": "theme"}, "Theme"), self.theme),
            h("div", {"class_": "field"}, h("label", {"for_": "motion"}, "Motion"), self.motion),
        )
        self.root = h(
            "section",
            {"class_": "stack"},
            view_header("Settings", "Your endpoint, key and preferences. Everything stays in this browser."),
            endpoint,
            appearance,
        )
        self.update(self.ctx.store.state, self.ctx.store.state)
        return self.root

    # -- state → DOM -------------------------------------------------------------
    def update(self, state: AppState, old: AppState) -> None:
        ready = state.phase is Phase.READY and state.settings is not None
        for control in (self.demo_switch, self.base_url, self.save_url, self.theme, self.motion):
            set_attrs(control, disabled=not ready)
        if not ready or state.settings is None:
            return
        settings = state.settings
        if old.settings is None or settings != old.settings:
            self.demo_switch.checked = settings.demo_mode
            self.base_url.value = settings.base_url
            self.theme.value = settings.theme
            self.motion.value = settings.reduced_motion

    # -- intents ---------------------------------------------------------------------
    def _controller(self) -> Any:
        return self.ctx.controller

    def _on_demo(self, _event: Any) -> None:
        controller = self._controller()
        if controller is not None:
            self.ctx.run(controller.set_demo_mode(bool(self.demo_switch.checked)))

    def _on_url_input(self, _event: Any) -> None:
        check = check_base_url(str(self.base_url.value))
        set_attrs(self.base_url, aria_invalid=not check.ok)
        set_text(self.url_message, check.error or check.warning)

    def _on_save_url(self, _event: Any) -> None:
        controller = self._controller()
        if controller is None:
            return

        async def save() -> None:
            try:
                warning = await controller.set_base_url(str(self.base_url.value))
            except InputError as exc:
                set_attrs(self.base_url, aria_invalid=True)
                set_text(self.url_message, exc.message)
                return
            set_attrs(self.base_url, aria_invalid=False)
            set_text(self.url_message, warning or "Saved. Demo mode is off; calls now go to this endpoint.")

        self.ctx.run(save())

    def _on_theme(self, _event: Any) -> None:
        controller = self._controller()
        if controller is not None:
            self.ctx.run(controller.change_settings(theme=str(self.theme.value)))

    def _on_motion(self, _event: Any) -> None:
        controller = self._controller()
        if controller is not None:
            self.ctx.run(controller.change_settings(reduced_motion=str(self.motion.value)))
