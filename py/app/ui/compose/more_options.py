"""New Render's "More options": seed, negative prompt, a dated snapshot, a custom model id.

Only the fields the chosen model takes are drawn; the section opens by itself when the
user asked for advanced options, or when the model in use is a snapshot or a custom id
(so what is being used is never hidden).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.browser.dom import Node, Scope, h, replace_children
from app.core.capabilities import ModelCapability, ProviderCapabilities
from app.core.compose import Draft
from app.core.i18n import tr
from app.ui.forms import field_error


def _field(label_for: str, label: str, *parts: Node | None) -> Node:
    return h("div", {"class_": "field"}, h("label", {"for_": label_for}, label), *parts)


class MoreOptions:
    def __init__(self, scope: Scope, *, change: Callable[..., None], set_model: Callable[[str], None]) -> None:
        self._scope = scope
        self._set_model = set_model
        self.node = h("details", {"class_": "advanced options"})
        self.seed = h("input", {"type": "text", "id": "seed", "inputmode": "numeric", "autocomplete": "off"})
        self.negative = h("textarea", {"id": "negative-prompt", "rows": "2"})
        scope.on(self.seed, "change", lambda _e: change(seed=str(self.seed.value)))
        scope.on(self.negative, "change", lambda _e: change(negative_prompt=str(self.negative.value)))

    def render(self, provider: ProviderCapabilities, model: ModelCapability, current: str, advanced: bool) -> None:
        """Rebuild for ``model`` (``current`` is the draft's model id, maybe a snapshot or custom)."""
        parts: list[Node] = []
        if model.seed:
            hint = h("p", {"class_": "field-hint"}, tr("compose.seed.hint"))
            parts.append(_field("seed", tr("compose.seed"), self.seed, hint, field_error("seed")))
        if model.negative_prompt:
            hint = h("p", {"class_": "field-hint"}, tr("compose.negative.hint"))
            error = field_error("negative_prompt")
            parts.append(_field("negative-prompt", tr("compose.negative"), self.negative, hint, error))
        snapshots = [m for m in provider.models if m.is_snapshot]
        if snapshots:
            parts.append(self._snapshots(provider, snapshots, current))
        if provider.custom_models:
            parts.extend(self._custom(provider, current))
        self.node.hidden = not parts
        replace_children(self.node, h("summary", None, tr("compose.more")), h("div", {"class_": "stack"}, parts))
        known = provider.model(current)
        self.node.open = advanced or (provider.custom_models and (known is None or known.is_snapshot))

    def show(self, draft: Draft) -> None:
        """The draft's seed and negative prompt, without disturbing what is being typed."""
        if str(self.seed.value) != draft.seed:
            self.seed.value = draft.seed
        if str(self.negative.value) != draft.negative_prompt:
            self.negative.value = draft.negative_prompt

    def _snapshots(self, provider: ProviderCapabilities, snapshots: list[ModelCapability], current: str) -> Node:
        select = h(
            "select",
            {"id": "snapshot"},
            h("option", {"value": ""}, tr("compose.snapshot.latest")),
            [h("option", {"value": m.id, "selected": m.id == current}, m.id) for m in snapshots],
        )
        self._scope.on(select, "change", lambda _e: self._set_model(str(select.value) or provider.models[0].id))
        return _field("snapshot", tr("compose.snapshot"), select)

    def _custom(self, provider: ProviderCapabilities, current: str) -> list[Node]:
        custom: Any = h(
            "input",
            {
                "type": "text",
                "id": "custom-model",
                "autocomplete": "off",
                "spellcheck": "false",
                "placeholder": tr("compose.custom.placeholder"),
                "value": current if provider.model(current) is None else "",
            },
        )
        use = h(
            "button",
            {"type": "button", "class_": "btn small", "on_click": lambda _e: self._set_model(str(custom.value))},
            tr("compose.custom.use"),
            scope=self._scope,
        )
        hint = h("p", {"class_": "field-hint"}, tr("compose.custom.hint"))
        return [
            _field("custom-model", tr("compose.custom"), h("div", {"class_": "row"}, custom, use), hint),
            h("p", {"class_": "field-hint", "id": "current-model"}, tr("compose.custom.current", model=current)),
        ]
