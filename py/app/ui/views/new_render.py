"""New Render: the provider, a prompt, images, the model's choices, the live estimate, Render.

Every choice comes from the chosen model's data (``ui/compose``); the form is checked
before anything is asked or sent, and the safety note appears only when the render can
really go.
"""

from __future__ import annotations

import datetime
from typing import Any

from app.browser.dom import Node, Pending, h, query, replace_children, set_attrs, set_text
from app.core.capabilities import ProviderCapabilities
from app.core.compose import model_of, quote
from app.core.compose_checks import prompt_counter
from app.core.i18n import tr
from app.core.prices import estimate_note, format_quote, format_source
from app.core.state import AppState, Phase
from app.core.vault_status import VaultState
from app.ui.compose.batch_mode import BatchMode
from app.ui.compose.continue_note import ContinueNote
from app.ui.compose.image_slots import ImageSlots, image_roles, reference_count
from app.ui.compose.pickers import Pickers
from app.ui.compose.presets import PresetBar
from app.ui.compose.render_guard import AfterRenderSlot
from app.ui.compose.send_flow import SendFlow, today
from app.ui.forms import field_error
from app.ui.safety import SafetyDialog
from app.ui.views.base import View, view_header
from app.ui.welcome import WelcomeCard

PROMPT_TIPS = ("camera", "motion", "sound", "one_shot", "first_frame")  # compose.tip.<name>
SAVE_DELAY_MS = 400
FIELDS = ("prompt", "model", "size", "aspect_ratio", "resolution", "seconds", "seed", "negative_prompt")


