"""One image of New Render (first frame, last frame, or a reference): drop, pick, paste, preview.

A first frame that must match the video size shows how it is fitted (crop or fit); any
other image is only re-encoded within a bounded size. Paste goes to the first slot that
is shown and empty, so one paste handler serves the whole form.
"""

from __future__ import annotations

from typing import Any

from app.browser.dom import Node, Scope, active_element, focus, h, query, replace_children, set_text
from app.browser.ffi import is_null
from app.browser.media_urls import object_url, revoke
from app.core.capabilities import FrameSize, ImageInputs
from app.core.i18n import tr
from app.core.i18n.data import data_text
from app.core.state import AppState, DraftImage
from app.ui.context import UiContext
from app.ui.icons import icon

NAMED = frozenset({"first_frame", "last_frame"})  # slots with their own label, hint and Remove text


def slot_label(slot: str) -> str:
    if slot.startswith("reference-"):
        return tr("compose.image.reference", number=slot.removeprefix("reference-"))
    return tr(f"compose.image.{slot}") if slot in NAMED else tr("compose.image")


def _remove_label(slot: str) -> str:
    """Its own message, not the label lowercased: German nouns keep their capital."""
    if slot.startswith("reference-"):
        return tr("compose.image.reference.remove", number=slot.removeprefix("reference-"))
    return tr(f"compose.image.{slot}.remove") if slot in NAMED else tr("compose.image.remove")


