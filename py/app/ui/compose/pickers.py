"""The choices of New Render, drawn from the chosen model's capability data: the model, its
frame (pixel sizes, or an aspect ratio and a resolution), its length, sound, seed and a
negative prompt — only what the model takes, so the form never offers a value the API
would refuse.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from app.browser.dom import Node, Scope, active_element, focus, h, query, replace_children, set_attrs, set_text
from app.core.capabilities import (
    Audio,
    FrameSize,
    ModelCapability,
    Orientation,
    ProviderCapabilities,
    Stage,
    aspect_parts,
    orientation_of,
)
from app.core.compose import Draft, allowed_sizes, audio_on, model_of
from app.core.i18n import tr
from app.core.i18n.data import data_text
from app.core.model_rates import starting_rate
from app.ui.compose.more_options import MoreOptions
from app.ui.forms import field_error

MAX_MODEL_TILES = 4  # more models than this are a list (a select), not tiles
MAX_DURATION_TILES = 6  # more lengths than this are a slider

Send = Callable[..., None]  # (field=value …) -> a compose.change / set_model intent


def _aspect_icon(width: int, height: int) -> Node:
    scale = 22 / max(width, height)
    box = h("span", {"class_": "aspect-box", "aria_hidden": "true"})
    box.style.width = f"{round(width * scale)}px"
    box.style.height = f"{round(height * scale)}px"
    return h("span", {"class_": "aspect", "aria_hidden": "true"}, box)


def _shape(orientation: Orientation) -> str:
    shape = {Orientation.LANDSCAPE: "landscape", Orientation.PORTRAIT: "portrait"}.get(orientation, "square")
    return tr(f"compose.shape.{shape}")


class Pickers:
    """Builds the choice groups for one model; ``render`` again when the model changes."""

    def __init__(self, scope: Scope, *, change: Send, set_model: Callable[[str], None]) -> None:
        self._scope = scope
        self._change = change
        self._set_model = set_model
        self.model_group = h("fieldset", {"class_": "choice-group", "aria_describedby": "model-error"})
        self.model_note = h("p", {"class_": "notice warn small", "id": "model-note", "hidden": True})
        self.frame_group = h("div", {"class_": "stack frame-group"})
        self.duration_group = h("fieldset", {"class_": "choice-group durations", "aria_describedby": "seconds-error"})
        self.options = MoreOptions(scope, change=change, set_model=set_model)
        self.audio = h("input", {"type": "checkbox", "id": "audio", "role": "switch"})
        self.audio_hint = h("span", {"class_": "muted small", "id": "audio-hint"})
        self.range_value = h("output", {"for_": "seconds-range", "class_": "range-value"})
        scope.on(self.audio, "change", lambda _e: self._change(audio=bool(self.audio.checked)))
        self.audio_row = h(
            "div",
            {"class_": "check-row", "id": "audio-row"},
            self.audio,
            h("label", {"for_": "audio"}, tr("compose.sound")),
            self.audio_hint,
        )
        self.node: Node = h(
            "div",
            {"class_": "stack"},
            self.model_group,
            field_error("model"),
            self.model_note,
            self.frame_group,
            self.duration_group,
            field_error("seconds"),
            self.audio_row,
            self.options.node,
        )
        self._key: tuple[object, ...] = ()

    # -- building ------------------------------------------------------------------------------
    def render(self, provider: ProviderCapabilities, draft: Draft, *, advanced: bool, today: datetime.date) -> None:
        """Rebuild the groups when the provider, its models or the model changed."""
        model = model_of(provider, draft.model)
        key = (provider.provider_id, provider.models, model.id, draft.model, advanced)
        if key != self._key:
            self._key = key
            focused = active_element()
            kept = str(focused.id) if focused is not None and bool(self.node.contains(focused)) else ""
            self._render_models(provider, draft.model, advanced, today)
            self._render_frame(provider, model, draft.model)
            self._render_durations(model)
            self.options.render(provider, model, draft.model, advanced)
            again = query(self.node, f'[id="{kept}"]') if kept else None
            if again is not None:  # the choice just made (by arrow key too) is rebuilt: focus stays on it
                focus(again, scroll=False)
        self.check(provider, draft, today)

    def check(self, provider: ProviderCapabilities, draft: Draft, today: datetime.date) -> None:
        """Show the draft's values (the groups stay as built)."""
        model = model_of(provider, draft.model)
        _check(self.model_group, draft.model)
        select = query(self.model_group, "select")
        if select is not None and provider.model(draft.model) is not None:
            select.value = draft.model
        _check(self.frame_group, draft.size, "size")
        _check(self.frame_group, draft.aspect_ratio, "aspect_ratio")
        _check(self.frame_group, draft.resolution, "resolution")
        _check(self.duration_group, str(draft.seconds))
        slider = query(self.duration_group, "input[type=range]")
        if slider is not None:
            slider.value = str(draft.seconds)
            set_text(self.range_value, tr("compose.seconds", seconds=draft.seconds))
            set_attrs(slider, aria_valuetext=tr("compose.seconds.long", count=draft.seconds))
        self.audio_row.hidden = model.audio is Audio.NONE
        self.audio.checked = audio_on(model, draft)
        self.audio.disabled = model.audio is not Audio.OPTIONAL
        set_text(
            self.audio_hint,
            tr("compose.sound.always" if model.audio is Audio.ALWAYS else "compose.sound.optional"),
        )
        self.options.show(draft)
        stage = model.stage_on(today)
        retiring = stage is Stage.RETIRING and model.life.shutdown
        self.model_note.hidden = not retiring
        if retiring:
            instead = tr("compose.retiring.instead", model=model.life.replacement) if model.life.replacement else ""
            said = tr("compose.retiring", model=model.label, date=model.life.shutdown)
            set_text(self.model_note, f"{said}{instead}")

    def _choice(self, **change: Any) -> Callable[[], None]:
        return lambda: self._change(**change)

    def _model_choice(self, model_id: str) -> Callable[[], None]:
        return lambda: self._set_model(model_id)

    def _radio(
        self, group: str, value: str, label: Node | str, *extra: Node | str | None, on: Callable[[], None]
    ) -> Node:
        radio_id = f"{group}-{value}".replace(".", "-").replace(":", "-").replace("/", "-")
        return h(
            "label",
            {"class_": "choice-tile", "for_": radio_id},
            h(
                "input",
                {"type": "radio", "name": group, "value": value, "id": radio_id, "on_change": lambda _e: on()},
                scope=self._scope,
            ),
            label,
            *extra,
        )

    def _render_models(
        self, provider: ProviderCapabilities, current: str, advanced: bool, today: datetime.date
    ) -> None:
        offered = provider.offered(today)
        legend = h("legend", None, tr("compose.model"))
        if len(offered) <= MAX_MODEL_TILES:
            tiles = [
                self._radio(
                    "model",
                    m.id,
                    h("span", {"class_": "tile-title"}, m.label),
                    h("span", {"class_": "badge muted"}, starting_rate(m)),
                    h("span", {"class_": "tile-text"}, data_text(m.description)),
                    on=self._model_choice(m.id),
                )
                for m in offered
            ]
            replace_children(self.model_group, legend, h("div", {"class_": "tiles models"}, tiles))
            return
        select = h(
            "select",
            {"id": "model-select", "aria_label": tr("compose.model")},
            [
                h("option", {"value": m.id}, tr("compose.model.option", model=m.label, rate=starting_rate(m)))
                for m in offered
            ],
        )
        self._scope.on(select, "change", lambda _e: self._set_model(str(select.value)))
        chosen = provider.model(current)
        about = h("p", {"class_": "field-hint", "id": "model-about"}, data_text(chosen.description) if chosen else "")
        replace_children(self.model_group, legend, select, about)
        del advanced

    def _render_frame(self, provider: ProviderCapabilities, model: ModelCapability, current: str) -> None:
        if model.uses_sizes:
            sizes = allowed_sizes(provider, current)
            tiles = [
                self._radio(
                    "size",
                    size,
                    _aspect_icon(FrameSize.parse(size).width, FrameSize.parse(size).height),
                    h("span", {"class_": "tile-title"}, FrameSize.parse(size).label),
                    h("span", {"class_": "tile-text"}, _shape(FrameSize.parse(size).orientation)),
                    on=self._choice(size=size),
                )
                for size in sizes
            ]
            group = h(
                "fieldset",
                {"class_": "choice-group sizes", "aria_describedby": "size-error"},
                h("legend", None, tr("compose.size")),
                h("div", {"class_": "tiles"}, tiles),
            )
            replace_children(self.frame_group, group, field_error("size"))
            return
        aspects = [
            self._radio(
                "aspect_ratio",
                ratio,
                _aspect_icon(*aspect_parts(ratio)),
                h("span", {"class_": "tile-title"}, ratio),
                h("span", {"class_": "tile-text"}, _shape(orientation_of(ratio))),
                on=self._choice(aspect_ratio=ratio),
            )
            for ratio in model.aspect_ratios
        ]
        resolutions = [
            self._radio(
                "resolution",
                res,
                h("span", {"class_": "tile-title"}, res.upper() if res.endswith("k") else res),
                on=self._choice(resolution=res),
            )
            for res in model.resolutions
        ]
        replace_children(
            self.frame_group,
            h(
                "fieldset",
                {"class_": "choice-group sizes", "aria_describedby": "aspect_ratio-error"},
                h("legend", None, tr("compose.shape")),
                h("div", {"class_": "tiles"}, aspects),
            ),
            field_error("aspect_ratio"),
            h(
                "fieldset",
                {"class_": "choice-group", "aria_describedby": "resolution-error"},
                h("legend", None, tr("compose.resolution")),
                h("div", {"class_": "tiles segmented"}, resolutions),
            ),
            field_error("resolution"),
        )

    def _render_durations(self, model: ModelCapability) -> None:
        legend = h("legend", None, tr("compose.duration"))
        if len(model.durations) <= MAX_DURATION_TILES and not model.durations_are_range:
            tiles = [
                self._radio(
                    "seconds",
                    str(s),
                    h("span", {"class_": "tile-title"}, tr("compose.seconds", seconds=s)),
                    on=self._choice(seconds=s),
                )
                for s in model.durations
            ]
            replace_children(self.duration_group, legend, h("div", {"class_": "tiles segmented"}, tiles))
            return
        low, high = min(model.durations), max(model.durations)
        slider = h(
            "input",
            {
                "type": "range",
                "id": "seconds-range",
                "min": str(low),
                "max": str(high),
                "step": "1",
                "aria_label": tr("compose.duration"),
            },
        )
        self._scope.on(slider, "change", lambda _e: self._change(seconds=int(slider.value)))
        self._scope.on(
            slider, "input", lambda _e: set_text(self.range_value, tr("compose.seconds", seconds=slider.value))
        )
        output = self.range_value
        replace_children(
            self.duration_group,
            legend,
            h(
                "div",
                {"class_": "range-row"},
                h("span", {"class_": "muted small"}, tr("compose.seconds", seconds=low)),
                slider,
                h("span", {"class_": "muted small"}, tr("compose.seconds", seconds=high)),
                output,
            ),
        )


def _check(root: Node, value: str, group: str = "") -> None:
    selector = f"input[type=radio][name={group}]" if group else "input[type=radio]"
    for radio in root.querySelectorAll(selector):
        radio.checked = radio.value == value
