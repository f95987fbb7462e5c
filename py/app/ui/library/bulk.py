"""What the library does to several videos at once: download, export, tag, folder, delete.

The bar shows while something is selected; deleting asks first (optionally on the API
too); an export shows its progress in the bar. The view supplies the selection (in
display order) and clears it when told.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.browser import files
from app.browser.dom import Node, Scope, h, set_text
from app.core.errors import AppError
from app.core.i18n import tr
from app.core.messages import describe
from app.ui.backup_progress import BackupProgressBar
from app.ui.context import UiContext
from app.ui.library import file_actions
from app.ui.library.prompts import ask_text, confirm
from app.ui.toasts import toast

if TYPE_CHECKING:
    from app.core.job_record import JobRecord


def actions() -> tuple[tuple[str, str, str], ...]:
    """(action, its button's words, its button's look), in the bar's order."""
    return (
        ("download", tr("tile.action.download"), ""),
        ("export", tr("bulk.export"), ""),
        ("tag", tr("bulk.tag"), ""),
        ("folder", tr("bulk.folder"), ""),
        ("delete", tr("tile.action.delete"), "danger-quiet"),
        ("clear", tr("bulk.clear"), ""),
    )


class BulkActions:
    def __init__(
        self,
        ctx: UiContext,
        scope: Scope,
        *,
        selected: Callable[[], list[JobRecord]],
        clear: Callable[[], None],
    ) -> None:
        self.ctx = ctx
        self._selected = selected
        self._clear = clear
        self.label = h("span", {"class_": "bulk-count"})
        self.progress = BackupProgressBar("bulk-export")  # the selection's export, as Settings shows one
        self.element: Node = h(
            "div",
            {"class_": "lib-bulk", "role": "toolbar", "aria_label": tr("bulk.label"), "hidden": True},
            self.label,
            *[
                h(
                    "button",
                    {"type": "button", "class_": f"btn small {kind}".strip(), "on_click": self._handler(action)},
                    label,
                    scope=scope,
                )
                for action, label, kind in actions()
            ],
            self.progress.node,
        )

    def show(self, count: int) -> None:
        self.element.hidden = count == 0
        set_text(self.label, tr("bulk.count", count=count))

    def _handler(self, action: str) -> Callable[[Any], None]:
        def handler(_event: Any) -> None:
            jobs = self._selected()
            ids = [j.id for j in jobs]
            if action == "clear" or not jobs:
                self._clear()
            elif action == "download":
                self.ctx.run(file_actions.download(self.ctx.intents, jobs))
            elif action == "export":
                self.ctx.run(self._exported(ids))
            elif action == "delete":
                self.confirm_delete(ids)
            elif action == "tag":
                ask_text(
                    tr("bulk.tag.title", count=len(ids)),
                    tr("bulk.tag.field"),
                    "",
                    tr("bulk.tag"),
                    lambda tags: self.ctx.run(self._tagged(ids, tags)),
                    hint=tr("bulk.tag.hint"),
                )
            elif action == "folder":
                ask_text(
                    tr("bulk.folder.title", count=len(ids)),
                    tr("bulk.folder.field"),
                    "",
                    tr("bulk.folder.go"),
                    lambda name: self.ctx.run(self._moved(jobs, name)),
                    hint=tr("bulk.folder.hint"),
                )

        return handler

    async def _exported(self, ids: list[str]) -> None:
        """A bundle of these videos with their files (importable elsewhere); no keys, no settings."""
        from app.ui.backup_export import export_bundle, export_words  # with pydantic, after the first screen

        try:
            report = await export_bundle(self.ctx.intents, job_ids=ids)
        except AppError as exc:
            self.progress.hide()
            toast(f"{tr('export.not_finished')} {describe(exc).detail or exc}", kind="error")
            return
        if report is None:
            toast(tr("export.cancelled"))
            return
        self.progress.finish(tr("export.saved_as", name=report.name))
        toast(export_words(report))

    async def _tagged(self, ids: list[str], tags: str) -> None:
        count = await self.ctx.intents.do(lambda c: c.library.add_tags(ids, tags))
        toast(tr("bulk.tagged", count=count))

    async def _moved(self, jobs: list[JobRecord], name: str) -> None:
        if files.ExportFolder.supported():  # first, while the click still counts as the user's gesture
            await file_actions.to_folder(self.ctx.intents, jobs)
        else:
            toast(tr("bulk.no_folder"))
        ids = [j.id for j in jobs]
        count = await self.ctx.intents.do(lambda c: c.library.set_folder(ids, name))
        toast(tr("bulk.moved", count=count, folder=name.strip() or tr("bulk.no_folder_name")))

    def confirm_delete(self, ids: list[str]) -> None:
        count = len(ids)

        def go(remote: bool) -> None:
            async def delete() -> None:
                problems = await self.ctx.intents.do(lambda c: c.library.delete(ids, remote=remote))
                self._clear()
                refused = tr("bulk.api_refused", problem=problems[0]) if problems else ""
                toast(tr("bulk.deleted", count=count) + refused)

            self.ctx.run(delete())

        confirm(
            tr("bulk.delete.title", count=count),
            tr("bulk.delete.text", count=count),
            tr("bulk.delete.go", count=count),
            go,
            option=tr("bulk.delete.remote"),
        )
