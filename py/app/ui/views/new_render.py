"""New Render: prompt, reference image, model, size, duration, live cost, Render."""

from __future__ import annotations

from typing import Any

from app.browser.dom import Node, Pending, h, replace_children, set_attrs, set_text, text_node
from app.core.capabilities import FrameSize, Orientation
from app.core.compose import allowed_durations, allowed_sizes, check_model_id, prompt_counter
from app.core.errors import InputError
from app.core.pricing import FOOTNOTE, estimate, format_estimate, format_rate
from app.core.routes import Route, href
from app.core.state import AppState, Phase
from app.ui.compose_image import ImagePicker
from app.ui.safety import SafetyDialog
from app.ui.toasts import toast
from app.ui.views.base import View, view_header

PROMPT_TIPS = (
    "Say what the camera sees: subject, setting, time of day, light.",
    "Describe motion and camera moves: “slow push-in”, “handheld tracking shot”.",
    "Add sound: ambience, music mood, a line of dialogue in quotes.",
    "One clear shot works better than a story with many cuts.",
    "A reference image becomes the first frame; describe what happens next.",
)
SAVE_DELAY_MS = 400
PLACEHOLDER = "A slow cinematic push-in on a mossy forest floor at dawn, mist, shallow depth of field, birdsong"


def _error(field: str) -> Node:
    return h("p", {"id": f"{field}-error", "class_": "field-error", "hidden": True})


def _aspect_icon(size: str) -> Node:
    frame = FrameSize.parse(size)
    scale = 22 / max(frame.width, frame.height)
    box = h("span", {"class_": "aspect-box", "aria_hidden": "true"})
    box.style.width = f"{round(frame.width * scale)}px"
    box.style.height = f"{round(frame.height * scale)}px"
    return h("span", {"class_": "aspect", "aria_hidden": "true"}, box)


def _orientation(size: str) -> str:
    return {Orientation.LANDSCAPE: "Landscape", Orientation.PORTRAIT: "Portrait"}.get(
        FrameSize.parse(size).orientation, "Square"
    )


