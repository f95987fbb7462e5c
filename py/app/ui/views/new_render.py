"""New Render: the provider, a prompt, images, the model's choices, the live estimate, Render.

Every choice comes from the chosen model's data (``ui/compose``); the form is checked
before anything is asked or sent, and the safety note appears only when the render can
really go.
"""

from __future__ import annotations

import dataclasses
import datetime
import time
from typing import TYPE_CHECKING, Any

from app.browser.dom import Node, Pending, document_node, h, query, replace_children, set_attrs, set_text
from app.browser.ffi import is_null
from app.core.capabilities import ImageRole, ModelCapability, ProviderCapabilities
from app.core.compose import model_of, quote
from app.core.compose_checks import prompt_counter, validate
from app.core.i18n import tr
from app.core.prices import estimate_note, format_quote, format_source
from app.core.provider_directory import day_of
from app.core.render_guard import duplicate_of
from app.core.routes import Route, href
from app.core.state import AppState, Phase
from app.core.vault_status import VaultState
from app.ui.compose.batch_mode import BatchMode
from app.ui.compose.continue_note import ContinueNote
from app.ui.compose.image_slot import ImageSlot
from app.ui.compose.pickers import Pickers
from app.ui.compose.presets import PresetBar
from app.ui.compose.render_guard import AfterRenderSlot
from app.ui.safety import SafetyDialog
from app.ui.toasts import counted_toast, toast
from app.ui.views.base import View, view_header
from app.ui.welcome import WelcomeCard

if TYPE_CHECKING:
    from app.core.settings import AfterRender  # pydantic: not on the boot path

PROMPT_TIPS = ("camera", "motion", "sound", "one_shot", "first_frame")  # compose.tip.<name>
SAVE_DELAY_MS = 400
FIELDS = ("prompt", "model", "size", "aspect_ratio", "resolution", "seconds", "seed", "negative_prompt")


def _error(field: str) -> Node:
    return h("p", {"id": f"{field}-error", "class_": "field-error", "hidden": True})


