"""Storage: what we store by kind, what the browser reports, persistence, clean-up, reset."""

from __future__ import annotations

from typing import Any

from app.browser.dom import Node, Scope, h, replace_children, set_text
from app.core.i18n import fmt_bytes, tr
from app.core.state import AppState
from app.core.storage_report import StorageReport
from app.ui.context import UiContext
from app.ui.dialogs import Dialog, dialog_body
from app.ui.forms import Field, button, text_input
from app.ui.settings.section import Section, card
from app.ui.toasts import toast

RESET_WORD = "RESET"


def _row(label: str, value: str) -> Node:
    return h("div", {"class_": "kv"}, h("dt", None, label), h("dd", None, value))


class StorageSection(Section):
    def __init__(self, ctx: UiContext, scope: Scope) -> None:
        super().__init__(ctx, scope)
        self.summary = h("dl", {"class_": "kv-list", "id": "storage-summary"})
        self.persist_note = h("p", {"id": "persist-status", "class_": "muted small"})
        self.persist_btn = button(tr("storage.persist.request"), self._on_persist, scope)
        self.node = card(
            "storage",
            tr("storage.title"),
            h("p", {"class_": "muted small"}, tr("storage.lead")),
            self.summary,
            h("div", {"class_": "row"}, self.persist_btn, self.persist_note),
            h("h3", None, tr("storage.clean_up")),
            h(
                "div",
                {"class_": "row"},
                button(tr("storage.purge"), self._on_purge, scope),
                button(tr("storage.thumbnails"), self._on_thumbnails, scope),
                button(tr("storage.reset"), self._on_reset, scope, kind="danger"),
            ),
        )

    def update(self, state: AppState, old: AppState) -> None:
        if state.storage is not None and state.storage != old.storage:
            self._render(state.storage)

    def _render(self, report: StorageReport) -> None:
        browser = tr("storage.unknown")
        if report.usage is not None:
            browser = fmt_bytes(report.usage)
            if report.quota:
                browser = tr("storage.of_quota", used=browser, quota=fmt_bytes(report.quota))
        replace_children(
            self.summary,
            _row(tr("storage.videos"), fmt_bytes(report.videos)),
            _row(tr("storage.images"), fmt_bytes(report.images)),
            _row(tr("storage.thumbs"), fmt_bytes(report.thumbnails)),
            _row(tr("storage.total"), fmt_bytes(report.ours)),
            _row(tr("storage.browser"), browser),
        )
        set_text(self.persist_note, tr("storage.persist.granted" if report.persisted else "storage.persist.not"))
        self.persist_btn.hidden = report.persisted

    def _on_persist(self, _event: Any) -> None:
        async def run() -> None:
            granted = await self.ctx.intents.do(lambda c: c.request_persistent_storage())
            toast(tr("storage.persist.toast_yes" if granted else "storage.persist.toast_no"))

        self.ctx.run(run())

    def _on_purge(self, _event: Any) -> None:
        async def run() -> None:
            count = await self.ctx.intents.do(lambda c: c.jobs.purge_failed())
            toast(tr("storage.purged", count=count) if count else tr("storage.purged_none"))

        self.ctx.run(run())

    def _on_thumbnails(self, _event: Any) -> None:
        async def run() -> None:
            count = await self.ctx.intents.do(lambda c: c.library.delete_all_thumbnails())
            await self.ctx.intents.do(lambda c: c.refresh_storage())
            toast(tr("storage.thumbs_deleted", count=count))

        self.ctx.run(run())

    def _on_reset(self, _event: Any) -> None:
        dialog = Dialog("reset-title")
        confirm = Field("reset-confirm", tr("storage.reset.type", word=RESET_WORD), text_input("reset_confirm"))
        go = button(tr("storage.reset.go"), lambda _e: None, dialog.scope, kind="danger", disabled=True)

        def typed(_e: Any) -> None:
            go.disabled = confirm.value.strip() != RESET_WORD

        def reset(_e: Any) -> None:
            if confirm.value.strip() != RESET_WORD:
                return
            dialog.close()
            self.ctx.run(self.ctx.intents.do(lambda c: c.hard_reset()))

        dialog.scope.on(confirm.control, "input", typed)
        dialog.scope.on(go, "click", reset)
        dialog.open(
            dialog_body(
                "reset-title",
                tr("storage.reset.title"),
                h("p", None, tr("storage.reset.text")),
                confirm.node,
            ),
            h(
                "div",
                {"class_": "dialog-actions"},
                button(tr("common.cancel"), lambda _e: dialog.close(), dialog.scope, kind="ghost"),
                go,
            ),
        )
        confirm.control.focus()
