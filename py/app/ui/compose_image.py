"""The reference-image part of New Render: drop zone, file picker, paste, preview, fit."""

from __future__ import annotations

from typing import Any

from app.browser.dom import Node, Scope, document_node, h, replace_children, set_text
from app.browser.ffi import is_null
from app.browser.media_urls import object_url, revoke
from app.core.capabilities import FrameSize
from app.core.state import AppState
from app.ui.context import UiContext
from app.ui.icons import icon


class ImagePicker:
    def __init__(self, ctx: UiContext, scope: Scope) -> None:
        self.ctx = ctx
        self.scope = scope
        self._preview_url: str | None = None
        self._shown: Any = None
        self.file_input = h(
            "input",
            {
                "type": "file",
                "id": "image-file",
                "accept": ",".join(ctx.capabilities.image_input.mime_types),
                "class_": "sr-only",
                "aria_describedby": "image-rule image-error",
            },
        )
        scope.on(self.file_input, "change", self._on_file)
        self.drop = h(
            "div",
            {"class_": "dropzone", "id": "dropzone"},
            icon("image", size=28),
            h(
                "p",
                None,
                h("strong", None, "Add a reference image"),
                " (optional): drop it here, ",
                h("label", {"for_": "image-file", "class_": "linklike"}, "choose a file"),
                ", or paste it.",
            ),
            h("p", {"class_": "field-hint"}, "JPEG, PNG or WebP. It becomes the first frame."),
        )
        for event in ("dragenter", "dragover"):
            scope.on(self.drop, event, self._on_drag)
        scope.on(self.drop, "dragleave", lambda _e: self.drop.classList.remove("dragging"))
        scope.on(self.drop, "drop", self._on_drop)
        scope.on(document_node(), "paste", self._on_paste)
        self.preview_area = h("div", {"class_": "image-preview", "hidden": True})
        self.error = h("p", {"id": "image-error", "class_": "field-error", "hidden": True})
        self.node = h(
            "div",
            {"class_": "field", "role": "group", "aria_labelledby": "image-label"},
            h("span", {"class_": "label", "id": "image-label"}, "Reference image"),
            self.file_input,
            self.drop,
            self.preview_area,
            self.error,
            h("p", {"id": "image-rule", "class_": "field-hint"}, ctx.capabilities.image_input.note),
        )

    def show_error(self, message: str) -> None:
        set_text(self.error, message)
        self.error.hidden = not message

    # -- state → DOM -------------------------------------------------------------------------
    def update(self, state: AppState, old: AppState) -> None:
        image = state.draft_image
        if image is self._shown:
            return
        self._shown = image
        if self._preview_url is not None:
            revoke(self._preview_url)
            self._preview_url = None
        if image is None:
            self.preview_area.hidden = True
            self.drop.hidden = False
            replace_children(self.preview_area)
            return
        self._preview_url = object_url(image.prepared.blob)
        frame = FrameSize.parse(image.size)
        picture = h(
            "img",
            {
                "src": self._preview_url,
                "alt": f"Reference image {image.name}, as it will be sent",
                "width": str(frame.width),
                "height": str(frame.height),
                "class_": "preview-img",
                "id": "image-preview",
            },
        )
        cover = image.fit == "cover"
        replace_children(
            self.preview_area,
            h("div", {"class_": "preview-frame"}, picture),
            h(
                "div",
                {"class_": "stack small-gap"},
                h("p", {"class_": "small"}, h("strong", None, image.name)),
                h(
                    "p",
                    {"class_": "small muted", "id": "image-dims"},
                    f"{image.source_width}×{image.source_height} → sent as {frame.label}, "
                    + ("cropped to fill" if cover else "fitted with bars"),
                ),
                h(
                    "fieldset",
                    {"class_": "inline-radios"},
                    h("legend", None, "Fit"),
                    self._fit_radio("cover", "Crop to fill", cover),
                    self._fit_radio("contain", "Fit with bars", not cover),
                ),
                h(
                    "button",
                    {"type": "button", "class_": "btn small", "on_click": self._on_remove},
                    "Remove image",
                    scope=self.scope,
                ),
            ),
        )
        self.preview_area.hidden = False
        self.drop.hidden = True

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
    def _take(self, file: Any) -> None:
        if file is not None:
            name = str(getattr(file, "name", "") or "pasted-image")
            self.ctx.run(self.ctx.intents.do(lambda c: c.compose.set_image(file, name)))

    def _on_file(self, _event: Any) -> None:
        files = self.file_input.files
        if not is_null(files) and files.length:
            self._take(files.item(0))
        self.file_input.value = ""

    def _on_drag(self, event: Any) -> None:
        event.preventDefault()
        self.drop.classList.add("dragging")

    def _on_drop(self, event: Any) -> None:
        event.preventDefault()
        self.drop.classList.remove("dragging")
        files: Any = None if is_null(event.dataTransfer) else event.dataTransfer.files
        if not is_null(files) and files.length:
            self._take(files.item(0))

    def _on_paste(self, event: Any) -> None:
        data = event.clipboardData
        files: Any = None if is_null(data) else data.files
        if not is_null(files) and files.length:  # text pastes go to the prompt as usual
            event.preventDefault()
            self._take(files.item(0))

    def _set_fit(self, fit: str) -> None:
        self.ctx.run(self.ctx.intents.do(lambda c: c.compose.change(image_fit=fit)))

    def _on_remove(self, _event: Any) -> None:
        self.ctx.run(self.ctx.intents.do(lambda c: c.compose.clear_image()))
