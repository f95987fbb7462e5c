"""Storage: what we store by kind, what the browser reports, persistence, clean-up, reset."""

from __future__ import annotations

from typing import Any

from app.browser.dom import Node, Scope, h, replace_children, set_text
from app.core.state import AppState
from app.core.storage_report import StorageReport, format_bytes
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
        self.persist_btn = button("Request persistent storage", self._on_persist, scope)
        self.node = card(
            "storage",
            "Storage",
            h(
                "p",
                {"class_": "muted small"},
                "Videos, images and records live in this browser's storage for this site. Browsers may clear "
                "non-persistent storage when the disk runs low.",
            ),
            self.summary,
            h("div", {"class_": "row"}, self.persist_btn, self.persist_note),
            h("h3", None, "Clean up"),
            h(
                "div",
                {"class_": "row"},
                button("Purge failed jobs", self._on_purge, scope),
                button("Delete all thumbnails", self._on_thumbnails, scope),
                button("Hard-reset app", self._on_reset, scope, kind="danger"),
            ),
        )

    def update(self, state: AppState, old: AppState) -> None:
        if state.storage is not None and state.storage != old.storage:
            self._render(state.storage)

    def _render(self, report: StorageReport) -> None:
        browser = "unknown"
        if report.usage is not None:
            browser = format_bytes(report.usage)
            if report.quota:
                browser += f" of {format_bytes(report.quota)} available to this site"
        replace_children(
            self.summary,
            _row("Videos", format_bytes(report.videos)),
            _row("Images", format_bytes(report.images)),
            _row("Thumbnails", format_bytes(report.thumbnails)),
            _row("Total (this app's records)", format_bytes(report.ours)),
            _row("Browser estimate", browser),
        )
        set_text(
            self.persist_note,
            "Persistent storage: granted — the browser will not clear it on its own."
            if report.persisted
            else "Persistent storage: not granted — the browser may clear data under storage pressure.",
        )
        self.persist_btn.hidden = report.persisted

    def _on_persist(self, _event: Any) -> None:
        async def run() -> None:
            granted = await self.ctx.intents.do(lambda c: c.request_persistent_storage())
            toast("Persistent storage granted." if granted else "The browser did not grant persistent storage.")

        self.ctx.run(run())

    def _on_purge(self, _event: Any) -> None:
        async def run() -> None:
            count = await self.ctx.intents.do(lambda c: c.purge_failed_jobs())
            toast(f"Purged {count} failed job{'s' if count != 1 else ''}." if count else "No failed jobs to purge.")

        self.ctx.run(run())

    def _on_thumbnails(self, _event: Any) -> None:
        async def run() -> None:
            count = await self.ctx.intents.do(lambda c: c.library.delete_all_thumbnails())
            await self.ctx.intents.do(lambda c: c.refresh_storage())
            toast(f"Deleted {count} thumbnail(s). The library draws them again from the videos when it shows them.")

        self.ctx.run(run())

    def _on_reset(self, _event: Any) -> None:
        dialog = Dialog("reset-title")
        confirm = Field("reset-confirm", f"Type {RESET_WORD} to confirm", text_input("reset_confirm"))
        go = button("Delete everything", lambda _e: None, dialog.scope, kind="danger", disabled=True)

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
                "Hard-reset Sora Renderer?",
                h(
                    "p",
                    None,
                    "This deletes everything this app stores in this browser: the API key, settings, "
                    "jobs, and every video and image in the library. It cannot be undone.",
                ),
                confirm.node,
            ),
            h(
                "div",
                {"class_": "dialog-actions"},
                button("Cancel", lambda _e: dialog.close(), dialog.scope, kind="ghost"),
                go,
            ),
        )
        confirm.control.focus()
