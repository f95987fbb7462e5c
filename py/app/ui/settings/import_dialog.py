"""The import preview: what a checked bundle adds, merges and skips, before anything is written.

Replacing the settings is a choice (off by default; the table and the warnings follow
it). Keys in the bundle stay out unless its passphrase is typed and they are unlocked
here; each is then listed with its provider, the origin it is bound to and what happens.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.browser.dom import announce, h, replace_children, set_text
from app.browser.local_time import local_datetime
from app.core.bundle.summary import detail_lines, has_changes, summary_rows
from app.core.errors import AppError, InputError
from app.core.i18n import fmt_bytes, tr
from app.core.messages import describe
from app.core.stores import SETTINGS
from app.ui.context import UiContext
from app.ui.dialogs import Dialog, dialog_body
from app.ui.forms import Field, button, data_table, text_input

if TYPE_CHECKING:  # the bundle code loads with pydantic, after the first screen
    from app.services.bundle_import import ImportPreview, OpenedKeys


class ImportDialog:
    def __init__(self, ctx: UiContext, preview: ImportPreview, *, on_done: Callable[[str], None]) -> None:
        self.ctx = ctx
        self.preview = preview
        self.on_done = on_done
        self.opened: OpenedKeys | None = None
        self.dialog = Dialog("import-title")
        scope = self.dialog.scope
        self.settings_box = h(
            "input", {"type": "checkbox", "id": "import-settings", "aria_describedby": "import-settings-hint"}
        )
        scope.on(self.settings_box, "change", lambda _e: self._render_plan())
        self.table = h("div", {"id": "import-table"})
        self.warnings = h("div", {"class_": "stack", "id": "import-warnings", "aria_live": "polite"})
        self.details = h("div", {"id": "import-details"})
        self.keys_area = h("div", {"class_": "stack", "id": "import-keys"})
        self.error = h("p", {"id": "import-error", "class_": "field-error", "role": "alert", "hidden": True})
        self.go = button(tr("import.go"), self._on_import, scope, kind="primary", id="import-go")
        self.cancel = button(tr("common.cancel"), lambda _e: self.dialog.close(), scope, kind="ghost")

    def open(self) -> None:
        manifest = self.preview.bundle.manifest
        facts = tr(
            "import.facts",
            name=self.preview.name,
            size=fmt_bytes(self.preview.source.size),
            made=local_datetime(manifest.created_at),
            version=manifest.app_version,
            holding=tr("import.scope.selection") if manifest.scope == "selection" else tr("import.scope.everything"),
        )
        settings_row = h(
            "div",
            {"class_": "check-row"},
            self.settings_box,
            h(
                "div",
                None,
                h("label", {"for_": "import-settings"}, tr("import.settings")),
                h(
                    "p",
                    {"id": "import-settings-hint", "class_": "field-hint"},
                    tr("import.settings.hint"),
                ),
            ),
        )
        has_settings = any(i.store == SETTINGS for i in self.preview.plan().items)
        self.dialog.open(
            dialog_body(
                "import-title",
                tr("import.title"),
                h("p", {"class_": "muted small", "id": "import-facts"}, facts),
                self.table,
                settings_row if has_settings else None,
                self.warnings,
                self.keys_area,
                self.details,
                self.error,
            ),
            h("div", {"class_": "dialog-actions"}, self.cancel, self.go),
        )
        self.dialog.element.classList.add("import-dialog")
        self._render_plan()
        self._render_keys()
        (self.settings_box if has_settings else self.go).focus()

    # -- the plan ---------------------------------------------------------------------------
    def _render_plan(self) -> None:
        plan = self.preview.plan(replace_settings=bool(self.settings_box.checked))
        rows = [(r.label, r.added, r.merged, r.skipped) for r in summary_rows(plan)]
        replace_children(
            self.table,
            data_table(
                tr("import.table"),
                (tr("import.col.what"), tr("import.col.added"), tr("import.col.merged"), tr("import.col.skipped")),
                rows,
            ),
        )
        warnings = [w for w in plan.warnings if "encrypted API key" not in w]
        replace_children(self.warnings, [h("p", {"class_": "notice warn"}, w) for w in warnings])
        lines, more = detail_lines(plan, self.preview.titles)
        if lines:
            items = [h("li", None, line) for line in lines] + (
                [h("li", None, tr("backup.more", count=more))] if more else []
            )
            replace_children(
                self.details,
                h(
                    "details",
                    {"class_": "advanced"},
                    h("summary", None, tr("import.details", count=len(lines) + more)),
                    h("ul", {"class_": "small"}, items),
                ),
            )
        else:
            replace_children(self.details)
        changes = has_changes(plan) or bool(self.opened and self.opened.to_add())
        set_text(self.go, tr("import.go") if changes else tr("import.nothing"))
        self.go.disabled = not changes

    # -- keys -------------------------------------------------------------------------------
    def _render_keys(self) -> None:
        if self.preview.bundle.keys is None:
            return
        if self.opened is not None:
            rows = [
                (
                    self._provider_name(d.provider_id),
                    d.origin,
                    tr("import.key.added" if d.add else "import.key.skipped"),
                    d.reason,
                )
                for d in self.opened.decisions
            ]
            replace_children(
                self.keys_area,
                h("h3", None, tr("import.keys")),
                data_table(
                    tr("import.keys.table"),
                    (tr("facts.provider"), tr("import.col.bound_to"), tr("import.col.result"), tr("import.col.why")),
                    rows,
                ),
            )
            return
        passphrase = Field(
            "import-passphrase",
            tr("import.passphrase"),
            text_input("bundle_passphrase", kind="password"),
            hint=tr("import.passphrase.hint"),
        )
        unlock = button(
            tr("import.unlock"),
            lambda _e: self.ctx.run(self._unlock(passphrase)),
            self.dialog.scope,
            id="import-unlock",
        )
        self.dialog.scope.on(passphrase.control, "keydown", lambda e: self._enter(e, passphrase))
        replace_children(
            self.keys_area, h("h3", None, tr("import.keys")), passphrase.node, h("div", {"class_": "row"}, unlock)
        )

    def _provider_name(self, provider_id: str) -> str:
        providers = self.ctx.providers
        return providers.get(provider_id).name if providers.knows(provider_id) else provider_id

    def _enter(self, event: Any, passphrase: Field) -> None:
        if str(event.key) == "Enter":
            event.preventDefault()
            self.ctx.run(self._unlock(passphrase))

    async def _unlock(self, passphrase: Field) -> None:
        passphrase.clear()
        typed = passphrase.value
        try:
            self.opened = await self.ctx.intents.do(lambda c: c.imports.open_keys(self.preview, typed))
        except AppError as exc:
            passphrase.show_error(exc.message if isinstance(exc, InputError) else str(exc))
            passphrase.control.focus()
            return
        self._render_keys()
        self._render_plan()
        announce(tr("import.unlocked", count=len(self.opened.keys)))
        self.go.focus()

    # -- import -----------------------------------------------------------------------------
    def _on_import(self, _event: Any) -> None:
        self.go.disabled = True
        self.cancel.disabled = True
        self.ctx.run(self._import(bool(self.settings_box.checked)))

    async def _import(self, replace_settings: bool) -> None:
        self.error.hidden = True
        try:
            outcome = await self.ctx.intents.do(
                lambda c: c.imports.commit(self.preview, replace_settings=replace_settings, keys=self.opened)
            )
        except AppError as exc:
            set_text(self.error, tr("import.failed", detail=describe(exc).detail or exc))
            self.error.hidden = False
            self.go.disabled = False
            self.cancel.disabled = False
            return
        self.dialog.close()
        self.on_done(tr("import.done", name=self.preview.name, outcome=outcome.text))
