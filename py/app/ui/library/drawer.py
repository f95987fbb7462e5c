"""The detail drawer of one video: player, scrub preview, facts, edits and file actions."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from app.browser.dom import Node, h, set_text
from app.browser.files import copy_text
from app.core.i18n import tr
from app.ui.context import UiContext
from app.ui.dialogs import Dialog
from app.ui.forms import Field, button, text_input
from app.ui.icons import icon
from app.ui.library import file_actions
from app.ui.library.chain import ChainPlayer, continue_section
from app.ui.library.download_menu import DownloadMenu
from app.ui.library.drawer_facts import fact_row, facts
from app.ui.library.follow_ups import extend_section, remix_section
from app.ui.library.scrub_preview import ScrubPreview
from app.ui.toasts import toast

if TYPE_CHECKING:
    from app.core.job_record import JobRecord


class Drawer:
    """Opens as a modal side panel (focus moves in, Escape closes, focus returns)."""

    def __init__(self, ctx: UiContext, job: JobRecord, *, on_close: Callable[[], None]) -> None:
        self.ctx = ctx
        self.job = job
        self.dialog = Dialog("drawer-title", on_close=self._closed)
        self._on_close = on_close
        self._assets: list[str] = []
        self.scope = self.dialog.scope
        self.dialog.element.classList.add("drawer")
        self.autoplay = False
        self.provider = ctx.provider_of(job.provider_id)
        self.chain = ChainPlayer(ctx, job, self.scope, self._assets.append)

    def _run(self, make: Callable[[], Awaitable[Any]]) -> Callable[[Any], None]:
        return lambda _event: self.ctx.run(make())

    # -- building --------------------------------------------------------------------------------
    def open(self) -> None:
        job = self.job
        s = self.scope
        self.player = h("div", {"class_": "drawer-player"}, icon("film", size=40))
        self.scrub = (
            ScrubPreview(s, job.seconds, video=lambda: getattr(self, "video", None))
            if "spritesheet" in job.assets
            else None
        )
        self.title_field = Field(
            "drawer-title-input", tr("drawer.title"), text_input("title", value=job.title, maxlength="120")
        )
        self.tags_field = Field(
            "drawer-tags", tr("bulk.tag.field"), text_input("tags", value=", ".join(job.tags)), hint=tr("bulk.tag.hint")
        )
        self.folder_field = Field(
            "drawer-folder", tr("bulk.folder.field"), text_input("folder", value=job.folder, maxlength="60")
        )
        self.delete_remote = h("input", {"type": "checkbox", "id": "drawer-delete-remote"})
        content = h(
            "div",
            {"class_": "drawer-body"},
            h(
                "div",
                {"class_": "drawer-head"},
                h("h2", {"id": "drawer-title", "dir": "auto"}, job.display_title),
                h(
                    "button",
                    {
                        "type": "button",
                        "class_": "btn small",
                        "aria_label": tr("common.close"),
                        "on_click": self._close,
                    },
                    icon("close", size=16),
                    scope=s,
                ),
            ),
            self.player,
            self.scrub.node if self.scrub is not None else None,
            h(
                "div",
                {"class_": "row drawer-actions"},
                button(tr("drawer.rerun"), self._run(self._rerun), s, kind="primary"),
                DownloadMenu(
                    s,
                    download=self._run(lambda: file_actions.download(self.ctx.intents, [self.job])),
                    others=(
                        (tr("drawer.save_as"), self._run(lambda: file_actions.save_as(self.ctx.intents, self.job))),
                        (tr("drawer.copy_file"), self._run(lambda: file_actions.copy_file(self.ctx.intents, self.job))),
                        (
                            tr("drawer.to_folder"),
                            self._run(lambda: file_actions.to_folder(self.ctx.intents, [self.job])),
                        ),
                    ),
                ).element,
            ),
            h(
                "section",
                {"class_": "drawer-section", "aria_labelledby": "drawer-prompt-title"},
                h(
                    "div",
                    {"class_": "section-head"},
                    h("h3", {"id": "drawer-prompt-title"}, tr("drawer.prompt")),
                    button(tr("drawer.copy_prompt"), self._copy_prompt, s, kind="small"),
                ),
                h("p", {"class_": "drawer-prompt", "dir": "auto"}, job.prompt),
            ),
            h("dl", {"class_": "kv-list drawer-facts"}, [fact_row(k, v) for k, v in self._facts()]),
            self._request_section(),
            h(
                "section",
                {"class_": "drawer-section", "aria_labelledby": "drawer-edit-title"},
                h("h3", {"id": "drawer-edit-title"}, tr("drawer.edit")),
                self.title_field.node,
                self.tags_field.node,
                self.folder_field.node,
                button(tr("drawer.save"), self._run(self._save), s, kind="small"),
            ),
            remix_section(self.ctx, job, self.provider, s, self._run),
            extend_section(self.ctx, job, self.provider, s, self._run),
            continue_section(job, self.provider, s, self._run(self._continue)),
            self.chain.section(self._run(self._play_chain)),
            h(
                "section",
                {"class_": "drawer-section danger-zone", "aria_labelledby": "drawer-delete-title"},
                h("h3", {"id": "drawer-delete-title"}, tr("tile.action.delete")),
                h(
                    "div",
                    {"class_": "check-row"},
                    self.delete_remote,
                    h("label", {"for_": "drawer-delete-remote"}, tr("drawer.delete.remote")),
                ),
                button(tr("drawer.delete"), self._run(self._delete), s, kind="danger"),
            ),
        )
        self.dialog.open(content)
        self.ctx.run(self._load_media())

    def _facts(self) -> list[tuple[str, str]]:
        rows = facts(self.job, self.provider)
        jobs = self.ctx.store.state.jobs
        for label, link in ((tr("drawer.extends"), self.job.extends), (tr("drawer.continues"), self.job.continues)):
            source = jobs.get(link or "")
            if source is not None:
                rows.append((label, source.display_title))
        return rows

    def _request_section(self) -> Node | None:
        """The request exactly as it was sent (no key; images described), for support and reruns."""
        if not self.job.request:
            return None
        text = json.dumps(self.job.request, indent=2, ensure_ascii=False)
        return h(
            "details",
            {"class_": "drawer-section request"},
            h("summary", None, tr("drawer.request")),
            h("pre", {"class_": "request-json selectable", "tabindex": "0"}, text),
        )

    async def _load_media(self) -> None:
        media = self.ctx.media
        job = self.job
        poster = None
        if "thumbnail" in job.assets:
            poster = await media.acquire(job.assets["thumbnail"])
            self._assets.append(job.assets["thumbnail"])
        if self.scrub is not None:
            sheet = await media.acquire(job.assets["spritesheet"])
            self._assets.append(job.assets["spritesheet"])
            self.scrub.show_sheet(sheet)
        if "video" not in job.assets:
            self.player.replaceChildren(h("p", None, tr("drawer.no_video")))
            return
        url = await media.acquire(job.assets["video"])
        self._assets.append(job.assets["video"])
        attrs = {"src": url, "controls": True, "playsinline": True, "preload": "metadata", "class_": "drawer-video"}
        if poster:
            attrs["poster"] = poster
        self.video = h("video", {**attrs, "aria_label": tr("drawer.video", title=job.display_title)})
        self.player.replaceChildren(self.video)
        if self.autoplay:
            self.video.focus()
            self.video.play()

    # -- intents ---------------------------------------------------------------------------------
    async def _rerun(self) -> None:
        """Close the drawer, then open New Render with this video's parameters."""
        self.dialog.close()
        job_id = self.job.id
        await self.ctx.intents.do(lambda c: c.jobs.edit(job_id))

    async def _continue(self) -> None:
        """Close the drawer, then open New Render from this clip's last frame."""
        self.dialog.close()
        job_id = self.job.id
        await self.ctx.intents.do(lambda c: c.jobs.continue_clip(job_id))

    async def _play_chain(self) -> None:
        video = getattr(self, "video", None)
        if video is None:
            video = self.video = h("video", {"controls": True, "playsinline": True, "class_": "drawer-video"})
            self.player.replaceChildren(video)
        video.setAttribute("aria-label", tr("drawer.video.chain"))
        video.removeAttribute("poster")
        await self.chain.play(video)

    def _copy_prompt(self, _event: Any) -> None:
        async def copy() -> None:
            await copy_text(self.job.prompt)
            toast(tr("drawer.prompt_copied"))

        self.ctx.run(copy())

    async def _save(self) -> None:
        job_id = self.job.id
        title, tags, folder = self.title_field.value, self.tags_field.value, self.folder_field.value
        await self.ctx.intents.do(lambda c: c.library.rename(job_id, title))
        await self.ctx.intents.do(lambda c: c.library.set_tags(job_id, tags))
        await self.ctx.intents.do(lambda c: c.library.set_folder([job_id], folder))
        self.job = self.ctx.store.state.jobs.get(job_id) or self.job
        set_text(self.dialog.element.querySelector("#drawer-title"), self.job.display_title)
        toast(tr("drawer.saved"))

    async def _delete(self) -> None:
        remote, job_id = bool(self.delete_remote.checked), self.job.id
        problems = await self.ctx.intents.do(lambda c: c.library.delete([job_id], remote=remote))
        self.dialog.close()
        toast(tr("drawer.deleted") if not problems else tr("drawer.deleted_here", problem=problems[0]))

    def _close(self, _event: Any = None) -> None:
        self.dialog.close()

    def _closed(self) -> None:
        media = self.ctx.media
        for asset_id in self._assets:
            media.release(asset_id)
        self._assets.clear()
        self._on_close()