class ImageSlot:
    def __init__(self, ctx: UiContext, scope: Scope, slot: str) -> None:
        self.ctx = ctx
        self.scope = scope
        self.slot = slot
        self._preview_url: str | None = None
        self._shown: DraftImage | None = None
        base = f"image-{slot}"
        self.error_id = f"{base}-error"
        self.file_input = h(
            "input",
            {
                "type": "file",
                "id": f"{base}-file",
                "class_": "sr-only",
                "aria_describedby": f"{base}-rule {base}-error",
            },
        )
        scope.on(self.file_input, "change", self._on_file)
        self.drop = h(
            "div",
            {"class_": "dropzone", "id": f"{base}-drop"},
            icon("image", size=24),
            h(
                "p",
                None,
                h("strong", None, slot_label(slot)),
                tr("compose.image.drop.before"),
                h("label", {"for_": f"{base}-file", "class_": "linklike"}, tr("compose.image.drop.choose")),
                tr("compose.image.drop.after"),
            ),
        )
        for event in ("dragenter", "dragover"):
            scope.on(self.drop, event, self._on_drag)
        scope.on(self.drop, "dragleave", lambda _e: self.drop.classList.remove("dragging"))
        scope.on(self.drop, "drop", self._on_drop)
        self.preview_area = h("div", {"class_": "image-preview", "hidden": True})
        self.error = h("p", {"id": self.error_id, "class_": "field-error", "hidden": True})
        self.rule = h("p", {"id": f"{base}-rule", "class_": "field-hint"})
        self.node: Node = h(
            "div",
            {"class_": "field image-slot", "role": "group", "aria_label": slot_label(slot), "data_slot": slot},
            self.file_input,
            self.drop,
            self.preview_area,
            self.error,
            self.rule,
        )

    @property
    def empty(self) -> bool:
        return self._shown is None

    def configure(self, images: ImageInputs) -> None:
        """The model's rules: accepted types and what the image is for."""
        self.file_input.setAttribute("accept", ",".join(images.mime_types))
        hint = tr(f"compose.image.{self.slot}.hint") if self.slot in NAMED else ""
        note = data_text(images.note) if self.slot == "first_frame" and images.note else hint
        names = [m.split("/")[-1].upper().replace("WEBP", "WebP") for m in images.mime_types]
        kinds = (
            tr("compose.image.kinds", some=", ".join(names[:-1]), last=names[-1]) if len(names) > 1 else "".join(names)
        )
        set_text(self.rule, f"{kinds}. {note}".strip())

    def show_error(self, message: str) -> None:
        set_text(self.error, message)
        self.error.hidden = not message

    # -- state → DOM -------------------------------------------------------------------------
    def update(self, state: AppState) -> None:
        image = state.draft_images.get(self.slot)
        if image is self._shown:
            return
        self._shown = image
        if self._preview_url is not None:
            revoke(self._preview_url)
            self._preview_url = None
        if image is None:
            self.preview_area.hidden = True
            self.drop.hidden = self.file_input.hidden = False
            replace_children(self.preview_area)
            return
        focused = active_element()
        had_focus = focused is not None and bool(self.node.contains(focused))  # the input, or the old preview
        focused_id = str(focused.id) if focused is not None and had_focus and focused.id else ""
        self._preview_url = object_url(image.prepared.blob)
        prepared = image.prepared
        picture = h(
            "img",
            {
                "src": self._preview_url,
                "alt": tr("compose.image.alt", label=slot_label(self.slot), name=image.name),
                "width": str(prepared.width),
                "height": str(prepared.height),
                "class_": "preview-img",
                "id": f"image-{self.slot}-preview",
            },
        )
        remove = h(
            "button",
            {"type": "button", "class_": "btn small", "on_click": self._on_remove},
            _remove_label(self.slot),
            scope=self.scope,
        )
        replace_children(
            self.preview_area,
            h("div", {"class_": "preview-frame"}, picture),
            h(
                "div",
                {"class_": "stack small-gap"},
                h("p", {"class_": "small"}, h("strong", None, image.name)),
                h("p", {"class_": "small muted", "id": f"image-{self.slot}-dims"}, _dims(image)),
                self._fit_choice(image) if image.size else None,
                remove,
            ),
        )
        self.preview_area.hidden = False
        self.drop.hidden = self.file_input.hidden = True  # its label is in the drop zone: out of the tab order too
        if had_focus:  # what held focus was just hidden or rebuilt: it stays in the slot, not on <body>
            again = query(self.preview_area, f'[id="{focused_id}"]') if focused_id else None
            focus(again if again is not None else remove)

    def _fit_choice(self, image: DraftImage) -> Node:
        cover = image.fit == "cover"
        return h(
            "fieldset",
            {"class_": "inline-radios"},
            h("legend", None, tr("compose.image.fit")),
            self._fit_radio("cover", tr("compose.image.fit.cover"), cover),
            self._fit_radio("contain", tr("compose.image.fit.contain"), not cover),
        )

    def _fit_radio(self, value: str, label: str, checked: bool) -> Node:
        radio_id = f"fit-{value}"
        return h(
            "label",
            {"for_": radio_id, "class_": "inline-radio"},
            h(
                "input",
                {
                    "type": "radio",
                    "name": "image_fit",
                    "id": radio_id,
                    "value": value,
                    "checked": checked,
                    "on_change": lambda _e: self._set_fit(value),
                },
                scope=self.scope,
            ),
            label,
        )

    # -- intents -------------------------------------------------------------------------------
    def take(self, file: Any) -> None:
        if file is None:
            return
        name = str(getattr(file, "name", "") or "pasted-image")
        slot = self.slot
        self.ctx.run(self.ctx.intents.do(lambda c: c.compose.set_image(slot, file, name)))

    def _on_file(self, _event: Any) -> None:
        files = self.file_input.files
        if not is_null(files) and files.length:
            self.take(files.item(0))
        self.file_input.value = ""

    def _on_drag(self, event: Any) -> None:
        event.preventDefault()
        self.drop.classList.add("dragging")

    def _on_drop(self, event: Any) -> None:
        event.preventDefault()
        self.drop.classList.remove("dragging")
        files: Any = None if is_null(event.dataTransfer) else event.dataTransfer.files
        if not is_null(files) and files.length:
            self.take(files.item(0))

    def _set_fit(self, fit: str) -> None:
        self.ctx.run(self.ctx.intents.do(lambda c: c.compose.change(image_fit=fit)))

    def _on_remove(self, _event: Any) -> None:
        slot = self.slot
        self.ctx.run(self.ctx.intents.do(lambda c: c.compose.clear_image(slot)))

    def close(self) -> None:
        if self._preview_url is not None:
            revoke(self._preview_url)
            self._preview_url = None


def _dims(image: DraftImage) -> str:
    source = f"{image.source_width}×{image.source_height}"
    prepared = image.prepared
    if image.size:
        frame = FrameSize.parse(image.size)
        how = tr("compose.image.cropped" if image.fit == "cover" else "compose.image.fitted")
        return tr("compose.image.resized", source=source, frame=frame.label, how=how)
    if (prepared.width, prepared.height) != (image.source_width, image.source_height):
        return tr("compose.image.sent_as", source=source, width=prepared.width, height=prepared.height)
    return tr("compose.image.as_is", source=source)
