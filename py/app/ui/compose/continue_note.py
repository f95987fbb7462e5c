"""New Render's notice while the form continues a clip: which one, and a way out.

The render's first frame is the clip's last frame; the notice says so next to the
images, and says too when the chosen model would drop that frame (no first-frame image),
so a render that will not continue the clip never looks as if it would.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.browser.dom import Node, h, replace_children
from app.core.capabilities import ImageRole, ModelCapability
from app.core.i18n import tr
from app.core.state import AppState
from app.ui.context import UiContext
from app.ui.forms import button

if TYPE_CHECKING:
    from app.browser.dom import Scope


FIRST_FRAME = ImageRole.FIRST_FRAME.value  # the form's slot of the first frame has the role's name


class ContinueNote:
    def __init__(self, ctx: UiContext, scope: Scope) -> None:
        self.ctx = ctx
        self.scope = scope
        self.node: Node = h(
            "div",
            {"class_": "notice continue-note", "id": "continue-note", "role": "status", "hidden": True},
        )
        self._shown = ""

    def update(self, state: AppState, model: ModelCapability) -> None:
        source = state.jobs.get(state.draft.continues) if state.draft.continues else None
        linked = source is not None and FIRST_FRAME in state.draft_images
        key = f"{source.id if source else ''}|{linked}|{model.images.first_frame}"
        if key == self._shown:
            return
        self._shown = key
        self.node.hidden = not linked
        if source is None or not linked:
            replace_children(self.node)
            return
        title = source.display_title
        text = (
            tr("compose.continue.linked", title=title)
            if model.images.first_frame
            else tr("compose.continue.dropped", model=model.id, title=title)
        )
        replace_children(
            self.node,
            h("p", None, h("strong", None, tr("compose.continue.lead")), text),
            button(tr("compose.continue.stop"), self._stop, self.scope, kind="small", id="continue-stop"),
        )

    def _stop(self, _event: Any) -> None:
        self.ctx.run(self.ctx.intents.do(lambda c: c.compose.clear_image(FIRST_FRAME)))
