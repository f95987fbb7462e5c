"""What Render does with the form: check it, ask before a second charge, the safety note, send.

The order matters to the user's money: problems are said first (nothing is asked or
sent), then a render that looks like one just sent asks before it is paid again, then
the one-time safety note, and only then the job is stored and sent. A batch goes to its
own runner. The toast after sending says what the provider answered.
"""

from __future__ import annotations

import dataclasses
import datetime
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.core.compose import model_of
from app.core.compose_checks import validate
from app.core.i18n import tr
from app.core.provider_directory import day_of
from app.core.render_guard import duplicate_of
from app.core.routes import Route, href
from app.ui.compose.batch_mode import BatchMode
from app.ui.compose.image_slots import image_roles, reference_count
from app.ui.compose.render_guard import AfterRenderSlot
from app.ui.context import UiContext
from app.ui.safety import SafetyDialog
from app.ui.toasts import counted_toast, toast

if TYPE_CHECKING:
    from app.core.settings import AfterRender  # pydantic: not on the boot path


def today() -> datetime.date:
    return day_of(time.time())


class SendFlow:
    def __init__(
        self, ctx: UiContext, after: AfterRenderSlot, batch: BatchMode, show_errors: Callable[[dict[str, str]], None]
    ) -> None:
        self.ctx = ctx
        self.after = after
        self.batch = batch
        self.show_errors = show_errors

    def render(self, prompt: str) -> None:
        """Render pressed with ``prompt`` in the box (the draft may not have it saved yet)."""
        state = self.ctx.store.state
        provider = self.ctx.provider(state)
        model = model_of(provider, state.draft.model)
        draft = dataclasses.replace(state.draft, prompt=prompt)
        if self.batch.on:
            self._save(prompt)
            self.batch.start(provider, draft, today(), show_errors=self.show_errors)
            return
        roles, references = image_roles(model, state), reference_count(model, state)
        problems = validate(provider, draft, today=today(), images=roles, references=references)
        if problems:  # say what is wrong first; the safety note only when it can really be sent
            self.show_errors({p.field: p.message for p in problems})
            self._save(prompt)
            return
        now = time.time()
        duplicate = duplicate_of(
            state.jobs.values(),
            provider,
            draft,
            images=len(roles) + references,
            now=now,
            acknowledged=state.render_again_ok,
        )
        if duplicate is not None:  # the same render was just sent (or may have been): ask first
            self.after.guard(duplicate, now, send=lambda: self._send_again(duplicate.job.id, prompt))
            return
        self._send(prompt)

    def after_choice(self, choice: AfterRender) -> None:
        """What the form does after a job is sent (keep, clear, tweak), remembered for next time."""

        async def go() -> None:
            await self.ctx.intents.do(lambda c: c.compose.after_render(choice))
            await self.ctx.intents.do(lambda c: c.change_settings(after_render=choice))

        self.ctx.run(go())

    def _save(self, prompt: str) -> None:
        self.ctx.run(self.ctx.intents.do(lambda c: c.compose.change(prompt=prompt)))

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