class NewRenderView(View):
    title = "New Render"

    def render(self) -> Node:
        s = self.scope
        self._save_timer: Pending | None = None
        self.prompt = h(
            "textarea",
            {
                "id": "prompt",
                "name": "prompt",
                "rows": "7",
                "aria_describedby": "prompt-counter prompt-error",
                "placeholder": PLACEHOLDER,
            },
        )
        s.on(self.prompt, "input", self._on_prompt)
        self.counter = h("span", {"id": "prompt-counter", "class_": "counter", "aria_live": "polite"})
        self.image = ImagePicker(self.ctx, s)
        self.model_fieldset = h("fieldset", {"class_": "choice-group", "aria_describedby": "model-error"})
        self.advanced = h("details", {"class_": "advanced"})
        self.size_fieldset = h("fieldset", {"class_": "choice-group sizes", "aria_describedby": "size-error"})
        self.duration_fieldset = h(
            "fieldset", {"class_": "choice-group durations", "aria_describedby": "seconds-error"}
        )
        self.estimate = h(
            "p",
            {
                "id": "estimate",
                "class_": "estimate",
                "tabindex": "0",
                "aria_describedby": "estimate-note",
                "aria_live": "polite",
            },
        )
        self.render_btn = h(
            "button",
            {"type": "button", "class_": "btn primary big", "id": "render", "on_click": self._on_render},
            "Render",
            scope=s,
        )
        self.submit_note = h("p", {"class_": "field-hint", "id": "render-note"})
        self._rendered_model = ""
        self._rendered_advanced: bool | None = None
        compose = h(
            "div",
            {"class_": "card stack"},
            h(
                "div",
                {"class_": "field"},
                h("div", {"class_": "label-row"}, h("label", {"for_": "prompt"}, "Prompt"), self.counter),
                self.prompt,
                _error("prompt"),
                h(
                    "details",
                    {"class_": "tips"},
                    h("summary", None, "Prompt tips"),
                    h("ul", None, [h("li", None, tip) for tip in PROMPT_TIPS]),
                ),
            ),
            self.image.node,
        )
        controls = h(
            "div",
            {"class_": "card stack controls"},
            self.model_fieldset,
            _error("model"),
            self.advanced,
            self.size_fieldset,
            _error("size"),
            self.duration_fieldset,
            _error("seconds"),
            h(
                "div",
                {"class_": "cost"},
                self.estimate,
                h("p", {"id": "estimate-note", "role": "tooltip", "class_": "tooltip"}, FOOTNOTE),
            ),
            self.render_btn,
            self.submit_note,
            h(
                "p",
                {"class_": "small muted"},
                "By rendering you confirm you have the rights to any uploaded media. ",
                h(
                    "button",
                    {"type": "button", "class_": "linklike", "on_click": self._open_safety},
                    "Rights and safety",
                    scope=s,
                ),
            ),
        )
        self.root = h(
            "section",
            {"class_": "stack"},
            view_header("New Render", "Describe a video, pick its model, size and length, see the price, render."),
            h("div", {"class_": "grid-2"}, compose, controls),
        )
        state = self.ctx.store.state
        self.prompt.value = state.draft.prompt
        self.update(state, AppState())
        return self.root

    # -- state → DOM -------------------------------------------------------------------
    def update(self, state: AppState, old: AppState) -> None:
        draft = state.draft
        ready = state.phase is Phase.READY
        if draft.prompt != old.draft.prompt and draft.prompt != str(self.prompt.value):
            self.prompt.value = draft.prompt  # changed elsewhere (restored draft, re-run with tweaks)
        text, over = prompt_counter(self.ctx.capabilities, str(self.prompt.value))
        set_text(self.counter, f"{text} characters" + (" — over the limit" if over else ""))
        self.counter.classList.toggle("over", over)
        advanced = bool(state.settings and state.settings.show_advanced)
        if draft.model != self._rendered_model or advanced != self._rendered_advanced:
            self._render_models(draft.model, advanced)
            self._render_sizes(draft.model)
            self._render_durations(draft.model)
            self._rendered_model, self._rendered_advanced = draft.model, advanced
        self._check(self.size_fieldset, draft.size)
        self._check(self.duration_fieldset, str(draft.seconds))
        self._check(self.model_fieldset, draft.model)
        set_text(
            self.estimate, format_estimate(estimate(self.ctx.capabilities, draft.model, draft.size, draft.seconds))
        )
        self.image.update(state, old)
        if state.form_errors != old.form_errors or old.phase is not state.phase:
            self._show_errors(dict(state.form_errors))
        set_attrs(self.render_btn, disabled=not ready or state.submitting, aria_busy=state.submitting)
        set_text(self.render_btn, "Submitting…" if state.submitting else "Render")
        if state.phase is not Phase.READY:
            set_text(self.submit_note, "Loading your settings…")
        elif state.settings and not state.settings.demo_mode and state.vault and state.vault.state != "unlocked":
            set_text(self.submit_note, "Add (or unlock) your API key in Settings first, or switch on demo mode.")
        else:
            set_text(self.submit_note, "")

    def _check(self, fieldset: Node, value: str) -> None:
        for radio in fieldset.querySelectorAll("input[type=radio]"):
            radio.checked = radio.value == value

    def _show_errors(self, errors: dict[str, str]) -> None:
        controls = {
            "prompt": self.prompt,
            "model": self.model_fieldset,
            "size": self.size_fieldset,
            "seconds": self.duration_fieldset,
        }
        for field in ("prompt", "model", "size", "seconds"):
            node = self.root.querySelector(f"#{field}-error")
            message = errors.get(field, "")
            node.textContent = message
            node.hidden = not message
            set_attrs(controls[field], aria_invalid=bool(message))
        self.image.show_error(errors.get("image", ""))
        first = next((f for f in ("prompt", "model", "size", "seconds") if errors.get(f)), None)
        if first == "prompt":
            self.prompt.focus()

    # -- pickers ---------------------------------------------------------------------------
    def _radio(self, group: str, value: str, label: Node | str, *extra: Node | str | None) -> Node:
        radio_id = f"{group}-{value}".replace(".", "-")
        return h(
            "label",
            {"class_": "choice-tile", "for_": radio_id},
            h(
                "input",
                {
                    "type": "radio",
                    "name": group,
                    "value": value,
                    "id": radio_id,
                    "on_change": lambda _e: self._on_choice(group, value),
                },
                scope=self.scope,
            ),
            label,
            *extra,
        )

    def _render_models(self, current: str, advanced: bool) -> None:
        tiles = []
        for model in self.ctx.capabilities.primary_models:
            rates = [self.ctx.capabilities.prices.rate(model, size) for size in model.sizes]
            known = [r for r in rates if r is not None]
            badge = f"from {format_rate(min(known))}" if known else "price unknown"
            tiles.append(
                self._radio(
                    "model",
                    model.id,
                    h("span", {"class_": "tile-title"}, model.label),
                    h("span", {"class_": "badge muted"}, badge),
                    h("span", {"class_": "tile-text"}, model.description),
                )
            )
        replace_children(self.model_fieldset, h("legend", None, "Model"), h("div", {"class_": "tiles models"}, tiles))
        snapshots = [m for m in self.ctx.capabilities.models if m.is_snapshot]
        select = h(
            "select",
            {"id": "snapshot", "on_change": self._on_snapshot},
            h("option", {"value": ""}, "Latest (no snapshot)"),
            [h("option", {"value": m.id, "selected": m.id == current}, m.id) for m in snapshots],
            scope=self.scope,
        )
        custom = h(
            "input",
            {
                "type": "text",
                "id": "custom-model",
                "name": "custom_model",
                "autocomplete": "off",
                "spellcheck": "false",
                "placeholder": "e.g. my-gateway/sora-2",
                "value": current if self.ctx.capabilities.model(current) is None else "",
            },
        )
        use = h(
            "button",
            {"type": "button", "class_": "btn small", "on_click": lambda _e: self._on_custom(custom)},
            "Use model",
            scope=self.scope,
        )
        replace_children(
            self.advanced,
            h("summary", None, "Advanced"),
            h(
                "div",
                {"class_": "stack"},
                h("div", {"class_": "field"}, h("label", {"for_": "snapshot"}, "Snapshot"), select),
                h(
                    "div",
                    {"class_": "field"},
                    h("label", {"for_": "custom-model"}, "Custom model id"),
                    h("div", {"class_": "row"}, custom, use),
                    h(
                        "p",
                        {"class_": "field-hint"},
                        "For OpenAI-compatible endpoints that name their models differently. "
                        "Prices of custom models are unknown.",
                    ),
                ),
                h("p", {"class_": "field-hint", "id": "current-model"}, f"Sending model: {current}"),
            ),
        )
        self.advanced.open = (
            advanced
            or self.ctx.capabilities.model(current) is None
            or current not in [m.id for m in self.ctx.capabilities.primary_models]
        )

    def _render_sizes(self, model: str) -> None:
        tiles = [
            self._radio(
                "size",
                size,
                _aspect_icon(size),
                h("span", {"class_": "tile-title"}, FrameSize.parse(size).label),
                h("span", {"class_": "tile-text"}, _orientation(size)),
            )
            for size in allowed_sizes(self.ctx.capabilities, model)
        ]
        replace_children(self.size_fieldset, h("legend", None, "Size"), h("div", {"class_": "tiles"}, tiles))

    def _render_durations(self, model: str) -> None:
        tiles = [
            self._radio("seconds", str(s), h("span", {"class_": "tile-title"}, f"{s} s"))
            for s in allowed_durations(self.ctx.capabilities, model)
        ]
        replace_children(
            self.duration_fieldset, h("legend", None, "Duration"), h("div", {"class_": "tiles segmented"}, tiles)
        )

    # -- intents ------------------------------------------------------------------------------
    def _on_prompt(self, _event: Any) -> None:
        text, over = prompt_counter(self.ctx.capabilities, str(self.prompt.value))
        set_text(self.counter, f"{text} characters" + (" — over the limit" if over else ""))
        self.counter.classList.toggle("over", over)
        if self._save_timer is not None:
            self._save_timer.cancel()
        self._save_timer = self.scope.after(SAVE_DELAY_MS, self._save_prompt)

    def close(self) -> None:
        if self._save_timer is not None:  # leaving before the draft was saved: save it now
            self._save_timer.cancel()
            self._save_prompt()
        super().close()

    def _save_prompt(self) -> None:
        self._save_timer = None
        prompt = str(self.prompt.value)
        self.ctx.run(self.ctx.intents.do(lambda c: c.compose.change(prompt=prompt)))

    def _on_choice(self, group: str, value: str) -> None:
        if group == "model":
            self.ctx.run(self.ctx.intents.do(lambda c: c.compose.set_model(value)))
        elif group == "size":
            self.ctx.run(self.ctx.intents.do(lambda c: c.compose.change(size=value)))
        else:
            self.ctx.run(self.ctx.intents.do(lambda c: c.compose.change(seconds=int(value))))

    def _on_snapshot(self, event: Any) -> None:
        value = str(event.target.value) or self.ctx.capabilities.primary_models[0].id
        self.ctx.run(self.ctx.intents.do(lambda c: c.compose.set_model(value)))

    def _on_custom(self, field: Node) -> None:
        try:
            model_id = check_model_id(str(field.value))
        except InputError as exc:
            self._show_errors({**self.ctx.store.state.form_errors, "model": exc.message})
            return
        self.ctx.run(self.ctx.intents.do(lambda c: c.compose.set_model(model_id)))

    def _open_safety(self, _event: Any) -> None:
        SafetyDialog(self.ctx, on_accept=None).open()

    def _on_render(self, _event: Any) -> None:
        if self.ctx.store.state.submitting:
            return
        if self._save_timer is not None:
            self._save_timer.cancel()
            self._save_timer = None
        prompt = str(self.prompt.value)
        settings = self.ctx.store.state.settings
        if settings is not None and not settings.safety_acknowledged:
            SafetyDialog(self.ctx, on_accept=lambda: self._submit(prompt)).open()
            return
        self._submit(prompt)

    def _submit(self, prompt: str) -> None:
        async def go() -> None:
            await self.ctx.intents.do(lambda c: c.compose.change(prompt=prompt))
            job = await self.ctx.intents.do(lambda c: c.compose.submit())
            if job is None:
                return
            if job.status == "failed":
                toast(f"The API did not accept the render: {job.error_message}", kind="error")
            elif job.remote_id is None:
                toast("No answer from the API yet. The job is in the Queue and will be checked, not resent.")
            else:
                toast("Render started. Follow it in the Queue.")
                set_text(self.submit_note, "")
                self.submit_note.replaceChildren(
                    text_node("Started. "),
                    h("a", {"href": href(Route.QUEUE)}, "Open the Queue"),
                )

        self.ctx.run(go())
