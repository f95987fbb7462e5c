"""New Render's batch mode: what a batch varies, the plan it makes, what it leaves out.

A sweep is the prompt over the checked models × frames × lengths; a prompt list is one
render a line (typed, or loaded from a CSV file) at the setting of the pickers. The
plan (``core.batch_plan``) is remade on every change, so the count, the total and the
combinations left out (with the model's reason) are known before anything is stored.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

from app.browser.dom import Node, Scope, h, query_all, replace_children, set_text
from app.browser.files import read_text_file
from app.core.batch_plan import (
    BatchPlan,
    SweepChoices,
    draft_frame,
    prompts_from_csv,
    prompts_from_lines,
    prompts_plan,
    sweep_choices,
)
from app.core.batch_plan import sweep_plan as plan_sweep
from app.core.capabilities import ProviderCapabilities
from app.core.compose import Draft
from app.core.errors import InputError
from app.core.i18n import tr
from app.core.prices import format_total

SWEEP = "sweep"
PROMPTS = "prompts"
COUNTING_PROMPT = "·"  # the sweep is counted before the prompt is written; Render asks for it


def inline_radio(scope: Scope, name: str, value: str, label: str, *, checked: bool, on: Callable[[str], None]) -> Node:
    """One labelled radio of an inline group (``name-value`` is its id)."""
    radio_id = f"{name}-{value}"
    attrs = {"type": "radio", "name": name, "id": radio_id, "value": value, "checked": checked}
    radio = h("input", {**attrs, "on_change": lambda _e: on(value)}, scope=scope)
    return h("label", {"class_": "inline-radio", "for_": radio_id}, radio, label)


def _slug(value: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in value).strip("-").lower()


class BatchPanel:
    """Owns the batch controls; the view asks it for the plan and shows it."""

    def __init__(self, scope: Scope, *, changed: Callable[[], None], run: Callable[[Awaitable[None]], None]) -> None:
        self._scope = scope
        self._run = run
        self._changed = changed
        self.kind = SWEEP
        self._key: tuple[object, ...] = ()
        self._provider: ProviderCapabilities | None = None
        self._draft: Draft | None = None
        self._today = datetime.date.today()
        self.kind_group = h(
            "fieldset",
            {"class_": "inline-radios", "id": "batch-kind"},
            h("legend", None, tr("batch.kind")),
            self._kind_radio(SWEEP, tr("batch.kind.sweep")),
            self._kind_radio(PROMPTS, tr("batch.kind.prompts")),
        )
        self.no_images = h("p", {"class_": "notice small", "id": "batch-no-images"}, tr("batch.no_images"))
        self.prompts = h(
            "textarea",
            {
                "id": "batch-prompts",
                "rows": "7",
                "aria_describedby": "batch-prompts-hint",
                "placeholder": tr("batch.prompts.placeholder"),
            },
        )
        scope.on(self.prompts, "input", lambda _e: self._changed())
        self.csv = h("input", {"type": "file", "id": "batch-csv", "accept": ".csv,text/csv,text/plain"})
        scope.on(self.csv, "change", self._on_csv)
        self.csv_status = h("p", {"class_": "field-hint", "id": "batch-csv-status", "aria_live": "polite"})
        self.csv_error = h("p", {"class_": "field-error", "id": "batch_csv-error", "hidden": True})
        self.prompts_node: Node = h(
            "div",
            {"class_": "stack", "id": "batch-prompts-field"},
            h(
                "div",
                {"class_": "field"},
                h("label", {"for_": "batch-prompts"}, tr("batch.prompts")),
                self.prompts,
                h("p", {"class_": "field-hint", "id": "batch-prompts-hint"}, tr("batch.prompts.hint")),
            ),
            h(
                "div",
                {"class_": "field"},
                h("label", {"for_": "batch-csv"}, tr("batch.csv")),
                self.csv,
                h("p", {"class_": "field-hint"}, tr("batch.csv.hint")),
                self.csv_status,
                self.csv_error,
            ),
        )
        self.models = h("fieldset", {"class_": "choice-group batch-checks", "id": "batch-models"})
        self.frames = h("fieldset", {"class_": "choice-group batch-checks", "id": "batch-frames"})
        self.durations = h("fieldset", {"class_": "choice-group batch-checks", "id": "batch-durations"})
        self.sweep_node: Node = h(
            "div", {"class_": "stack", "id": "batch-sweep"}, self.models, self.frames, self.durations
        )
        self.left_out_title = h("summary", None)
        self.left_out_list = h("ul", {"class_": "left-out-list"})
        self.left_out: Node = h(
            "details", {"class_": "left-out", "id": "batch-left-out"}, self.left_out_title, self.left_out_list
        )
        self.node: Node = h("div", {"class_": "stack batch-panel"}, self.kind_group, self.no_images, self.prompts_node)
        self.show_kind()

    # -- building -----------------------------------------------------------------------------
    def _kind_radio(self, kind: str, label: str) -> Node:
        return inline_radio(self._scope, "batch-kind", kind, label, checked=kind == self.kind, on=self._set_kind)

    def _checks(
        self, group: Node, legend: str, name: str, options: Iterable[tuple[str, str]], chosen: set[str]
    ) -> None:
        boxes = []
        for value, label in options:
            box_id = f"batch-{name}-{_slug(value)}"
            box = h(
                "input",
                {"type": "checkbox", "id": box_id, "value": value, "name": f"batch-{name}", "checked": value in chosen},
            )
            self._scope.on(box, "change", self._models_changed if name == "model" else lambda _e: self._changed())
            boxes.append(h("label", {"class_": "check-chip", "for_": box_id}, box, label))
        replace_children(group, h("legend", None, legend), h("div", {"class_": "chips"}, boxes))

    def render(self, provider: ProviderCapabilities, draft: Draft, today: datetime.date) -> None:
        """Rebuild the sweep's choices when the provider or its models change; the draft's are checked."""
        self._provider, self._today, self._draft = provider, today, draft
        key = (provider.provider_id, provider.models)
        if key == self._key:
            return
        self._key = key
        choices = sweep_choices(provider, today, [draft.model])
        self._checks(self.models, tr("batch.models"), "model", choices.models, {draft.model})
        self._offer(choices, frames={draft_frame(draft)}, durations={str(draft.seconds)})

    def _offer(self, choices: SweepChoices, *, frames: set[str], durations: set[str]) -> None:
        """The frames and lengths the checked models take; what was checked and is still offered stays."""
        self._checks(self.frames, tr("batch.frames"), "frame", ((f, f) for f in choices.frames), frames)
        lengths = ((str(s), tr("batch.seconds", seconds=s)) for s in choices.durations)
        self._checks(self.durations, tr("batch.durations"), "duration", lengths, durations)

    def _models_changed(self, _event: Any) -> None:
        if self._provider is not None and self._draft is not None:
            choices = sweep_choices(self._provider, self._today, self._checked(self.models))
            frames, durations = set(self._checked(self.frames)), set(self._checked(self.durations))
            self._offer(choices, frames=frames, durations=durations)
        self._changed()

    def _checked(self, group: Node) -> list[str]:
        return [str(box.value) for box in query_all(group, "input:checked")]

    # -- the plan ------------------------------------------------------------------------------
    def plan(self, provider: ProviderCapabilities, draft: Draft, today: datetime.date) -> BatchPlan:
        """The batch as chosen now (a sweep not yet given its prompt is counted all the same)."""
        if self.kind == PROMPTS:
            return prompts_plan(provider, draft, prompts_from_lines(str(self.prompts.value)), today)
        base = draft if draft.prompt.strip() else dataclasses.replace(draft, prompt=COUNTING_PROMPT)
        return plan_sweep(
            provider,
            base,
            models=self._checked(self.models),
            frames=self._checked(self.frames),
            durations=[int(s) for s in self._checked(self.durations)],
            today=today,
        )

    def show(self, plan: BatchPlan) -> None:
        """The combinations left out, each with its reason."""
        skipped = plan.skipped
        self.left_out.hidden = not skipped
        set_text(self.left_out_title, tr("batch.left_out", count=len(skipped)))
        replace_children(
            self.left_out_list,
            [h("li", None, h("strong", None, item.label), " — ", item.reason) for item in skipped],
        )

    def summary(self, plan: BatchPlan, *, demo: bool) -> tuple[str, str]:
        """``("6 renders · Estimated total: $4.80", "demo mode …")`` for the estimate box."""
        count = len(plan.jobs)
        if not count:
            return tr("batch.count.none"), ""
        return f"{tr('batch.count', count=count)} · {format_total(plan.total)}", tr("batch.demo") if demo else ""

    # -- the kind and the CSV file --------------------------------------------------------------
    def _set_kind(self, kind: str) -> None:
        self.kind = kind
        self.show_kind()
        self._changed()

    def show_kind(self) -> None:
        self.prompts_node.hidden = self.kind != PROMPTS

    def _on_csv(self, _event: Any) -> None:
        files = self.csv.files
        if files.length:
            self._run(self._load_csv(files.item(0)))

    async def _load_csv(self, file: Any) -> None:
        try:
            prompts = prompts_from_csv(await read_text_file(file))
        except InputError as error:
            set_text(self.csv_error, error.message)
            self.csv_error.hidden = False
            set_text(self.csv_status, "")
            return
        self.csv_error.hidden = True
        self.prompts.value = "\n".join(" ".join(p.split()) for p in prompts)  # one a line, to read and edit
        set_text(self.csv_status, tr("batch.csv.loaded", count=len(prompts), name=str(file.name)))
        self.csv.value = ""
        self._changed()
