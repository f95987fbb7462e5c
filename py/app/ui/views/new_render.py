"""New Render: compose a prompt and its parameters."""

from __future__ import annotations

from app.browser.dom import Node, h
from app.ui.views.base import View, view_header


class NewRenderView(View):
    title = "New Render"

    def render(self) -> Node:
        self.prompt = h(
            "textarea",
            {
                "id": "prompt",
                "name": "prompt",
                "rows": "6",
                "aria_describedby": "prompt-hint",
                "placeholder": "A slow cinematic push-in on a mossy forest floor at dawn, mist, shallow depth of field",
            },
        )
        return h(
            "section",
            {"class_": "stack"},
            view_header("New Render", "Describe a video, choose its model, size and length, see the price, render."),
            h(
                "div",
                {"class_": "card stack"},
                h("div", {"class_": "field"}, h("label", {"for_": "prompt"}, "Prompt"), self.prompt),
                h(
                    "p",
                    {"id": "prompt-hint", "class_": "field-hint"},
                    "Describe the shot: subject, setting, motion, light, sound.",
                ),
            ),
        )
