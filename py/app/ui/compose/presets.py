"""The presets row of New Render: pick a saved preset and apply it, save the form as one,
rename or delete the one picked.

The picked preset is only a choice in the list until Apply (a preset replaces the prompt,
so it is never applied by merely moving through the list with the keyboard).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from app.browser.dom import Node, Scope, h, replace_children, set_attrs
from app.core.errors import AppError
from app.core.i18n import tr
from app.core.state import AppState
from app.ui.context import UiContext
from app.ui.forms import button
from app.ui.library.prompts import ask_text, confirm
from app.ui.toasts import toast

NONE = ""


class PresetBar:
    def __init__(
        self, ctx: UiContext, scope: Scope, *, prompt: Callable[[], str], drop_typing: Callable[[], None]
    ) -> None:
        self.ctx = ctx
        self._prompt = prompt  # the prompt as typed (its draft is saved a moment later)
        self._drop_typing = drop_typing  # forget that pending save: the preset's prompt replaces it
        self.select = h("select", {"id": "preset", "name": "preset", "aria_describedby": "preset-hint"})
        scope.on(self.select, "change", lambda _e: self._enable())
        self.apply_btn = button(tr("compose.preset.apply"), self._on_apply, scope, kind="small", id="preset-apply")
        self.save_btn = button(tr("compose.preset.save"), self._on_save, scope, kind="small", id="preset-save")
        self.rename_btn = button(tr("compose.preset.rename"), self._on_rename, scope, kind="small", id="preset-rename")
        self.delete_btn = button(
            tr("compose.preset.delete"), self._on_delete, scope, kind="small danger-quiet", id="preset-delete"
        )
        self.hint = h("p", {"id": "preset-hint", "class_": "field-hint"})
        self.node: Node = h(
            "div",
            {"class_": "field presets", "id": "presets"},
            h("label", {"for_": "preset"}, tr("compose.preset")),
            h("div", {"class_": "row"}, self.select, self.apply_btn, self.rename_btn, self.delete_btn),
            h("div", {"class_": "row"}, self.save_btn),
            self.hint,
        )
        self._shown: tuple[Any, ...] | None = None

    def update(self, state: AppState) -> None:
        if state.presets == self._shown:
            return
        self._shown = state.presets
        picked = str(self.select.value)
        ids = {p.id for p in state.presets}
        replace_children(
            self.select,
            h("option", {"value": NONE}, tr("compose.preset.none" if state.presets else "compose.preset.none_saved")),
            [h("option", {"value": p.id, "selected": p.id == picked}, p.name) for p in state.presets],
        )
        self.select.value = picked if picked in ids else NONE
        count = len(state.presets)
        self.hint.textContent = tr("compose.preset.hint", count=count) if count else tr("compose.preset.hint.empty")
        self._enable()

    def _enable(self) -> None:
        none = str(self.select.value) == NONE
        for node in (self.apply_btn, self.rename_btn, self.delete_btn):
            set_attrs(node, disabled=none)

    def _picked(self) -> Any:
        preset_id = str(self.select.value)
        return next((p for p in self.ctx.store.state.presets if p.id == preset_id), None)

    async def _do(self, action: Any, done: str) -> bool:
        try:
            await self.ctx.intents.do(action)
        except AppError as exc:
            toast(str(exc), kind="error")
            return False
        toast(done)
        return True

    def _on_apply(self, _event: Any) -> None:
        preset = self._picked()
        if preset is not None:
            self._drop_typing()
            self.ctx.run(self._do(lambda c: c.apply_preset(preset.id), tr("compose.preset.applied", name=preset.name)))

    def _on_save(self, _event: Any) -> None:
        picked = self._picked()
        ask_text(
            tr("compose.preset.save.title"),
            tr("compose.preset.name"),
            picked.name if picked is not None else "",
            tr("compose.preset.save.confirm"),
            lambda name: self.ctx.run(self._save(name)),
            hint=tr("compose.preset.save.hint"),
        )

    async def _save(self, name: str) -> None:
        draft = dataclasses.replace(self.ctx.store.state.draft, prompt=self._prompt())
        try:
            preset, replaced = await self.ctx.intents.do(lambda c: c.presets.save(name, draft, c.hub.active_id))
        except AppError as exc:
            toast(str(exc), kind="error")
            return
        self.select.value = preset.id
        self._enable()
        toast(tr("compose.preset.replaced" if replaced else "compose.preset.saved", name=preset.name))

    def _on_rename(self, _event: Any) -> None:
        preset = self._picked()
        if preset is None:
            return
        ask_text(
            tr("compose.preset.rename.title", name=preset.name),
            tr("compose.preset.name"),
            preset.name,
            tr("compose.preset.rename.confirm"),
            lambda name: self.ctx.run(
                self._do(lambda c: c.presets.rename(preset.id, name), tr("compose.preset.renamed"))
            ),
        )

    def _on_delete(self, _event: Any) -> None:
        preset = self._picked()
        if preset is None:
            return
        confirm(
            tr("compose.preset.delete.title", name=preset.name),
            tr("compose.preset.delete.text"),
            tr("compose.preset.delete.confirm"),
            lambda _option: self.ctx.run(
                self._do(lambda c: c.presets.delete(preset.id), tr("compose.preset.deleted", name=preset.name))
            ),
        )