class NewRenderView(View):
    def render(self) -> Node:
        s = self.scope
        self._save_timer: Pending | None = None
        self.prompt = h(
            "textarea",
            {
                "id": "prompt",
                "name": "prompt",
                "rows": "7",
                "aria_describedby": "prompt-counter prompt-error",
                "placeholder": tr("compose.prompt.placeholder"),
            },
        )
        s.on(self.prompt, "input", self._on_prompt)
        self.counter = h("span", {"id": "prompt-counter", "class_": "counter", "aria_live": "polite"})
        self.provider_select = h("select", {"id": "provider", "name": "provider"})
        s.on(self.provider_select, "change", self._on_provider)
        self.provider_note = h("p", {"class_": "field-hint", "id": "provider-note"})
        self.images = ImageSlots(self.ctx, s)
        self.continue_note = ContinueNote(self.ctx, s)
        self.pickers = Pickers(s, change=self._change, set_model=self._set_model)
        self.presets = PresetBar(self.ctx, s, prompt=lambda: str(self.prompt.value), drop_typing=self._drop_typing)
        self.estimate = h(
            "p",
            {
                "id": "estimate",
                "class_": "estimate",
                "tabindex": "0",
                "aria_describedby": "estimate-note",
                "aria_live": "polite",
            },
        )
        self.estimate_basis = h("p", {"class_": "field-hint", "id": "estimate-basis"})
        self.estimate_note = h("p", {"id": "estimate-note", "role": "tooltip", "class_": "tooltip"}, estimate_note())
        self.render_btn = h(
            "button",
            {"type": "button", "class_": "btn primary big", "id": "render", "on_click": self._on_render},
            tr("compose.render"),
            scope=s,
        )
        self.submit_note = h("p", {"class_": "field-hint", "id": "render-note"})
        self.after = AfterRenderSlot(s)  # "already sent?" before a second charge; the job sent after
        self.batch = BatchMode(self.ctx, s, changed=self._batch_changed)
        self.sender = SendFlow(self.ctx, self.after, self.batch, self._show_errors)
        self.prompt_field = h(
            "div",
            {"class_": "field"},
            h("div", {"class_": "label-row"}, h("label", {"for_": "prompt"}, tr("compose.prompt")), self.counter),
            self.prompt,
            field_error("prompt"),
            h(
                "details",
                {"class_": "tips"},
                h("summary", None, tr("compose.tips")),
                h("ul", None, [h("li", None, tr(f"compose.tip.{tip}")) for tip in PROMPT_TIPS]),
            ),
        )
        self._shown_provider = ""
        compose = h(
            "div",
            {"class_": "card stack"},
            self.batch.switch,
            self.batch.slot,
            self.prompt_field,
            self.continue_note.node,
            self.images.node,
            self.presets.node,
        )
        controls = h(
            "div",
            {"class_": "card stack controls"},
            h(
                "div",
                {"class_": "field"},
                h("label", {"for_": "provider"}, tr("compose.provider")),
                self.provider_select,
                self.provider_note,
            ),
            self.batch.sweep_slot,
            self.pickers.node,
            h("div", {"class_": "cost"}, self.estimate, self.estimate_basis, self.estimate_note),
            self.batch.left_out_slot,
            self.render_btn,
            self.submit_note,
            self.after.node,
            h(
                "p",
                {"class_": "small muted"},
                tr("compose.rights"),
                h(
                    "button",
                    {"type": "button", "class_": "linklike", "on_click": self._open_safety},
                    tr("compose.rights.open"),
                    scope=s,
                ),
            ),
        )
        self.welcome = WelcomeCard(self.ctx, s)
        self.root = h(
            "section",
            {"class_": "stack"},
            view_header(tr("shell.nav.new"), tr("compose.lead")),
            self.welcome.node,
            h("div", {"class_": "grid-2"}, compose, controls),
        )
        state = self.ctx.store.state
        self.prompt.value = state.draft.prompt
        self.update(state, AppState())
        return self.root

    # -- state → DOM -------------------------------------------------------------------
    def update(self, state: AppState, old: AppState) -> None:
        self.welcome.update(state)
        draft = state.draft
        provider = self.ctx.provider(state)
        model = model_of(provider, draft.model)
        ready = state.phase is Phase.READY
        if draft.prompt != old.draft.prompt and draft.prompt != str(self.prompt.value):
            self.prompt.value = draft.prompt  # changed elsewhere (restored draft, re-run with tweaks)
        self._count()
        self._render_providers(state)
        self.presets.update(state)
        advanced = bool(state.settings and state.settings.show_advanced)
        day = today()
        self.pickers.render(provider, draft, advanced=advanced, today=day)
        self.images.render(model, state)
        self.continue_note.update(state, model)
        price = quote(provider, draft, images=image_roles(model, state), references=reference_count(model, state))
        set_text(self.estimate, format_quote(price))
        set_text(self.estimate_basis, f"{price.basis} · {format_source(price)}" if price.known else price.basis)
        if state.form_errors != old.form_errors or old.phase is not state.phase:
            self._show_errors(dict(state.form_errors))
        busy = state.submitting or self.batch.storing
        # aria-disabled, not disabled: a disabled button drops keyboard focus to <body>; a click is ignored
        set_attrs(self.render_btn, aria_disabled=busy, aria_busy=busy)
        set_text(self.render_btn, tr("compose.submitting" if state.submitting else "compose.render"))
        self._layout(state, provider, day)
        set_text(self.submit_note, self._readiness(state, provider.label) if ready else "")
        self._render_after(state)

    def _layout(self, state: AppState, provider: ProviderCapabilities, day: datetime.date) -> None:
        """One video, or a batch: what the form shows, the batch's count and total, its Render."""
        batch = self.batch
        self.images.node.hidden = batch.on
        self.continue_note.node.hidden = batch.on or self.continue_note.node.hidden
        self.prompt_field.hidden = batch.prompt_list
        for group in (self.pickers.model_group, self.pickers.frame_group, self.pickers.duration_group):
            group.hidden = batch.sweep
        if not batch.on:
            return
        plan = batch.plan(provider, state.draft, day)
        count, note = batch.panel.summary(plan, demo=bool(state.settings and state.settings.demo_mode))
        set_text(self.estimate, count)
        set_text(self.estimate_basis, note)
        set_text(self.render_btn, batch.render_label(plan))

    def _batch_changed(self) -> None:
        self.batch.show()
        state = self.ctx.store.state
        self.update(state, state)

    def _render_after(self, state: AppState) -> None:
        job = state.jobs.get(state.submitted_job)
        if job is not None:
            remembered = state.settings.after_render if state.settings is not None else "keep"
            self.after.sent(job, remembered, choose=self.sender.after_choice)
        elif self.after.shown.startswith("sent:"):
            self.after.clear()

    def _readiness(self, state: AppState, label: str) -> str:
        settings = state.settings
        if settings is None or settings.demo_mode:
            return ""
        vault = state.vaults.get(self.ctx.provider_id(state))
        if vault is None or vault.state is VaultState.EMPTY:
            return tr("compose.ready.no_key", provider=label)
        if vault.state is VaultState.LOCKED:
            return tr("compose.ready.locked")
        return ""

    def _count(self) -> None:
        text, over = prompt_counter(self.ctx.provider(), str(self.prompt.value))
        set_text(self.counter, tr("compose.counter.over" if over else "compose.counter", count=text))
        self.counter.classList.toggle("over", over)

    def _render_providers(self, state: AppState) -> None:
        current = self.ctx.provider_id(state)
        demo = bool(state.settings and state.settings.demo_mode)
        key = f"{current}|{demo}"
        if key == self._shown_provider:
            return
        self._shown_provider = key
        replace_children(
            self.provider_select,
            [
                h("option", {"value": p.provider_id, "selected": p.provider_id == current}, p.label)
                for p in self.ctx.providers.providers
            ],
        )
        self.provider_select.value = current
        provider = self.ctx.providers.get(current)
        set_text(
            self.provider_note, tr("compose.provider.demo") if demo else tr("compose.provider.to", name=provider.name)
        )

    # -- errors ------------------------------------------------------------------------------
    def _show_errors(self, errors: dict[str, str]) -> None:
        for field in FIELDS:
            node = query(self.root, f"#{field}-error")
            if node is None:
                continue
            message = errors.get(field, "")
            node.textContent = message
            node.hidden = not message
        set_attrs(self.prompt, aria_invalid=bool(errors.get("prompt")))
        self.images.show_errors(errors)
        if errors.get("prompt"):
            self.prompt.focus()

    # -- intents ------------------------------------------------------------------------------
    def _change(self, **changes: Any) -> None:
        self.ctx.run(self.ctx.intents.do(lambda c: c.compose.change(**changes)))

    def _set_model(self, model_id: str) -> None:
        self.ctx.run(self.ctx.intents.do(lambda c: c.compose.set_model(model_id)))

    def _on_provider(self, _event: Any) -> None:
        provider_id = str(self.provider_select.value)
        self.ctx.run(self.ctx.intents.do(lambda c: c.choose_provider(provider_id)))

    def _on_prompt(self, _event: Any) -> None:
        self._count()
        if self._save_timer is not None:
            self._save_timer.cancel()
        self._save_timer = self.scope.after(SAVE_DELAY_MS, self._save_prompt)

    def _drop_typing(self) -> None:
        if self._save_timer is not None:
            self._save_timer.cancel()
            self._save_timer = None

    def close(self) -> None:
        if self._save_timer is not None:  # leaving before the draft was saved: save it now
            self._save_timer.cancel()
            self._save_prompt()
        self.images.close()
        super().close()

    def _save_prompt(self) -> None:
        self._save_timer = None
        prompt = str(self.prompt.value)
        self.ctx.run(self.ctx.intents.do(lambda c: c.compose.change(prompt=prompt)))

    def _open_safety(self, _event: Any) -> None:
        SafetyDialog(self.ctx, on_accept=None).open()

    def _on_render(self, _event: Any) -> None:
        if self.ctx.store.state.submitting:
            return
        self._drop_typing()
        self.sender.render(str(self.prompt.value))
