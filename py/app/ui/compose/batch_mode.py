"""New Render's switch between one video and a batch, and sending a batch.

A batch is stored whole (unsent) before anything leaves; the queue sends it at the
provider's pace. So Render here never waits for the API: it checks, asks the safety
question once like a single render, stores, and points to the queue.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from app.browser.dom import Node, Scope, child_at, h, replace_children
from app.core.batch_plan import BatchPlan
from app.core.capabilities import ProviderCapabilities
from app.core.compose import Draft
from app.core.compose_checks import validate
from app.core.i18n import tr
from app.core.routes import Route, href
from app.ui.compose.batch_panel import SWEEP, BatchPanel, inline_radio
from app.ui.context import UiContext
from app.ui.safety import SafetyDialog
from app.ui.toasts import counted_toast, toast

SINGLE = "single"
BATCH = "batch"
_chosen = {"mode": SINGLE}  # kept while the page is open: coming back to New Render keeps the mode


class BatchMode:
    def __init__(self, ctx: UiContext, scope: Scope, *, changed: Callable[[], None]) -> None:
        self.ctx = ctx
        self._scope = scope
        self._changed = changed
        self.storing = False
        self.panel = BatchPanel(scope, changed=changed, run=ctx.run)
        # Where the panel's parts go; they are in the page only in batch mode (so one video's
        # form has no hidden batch fields, for screen readers and for label lookups alike).
        self.slot: Node = h("div", {"class_": "batch-slot"})
        self.sweep_slot: Node = h("div", {"class_": "batch-slot"})
        self.left_out_slot: Node = h("div", {"class_": "batch-slot"})
        self.switch: Node = h(
            "fieldset",
            {"class_": "inline-radios mode-switch", "id": "render-mode"},
            h("legend", None, tr("batch.mode")),
            self._radio(SINGLE, tr("batch.mode.single")),
            self._radio(BATCH, tr("batch.mode.batch")),
        )
        self.show()

    @property
    def on(self) -> bool:
        return _chosen["mode"] == BATCH

    @property
    def sweep(self) -> bool:
        return self.on and self.panel.kind == SWEEP

    @property
    def prompt_list(self) -> bool:
        return self.on and self.panel.kind != SWEEP

    def _radio(self, mode: str, label: str) -> Node:
        return inline_radio(self._scope, "mode", mode, label, checked=_chosen["mode"] == mode, on=self._set)

    def _set(self, mode: str) -> None:
        _chosen["mode"] = mode
        self.show()
        self._changed()

    def show(self) -> None:
        _place(self.slot, self.panel.node, self.on)
        _place(self.sweep_slot, self.panel.sweep_node, self.sweep)
        _place(self.left_out_slot, self.panel.left_out, self.on)

    # -- the plan and Render --------------------------------------------------------------
    def plan(self, provider: ProviderCapabilities, draft: Draft, today: datetime.date) -> BatchPlan:
        self.panel.render(provider, draft, today)
        plan = self.panel.plan(provider, draft, today)
        self.panel.show(plan)
        return plan

    def render_label(self, plan: BatchPlan) -> str:
        return tr("batch.render", count=len(plan.jobs)) if plan.jobs else tr("batch.mode.batch")

    def start(
        self,
        provider: ProviderCapabilities,
        draft: Draft,
        today: datetime.date,
        *,
        show_errors: Callable[[dict[str, str]], None],
    ) -> None:
        """Check, ask the safety question if not yet answered, then store the batch."""
        if self.storing:
            return
        if self.sweep:
            problems = [p for p in validate(provider, draft, today=today) if p.field == "prompt"]
            if problems:
                show_errors({p.field: p.message for p in problems})
                return
        plan = self.panel.plan(provider, draft, today)
        if not plan.jobs:
            toast(tr("batch.nothing"), kind="error")
            return
        settings = self.ctx.store.state.settings
        if settings is not None and not settings.safety_acknowledged:
            SafetyDialog(self.ctx, on_accept=lambda: self._store(plan)).open()
            return
        self._store(plan)

    def _store(self, plan: BatchPlan) -> None:
        async def go() -> None:
            self.storing = True
            self._changed()
            try:
                jobs = await self.ctx.intents.do(lambda c: c.render_batch(plan))
            finally:
                self.storing = False
                self._changed()
            counted_toast(
                "batch-started",
                lambda _n: tr("batch.started", count=len(jobs)),
                (href(Route.QUEUE), tr("batch.view_queue")),
            )

        self.ctx.run(go())


def _place(slot: Node, part: Node, shown: bool) -> None:
    """``part`` in ``slot`` when shown, else out of the page (moved only when that changes)."""
    there = child_at(slot, 0) is not None
    if shown != there:
        replace_children(slot, part if shown else None)
