"""Queue: every render with its live status, progress, ETA, cost and actions."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from app.browser.dom import Node, child_at, h, set_text
from app.core.batch_group import BatchItem, arrange, summarize
from app.core.batch_pacing import unsent
from app.core.capabilities import Operation
from app.core.i18n import tr
from app.core.job_deadline import overdue_note
from app.core.queue_cards import Card, build_card, lock_note, locked_text, paused_by_lock, split_queue
from app.core.routes import Route, href
from app.core.state import WORKER_START_ATTEMPTS, AppState, Phase, PollerRole
from app.ui.library.prompts import confirm
from app.ui.queue_card import JobCard
from app.ui.queue_group import BatchGroup
from app.ui.toasts import toast
from app.ui.views.base import View, empty_state, view_header

if TYPE_CHECKING:
    from app.core.job_record import JobRecord
    from app.services.controller import Controller

TICK_MS = 1000
ROLE_TEXT = {  # silent while all is well (starting, polling): each card says what its job is doing
    PollerRole.STARTING: "",
    PollerRole.POLLING: "",
    PollerRole.FOLLOWING: "queue.following",
    PollerRole.SLOW: "queue.poller_slow",
}


class QueueView(View):
    def render(self) -> Node:
        s = self.scope
        self.cards: dict[str, JobCard] = {}
        self.groups: dict[str, BatchGroup] = {}
        self.show_archived = False
        self.status = h("p", {"class_": "queue-status", "role": "status"})
        self.active_list = h("div", {"class_": "job-list", "id": "queue-active"})
        self.done_list = h("div", {"class_": "job-list", "id": "queue-done"})
        self.active_section = h(
            "section",
            {"aria_labelledby": "queue-active-title", "class_": "stack"},
            h("h2", {"id": "queue-active-title"}, tr("queue.in_progress")),
            self.active_list,
        )
        self.archived_toggle = h(
            "button",
            {"type": "button", "class_": "btn small", "aria_pressed": "false", "on_click": self._toggle_archived},
            tr("queue.show_archived"),
            scope=s,
        )
        self.done_section = h(
            "section",
            {"aria_labelledby": "queue-done-title", "class_": "stack"},
            h(
                "div",
                {"class_": "section-head"},
                h("h2", {"id": "queue-done-title"}, tr("queue.finished")),
                self.archived_toggle,
            ),
            self.done_list,
        )
        self.empty = empty_state(
            "queue",
            tr("queue.empty.title"),
            tr("queue.empty.text"),
            h("a", {"class_": "btn primary", "href": href(Route.NEW)}, tr("queue.empty.action")),
        )
        s.every(TICK_MS, self._tick)
        root = h(
            "section",
            {"class_": "stack", "aria_labelledby": "queue-title"},
            view_header(tr("shell.nav.queue"), tr("queue.lead")),
            self.status,
            self.empty,
            self.active_section,
            self.done_section,
        )
        self._refresh(self.ctx.store.state)
        return root

    def update(self, state: AppState, old: AppState) -> None:
        watched = (
            "jobs",
            "job_notes",
            "fetching",
            "transfers",
            "partial_downloads",
            "poller_role",
            "online",
            "phase",
            "progress_samples",
            "vaults",
        )
        if any(getattr(state, name) is not getattr(old, name) for name in watched):
            self._refresh(state)

    # -- rendering ------------------------------------------------------------------------------
    def _refresh(self, state: AppState) -> None:
        self._render_status(state)
        active, done = split_queue(state.jobs, show_archived=self.show_archived)
        active_items, done_items = arrange(active, done)
        archived = sum(1 for j in state.jobs.values() if j.status.terminal and j.archived_at is not None)
        self.archived_toggle.hidden = archived == 0 and not self.show_archived
        set_text(
            self.archived_toggle,
            tr("queue.hide_archived_n" if self.show_archived else "queue.show_archived_n", count=archived),
        )
        self.empty.hidden = bool(active or done) or state.phase is not Phase.READY
        self.active_section.hidden = not active_items
        self.done_section.hidden = not done_items and not archived
        wanted = {job.id for job in (*active, *done)}
        for job_id in [k for k in self.cards if k not in wanted]:
            self.cards.pop(job_id).close()
        batches = {job.batch_id for job in (*active, *done) if job.batch_id}
        for batch_id in [k for k in self.groups if k not in batches]:
            self.groups.pop(batch_id).close()
        self._place(self.active_list, active_items, state)
        self._place(self.done_list, done_items, state)

    def _place(self, container: Node, items: list[JobRecord | BatchItem], state: AppState) -> None:
        """Each item where it belongs, moving only what is out of place (focus stays put)."""
        for index, item in enumerate(items):
            element = self._group(item, state) if isinstance(item, BatchItem) else self._job_card(item, state)
            current = child_at(container, index)
            if current is None or not current.isSameNode(element):
                container.insertBefore(element, current)
        while (extra := child_at(container, len(items))) is not None:
            container.removeChild(extra)

    def _group(self, item: BatchItem, state: AppState) -> Node:
        group = self.groups.get(item.batch_id)
        if group is None:
            group = BatchGroup(item.batch_id, self._batch_action)
            self.groups[item.batch_id] = group
        summary = summarize(item.batch_id, item.jobs)
        jobs = {job.id: job for job in item.jobs}
        group.update(summary, can_cancel=any(self._can_cancel(jobs[job_id]) for job_id in summary.cancelable))
        self._place(group.members, list(item.jobs), state)
        return group.element

    def _job_card(self, job: JobRecord, state: AppState) -> Node:
        now = self._now()
        card = self.cards.get(job.id)
        if card is None:
            card = JobCard(self.ctx, job, self._action)
            self.cards[job.id] = card
        provider = self.ctx.provider_of(job.provider_id)
        note = lock_note(job, state.vaults) or state.job_notes.get(job.id, "")
        if not note and not job.status.terminal and not self._can_cancel(job):
            note = tr("queue.no_cancel", provider=provider.label)
        card.update(job, self._card(job, state, now), note, provider.label)
        return card.element

    def _card(self, job: JobRecord, state: AppState, now: float) -> Card:
        provider = self.ctx.provider_of(job.provider_id)
        return build_card(
            job,
            now=now,
            samples=state.progress_samples.get(job.id, ()),
            transfer=state.transfers.get(job.id),
            polling=state.poller_role is PollerRole.POLLING,
            fetching=job.id in state.fetching,
            can_cancel=self._can_cancel(job),
            partial=state.partial_downloads.get(job.id),
            overdue_note=overdue_note(provider.job_deadline_s, provider.label),
        )

    def _can_cancel(self, job: JobRecord) -> bool:
        provider = self.ctx.provider_of(job.provider_id)
        return unsent(job) or provider.can(Operation.CANCEL) or provider.can(Operation.DELETE)

    def _render_status(self, state: AppState) -> None:
        if not state.online:
            text = tr("queue.offline")
        elif paused_by_lock(state.jobs, state.vaults):
            text = locked_text()
        elif state.poller_role is PollerRole.UNAVAILABLE:
            text = tr("queue.poller_failed", error=state.poller_error)
        elif state.poller_role is PollerRole.RETRYING:
            text = tr(
                "queue.poller_retrying",
                error=state.poller_error,
                attempt=state.poller_attempt,
                attempts=WORKER_START_ATTEMPTS,
            )
        else:
            role = ROLE_TEXT.get(state.poller_role, "")
            text = tr(role) if role else ""
        set_text(self.status, text)
        self.status.hidden = not text

    def _tick(self) -> None:
        state = self.ctx.store.state
        now = self._now()
        for job_id, card in self.cards.items():
            job = state.jobs.get(job_id)
            if job is not None and not job.status.terminal:
                card.tick(self._card(job, state, now))

    def _now(self) -> float:
        return time.time()

    # -- intents -------------------------------------------------------------------------------
    def _toggle_archived(self, _event: Any) -> None:
        self.show_archived = not self.show_archived
        self.archived_toggle.setAttribute("aria-pressed", "true" if self.show_archived else "false")
        self._refresh(self.ctx.store.state)

    def _action(self, action: str, job_id: str) -> None:
        intents: dict[str, Callable[[Controller], Awaitable[Any]]] = {
            "cancel": lambda c: c.queue.cancel(job_id),
            "download": lambda c: c.queue.fetch_files(job_id),
            "resume": lambda c: c.queue.fetch_files(job_id),  # from the first missing byte
            "check": lambda c: c.queue.check_again(job_id),  # past its deadline: look once more
            "retry": lambda c: c.queue.retry(job_id),
            "edit": lambda c: c.jobs.edit(job_id),
            "archive": lambda c: c.queue.archive(job_id, True),
            "unarchive": lambda c: c.queue.archive(job_id, False),
            "remove": lambda c: c.queue.remove(job_id),
        }
        if action in ("retry-blocked", "retry-unconfirmed"):
            self._confirm_retry(action, job_id)
            return
        intent = intents.get(action)
        if intent is not None:
            self.ctx.run(self.ctx.intents.do(intent))

    def _batch_action(self, action: str, batch_id: str) -> None:
        if action == "retry":
            self.ctx.run(self._retry_batch(batch_id))
            return
        confirm(
            tr("batch.cancel_all.title"),
            tr("batch.cancel_all.text"),
            tr("batch.cancel_all.confirm"),
            lambda _option: self.ctx.run(self._cancel_batch(batch_id)),
        )

    async def _cancel_batch(self, batch_id: str) -> None:
        problems = await self.ctx.intents.do(lambda c: c.cancel_batch(batch_id))
        if problems:
            toast(tr("batch.cancel_all.problems", problems=" ".join(problems)), kind="error")

    async def _retry_batch(self, batch_id: str) -> None:
        again = await self.ctx.intents.do(lambda c: c.retry_batch(batch_id))
        toast(tr("batch.retried", count=len(again)))

    def _confirm_retry(self, action: str, job_id: str) -> None:
        if action == "retry-blocked":
            title, text = tr("queue.retry_blocked.title"), tr("queue.retry_blocked.text")
        else:
            title, text = tr("queue.retry_unconfirmed.title"), tr("queue.retry_unconfirmed.text")
        confirm(
            title,
            text,
            tr("queue.send_again"),
            lambda _remote: self.ctx.run(self.ctx.intents.do(lambda c: c.queue.retry(job_id))),
        )

    def close(self) -> None:
        for card in self.cards.values():
            card.close()
        self.cards.clear()
        for group in self.groups.values():
            group.close()
        self.groups.clear()
        super().close()
