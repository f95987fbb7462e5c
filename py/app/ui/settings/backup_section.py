"""Backup: export everything to one bundle (keys only if asked, encrypted), import a bundle.

Progress comes from the store (``state.backup``, shown by ``ui/backup_progress.py``), and
the end is announced. A refused bundle lists every problem in an alert.
"""

from __future__ import annotations

from typing import Any

from app.browser.byte_ranges import BlobSource
from app.browser.dom import Node, Scope, announce, h, replace_children, set_text
from app.core.bundle.errors import BundleRefusedError
from app.core.errors import AppError, InputError
from app.core.i18n import tr
from app.core.messages import describe
from app.core.state import AppState
from app.ui.backup_progress import BackupProgressBar
from app.ui.context import UiContext
from app.ui.forms import Field, button, check_row, text_input
from app.ui.settings.section import Section, card

MAX_PROBLEMS_SHOWN = 12


def _check_box(field_id: str, label: str, hint: str) -> tuple[Node, Node]:
    box = h("input", {"type": "checkbox", "id": field_id, "aria_describedby": f"{field_id}-hint"})
    row = check_row(box, field_id, label, hint)
    return box, row


class BackupSection(Section):
    def __init__(self, ctx: UiContext, scope: Scope) -> None:
        super().__init__(ctx, scope)
        self.include_keys, keys_row = _check_box(
            "backup-keys",
            tr("backup.keys"),
            tr("backup.keys.hint"),
        )
        scope.on(self.include_keys, "change", self._on_keys_toggled)
        self.passphrase = Field(
            "backup-passphrase",
            tr("backup.passphrase"),
            text_input("bundle_passphrase", kind="password"),
            hint=tr("backup.passphrase.hint"),
        )
        self.confirm = Field(
            "backup-passphrase-confirm",
            tr("backup.passphrase.repeat"),
            text_input("bundle_passphrase_confirm", kind="password"),
        )
        self.key_fields = h(
            "div",
            {"class_": "stack", "id": "backup-key-fields", "hidden": True},
            self.passphrase.node,
            self.confirm.node,
        )
        self.export_btn = button(tr("backup.export.go"), self._on_export, scope, kind="primary", id="backup-export")
        self.file_input = h(
            "input",
            {
                "type": "file",
                "id": "backup-file",
                "accept": ".zip,application/zip",
                "class_": "sr-only",
                "tabindex": "-1",
            },
        )
        scope.on(self.file_input, "change", self._on_file)
        self.import_btn = button(tr("backup.import.go"), lambda _e: self.file_input.click(), scope, id="backup-import")
        self.progress = BackupProgressBar("backup")
        self.result = h("p", {"id": "backup-result", "class_": "small", "hidden": True})
        self.problems = h("div", {"id": "backup-problems", "class_": "notice danger", "role": "alert", "hidden": True})
        self.node = card(
            "backup",
            tr("backup.title"),
            h(
                "p",
                {"class_": "muted small"},
                tr("backup.lead"),
            ),
            h("h3", None, tr("backup.export")),
            keys_row,
            self.key_fields,
            h("div", {"class_": "row"}, self.export_btn),
            h("h3", None, tr("backup.import")),
            h(
                "p",
                {"class_": "muted small"},
                tr("backup.import.lead"),
            ),
            h(
                "div",
                {"class_": "row"},
                self.import_btn,
                h("label", {"for_": "backup-file", "class_": "sr-only"}, tr("backup.file")),
                self.file_input,
            ),
            self.progress.node,
            self.result,
            self.problems,
        )

    # -- progress ---------------------------------------------------------------------------
    def update(self, state: AppState, old: AppState) -> None:
        if state.backup == old.backup:
            return
        running = state.backup is not None
        self.export_btn.disabled = running
        self.import_btn.disabled = running
        self.progress.show(state.backup, old.backup)

    def _show_result(self, text: str) -> None:
        self.problems.hidden = True
        set_text(self.result, text)
        self.result.hidden = False
        announce(text)

    def _show_problems(self, title: str, problems: list[str]) -> None:
        self.result.hidden = True
        shown = problems[:MAX_PROBLEMS_SHOWN]
        more = len(problems) - len(shown)
        replace_children(
            self.problems,
            h(
                "div",
                {"class_": "stack backup-problem-list"},
                h("strong", None, title),
                h(
                    "ul",
                    None,
                    [h("li", None, p) for p in shown],
                    h("li", None, tr("backup.more", count=more)) if more else None,
                ),
            ),
        )
        self.problems.hidden = False

    # -- export -----------------------------------------------------------------------------
    def _on_keys_toggled(self, _event: Any) -> None:
        self.key_fields.hidden = not self.include_keys.checked
        if self.include_keys.checked:
            self.passphrase.control.focus()

    def _on_export(self, _event: Any) -> None:
        self.passphrase.clear()
        self.confirm.clear()
        passphrase: str | None = None
        if self.include_keys.checked:
            passphrase = self.passphrase.value  # its length is checked by the export, before the picker
            if self.confirm.value != passphrase:
                self.confirm.show_error(tr("backup.passphrase.mismatch"))
                self.confirm.control.focus()
                return
        self.ctx.run(self._export(passphrase))

    async def _export(self, passphrase: str | None) -> None:
        from app.ui.backup_export import export_bundle, export_words  # with pydantic, after the first screen

        try:
            report = await export_bundle(self.ctx.intents, passphrase=passphrase)
        except InputError as exc:
            field = self.passphrase if exc.field.startswith("bundle_passphrase") else None
            if field is not None:
                field.show_error(exc.message)
            else:
                self._show_problems(tr("backup.export.not_started"), [exc.message])
            return
        except AppError as exc:
            self._show_problems(tr("export.not_finished"), [describe(exc).detail or str(exc)])
            return
        if report is None:
            self._show_result(tr("export.cancelled"))
            return
        self._show_result(export_words(report))

    # -- import -----------------------------------------------------------------------------
    def _on_file(self, _event: Any) -> None:
        files = self.file_input.files
        if not files.length:
            return
        file = files.item(0)
        self.file_input.value = ""  # the same file can be chosen again
        self.ctx.run(self._open(file))

    async def _open(self, file: Any) -> None:
        from app.ui.settings.import_dialog import ImportDialog  # with pydantic, after the first screen

        name = str(file.name)
        source = BlobSource(file)
        try:
            preview = await self.ctx.intents.do(lambda c: c.imports.open(source, name))
        except BundleRefusedError as exc:
            self._show_problems(tr("backup.refused", name=name), [str(p) for p in exc.problems])
            announce(tr("backup.refused.said", name=name, count=len(exc.problems)))
            return
        except AppError as exc:
            self._show_problems(tr("backup.unreadable", name=name), [describe(exc).detail or str(exc)])
            return
        self.problems.hidden = True
        ImportDialog(self.ctx, preview, on_done=self._show_result).open()
