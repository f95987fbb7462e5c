"""The images of New Render: which slots the model wants, each one's state, paste, errors.

A model asks for a first frame, a last frame and up to N references; the form shows the
filled references plus one empty slot while more are allowed. Slots are kept while shown
(re-inserting one would blur its focus), and one paste handler serves the whole form.
"""

from __future__ import annotations

from typing import Any

from app.browser.dom import Node, Scope, document_node, h, replace_children
from app.browser.ffi import is_null
from app.core.capabilities import ImageRole, ModelCapability
from app.core.i18n import tr
from app.core.state import AppState
from app.ui.compose.image_slot import ImageSlot
from app.ui.context import UiContext

REFERENCE = "reference-"


def _reference_number(slot: str) -> int:
    return int(slot.removeprefix(REFERENCE))


def wanted_slots(model: ModelCapability, state: AppState) -> list[str]:
    """The slots to show, in order: the frames the model takes, the filled references, one free."""
    slots = [
        name
        for name, wanted in (("first_frame", model.images.first_frame), ("last_frame", model.images.last_frame))
        if wanted
    ]
    filled = sorted((k for k in state.draft_images if k.startswith(REFERENCE)), key=_reference_number)
    shown = filled[: model.images.max_references]
    if len(shown) < model.images.max_references:
        taken = {_reference_number(k) for k in shown}
        shown.append(f"{REFERENCE}{next(n for n in range(1, 100) if n not in taken)}")
    return slots + shown


def image_roles(model: ModelCapability, state: AppState) -> frozenset[ImageRole]:
    """The frame images of the draft that the model takes (what the price and the checks count)."""
    roles = set()
    if model.images.first_frame and "first_frame" in state.draft_images:
        roles.add(ImageRole.FIRST_FRAME)
    if model.images.last_frame and "last_frame" in state.draft_images:
        roles.add(ImageRole.LAST_FRAME)
    return frozenset(roles)


def reference_count(model: ModelCapability, state: AppState) -> int:
    """The draft's references that the model takes (more are kept, not sent)."""
    count = sum(1 for k in state.draft_images if k.startswith(REFERENCE))
    return min(count, model.images.max_references)


class ImageSlots:
    def __init__(self, ctx: UiContext, scope: Scope) -> None:
        self.ctx = ctx
        self.scope = scope
        self.slots: dict[str, ImageSlot] = {}
        self._shown: list[str] = []  # the slots in the page, in order
        self.node = h("div", {"class_": "stack images", "id": "images"})
        scope.on(document_node(), "paste", self._on_paste)

    def render(self, model: ModelCapability, state: AppState) -> None:
        wanted = wanted_slots(model, state)
        for slot in [k for k in self.slots if k not in wanted]:
            self.slots.pop(slot).close()
        for slot in wanted:
            if slot not in self.slots:
                self.slots[slot] = ImageSlot(self.ctx, self.scope, slot)
            self.slots[slot].configure(model.images)
            self.slots[slot].update(state)
        children: list[Node] = [self.slots[slot].node for slot in wanted]
        if wanted != self._shown:
            self._shown = wanted
            replace_children(
                self.node,
                h("h2", {"class_": "label", "id": "images-title"}, tr("compose.images")) if children else None,
                children,
            )

    def show_errors(self, errors: dict[str, str]) -> None:
        for slot in self.slots.values():
            role = "reference" if slot.slot.startswith(REFERENCE) else slot.slot
            slot.show_error(errors.get(f"image_{role}", ""))

    def _on_paste(self, event: Any) -> None:
        data = event.clipboardData
        files: Any = None if is_null(data) else data.files
        if is_null(files) or not files.length:
            return  # text pastes go to the prompt as usual
        target = next((slot for slot in self.slots.values() if slot.empty), None)
        if target is not None:
            event.preventDefault()
            target.take(files.item(0))

    def close(self) -> None:
        for slot in self.slots.values():
            slot.close()
