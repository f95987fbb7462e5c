"""New Render's two notices around sending: "you just sent this" before a second charge,
and, after Render, the job that went out with what to do with the form next.

Both live in one slot under the Render button (``#render-after``); the choice after a
render ("new variation" or "clear") is remembered in the settings, and the remembered
one is the button that has focus next time.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from app.browser.dom import Node, Scope, h, replace_children
from app.core.i18n import tr
from app.core.render_guard import Duplicate, guard_text
from app.core.routes import Route, href

if TYPE_CHECKING:
    from app.core.job_record import JobRecord
    from app.core.settings import AfterRender  # pydantic: not on the boot path

CHOICES: tuple[tuple[AfterRender, str], ...] = (
    ("keep", "compose.after.keep"),
    ("clear", "compose.after.clear"),
)  # choice → message id of its button


class AfterRenderSlot:
    def __init__(self, scope: Scope) -> None:
        self.scope = scope
        self.node: Node = h("div", {"id": "render-after", "class_": "stack", "hidden": True})
        self.shown = ""  # "guard:<job id>", "sent:<job id>" or ""

    def clear(self) -> None:
        self.shown = ""
        replace_children(self.node)
        self.node.hidden = True

    def guard(self, duplicate: Duplicate, now: float, *, send: Callable[[], None]) -> None:
        """Ask before sending the same render again; the job it repeats is one click away."""
        job = duplicate.job
        notice = h(
            "div",
            {"class_": "notice warn stack", "role": "alert", "id": "render-guard", "data_job": job.id},
            h("p", None, h("strong", None, tr("compose.guard.lead")), guard_text(duplicate, now)),
            h("p", None, tr("compose.guard.where.before"), _job_link(job), tr("compose.guard.where.after")),
            h(
                "div",
                {"class_": "row"},
                self._button(tr("compose.guard.again" if job.demo else "compose.guard.again_paid"), "send-again", send),
                self._button(tr("compose.guard.dont"), "dont-send", self.clear, primary=True),
            ),
        )
        self._show(f"guard:{job.id}", notice)
        notice.querySelector("[data-action=dont-send]").focus()

    def sent(self, job: JobRecord, remembered: AfterRender, *, choose: Callable[[AfterRender], None]) -> None:
        """The render that went out, and what the form holds next (the last choice has focus)."""
        if self.shown == f"sent:{job.id}":
            return
        buttons = [
            self._button(tr(label), f"after-{choice}", partial(choose, choice), primary=choice == remembered)
            for choice, label in CHOICES
        ]
        unconfirmed = job.remote_id is None
        said = tr("compose.sent.unconfirmed" if unconfirmed else "compose.sent.lead")
        notice = h(
            "div",
            {"class_": "notice ok stack", "role": "status", "id": "render-sent", "data_job": job.id},
            h("p", None, h("strong", None, said), _job_link(job), "."),
            h("p", None, tr("compose.sent.still")),
            h("div", {"class_": "row"}, buttons),
        )
        self._show(f"sent:{job.id}", notice)

    def _button(self, label: str, action: str, on_click: Callable[[], None], *, primary: bool = False) -> Node:
        kind = "btn small primary" if primary else "btn small"
        attrs = {"type": "button", "class_": kind, "data_action": action, "on_click": _do(on_click)}
        return h("button", attrs, label, scope=self.scope)

    def _show(self, key: str, notice: Node) -> None:
        self.shown = key
        replace_children(self.node, notice)
        self.node.hidden = False


def _job_link(job: JobRecord) -> Node:
    return h(
        "a",
        {"href": href(Route.QUEUE, job=job.id), "class_": "job-link"},
        tr("compose.quoted", title=job.display_title),
    )


def _do(action: Callable[[], None]) -> Callable[[object], None]:
    def handler(_event: object) -> None:
        action()

    return handler