def _today() -> datetime.date:
    return day_of(time.time())


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
        self.slots: dict[str, ImageSlot] = {}
        self._slots_shown: list[str] = []  # the slots in the page, in order (re-inserting one blurs its focus)
        self.images = h("div", {"class_": "stack images", "id": "images"})
        self.continue_note = ContinueNote(self.ctx, s)
        s.on(document_node(), "paste", self._on_paste)
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
        self.prompt_field = h(
            "div",
            {"class_": "field"},
            h("div", {"class_": "label-row"}, h("label", {"for_": "prompt"}, tr("compose.prompt")), self.counter),
            self.prompt,
            _error("prompt"),
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
            self.images,
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
        today = _today()
        self.pickers.render(provider, draft, advanced=advanced, today=today)
        self._render_images(model, state)
        self.continue_note.update(state, model)
        images = self._image_roles(model, state)
        references = self._references(model, state)
        price = quote(provider, draft, images=images, references=references)
        set_text(self.estimate, format_quote(price))
        set_text(self.estimate_basis, f"{price.basis} · {format_source(price)}" if price.known else price.basis)
        if state.form_errors != old.form_errors or old.phase is not state.phase:
            self._show_errors(dict(state.form_errors))
        busy = state.submitting or self.batch.storing
        # aria-disabled, not disabled: a disabled button drops keyboard focus to <body>; a click is ignored
        set_attrs(self.render_btn, aria_disabled=busy, aria_busy=busy)
        set_text(self.render_btn, tr("compose.submitting" if state.submitting else "compose.render"))
        self._layout(state, provider, today)
        set_text(self.submit_note, self._readiness(state, provider.label) if ready else "")
        self._render_after(state)

    def _layout(self, state: AppState, provider: ProviderCapabilities, today: datetime.date) -> None:
        """One video, or a batch: what the form shows, the batch's count and total, its Render."""
        batch = self.batch
        self.images.hidden = batch.on
        self.continue_note.node.hidden = batch.on or self.continue_note.node.hidden
        self.prompt_field.hidden = batch.prompt_list
        for group in (self.pickers.model_group, self.pickers.frame_group, self.pickers.duration_group):
            group.hidden = batch.sweep
        if not batch.on:
            return
        plan = batch.plan(provider, state.draft, today)
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
            self.after.sent(job, remembered, choose=self._after_choice)
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

    # -- images ------------------------------------------------------------------------------
    def _wanted_slots(self, model: ModelCapability, state: AppState) -> list[str]:
        slots = []
        if model.images.first_frame:
            slots.append("first_frame")
        if model.images.last_frame:
            slots.append("last_frame")
        filled = sorted(
            (k for k in state.draft_images if k.startswith("reference-")), key=lambda k: int(k.split("-")[1])
        )
        shown = filled[: model.images.max_references]
        if len(shown) < model.images.max_references:
            taken = {int(k.split("-")[1]) for k in shown}
            shown.append(f"reference-{next(n for n in range(1, 100) if n not in taken)}")
        return slots + shown

    def _render_images(self, model: ModelCapability, state: AppState) -> None:
        wanted = self._wanted_slots(model, state)
        for slot in [k for k in self.slots if k not in wanted]:
            self.slots.pop(slot).close()
        for slot in wanted:
            if slot not in self.slots:
                self.slots[slot] = ImageSlot(self.ctx, self.scope, slot)
            self.slots[slot].configure(model.images)
            self.slots[slot].update(state)
        children = [self.slots[slot].node for slot in wanted]
        if wanted != self._slots_shown:
            self._slots_shown = wanted
            replace_children(
                self.images,
                h("h2", {"class_": "label", "id": "images-title"}, tr("compose.images")) if children else None,
                children,
            )

    def _image_roles(self, model: ModelCapability, state: AppState) -> frozenset[ImageRole]:
        roles = set()
        if model.images.first_frame and "first_frame" in state.draft_images:
            roles.add(ImageRole.FIRST_FRAME)
        if model.images.last_frame and "last_frame" in state.draft_images:
            roles.add(ImageRole.LAST_FRAME)
        return frozenset(roles)

    def _references(self, model: ModelCapability, state: AppState) -> int:
        count = sum(1 for k in state.draft_images if k.startswith("reference-"))
        return min(count, model.images.max_references)

    def _on_paste(self, event: Any) -> None:
        data = event.clipboardData
        files: Any = None if is_null(data) else data.files
        if is_null(files) or not files.length:
            return  # text pastes go to the prompt as usual
        target = next((slot for slot in self.slots.values() if slot.empty), None)
        if target is not None:
            event.preventDefault()
            target.take(files.item(0))

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
        for slot in self.slots.values():
            role = "reference" if slot.slot.startswith("reference-") else slot.slot
            slot.show_error(errors.get(f"image_{role}", ""))
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
        for slot in self.slots.values():
            slot.close()
        super().close()

    def _save_prompt(self) -> None:
        self._save_timer = None
        prompt = str(self.prompt.value)
        self.ctx.run(self.ctx.intents.do(lambda c: c.compose.change(prompt=prompt)))

    def _open_safety(self, _event: Any) -> None:
        SafetyDialog(self.ctx, on_accept=None).open()

    def _on_render(self, _event: Any) -> None:
        state = self.ctx.store.state
        if state.submitting:
            return
        self._drop_typing()
        prompt = str(self.prompt.value)
        provider = self.ctx.provider(state)
        model = model_of(provider, state.draft.model)
        draft = dataclasses.replace(state.draft, prompt=prompt)
        if self.batch.on:
            self.ctx.run(self.ctx.intents.do(lambda c: c.compose.change(prompt=prompt)))
            self.batch.start(provider, draft, _today(), show_errors=self._show_errors)
            return
        problems = validate(
            provider,
            draft,
            today=_today(),
            images=self._image_roles(model, state),
            references=self._references(model, state),
        )
        if problems:  # say what is wrong first; the safety note only when it can really be sent
            self._show_errors({p.field: p.message for p in problems})
            self.ctx.run(self.ctx.intents.do(lambda c: c.compose.change(prompt=prompt)))
            return
        images = len(self._image_roles(model, state)) + self._references(model, state)
        now = time.time()
        duplicate = duplicate_of(
            state.jobs.values(), provider, draft, images=images, now=now, acknowledged=state.render_again_ok
        )
        if duplicate is not None:  # the same render was just sent (or may have been): ask first
            self.after.guard(duplicate, now, send=lambda: self._send_again(duplicate.job.id, prompt))
            return
        self._send(prompt)

    def _send_again(self, job_id: str, prompt: str) -> None:
        async def acknowledge() -> None:
            await self.ctx.intents.do(lambda c: _sync(c.compose.render_again, job_id))

        self.after.clear()
        self.ctx.run(acknowledge())
        self._send(prompt)

    def _send(self, prompt: str) -> None:
        settings = self.ctx.store.state.settings
        if settings is not None and not settings.safety_acknowledged:
            SafetyDialog(self.ctx, on_accept=lambda: self._submit(prompt)).open()
            return
        self._submit(prompt)

    def _after_choice(self, choice: AfterRender) -> None:
        async def go() -> None:
            await self.ctx.intents.do(lambda c: c.compose.after_render(choice))
            await self.ctx.intents.do(lambda c: c.change_settings(after_render=choice))  # remembered

        self.ctx.run(go())

    def _submit(self, prompt: str) -> None:
        async def go() -> None:
            await self.ctx.intents.do(lambda c: c.compose.change(prompt=prompt))
            job = await self.ctx.intents.do(lambda c: c.compose.submit())
            if job is None:
                return
            if job.status == "failed":
                toast(tr("compose.sent.refused", error=job.error_message), kind="error")
            elif job.remote_id is None:
                toast(tr("compose.sent.no_answer"))
            else:
                counted_toast(  # several in a row are one toast with a count (the form shows the job sent)
                    "render-started",
                    lambda n: tr("compose.started", count=n),
                    (href(Route.QUEUE), tr("compose.view_queue")),
                )

        self.ctx.run(go())


async def _sync(action: Any, *args: Any) -> None:
    """A plain call as an intent (the controller may still be loading)."""
    action(*args)
